// Swap app (the DevTool's "upgrade the app's modules to the latest version"): every
// module of one app version moves to another app version. Where the catalog has an
// automatic upgrade from the module to the new app version, its rules run (the same
// upgrade as `u`); the others are moved by name (`gmail:Watch` v1 → `google-email:Watch`
// v4) with their configuration left as it is, and listed for review. The whole swap is
// one undoable step.

public struct SwapAppItem: Sendable {
    public enum How: Sendable, Equatable {
        /// The catalog's upgrade rules.
        case catalog
        /// Only `module` and `version` change.
        case byName
    }
    public var moduleIndex: Int
    public var moduleId: Int?
    public var from: ModuleKey
    public var to: ModuleKey
    public var how: How
    /// What a person should check afterwards.
    public var review: [String]
}

public struct SwapAppPlan: Sendable {
    public var app: String
    public var version: Int?
    public var toApp: String
    public var toVersion: Int?
    public var items: [SwapAppItem]

    public var label: String { "swap \(SwapApp.text(app, version)) for \(SwapApp.text(toApp, toVersion))" }

    /// The listing shown before anything changes: each module, how it moves, what to check.
    public var listing: [String] {
        var out: [String] = []
        for i in items {
            out.append("\(i.moduleId.map { "#\($0)" } ?? "#?")  \(i.from) → \(i.to)  (\(i.how == .catalog ? "catalog rules" : "by name"))")
            for r in i.review { out.append("    review: \(r)") }
        }
        return out
    }

    public var summary: String {
        let c = items.filter { $0.how == .catalog }.count
        let n = items.count - c
        let r = items.filter { !$0.review.isEmpty }.count
        return "\(items.count) module\(items.count == 1 ? "" : "s") of \(SwapApp.text(app, version)) → \(SwapApp.text(toApp, toVersion)): "
            + "\(c) by the catalog's rules, \(n) by name; \(r) to review"
    }
}

public enum SwapApp {
    static func text(_ app: String, _ v: Int?) -> String { app + (v.map { "@\($0)" } ?? "") }

    /// `slack@3` → ("slack", 3); `slack` → ("slack", nil).
    public static func parse(_ s: String) -> (app: String, version: Int?)? {
        let parts = s.split(separator: "@", omittingEmptySubsequences: false)
        guard let a = parts.first, !a.isEmpty, !a.contains(":"), parts.count <= 2 else { return nil }
        if parts.count == 1 { return (String(a), nil) }
        guard let v = Int(parts[1]) else { return nil }
        return (String(a), v)
    }

    public static func plan(_ bp: Blueprint, app: String, version: Int?, toApp: String, toVersion: Int?,
                            catalog: Catalog = .shipped) throws(ToolError) -> SwapAppPlan {
        guard app != toApp || version != toVersion else { throw ToolError("the old and new app versions are the same") }
        let engine = UpgradeEngine(catalog: catalog)
        var items: [SwapAppItem] = []
        for m in bp.modules where m.app == app && (version == nil || m.version == version) {
            let key = ModuleKey(m.moduleName, m.version)
            if let r = catalog.entry(for: m)?.replacement, r.mode == .automatic, r.key.appName == toApp,
               toVersion == nil || r.version == toVersion, let p = engine.plan(for: m, in: bp) {
                var review = p.flagged.map { "\($0.keyText): \($0.note ?? "flagged by the catalog")" }
                review += p.dangling.map { "{{\($0.text)}} in #\($0.moduleId ?? 0) \($0.location): \($0.reason)" }
                if let c = p.connection, c.action != .keep {
                    let types = c.acceptedAfter.isEmpty ? "" : " (\(c.acceptedAfter.joined(separator: ", ")))"
                    review.append(c.note ?? (c.mustReassign ? "choose a \(c.kind.title)\(types) after the swap" : "check that the \(c.kind.title) fits\(types)"))
                }
                items.append(SwapAppItem(moduleIndex: m.index, moduleId: m.id, from: key, to: r.key, how: .catalog, review: review))
                continue
            }
            let to = ModuleKey(toApp + ":" + m.name, toVersion ?? m.version)
            var review = ["parameters and mapper are kept as they are: check them against \(to)"]
            if catalog.entry(to) == nil { review.append("\(to) is not in the catalog: make sure the module exists") }
            if !m.connections.isEmpty && toApp != app { review.append("check that the connection fits \(toApp)") }
            items.append(SwapAppItem(moduleIndex: m.index, moduleId: m.id, from: key, to: to, how: .byName, review: review))
        }
        guard !items.isEmpty else {
            let present = AppCensus.rows(bp).filter { $0.app == app }.compactMap(\.version).map { "v\($0)" }
            throw ToolError("no module of \(text(app, version)) in this scenario"
                            + (present.isEmpty ? "" : " (\(app) is there as \(present.joined(separator: ", ")))"))
        }
        return SwapAppPlan(app: app, version: version, toApp: toApp, toVersion: toVersion, items: items)
    }

    /// Carries out the plan as one undoable step: catalog upgrades first (each planned
    /// against the document the previous one left), then the by-name moves.
    @discardableResult
    public static func apply(_ plan: SwapAppPlan, to session: inout EditSession, catalog: Catalog = .shipped) throws(ToolError) -> Bool {
        let before = session.document
        var work = EditSession(document: before)
        let ids = Set(plan.items.filter { $0.how == .catalog }.compactMap(\.moduleId))
        if !ids.isEmpty {
            var failures: [(Int?, UpgradeError)] = []
            _ = UpgradeEngine(catalog: catalog).applyAll(in: &work, only: ids, failures: &failures)
            if let f = failures.first { throw ToolError("#\(f.0.map(String.init) ?? "?"): \(f.1)") }
        }
        let byName = plan.items.filter { $0.how == .byName }
        if !byName.isEmpty {
            guard let bp = try? Blueprint(document: work.document) else { throw ToolError("internal error: the upgraded file does not parse") }
            var splices: [Splice] = []
            let doc = bp.document
            for item in byName {
                let m = bp.modules[item.moduleIndex]
                guard let mn = doc.member(m.node, "module") else { continue }
                splices.append(doc.replaceValue(mn, with: .string(item.to.module)))
                if let v = item.to.version, v != m.version {
                    if let vn = doc.member(m.node, "version") { splices.append(doc.replaceValue(vn, rawText: String(v))) }
                    else {
                        do { splices.append(try doc.setMember(m.node, "version", .int(v), after: ["module"])) } catch {
                            throw ToolError("#\(m.id ?? 0): \(error)")
                        }
                    }
                }
            }
            try work.performTool("by name", splices)
        }
        let new = work.document.bytes
        guard new != before.bytes else { return false }
        let splice = UpgradeEngine.minimalSplice(old: before.bytes.array, new: Array(new), at: 0)
        return try session.performTool(plan.label, [splice])
    }
}

extension ModuleKey {
    /// The app part of `app:Name`.
    var appName: String { module.firstIndex(of: ":").map { String(module[..<$0]) } ?? module }
}

