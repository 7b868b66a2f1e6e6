// What the tree shows for each module's version, independent of where the
// answer comes from (the catalog). `CatalogAdapter` fills these in.
import BlueprintKit

public enum BadgeState: String, Sendable, CaseIterable {
    case current, upgradable, manual, unknown
    /// Current version, but fields that version does not have (or missing ones every real module has).
    case needsReview

    public var needsAttention: Bool { self != .current }
}

public struct ModuleBadge: Sendable, Equatable {
    public var state: BadgeState
    public var version: Int?
    public var targetModule: String?
    public var targetVersion: Int?
    /// A readable name such as `HTTP › Make a request (legacy)`.
    public var title: String?
    public var notes: [String]
    /// How the state is known; an observed-only "current" is drawn weaker than a documented one.
    public var basis: Basis
    /// When the module stops working or loses support.
    public var deadline: Deadline?
    /// The deadline is past or within 90 days: the badge carries a warning mark.
    public var urgent: Bool
    /// Where the facts come from (detail pane).
    public var provenance: [String]
    /// A retired field value is the reason (`mapper.model` = …), for the detail pane.
    public var valueChange: String?
    /// Why the module needs review (fields its version does not have, missing fields).
    public var review: [String] = []

    public init(state: BadgeState, version: Int?, targetModule: String? = nil, targetVersion: Int? = nil,
                title: String? = nil, notes: [String] = [], basis: Basis = .documented, deadline: Deadline? = nil,
                urgent: Bool = false, provenance: [String] = [], valueChange: String? = nil) {
        self.state = state; self.version = version; self.targetModule = targetModule
        self.targetVersion = targetVersion; self.title = title; self.notes = notes
        self.basis = state == .unknown ? .unknown : basis
        self.deadline = deadline; self.urgent = urgent; self.provenance = provenance; self.valueChange = valueChange
    }

    /// Sort key for "most urgent first": modules that need review (an upgrade left fields in place:
    /// the scenario may already be broken), then modules with a deadline (earliest first), then by state.
    var urgencyRank: [Int] {
        if state == .needsReview { return [-1, 0, 0] }
        let state: Int
        switch self.state {
        case .manual: state = 0
        case .upgradable: state = 1
        case .unknown: state = 2
        case .needsReview: state = 1
        case .current: state = 3
        }
        guard let d = deadline, let day = CatalogDate.days(from: "2000-01-01", to: d.date) else { return [1, 0, state] }
        return [0, day, state]
    }

    /// `documented`, `by app version`, `observed only`, `unknown`.
    public var basisText: String { basis.text }

    /// Observed only: no deprecation known, but no source says it is current either.
    public var isObservedOnly: Bool { state == .current && basis == .observed }

    /// `v4 ✓`, `v4 ~` (observed only), `v3 → v4`, `v1 ✗`, `v2 ?`; a `!` after it when the deadline is near or past.
    public func text(_ g: Glyphs) -> String {
        let t = baseText(g)
        return urgent ? t + g.warning : t
    }

    private func baseText(_ g: Glyphs) -> String {
        let v = version.map { "v\($0)" } ?? "v-"
        switch state {
        case .current: return "\(v) \(basis == .observed ? g.observed : g.check)"
        case .upgradable:
            // A replacement by another module at the same version number is still a change.
            if let t = targetVersion, t == version, targetModule != nil { return "\(v) \(g.arrow) new" }
            return "\(v) \(g.arrow) \(targetVersion.map { "v\($0)" } ?? "?")"
        case .manual: return "\(v) \(g.cross)"
        case .unknown: return "\(v) ?"
        case .needsReview: return "\(v) \(g.warning)"
        }
    }

    public var slot: StyleSlot {
        switch state {
        case .current: return basis == .observed ? .badgeObserved : .badgeCurrent
        case .upgradable: return .badgeUpgradable
        case .manual: return .badgeManual
        case .unknown: return .badgeUnknown
        case .needsReview: return .warning
        }
    }
}
