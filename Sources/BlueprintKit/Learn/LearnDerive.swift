// What one pair (old module → its hand-made replacement) shows, in the rule
// language: kept, renamed, moved, dropped, added, set and mapped fields; the
// outputs downstream references show renamed or removed; the connection.
// Values are compared after references are made comparable: AFTER's new ids
// become the old ones, and BEFORE's references to renamed outputs take the new
// names (the engine rewrites those itself).

/// The evidence of one pair.
struct PairEvidence: Sendable {
    var example: Int
    var oldIndex: Int, newIndex: Int
    var oldKey: ModuleKey, newKey: ModuleKey
    var rules: [LearnedRule] = []
    var outputs: [LearnedOutput] = []
    var connection: LearnedConnection?
    var metadataRemove: [String] = []
    var notes: [String] = []
    /// The old module's top-level fields (`parameters.x`), for telling examples apart.
    var oldFields: [String: JSONValue] = [:]
    /// The new module's top-level fields: an example without an `add` whose new module lacks the field disagrees with it.
    var newFields: Set<String> = []
    var evidence: String
}

struct LearnDeriver {
    let before: Blueprint
    let after: Blueprint
    let pairing: LearnPairing

    // MARK: comparable values

    /// The module's JSON with every reference to module `id`, field `f` rewritten to `rewrite(id, f)`.
    static func canonical(_ bp: Blueprint, _ m: Module, _ rewrite: (Int, String) -> (Int, String)) -> JSONValue {
        let doc = bp.document
        let start = doc.node(m.node).start, end = doc.node(m.node).end
        var out: [UInt8] = []
        var at = start
        for ref in bp.references(from: m.index) where ref.range.lowerBound >= at && ref.range.upperBound <= end {
            let (id, f) = rewrite(ref.targetId, ref.field)
            guard id != ref.targetId || f != ref.field, let tok = UpgradeEngine.token(f) else { continue }
            out += doc.bytes[at..<ref.range.lowerBound]
            out += Array("\(id).\(tok)".utf8)
            at = ref.range.upperBound
        }
        out += doc.bytes[at..<end]
        guard let d = try? JSONDocument(bytes: out) else { return doc.value(m.node) }
        return d.value(d.root)
    }

    static func members(_ v: JSONValue?) -> [(String, JSONValue)] { v?.objectValue ?? [] }

    static func descriptor(_ module: JSONValue, _ d: FieldPath.Domain, _ name: String) -> JSONValue? {
        module["metadata"]?[d == .parameters ? "parameters" : "expect"]?.arrayValue?.first { $0["name"]?.stringValue == name }
    }

    static func restore(_ module: JSONValue, _ d: FieldPath.Domain, _ name: String) -> JSONValue? {
        module["metadata"]?["restore"]?[d == .parameters ? "parameters" : "expect"]?[name]
    }

    static func isIML(_ v: JSONValue) -> Bool {
        switch v {
        case .string(let s): return s.contains("{{")
        case .array(let a): return a.contains { isIML($0) }
        case .object(let o): return o.contains { isIML($0.1) }
        default: return false
        }
    }

    static func isScalar(_ v: JSONValue) -> Bool {
        switch v { case .array, .object: return false; default: return true }
    }

    /// Values that many unrelated fields share: an equal value proves no rename.
    static func isTrivial(_ v: JSONValue) -> Bool {
        switch v {
        case .null, .bool: return true
        case .string(let s): return s.isEmpty
        case .array(let a): return a.isEmpty
        case .object(let o): return o.isEmpty
        case .number(let n): return n == "0" || n == "1"
        }
    }

    static func similar(_ a: String, _ b: String) -> Bool {
        let x = a.lowercased(), y = b.lowercased()
        return x == y || x.contains(y) || y.contains(x)
    }

    // MARK: one pair

    func derive(_ p: ModulePair, example: Int, evidence: String, renames: [Int: [String: String]]) -> PairEvidence {
        let o = before.modules[p.old], n = after.modules[p.new]
        var ev = PairEvidence(example: example, oldIndex: p.old, newIndex: p.new, oldKey: ModuleKey(o.moduleName, o.version),
                              newKey: ModuleKey(n.moduleName, n.version), evidence: evidence)
        let ov = LearnDeriver.canonical(before, o) { id, f in (id, renames[id]?[f] ?? f) }
        let nv = LearnDeriver.canonical(after, n) { id, f in (self.pairing.oldId(id, before: self.before, after: self.after), f) }
        ev.outputs = outputs(o, n, evidence)
        ev.connection = connection(o, n, evidence)
        var skipOld = Set<String>(), skipNew = Set<String>()
        if let c = ev.connection { skipOld.insert("parameters.\(c.parameter)"); skipNew.insert("parameters.\(c.to)") }
        fields(ov, nv, skipOld, skipNew, evidence, &ev)
        for d in [FieldPath.Domain.parameters, .mapper] {
            for (k, v) in LearnDeriver.members(ov[d.rawValue]) { ev.oldFields["\(d.rawValue).\(k)"] = v }
            for (k, _) in LearnDeriver.members(nv[d.rawValue]) { ev.newFields.insert("\(d.rawValue).\(k)") }
        }
        ev.notes += singleExampleNotes(ov, ev)
        return ev
    }

    /// Field rules, in the old module's order (drops of a rename's target first), then added fields.
    private func fields(_ ov: JSONValue, _ nv: JSONValue, _ skipOld: Set<String>, _ skipNew: Set<String>,
                        _ evidence: String, _ ev: inout PairEvidence) {
        typealias F = (d: FieldPath.Domain, k: String, v: JSONValue)
        func list(_ m: JSONValue, _ skip: Set<String>) -> [F] {
            [FieldPath.Domain.parameters, .mapper].flatMap { d in
                LearnDeriver.members(m[d.rawValue]).map { (d, $0.0, $0.1) }.filter { !skip.contains("\($0.0.rawValue).\($0.1)") }
            }
        }
        let old = list(ov, skipOld), new = list(nv, skipNew)
        func newValue(_ d: FieldPath.Domain, _ k: String) -> JSONValue? { new.first { $0.d == d && $0.k == k }?.v }
        var used = Set<String>()
        var rules: [LearnedRule] = []
        var renameTargets = Set<String>()
        func rule(_ subject: String, _ body: [(String, JSONValue)], review: String? = nil) {
            rules.append(LearnedRule(subject: subject, body: body, review: review, note: nil, evidence: [evidence]))
        }
        for f in old {
            let name = "\(f.d.rawValue).\(f.k)"
            if let v = newValue(f.d, f.k) {
                used.insert(name)
                if v == f.v { rule(name, [("keep", .string(name))]); continue }
                if LearnDeriver.isScalar(f.v) && LearnDeriver.isScalar(v) && !LearnDeriver.isIML(f.v) && !LearnDeriver.isIML(v) {
                    rule(name, [("map", .string(name)), ("values", LearnDeriver.valueMap([(f.v, v)]))])
                } else {
                    var body: [(String, JSONValue)] = [("set", .string(name)), ("value", v)]
                    if let r = LearnDeriver.restore(nv, f.d, f.k) { body.append(("restore", r)) }
                    rule(name, body, review: LearnDeriver.isIML(v) ? "learned from one scenario's mapping: check the value" : nil)
                }
                continue
            }
            // the same value under another key: a rename (same object) or a move (other object)
            var candidates = new.filter { c in
                !used.contains("\(c.d.rawValue).\(c.k)") && c.v == f.v && !old.contains { $0.d == c.d && $0.k == c.k }
            }
            if LearnDeriver.isTrivial(f.v) { candidates = candidates.filter { LearnDeriver.similar($0.k, f.k) } }
            let best = candidates.first { $0.k == f.k } ?? candidates.first { $0.d == f.d && LearnDeriver.similar($0.k, f.k) }
                ?? candidates.first { $0.d == f.d } ?? candidates.first
            if let c = best {
                let to = "\(c.d.rawValue).\(c.k)"
                used.insert(to)
                renameTargets.insert(to)
                var body: [(String, JSONValue)] = [(c.d == f.d ? "rename" : "move", .string(name)), ("to", .string(to))]
                if let nd = LearnDeriver.descriptor(nv, c.d, c.k) {
                    let od = LearnDeriver.descriptor(ov, f.d, f.k).map { LearnDeriver.renamed($0, c.k) }
                    if od != nd { body.append(("descriptor", nd)) }
                }
                rule(name, body)
                continue
            }
            // gone, but the new module still describes the field: the new version leaves this value out
            if LearnDeriver.descriptor(nv, f.d, f.k) != nil && LearnDeriver.descriptor(ov, f.d, f.k) != nil {
                rule(name, [("keep", .string(name)), ("omit", .array([f.v]))])
                continue
            }
            // gone, and the new module describes a field it has no value for: renamed, this value left out
            if let od = LearnDeriver.descriptor(ov, f.d, f.k), let c = omittedTarget(od, f.d, ov, nv, used) {
                used.insert("\(f.d.rawValue).\(c)")
                var body: [(String, JSONValue)] = [("rename", .string(name)), ("to", .string("\(f.d.rawValue).\(c)")), ("omit", .array([f.v]))]
                if let nd = LearnDeriver.descriptor(nv, f.d, c), LearnDeriver.renamed(od, c) != nd { body.append(("descriptor", nd)) }
                rules.append(LearnedRule(subject: name, body: body, review: nil,
                                         note: "matched by the new module's descriptor of \(c) (the example left the value out); low", evidence: [evidence]))
                continue
            }
            rule(name, [("drop", .string(name)), ("expect", .array([f.v]))])
        }
        // a drop of a field a rename writes to must run first
        let early = rules.filter { $0.op == "drop" && renameTargets.contains($0.subject) }
        rules = early + rules.filter { !($0.op == "drop" && renameTargets.contains($0.subject)) }
        for (k, f) in new.enumerated() where !used.contains("\(f.d.rawValue).\(f.k)") {
            let name = "\(f.d.rawValue).\(f.k)"
            var body: [(String, JSONValue)] = [("add", .string(name)), ("value", f.v)]
            if let d = LearnDeriver.descriptor(nv, f.d, f.k) { body.append(("descriptor", d)) }
            if let r = LearnDeriver.restore(nv, f.d, f.k) { body.append(("restore", r)) }
            if k > 0, new[k - 1].d == f.d { body.append(("after", .array([.string(new[k - 1].k)]))) }
            rules.append(LearnedRule(subject: "+" + name, body: body,
                                     review: LearnDeriver.isIML(f.v) ? "the example mapped this from its own modules: check the mapping" : nil,
                                     note: nil, evidence: [evidence]))
        }
        ev.rules = rules
        // restore entries of kept fields that the new module no longer has
        for f in old where newValue(f.d, f.k) != nil {
            let obj = f.d == .parameters ? "parameters" : "expect"
            if ov["metadata"]?["restore"]?[obj]?[f.k] != nil && nv["metadata"]?["restore"]?[obj]?[f.k] == nil {
                ev.metadataRemove.append("restore.\(obj).\(f.k)")
            }
        }
    }

    /// A field the new module describes but has no value for, not in the old module: by a similar
    /// name, else the only one of the old descriptor's type, else one of that type whose label starts alike.
    private func omittedTarget(_ od: JSONValue, _ d: FieldPath.Domain, _ ov: JSONValue, _ nv: JSONValue, _ used: Set<String>) -> String? {
        let have = Set(LearnDeriver.members(nv[d.rawValue]).map(\.0)).union(LearnDeriver.members(ov[d.rawValue]).map(\.0))
        let descs = (nv["metadata"]?[d == .parameters ? "parameters" : "expect"]?.arrayValue ?? []).filter { x in
            x["name"]?.stringValue.map { !have.contains($0) && !used.contains("\(d.rawValue).\($0)") } ?? false
        }
        let oldName = od["name"]?.stringValue ?? ""
        if let s = descs.first(where: { LearnDeriver.similar($0["name"]!.stringValue!, oldName) }) { return s["name"]?.stringValue }
        let sameType = descs.filter { $0["type"] == od["type"] }
        if sameType.count == 1 { return sameType[0]["name"]?.stringValue }
        let word = { (v: JSONValue) in v["label"]?.stringValue?.split(separator: " ").first.map { $0.lowercased() } }
        let alike = sameType.filter { word($0) != nil && word($0) == word(od) }
        return alike.count == 1 ? alike[0]["name"]?.stringValue : nil
    }

    static func renamed(_ descriptor: JSONValue, _ name: String) -> JSONValue {
        guard case .object(var m) = descriptor else { return descriptor }
        for k in m.indices where m[k].0 == "name" { m[k].1 = .string(name) }
        return .object(m)
    }

    /// `{"GET": "get"}` when every old value is a string, else `[[old, new], ...]`.
    static func valueMap(_ pairs: [(JSONValue, JSONValue)]) -> JSONValue {
        if pairs.allSatisfy({ $0.0.stringValue != nil }) { return .object(pairs.map { ($0.0.stringValue!, $0.1) }) }
        return .array(pairs.map { .array([$0.0, $0.1]) })
    }

    // MARK: outputs

    /// Downstream references: `{{3.html}}` → `{{7.htmlBody}}` renames `html`; a reference that is gone removes it.
    func outputs(_ o: Module, _ n: Module, _ evidence: String) -> [LearnedOutput] {
        guard let oid = o.id else { return [] }
        var seen: [String: [String?]] = [:]
        var order: [String] = []
        let oldRefs = Dictionary(grouping: before.references(to: oid), by: \.moduleIndex)
        let newRefs = n.id.map { Dictionary(grouping: after.references(to: $0), by: \.moduleIndex) } ?? [:]
        func record(_ f: String, _ to: String?) {
            if seen[f] == nil { order.append(f) }
            seen[f, default: []].append(to)
        }
        for (who, refs) in oldRefs.sorted(by: { $0.key < $1.key }) {
            guard let whoNew = pairing.new(forOld: who) else { continue }   // the referring module itself is gone
            var left = newRefs[whoNew] ?? []
            var unmatched: [Reference] = []
            for r in refs {
                if let k = left.firstIndex(where: { $0.location == r.location }) {
                    record(r.field, left[k].field)
                    left.remove(at: k)
                } else { unmatched.append(r) }
            }
            for r in unmatched {
                if !left.isEmpty { record(r.field, left.removeFirst().field) } else { record(r.field, nil) }
            }
        }
        var out: [LearnedOutput] = []
        for f in order {
            let targets = seen[f]!
            let names = targets.compactMap { $0 }
            let renamed = names.filter { $0 != f }
            if !renamed.isEmpty {
                let top = Dictionary(grouping: renamed, by: { $0 }).max { $0.value.count < $1.value.count || ($0.value.count == $1.value.count && $0.key > $1.key) }!.key
                var lo = LearnedOutput(field: f, to: top, evidence: [evidence])
                if Set(names).count > 1 || names.count < targets.count {
                    lo.review = true
                    lo.note = "references to \(f) became \(Set(names).sorted().joined(separator: ", "))\(names.count < targets.count ? " or were removed" : ""): check them"
                }
                out.append(lo)
            } else if names.isEmpty {
                out.append(LearnedOutput(field: f, to: nil, note: "every reference to \(f) was removed in the example", evidence: [evidence]))
            }
        }
        return out
    }

    // MARK: connection

    private func connection(_ o: Module, _ n: Module, _ evidence: String) -> LearnedConnection? {
        let kinds: [AccountKind] = [.connection, .keychain, .webhook, .dataStore, .dataStructure, .device]
        for kind in kinds {
            guard let a = o.accounts.first(where: { $0.kind == kind }), let b = n.accounts.first(where: { $0.kind == kind }) else { continue }
            let oldType = descriptorType(before, o, a.parameter), newType = descriptorType(after, n, b.parameter)
            var action: ConnectionRule.Action
            if !a.accepted.isEmpty && !b.accepted.isEmpty { action = Set(a.accepted) == Set(b.accepted) ? .keep : .reassign }
            else { action = a.value == b.value ? .keep : .verify }
            // emptied: the connection must be chosen again
            if b.value == .null && a.value != nil && a.value != .null { action = .reassign }
            var c = LearnedConnection(parameter: a.parameter, to: b.parameter, kind: kind, accepted: b.accepted, action: action,
                                      descriptorType: newType != oldType ? newType : nil, note: nil, evidence: [evidence])
            if action == .reassign {
                c.note = "the \(kind.title) type changed (\(a.accepted.joined(separator: ", ")) → \(b.accepted.joined(separator: ", "))): choose one after the upgrade"
            }
            return c
        }
        return nil
    }

    private func descriptorType(_ bp: Blueprint, _ m: Module, _ parameter: String) -> String? {
        LearnDeriver.descriptor(bp.document.value(m.node), .parameters, parameter)?["type"]?.stringValue
    }

    // MARK: notes

    /// What one example cannot know: fields the old module offered but did not set, values seen once.
    private func singleExampleNotes(_ ov: JSONValue, _ ev: PairEvidence) -> [String] {
        var notes: [String] = []
        var unused: [String] = []
        for d in [FieldPath.Domain.parameters, .mapper] {
            let set = Set(LearnDeriver.members(ov[d.rawValue]).map(\.0))
            for desc in ov["metadata"]?[d == .parameters ? "parameters" : "expect"]?.arrayValue ?? [] {
                if let name = desc["name"]?.stringValue, !set.contains(name), ev.connection?.parameter != name { unused.append("\(d.rawValue).\(name)") }
            }
        }
        if !unused.isEmpty {
            let shown = unused.prefix(8).joined(separator: ", ") + (unused.count > 8 ? " and \(unused.count - 8) more" : "")
            notes.append("the example did not set \(shown): no rule was learned for them, so a module that sets them keeps them as they are")
        }
        let maps = ev.rules.filter { $0.op == "map" }.map(\.subject)
        if !maps.isEmpty {
            notes.append("\(maps.joined(separator: ", ")): each value seen once; another value is left in place and flagged")
        }
        return notes
    }
}
