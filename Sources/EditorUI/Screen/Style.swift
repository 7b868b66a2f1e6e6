// Semantic style slots. Views say *what* a cell is (a badge, a heading, the selection);
// a Theme says how that looks at each colour depth. Raw values are the names used by
// theme files.

public enum StyleSlot: String, CaseIterable, Sendable {
    case normal
    case title
    case titleModified = "title-modified"
    case treeLine = "tree-line"
    case selected
    case selectedInactive = "selected-inactive"
    case badgeCurrent = "badge-current"
    /// Current only by observation ("no deprecation known"): weaker than badge-current in every theme.
    case badgeObserved = "badge-observed"
    case badgeUpgradable = "badge-upgradable"
    case badgeManual = "badge-manual"
    case badgeUnknown = "badge-unknown"
    case moduleId = "module-id"
    case label
    case appName = "app-name"
    case connection
    case marker
    case warning
    case error
    case heading
    case detailKey = "detail-key"
    case detailValue = "detail-value"
    case diffAdded = "diff-added"
    case diffRemoved = "diff-removed"
    case diffContext = "diff-context"
    case status
    case statusKey = "status-key"
    case message
    case dialog
    case dialogTitle = "dialog-title"
    case help
    case dim
    case match
    case cursor
}

/// Text attributes that every terminal (and the mono theme) can show.
public struct Attributes: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = Attributes(rawValue: 1 << 0)
    public static let dim = Attributes(rawValue: 1 << 1)
    public static let reverse = Attributes(rawValue: 1 << 2)
    public static let underline = Attributes(rawValue: 1 << 3)

    /// Names used by theme files, in a stable order.
    public static let names: [(String, Attributes)] = [
        ("bold", .bold), ("dim", .dim), ("reverse", .reverse), ("underline", .underline),
    ]
}
