// The app-version layer of the catalog. A blueprint's `version` is the app's
// version, not the module's (Make: "Integer matching the app version"; HTTP and
// Gmail switch whole apps between versions), so one entry for (app, version)
// covers every module of that app version; module entries override it. Value
// rules flag a retired value of one field (an AI model id) on any module of an app.

/// How a status is known, weakest last. Shown with every badge.
public enum Basis: String, Sendable, CaseIterable {
    /// A vendor source says this module is current, deprecated or retired.
    case documented
    /// No entry for the module, but a source gives the status of its app version.
    case appVersion = "app version"
    /// Only seen in real public exports; no source marks it deprecated.
    case observed
    /// Nothing is known about the app version.
    case unknown

    /// The key used in `check --json` counts.
    public var jsonKey: String { self == .appVersion ? "appVersion" : rawValue }

    /// `documented`, `by app version`, `observed only`, `unknown`: how check and the editor word it.
    public var text: String {
        switch self {
        case .documented: return "documented"
        case .appVersion: return "by app version"
        case .observed: return "observed only"
        case .unknown: return "unknown"
        }
    }
}

/// Whether an entry states a source's fact or an observation.
public enum EntryBasis: String, Sendable {
    case documented, observed
}

/// An app and one of its versions, e.g. `http` v3.
public struct AppVersionKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var app: String
    public var version: Int?

    public init(_ app: String, _ version: Int?) { self.app = app; self.version = version }

    public static func < (a: AppVersionKey, b: AppVersionKey) -> Bool {
        a.app == b.app ? (a.version ?? -1) < (b.version ?? -1) : a.app < b.app
    }

    public var description: String { "\(app) \(version.map { "v\($0)" } ?? "(no version)")" }

    /// The app of a module name: the part before the first `:` (`google-sheets:addRow` → `google-sheets`).
    public static func app(of module: String) -> Substring {
        guard let c = module.firstIndex(of: ":") else { return Substring(module) }
        return module[..<c]
    }

    /// The module's own name, after the app's `:`.
    public static func name(of module: String) -> Substring {
        guard let c = module.firstIndex(of: ":") else { return Substring(module) }
        return module[module.index(after: c)...]
    }
}

/// Dates an entry can carry (ISO `YYYY-MM` or `YYYY-MM-DD`).
public struct Lifecycle: Sendable, Equatable {
    public var deprecatedSince: String?
    /// After this day the modules no longer run.
    public var stopsWorking: String?
    /// After this day the vendor no longer supports them (they may still run).
    public var unsupportedAfter: String?

    public init(deprecatedSince: String? = nil, stopsWorking: String? = nil, unsupportedAfter: String? = nil) {
        self.deprecatedSince = deprecatedSince; self.stopsWorking = stopsWorking; self.unsupportedAfter = unsupportedAfter
    }

    public var isEmpty: Bool { deprecatedSince == nil && stopsWorking == nil && unsupportedAfter == nil }
}

/// The status of every module of one app version.
public struct AppVersionEntry: Sendable {
    public var key: AppVersionKey
    public var status: CatalogStatus
    public var basis: EntryBasis
    /// For observations: in how many public exports the app version was seen.
    public var seenIn: Int?
    public var title: String?
    public var dates: Lifecycle
    /// The app version that replaces this one, when a source names it.
    public var replacementVersion: Int?
    public var notes: [String]
    public var provenance: [String]
    public var source: String
    public var line: Int
    public var column: Int

    public var app: String { key.app }
    public var version: Int? { key.version }
}

/// What the catalog knows about an app as a whole.
public struct AppInfo: Sendable {
    public var app: String
    /// The app's name as the vendor shows it (`Google Sheets`).
    public var title: String?
    /// Readable module names by module name (`filterRows` → `Search Rows`).
    public var moduleTitles: [String: String]
    /// Shown on every module of the app (deadlines a source gives without module ids or versions).
    public var notes: [String]
    public var provenance: [String]
    public var source: String

    public init(app: String, title: String? = nil, moduleTitles: [String: String] = [:], notes: [String] = [],
                provenance: [String] = [], source: String) {
        self.app = app; self.title = title; self.moduleTitles = moduleTitles; self.notes = notes
        self.provenance = provenance; self.source = source
    }

    /// Another file's facts about the same app: later titles win, names and notes add up.
    mutating func merge(_ o: AppInfo) {
        if let t = o.title { title = t }
        for (k, v) in o.moduleTitles { moduleTitles[k] = v }
        for n in o.notes where !notes.contains(n) { notes.append(n) }
        for p in o.provenance where !provenance.contains(p) { provenance.append(p) }
        source = o.source
    }
}

/// A retired or deprecated value of one field, e.g. an AI model id.
public struct ValueRule: Sendable {
    public var app: String
    /// Module names (after the colon) the rule is limited to; empty = every module of the app.
    public var modules: [String]
    public var version: Int?
    public var field: FieldPath
    public var value: String
    /// The value to set instead; nil when a person must choose.
    public var replacement: String?
    public var status: CatalogStatus
    public var dates: Lifecycle
    public var notes: [String]
    public var provenance: [String]
    public var source: String
    public var line: Int

    /// Whether the rule covers a module (its value is tested separately).
    public func covers(module: String, version v: Int?) -> Bool {
        guard AppVersionKey.app(of: module) == app else { return false }
        if let version, version != v { return false }
        return modules.isEmpty || modules.contains(String(AppVersionKey.name(of: module)))
    }

    /// The same rule: same app, modules, version, field and value.
    func sameTarget(_ o: ValueRule) -> Bool {
        app == o.app && modules == o.modules && version == o.version && field == o.field && value == o.value
    }
}
