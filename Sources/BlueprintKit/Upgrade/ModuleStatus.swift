// The upgrade status of one module, as the catalog sees it: the badge the
// editor shows and the line `scened check` prints, with how it is known
// (`basis`) and when it stops working.

public struct ModuleStatus: Sendable, Equatable {
    public enum State: String, Sendable, CaseIterable {
        /// No source marks it deprecated (see `basis` for how strongly that is known).
        case current
        /// Deprecated or retired, with an automatic path to the replacement.
        case upgradable
        /// Deprecated or retired; a person must replace it.
        case manual
        /// In no catalog.
        case unknown
        /// Its version is current, but it does not match that version's shape (fields the
        /// version does not have, or missing fields every real one has): left over from an
        /// upgrade or a hand edit; a person must fix or remove them.
        case needsReview
    }

    public var state: State
    /// How the state is known: documented, by app version, observed only, unknown.
    public var basis: Basis
    /// `http:ActionSendData v3`.
    public var key: ModuleKey
    /// A readable name: the catalog title, `App title › Module name`, or `app › Name`.
    public var title: String
    /// Deprecated or retired, as recorded (nil when unknown).
    public var catalogStatus: CatalogStatus?
    /// The replacement module, for upgradable and manual modules (nil when only the app version is known).
    public var target: ModuleKey?
    public var targetTitle: String?
    /// The app version that replaces this one, when only that is known (no module id).
    public var targetAppVersion: Int?
    public var deprecatedSince: String?
    public var stopsWorking: String?
    public var unsupportedAfter: String?
    /// A retired field value behind the status (`mapper.model` = `chatgpt-4o-latest`).
    public var value: ValueChange?
    /// Entry, app and replacement notes.
    public var notes: [String]
    /// Where the facts come from.
    public var provenance: [String]
    /// How the module differs from its version's shape (needs review when not empty).
    public var shapeIssues: [ShapeIssue] = []

    public struct ValueChange: Sendable, Equatable {
        public var field: FieldPath
        public var value: String
        public var replacement: String?
    }

    /// True unless current.
    public var needsAttention: Bool { state != .current }

    /// `upgradable → http:MakeRequest v4`, `manual → …`, `current`, `unknown`.
    public var summary: String {
        var s = state.rawValue
        if let t = target { s += " → \(t)" } else if let v = targetAppVersion { s += " → \(AppVersionKey.app(of: key.module)) v\(v)" }
        if catalogStatus == .retired { s += " (retired)" }
        return s
    }

    /// `documented`, `by app version`, `observed only`, `unknown`.
    public var basisText: String { basis.text }
}

extension Catalog {
    /// The status of a module in its document: the module's own entry, else its app version's,
    /// then any retired field value it holds.
    public func status(of m: Module, in doc: JSONDocument) -> ModuleStatus {
        var s = baseStatus(module: m.moduleName, version: m.version)
        if let rule = valueRule(for: m, in: doc) { applyValue(rule, m, &s) }
        if s.state == .current {
            let issues = shapeIssues(moduleNode: m.node, in: doc, key: s.key)
            if !issues.isEmpty {
                s.state = .needsReview
                s.shapeIssues = issues
            }
        }
        return s
    }

    /// The status by module name and version alone: field values (value rules) are not looked at.
    public func status(of m: Module) -> ModuleStatus { baseStatus(module: m.moduleName, version: m.version) }

    /// The status of a (module, version) by name alone (no field values).
    public func status(module: String, version: Int?) -> ModuleStatus { baseStatus(module: module, version: version) }

    /// The readable name of a module: catalog title, else `App › Module name` from the app entry, else `app › Name`.
    public func displayName(module: String) -> String {
        let app = String(AppVersionKey.app(of: module))
        guard let info = appInfo(app), info.title != nil || !info.moduleTitles.isEmpty else { return CatalogEntry.defaultTitle(module) }
        let name = String(AppVersionKey.name(of: module))
        return "\(info.title ?? app) › \(info.moduleTitles[name] ?? name)"
    }

    func displayName(_ key: ModuleKey) -> String { entry(key)?.title ?? displayName(module: key.module) }

    private func baseStatus(module: String, version: Int?) -> ModuleStatus {
        let key = ModuleKey(module, version)
        let app = String(AppVersionKey.app(of: module))
        let f = module.isEmpty ? CatalogFacts() : facts(app: app)   // one lookup for the module's own app
        let info = f.apps[app]
        let av = f.appVersions[AppVersionKey(app, version)]
        let e = f.entries[key]
        var s = ModuleStatus(state: .unknown, basis: .unknown, key: key, title: e?.title ?? displayName(module: module), catalogStatus: nil,
                             target: nil, targetTitle: nil, targetAppVersion: nil, deprecatedSince: nil, stopsWorking: nil,
                             unsupportedAfter: nil, value: nil, notes: [], provenance: [])
        if let e {
            s.basis = e.basis == .observed ? .observed : .documented
            s.catalogStatus = e.status
            let r = e.replacement
            switch e.status {
            case .current: s.state = .current
            case .deprecated, .retired: s.state = r?.mode == .automatic ? .upgradable : .manual
            }
            s.target = r?.key
            s.targetTitle = r.map { displayName($0.key) }
            // Dates the entry leaves out come from its app version when that is deprecated too.
            let inherited = e.status != .current && av?.status != .current ? av?.dates : nil
            s.deprecatedSince = e.deprecatedSince ?? inherited?.deprecatedSince
            s.stopsWorking = e.stopsWorking ?? inherited?.stopsWorking
            s.unsupportedAfter = e.unsupportedAfter ?? inherited?.unsupportedAfter
            s.notes = e.notes + (r?.notes ?? [])
            s.provenance = e.provenance.isEmpty && e.basis == .observed ? ["seen in \(e.seenIn ?? 0) public exports"] : e.provenance
        } else if let av {
            s.basis = av.basis == .observed ? .observed : .appVersion
            s.catalogStatus = av.status
            s.state = av.status == .current ? .current : .manual
            s.targetAppVersion = av.status == .current ? nil : av.replacementVersion
            s.deprecatedSince = av.dates.deprecatedSince
            s.stopsWorking = av.dates.stopsWorking
            s.unsupportedAfter = av.dates.unsupportedAfter
            s.notes = av.notes
            if av.status != .current {
                let to = av.replacementVersion.map { "a module of \(app) v\($0)" } ?? "a current module"
                s.notes.append("\(av.key) is \(av.status == .retired ? "retired" : "deprecated") as a whole; replace this module with \(to) (the catalog has no rule for \(module) itself)")
            }
            s.provenance = av.basis == .observed ? ["\(av.key) seen in \(av.seenIn ?? 0) public exports; no source marks it deprecated"] : av.provenance
        } else if !module.isEmpty {
            let known = appVersions(of: app)
            if !known.isEmpty {
                let list = known.map { "v\($0.version.map(String.init) ?? "-") \($0.status.rawValue)\($0.basis == .observed ? " (observed)" : "")" }
                s.notes.append("\(version.map { "v\($0)" } ?? "this version") of \(app) is in no catalog; known versions: \(list.joined(separator: ", "))")
            }
        }
        if let info { s.notes += info.notes }
        return s
    }

    /// The first value rule whose retired value the module holds.
    func valueRule(for m: Module, in doc: JSONDocument) -> ValueRule? {
        let rules = valueRules(app: String(AppVersionKey.app(of: m.moduleName)))
        for r in rules where r.covers(module: m.moduleName, version: m.version) {
            guard let obj = doc.member(m.node, r.field.domain.rawValue), doc.kind(obj) == .object,
                  doc.string(obj, r.field.name) == r.value else { continue }
            return r
        }
        return nil
    }

    private func applyValue(_ r: ValueRule, _ m: Module, _ s: inout ModuleStatus) {
        let change = "\(r.field) = \"\(r.value)\" is \(r.status == .retired ? "retired" : "deprecated")" +
            (r.replacement.map { "; replace it with \"\($0)\"" } ?? "; choose another value")
        guard s.state == .current else { s.notes.append(change); return }
        s.state = r.replacement == nil ? .manual : .upgradable
        s.basis = .documented
        s.catalogStatus = r.status
        s.target = r.replacement == nil ? nil : s.key
        s.targetTitle = r.replacement == nil ? nil : s.title
        s.value = ModuleStatus.ValueChange(field: r.field, value: r.value, replacement: r.replacement)
        s.deprecatedSince = r.dates.deprecatedSince
        s.stopsWorking = r.dates.stopsWorking
        s.unsupportedAfter = r.dates.unsupportedAfter
        s.notes = [change] + r.notes + s.notes
        s.provenance = r.provenance
    }

    /// The automatic path for an upgradable module: its entry's replacement, or setting a retired value's replacement.
    public func upgradePath(for m: Module, status: ModuleStatus) -> Replacement? {
        guard status.state == .upgradable else { return nil }
        if let v = status.value, let to = v.replacement {
            let rule = FieldRule(kind: .set(v.field, value: .string(to)), provenance: status.provenance.first,
                                 note: "\"\(v.value)\" → \"\(to)\"", review: nil, descriptor: nil, restore: nil, after: [], line: 0)
            return Replacement(key: status.key, mode: .automatic, rules: [rule], outputs: [], knownOutputs: nil, connection: nil,
                               metadataRemove: [], notes: [], provenance: status.provenance)
        }
        guard let r = entry(module: m.moduleName, version: m.version)?.replacement, r.mode == .automatic else { return nil }
        return r
    }
}
