// The upgrade status of one module, as the catalog sees it: the badge the
// editor shows and the line `scened check` prints.

public struct ModuleStatus: Sendable, Equatable {
    public enum State: String, Sendable, CaseIterable {
        /// The catalog lists this (module, version) as current.
        case current
        /// Deprecated or retired, with an automatic path to the replacement.
        case upgradable
        /// Deprecated or retired; a person must replace it.
        case manual
        /// In no catalog.
        case unknown
    }

    public var state: State
    /// `http:ActionSendData v3`.
    public var key: ModuleKey
    /// A readable name: the catalog title, or `app › Name`.
    public var title: String
    /// Deprecated or retired, as recorded (nil when unknown).
    public var catalogStatus: CatalogStatus?
    /// The replacement, for upgradable and manual modules.
    public var target: ModuleKey?
    public var targetTitle: String?
    public var deprecatedSince: String?
    public var stopsWorking: String?
    /// Entry and replacement notes.
    public var notes: [String]

    /// True unless current.
    public var needsAttention: Bool { state != .current }

    /// `upgradable → http:MakeRequest v4`, `manual → …`, `current`, `unknown`.
    public var summary: String {
        var s = state.rawValue
        if let t = target { s += " → \(t)" }
        if catalogStatus == .retired { s += " (retired)" }
        return s
    }
}

extension Catalog {
    /// The status of a module: current, upgradable, manual or unknown.
    public func status(of m: Module) -> ModuleStatus {
        let key = ModuleKey(m.moduleName, m.version)
        guard let e = entry(for: m) else {
            return ModuleStatus(state: .unknown, key: key, title: CatalogEntry.defaultTitle(m.moduleName), catalogStatus: nil,
                                target: nil, targetTitle: nil, deprecatedSince: nil, stopsWorking: nil, notes: [])
        }
        var state: ModuleStatus.State
        switch e.status {
        case .current: state = .current
        case .deprecated, .retired: state = e.replacement?.mode == .automatic ? .upgradable : .manual
        }
        let r = e.replacement
        let target = r.map { ModuleKey($0.key.module, $0.key.version) }
        if e.status != .current, r == nil { state = .manual }
        return ModuleStatus(state: state, key: key, title: e.displayName, catalogStatus: e.status, target: target,
                            targetTitle: target.map { entries[$0]?.displayName ?? CatalogEntry.defaultTitle($0.module) },
                            deprecatedSince: e.deprecatedSince, stopsWorking: e.stopsWorking,
                            notes: e.notes + (r?.notes ?? []))
    }
}
