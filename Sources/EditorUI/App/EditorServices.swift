// The model services the editor calls: module status from the catalog, upgrade
// plans and their application, connection warnings. Injected so tests (and
// `--catalog`/`--connections` options) can supply their own catalog and team list.
import BlueprintKit

public struct EditorServices: Sendable {
    public var catalog: Catalog
    public var team: TeamConnections?
    /// Today's date (`YYYY-MM-DD`) for deadlines: `SCENED_TODAY` or the system date; tests set it.
    public var today: String
    /// Where `L` saves learned catalog files: `$XDG_CONFIG_HOME/scened/catalog.d`; tests set it.
    public var userCatalogDirectory: String?

    public init(catalog: Catalog = .shipped, team: TeamConnections? = nil, today: String = Deadline.today(),
                userCatalogDirectory: String? = Catalog.userCatalogDirectory(environment: Catalog.processEnvironment())) {
        self.catalog = catalog
        self.team = team
        self.today = today
        self.userCatalogDirectory = userCatalogDirectory
    }

    /// Services backed by the shipped catalog.
    public static func catalogBacked() -> EditorServices { EditorServices() }

    public var engine: UpgradeEngine { UpgradeEngine(catalog: catalog) }

    public func badge(_ m: Module, in doc: JSONDocument) -> ModuleBadge {
        let s = catalog.status(of: m, in: doc)
        let state: BadgeState
        switch s.state {
        case .current: state = .current
        case .upgradable: state = .upgradable
        case .manual: state = .manual
        case .unknown: state = .unknown
        case .needsReview: state = .needsReview
        }
        // Unknown modules have no catalog title; let the tree show `app › Name` itself.
        var badge = makeBadge(s, state, m)
        badge.review = s.shapeIssues.map(\.description)
        return badge
    }

    private func makeBadge(_ s: ModuleStatus, _ state: BadgeState, _ m: Module) -> ModuleBadge {
        let value = s.value.map { v in "\(v.field) = \"\(v.value)\"" + (v.replacement.map { " → \"\($0)\"" } ?? "") }
        return ModuleBadge(state: state, version: m.version, targetModule: s.target?.module,
                           targetVersion: s.target?.version ?? s.targetAppVersion,
                           title: s.state == .unknown && catalog.appInfo(String(AppVersionKey.app(of: m.moduleName))) == nil ? nil : s.title,
                           notes: s.notes, basis: s.basis, deadline: s.deadline, urgent: s.isUrgent(today: today),
                           provenance: s.provenance, valueChange: value)
    }

    /// Connection warnings per module index, computed once per document state.
    public func connectionWarnings(_ bp: Blueprint) -> [Int: [String]] {
        var out: [Int: [String]] = [:]
        for w in ConnectionInventory(blueprint: bp, team: team).warnings {
            out[w.moduleIndex, default: []].append("\(w.kind.title) \(w.parameter): \(w.message)")
        }
        return out
    }

    /// The upgrade plan for a module, or why there is none.
    public func plan(_ index: Int, _ bp: Blueprint) throws(UpgradeError) -> UpgradePlan {
        try engine.makePlan(for: bp.modules[index], in: bp)
    }

    /// How the module an upgrade plan writes differs from the shape of its new version
    /// (empty: a whole upgrade, or no shape known).
    public func shapeVerdict(_ plan: UpgradePlan) -> [ShapeIssue] {
        guard catalog.hasShapes, let doc = try? JSONDocument(bytes: Array(plan.newModuleText.utf8)) else { return [] }
        return catalog.shapeIssues(moduleNode: doc.root, in: doc, key: plan.to)
    }

    /// Upgrades module `index` as one undoable step; returns the status-line message.
    public func upgrade(_ index: Int, _ bp: Blueprint, _ session: inout EditSession) throws(UpgradeError) -> String {
        let plan = try engine.makePlan(for: bp.modules[index], in: bp)
        let o = try engine.apply(plan, to: &session)
        return UpgradeMessage.text(o)
    }
}

enum UpgradeMessage {
    /// `upgraded #12 http:ActionSendData v3 → http:MakeRequest v4, 3 references rewritten, 2 fields to review`
    static func text(_ o: UpgradeOutcome) -> String {
        var s = "upgraded \(o.moduleId.map { "#\($0)" } ?? "#?") \(o.from) → \(o.to)"
        s += ", \(o.referencesRewritten) reference\(o.referencesRewritten == 1 ? "" : "s") rewritten"
        if o.flaggedFields > 0 { s += ", \(o.flaggedFields) field\(o.flaggedFields == 1 ? "" : "s") to review" }
        if o.danglingReferences > 0 { s += ", \(o.danglingReferences) reference\(o.danglingReferences == 1 ? "" : "s") to removed outputs" }
        if o.connectionMustBeReassigned { s += ", connection must be reassigned (c)" }
        else if o.connectionToVerify { s += ", check the connection" }
        return s
    }
}
