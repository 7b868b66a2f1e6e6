// Plans module upgrades from the catalog. An upgrade keeps the module's id,
// position, filter, error handler, designer metadata and unknown keys; it
// changes `module`/`version`, applies the field rules and the connection rule,
// and rewrites downstream references to renamed outputs anywhere in the file.

public struct UpgradeEngine: Sendable {
    public let catalog: Catalog

    public init(catalog: Catalog = .shipped) { self.catalog = catalog }

    /// The plan for one module, or nil when it has no automatic upgrade.
    public func plan(for m: Module, in bp: Blueprint) -> UpgradePlan? {
        try? makePlan(for: m, in: bp)
    }

    /// Like `plan`, but says why there is none.
    public func makePlan(for m: Module, in bp: Blueprint) throws(UpgradeError) -> UpgradePlan {
        try makePlan(for: m, in: bp, pending: [])
    }

    /// The plan for module `m` of `bp` as if `pending` (splices inside the module, in the
    /// document's offsets: earlier upgrades' reference rewrites) had been applied first. The
    /// plan's last splice, the module's own, is then relative to the module text with
    /// `pending` applied, placed at the module's start; the others are in `bp`'s offsets.
    func makePlan(for m: Module, in bp: Blueprint, pending: [Splice]) throws(UpgradeError) -> UpgradePlan {
        let status = catalog.status(of: m, in: bp.document)
        guard let r = catalog.upgradePath(for: m, status: status) else { throw .notUpgradable(status) }
        do { return try build(m, bp, r, status, pending) } catch { throw .edit(error) }
    }

    private func build(_ m: Module, _ bp: Blueprint, _ r: Replacement,
                       _ status: ModuleStatus, _ pending: [Splice]) throws(JSONEditError) -> UpgradePlan {
        let doc = bp.document
        let range = doc.node(m.node).start..<doc.node(m.node).end
        var sub = try SubDocument(module: m.node, in: doc, pending: pending)
        let old = sub.moduleBytes

        // 1. references to renamed outputs: decide every rewrite first
        var rewrites: [ReferenceRewrite] = []
        var dangling: [ReferenceIssue] = []
        var review: [ReferenceIssue] = []
        let owns = m.id.map { bp.module(id: $0)?.index == m.index } ?? false
        if let id = m.id, owns {
            for ref in bp.references(to: id) {
                let who = bp.modules[ref.moduleIndex]
                func issue(_ why: String) -> ReferenceIssue {
                    ReferenceIssue(moduleIndex: who.index, moduleId: who.id, location: ref.location, text: ref.text, reason: why)
                }
                if let rule = r.outputs.first(where: { $0.field == ref.field }) {
                    switch rule.target {
                    case .name(let n):
                        if let tok = UpgradeEngine.token(n) { rewrites.append(rewrite(ref, who, tok)) } else { dangling.append(issue("\(n) cannot be written as a reference")) }
                    case .valueOf(let f):
                        let name = sub.value(ModuleRewriter.domainPath(f.domain).appending(key: f.name))?.stringValue
                        if let name, !name.isEmpty, !name.contains("{{"), let tok = UpgradeEngine.token(name) {
                            rewrites.append(rewrite(ref, who, tok))
                        } else {
                            dangling.append(issue("the new output name comes from \(f), which is not a plain text value here"))
                        }
                    case .removed:
                        dangling.append(issue(rule.note ?? "\(ref.field) is not an output of \(r.key)"))
                    case .unverified:
                        review.append(issue(rule.note ?? "whether \(r.key) still outputs \(ref.field) is not known"))
                    }
                } else if let known = r.knownOutputs, !known.contains(ref.field) {
                    dangling.append(issue("\(ref.field) is not an output of \(r.key) (outputs: \(known.joined(separator: ", ")))"))
                }
            }
        }
        var notes = status.notes
        if m.id != nil && !owns { notes.append("another module has the same id: references were not rewritten") }
        let inside = rewrites.filter { range.contains($0.fieldRange.lowerBound) }
        let outside = rewrites.filter { !range.contains($0.fieldRange.lowerBound) }
        try sub.applyBase(inside.map { Splice($0.fieldRange, $0.newToken) })

        // 2. module and version
        var rw = ModuleRewriter(sub: sub)
        // (a retired field value keeps both: only that value changes)
        if r.key != status.key {
            let moduleText = doc.string(m.node, "module").map { JSONValue.string($0).compactText }
            try rw.sub.replace(["module"], with: .string(r.key.module))
            if rw.sub.exists(["version"]) { try rw.sub.replace(["version"], with: .int(r.version)) }
            else { try rw.sub.set([], "version", .int(r.version), after: ["module"]) }
            rw.changes.append(PlanChange(kind: .changed, keyBefore: "module", keyAfter: "module", before: moduleText,
                                         after: JSONValue.string(r.key.module).compactText, note: nil, provenance: r.provenance.first))
            rw.changes.append(PlanChange(kind: .changed, keyBefore: "version", keyAfter: "version", before: m.version.map(String.init),
                                         after: String(r.version), note: nil, provenance: nil))
        }

        // 3. connection, field rules, outputs in the interface, stale metadata
        let connection = try applyConnection(r.connection, m, &rw)
        try rw.run(r.rules)
        try followOutputs(r, &rw)
        for p in r.metadataRemove {
            let full = JSONPath([.key("metadata")] + p.components)
            if let v = rw.sub.value(full) {
                try rw.sub.remove(full)
                rw.metadataChanges.append(PlanChange(kind: .removed, keyBefore: ModuleRewriter.text(full), keyAfter: nil,
                                                     before: v.compactText, after: nil, note: "stale", provenance: nil))
            }
        }

        // 4. one splice for the module (common prefix and suffix trimmed) plus the outside references
        let new = rw.sub.moduleBytes
        var splices = outside.map { Splice($0.fieldRange, $0.newToken) }
        splices.append(UpgradeEngine.minimalSplice(old: old, new: new, at: range.lowerBound))
        return UpgradePlan(moduleIndex: m.index, moduleId: m.id, moduleLabel: m.label, from: status.key, to: r.key,
                           title: status.title, targetTitle: catalog.displayName(r.key),
                           changes: rw.changes, metadataChanges: rw.metadataChanges, rewrites: rewrites, dangling: dangling,
                           referencesToReview: review, connection: connection, notes: notes, base: doc, splices: splices,
                           newModuleText: String(decoding: new, as: UTF8.self))
    }

    private func rewrite(_ ref: Reference, _ who: Module, _ tok: String) -> ReferenceRewrite {
        ReferenceRewrite(moduleIndex: who.index, moduleId: who.id, location: ref.location, oldText: ref.text,
                         newText: "\(ref.targetId).\(tok)", fieldRange: ref.fieldRange, newToken: tok)
    }

    /// The reference token for an output name: plain when it is an identifier, else in backticks,
    /// JSON-escaped (it sits inside a JSON string). Nil when it cannot be written (a backtick in it).
    static func token(_ name: String) -> String? {
        guard !name.isEmpty, !name.contains("`") else { return nil }
        let u = Array(name.utf8)
        let plain = u.enumerated().allSatisfy { i, c in
            (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x5F || c == 0x24 || (i > 0 && c >= 0x30 && c <= 0x39)
        }
        if plain { return name }
        return "`" + String(JSONWriter.quoted(name).dropFirst().dropLast()) + "`"
    }

    static func minimalSplice(old o: [UInt8], new n: [UInt8], at start: Int) -> Splice {
        var pre = 0
        while pre < o.count && pre < n.count && o[pre] == n[pre] { pre += 1 }
        var suf = 0
        while suf < o.count - pre && suf < n.count - pre && o[o.count - 1 - suf] == n[n.count - 1 - suf] { suf += 1 }
        return Splice((start + pre)..<(start + o.count - suf), Array(n[pre..<(n.count - suf)]))
    }

    private func applyConnection(_ c: ConnectionRule?, _ m: Module, _ rw: inout ModuleRewriter) throws(JSONEditError) -> ConnectionConsequence? {
        guard let c else { return nil }
        let acc = m.accounts.first { $0.parameter == c.parameter }
        let p: JSONPath = ["parameters", .key(c.parameter)]
        let dest: JSONPath = ["parameters", .key(c.newParameter)]
        let before = rw.sub.value(p)
        if before != nil && (c.action != .keep || c.newParameter != c.parameter) {
            if c.action == .reassign && before != .null {
                try rw.sub.replace(p, with: .null)
            }
            if c.newParameter != c.parameter && !rw.sub.exists(dest) { try rw.sub.renameKey(p, to: c.newParameter) }
            let kind: PlanChange.Kind = c.action == .verify ? .flagged : (c.action == .reassign || c.newParameter == c.parameter ? .changed : .renamed)
            rw.changes.append(PlanChange(kind: kind,
                                         keyBefore: ModuleRewriter.text(p), keyAfter: ModuleRewriter.text(dest),
                                         before: before?.compactText, after: rw.sub.value(dest)?.compactText,
                                         note: c.note ?? UpgradeEngine.connectionNote(c), provenance: c.provenance))
        }
        // restore entry: follows a kept connection, goes away with a reassigned one
        for rp in rw.restorePaths(.parameters, c.parameter) {
            if c.action == .reassign {
                try rw.sub.remove(rp)
                rw.metadataChanges.append(PlanChange(kind: .removed, keyBefore: ModuleRewriter.text(rp), keyAfter: nil, before: nil, after: nil, note: "connection to choose again", provenance: nil))
            } else if c.newParameter != c.parameter {
                try rw.sub.renameKey(rp, to: c.newParameter)
            }
        }
        let arr = ModuleRewriter.descriptorArray(.parameters)
        if let i = rw.sub.descriptorIndex(arr, name: c.parameter) {
            let dp = arr.appending(index: i)
            if c.newParameter != c.parameter { try rw.sub.replace(dp.appending(key: "name"), with: .string(c.newParameter)) }
            if let t = c.descriptorType { try rw.sub.set(dp, "type", .string(t), after: ["name"]) }
        } else if let t = c.descriptorType {
            try rw.addDescriptor(.parameters, .object([("name", .string(c.newParameter)), ("type", .string(t)),
                                                      ("label", .string(c.kind == .keychain ? "Key" : "Connection")), ("required", .bool(true))]))
        }
        return ConnectionConsequence(action: c.action, kind: c.kind, parameterBefore: c.parameter, parameterAfter: c.newParameter,
                                     acceptedBefore: acc?.accepted ?? [], acceptedAfter: c.accepted,
                                     valueBefore: acc?.value.map { $0.compactText }, label: acc?.label, note: c.note)
    }

    static func connectionNote(_ c: ConnectionRule) -> String {
        let types = c.accepted.isEmpty ? "" : " (\(c.accepted.joined(separator: ", ")))"
        switch c.action {
        case .keep: return "the \(c.kind.title) stays\(types)"
        case .verify: return "check that the \(c.kind.title) fits\(types)"
        case .reassign: return "choose a \(c.kind.title)\(types) after the upgrade"
        }
    }

    /// `metadata.interface` entries follow renamed outputs; removed outputs leave it.
    private func followOutputs(_ r: Replacement, _ rw: inout ModuleRewriter) throws(JSONEditError) {
        let iface: JSONPath = ["metadata", "interface"]
        for o in r.outputs {
            guard let i = rw.sub.descriptorIndex(iface, name: o.field) else { continue }
            let p = iface.appending(index: i)
            switch o.target {
            case .name(let n):
                try rw.sub.replace(p.appending(key: "name"), with: .string(n))
            case .valueOf(let f):
                guard let n = rw.original.node(at: ModuleRewriter.domainPath(f.domain).appending(key: f.name)).flatMap({ rw.original.string($0) }),
                      !n.contains("{{") else { continue }
                try rw.sub.replace(p.appending(key: "name"), with: .string(n))
            case .removed:
                try rw.sub.remove(p)
            case .unverified:
                continue
            }
            rw.metadataChanges.append(PlanChange(kind: o.target == .removed ? .removed : .renamed, keyBefore: ModuleRewriter.text(p),
                                                 keyAfter: nil, before: o.field, after: nil, note: "output", provenance: o.provenance))
        }
    }
}
