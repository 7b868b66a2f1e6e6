// Remap source (the DevTool's "Remap source"): every reference `{{A.x}}` anywhere in
// the file becomes `{{B.x}}`, with field renames on the way (`--field OLD=NEW`), as one
// edit. Aggregators fed by A (`parameters.feeder`) are fed by B. References to outputs
// B does not have are listed when they are known: from the catalog (the
// `knownOutputs` of a replacement that produces B's module and version) or from B's
// declared outputs (`metadata.interface`). The references are the model's
// (References.swift), rewritten with one splice per token as the upgrade engine does.

public struct RemapPlan: Sendable {
    public var from: Int
    public var to: Int
    /// The references that change, in document order.
    public var rewrites: [ReferenceRewrite]
    /// Aggregators whose `feeder` moves from A to B (module index, id).
    public var feeders: [(moduleIndex: Int, moduleId: Int?)]
    /// Rewritten references that point at an output B is not known to have.
    public var missingOutputs: [ReferenceIssue]
    /// References to A inside B itself: left as they are (B cannot map its own outputs).
    public var leftInTarget: [ReferenceIssue]
    /// B's output names, when known, and where they came from: `catalog` or `metadata.interface`.
    public var outputs: [String]?
    public var outputsSource: String?
    public var splices: [Splice]

    public var label: String { "remap {{\(from).…}} to {{\(to).…}}" }
    public var isEmpty: Bool { splices.isEmpty }

    /// One line for a status bar or stderr.
    public var summary: String {
        let n = rewrites.count
        var s = "\(n) reference\(n == 1 ? "" : "s") to #\(from) now point\(n == 1 ? "s" : "") at #\(to)"
        if !feeders.isEmpty { s += ", \(feeders.count) aggregator\(feeders.count == 1 ? "" : "s") fed by #\(to)" }
        if !missingOutputs.isEmpty { s += "; \(missingOutputs.count) to an output #\(to) does not have" }
        if !leftInTarget.isEmpty { s += "; \(leftInTarget.count) inside #\(to) left as they are" }
        return s
    }
}

public enum RemapSource {
    /// Plans the remap of A's references onto B. A need not exist any more (its module may
    /// have been deleted after "Choose new"); B must. `fields` renames output names.
    public static func plan(_ bp: Blueprint, from a: Int, to b: Int, fields: [String: String] = [:],
                            catalog: Catalog = .shipped) throws(ToolError) -> RemapPlan {
        guard a != b else { throw ToolError("--from and --to are the same module (#\(a))") }
        let target = try ToolScope.module(b, in: bp)
        for (old, new) in fields where UpgradeEngine.token(new) == nil {
            throw ToolError("--field \(old)=\(new): '\(new)' cannot be written as a reference")
        }
        let known = knownOutputs(of: target, in: bp, catalog: catalog)
        var rewrites: [ReferenceRewrite] = []
        var missing: [ReferenceIssue] = []
        var left: [ReferenceIssue] = []
        var splices: [Splice] = []
        for ref in bp.references(to: a) {
            let who = bp.modules[ref.moduleIndex]
            func issue(_ why: String) -> ReferenceIssue {
                ReferenceIssue(moduleIndex: who.index, moduleId: who.id, location: ref.location, text: ref.text, reason: why)
            }
            if who.index == target.index {
                left.append(issue("#\(b) cannot map its own outputs"))
                continue
            }
            let renamed = fields[ref.field]
            let token: String
            if let renamed, let t = UpgradeEngine.token(renamed) { token = t } else {
                token = String(decoding: bp.document.bytes[ref.fieldRange], as: UTF8.self)
            }
            let newText = "\(b).\(token)"
            splices.append(Splice(ref.range, newText))
            rewrites.append(ReferenceRewrite(moduleIndex: who.index, moduleId: who.id, location: ref.location,
                                             oldText: ref.text, newText: newText, fieldRange: ref.fieldRange, newToken: token))
            let field = renamed ?? ref.field
            if let known, !field.hasPrefix("__"), !known.names.contains(field) {
                missing.append(ReferenceIssue(moduleIndex: who.index, moduleId: who.id, location: ref.location, text: newText, reason: "#\(b) (\(target.moduleName)) has no output '\(field)'"))
            }
        }
        var feeders: [(Int, Int?)] = []
        let doc = bp.document
        for m in bp.modules where m.index != target.index {
            guard let p = doc.member(m.node, "parameters"), doc.kind(p) == .object,
                  let f = doc.member(p, "feeder"), doc.int(f) == a else { continue }
            splices.append(doc.replaceValue(f, rawText: String(b)))
            feeders.append((m.index, m.id))
            // the aggregator's source label, `Iterator [13]`, names the id too
            if let md = doc.member(m.node, "metadata"), let r = doc.member(md, "restore"), let x = doc.member(r, "extra"),
               let fe = doc.member(x, "feeder"), let l = doc.member(fe, "label"), let text = doc.string(l), text.hasSuffix("[\(a)]") {
                splices.append(doc.replaceValue(l, with: .string(String(text.dropLast("[\(a)]".count)) + "[\(b)]")))
            }
        }
        return RemapPlan(from: a, to: b, rewrites: rewrites, feeders: feeders, missingOutputs: missing, leftInTarget: left,
                         outputs: known?.names, outputsSource: known?.source, splices: splices)
    }

    /// B's output names: the catalog's `knownOutputs` for a replacement that produces B's
    /// (module, version), else B's `metadata.interface`; nil when neither says.
    static func knownOutputs(of m: Module, in bp: Blueprint, catalog: Catalog) -> (names: [String], source: String)? {
        let key = ModuleKey(m.moduleName, m.version)
        for e in catalog.sortedEntries {
            if let r = e.replacement, r.key == key, let k = r.knownOutputs { return (k, "catalog") }
        }
        let doc = bp.document
        guard let md = doc.member(m.node, "metadata"), let iface = doc.member(md, "interface"),
              doc.kind(iface) == .array, doc.node(iface).count > 0 else { return nil }
        let names = doc.children(iface).compactMap { doc.kind($0) == .object ? doc.string($0, "name") : nil }
        return names.isEmpty ? nil : (names, "metadata.interface")
    }

    /// Plans and applies the remap as one undoable step.
    @discardableResult
    public static func apply(_ plan: RemapPlan, to session: inout EditSession) throws(ToolError) -> Bool {
        try session.performTool(plan.label, plan.splices)
    }
}
