// Copy mapping and copy filter (the DevTool's "Copy mapping" / "Copy filter").
//
// Copy mapping gives other modules of the same (module, version) the source's
// `mapper` and `parameters`, with the restore labels that go with them
// (`metadata.restore.expect`, `metadata.restore.parameters`). Each target keeps its
// id, position, label, filter, error handler and its own connections, webhooks,
// keys and data stores (every account parameter the model finds, with its restore
// label). Copy filter gives the targets the source's `filter`: the filter on the
// route into the module. Each run is one undoable step, one splice per target.

public struct CopyPlan: Sendable {
    public enum Kind: String, Sendable { case mapping, filter }
    public var kind: Kind
    public var from: Int
    /// Targets in the order given, with their paths (stable while other modules' settings change).
    public var targets: [(moduleIndex: Int, moduleId: Int?, path: JSONPath)]
    /// Account parameters kept per target, e.g. `#7: __IMTCONN__`.
    public var kept: [String]
    public var sourcePath: JSONPath

    public var label: String { "copy \(kind.rawValue) of #\(from) to \(targets.map { $0.moduleId.map { "#\($0)" } ?? "#?" }.joined(separator: ", "))" }

    public var summary: String {
        let n = targets.count
        return "copied the \(kind.rawValue) of #\(from) to \(n) module\(n == 1 ? "" : "s")"
            + (kept.isEmpty ? "" : "; kept their own \(kept.joined(separator: ", "))")
    }
}

public enum CopyMapping {
    public static func plan(_ bp: Blueprint, kind: CopyPlan.Kind, from a: Int, to ids: [Int]) throws(ToolError) -> CopyPlan {
        let src = try ToolScope.module(a, in: bp)
        guard !ids.isEmpty else { throw ToolError("no target modules given") }
        var targets: [(Int, Int?, JSONPath)] = []
        var kept: [String] = []
        let doc = bp.document
        if kind == .filter {
            guard let f = doc.member(src.node, "filter"), doc.kind(f) == .object else {
                throw ToolError("\(ToolScope.describe(src)) has no filter to copy")
            }
        }
        for id in ids {
            let t = try ToolScope.module(id, in: bp)
            guard t.index != src.index else { throw ToolError("#\(id) is the source module") }
            guard !targets.contains(where: { $0.0 == t.index }) else { continue }
            switch kind {
            case .mapping:
                guard t.moduleName == src.moduleName && t.version == src.version else {
                    throw ToolError("\(ToolScope.describe(t)) is not the same module and version as \(ToolScope.describe(src)): "
                                    + "a mapping is copied only between modules of one kind")
                }
                let names = t.accounts.map(\.parameter) + src.accounts.map(\.parameter)
                var seen = Set<String>()
                let unique = names.filter { seen.insert($0).inserted }
                if !unique.isEmpty { kept.append("#\(id) \(unique.joined(separator: ", "))") }
            case .filter:
                if t.container == .main && t.path == ["flow", 0] {
                    throw ToolError("\(ToolScope.describe(t)) is the scenario's first module: no route leads into it, so it cannot have a filter")
                }
            }
            targets.append((t.index, t.id, t.path))
        }
        kept = kind == .mapping && !kept.isEmpty ? ["connections (\(kept.joined(separator: "; ")))"] : []
        return CopyPlan(kind: kind, from: a, targets: targets, kept: kept, sourcePath: src.path)
    }

    /// Applies the copy as one undoable step; false when every target already had it.
    @discardableResult
    public static func apply(_ plan: CopyPlan, to session: inout EditSession) throws(ToolError) -> Bool {
        do {
            return try session.perform(plan.label) { (ed: inout JSONEditor) throws(JSONEditError) in
                for t in plan.targets {
                    let doc = ed.document
                    guard let s = doc.node(at: plan.sourcePath), let n = doc.node(at: t.path) else { continue }
                    let splice = try copy(plan.kind, from: s, to: n, in: doc)
                    if let splice { try ed.apply(splice) }
                }
            }
        } catch {
            throw ToolError("\(plan.label): \(error)")
        }
    }

    /// The one splice that gives module node `t` the source's mapping or filter (nil: already equal).
    static func copy(_ kind: CopyPlan.Kind, from s: Int, to t: Int, in doc: JSONDocument) throws(JSONEditError) -> Splice? {
        var sub = try SubDocument(module: t, in: doc)
        let order = ["id", "module", "version", "parameters", "mapper", "filter"]
        func put(_ key: String, _ v: JSONValue?) throws(JSONEditError) {
            if let v { try sub.set([], key, v, after: Array(order.prefix(while: { $0 != key }))) } else { try sub.remove([.key(key)]) }
        }
        switch kind {
        case .filter:
            try put("filter", doc.member(s, "filter").map { doc.value($0) })
        case .mapping:
            let own = Set(AccountScanner.scan(module: t, in: doc).map(\.parameter)
                          + AccountScanner.scan(module: s, in: doc).map(\.parameter))
            let targetParams = doc.member(t, "parameters").map { doc.value($0) }
            try put("parameters", merged(doc.member(s, "parameters").map { doc.value($0) }, keeping: own, from: targetParams))
            try put("mapper", doc.member(s, "mapper").map { doc.value($0) })
            let restore = { (m: Int, k: String) -> JSONValue? in
                doc.node(at: ["metadata", "restore", .key(k)], from: m).map { doc.value($0) }
            }
            let expect = restore(s, "expect")
            if expect != nil || sub.exists(["metadata", "restore", "expect"]) {
                if let expect { try sub.set(["metadata", "restore"], "expect", expect, objectAfter: ["designer"]) }
                else { try sub.remove(["metadata", "restore", "expect"]) }
            }
            let rp = merged(restore(s, "parameters"), keeping: own, from: restore(t, "parameters"))
            if let rp, case .object(let kv) = rp, !kv.isEmpty {
                try sub.set(["metadata", "restore"], "parameters", rp, after: ["expect"], objectAfter: ["designer"])
            } else if sub.exists(["metadata", "restore", "parameters"]) {
                try sub.remove(["metadata", "restore", "parameters"])
            }
        }
        let old = Array(doc.bytes[doc.node(t).start..<doc.node(t).end])
        let new = sub.moduleBytes
        guard !old.elementsEqual(new) else { return nil }
        return UpgradeEngine.minimalSplice(old: old, new: Array(new), at: doc.node(t).start)
    }

    /// The source object with the `keeping` keys taken from `target` (dropped where it has none).
    static func merged(_ source: JSONValue?, keeping: Set<String>, from target: JSONValue?) -> JSONValue? {
        guard case .object(let kv)? = source else {
            // no parameters in the source: the target keeps only its own account parameters
            guard case .object(let tkv)? = target else { return source }
            let keep = tkv.filter { keeping.contains($0.0) }
            return keep.isEmpty ? nil : .object(keep)
        }
        let tkv = target?.objectValue ?? []
        var out: [(String, JSONValue)] = []
        for (k, v) in kv {
            if keeping.contains(k) {
                if let own = tkv.first(where: { $0.0 == k }) { out.append(own) }
            } else {
                out.append((k, v))
            }
        }
        for (k, v) in tkv where keeping.contains(k) && !out.contains(where: { $0.0 == k }) { out.append((k, v)) }
        return .object(out)
    }
}
