// Several examples of the same (module, version) make one entry: a rule holds
// where the examples agree (maps and expected values are united); where they
// disagree, a field of the old module that tells the examples apart becomes a
// `when`, and otherwise the rule of the first example is kept and flagged.

struct MergedEntry: Sendable {
    var oldKey: ModuleKey
    var newKey: ModuleKey
    var evidences: [PairEvidence]
    var rules: [LearnedRule] = []
    var outputs: [LearnedOutput] = []
    var connection: LearnedConnection?
    var metadataRemove: [String] = []
    var notes: [String] = []
}

enum LearnMerger {
    /// Merges the evidence of one old (module, version); `report` gets the disagreements.
    static func merge(_ all: [PairEvidence], report: inout [String]) -> MergedEntry {
        let byTarget = Dictionary(grouping: all, by: { $0.newKey })
        let target = byTarget.max { a, b in a.value.count < b.value.count || (a.value.count == b.value.count && a.key > b.key) }!.key
        if byTarget.count > 1 {
            let others = byTarget.filter { $0.key != target }.sorted { $0.key < $1.key }
            report.append("\(all[0].oldKey): the examples disagree on the replacement (\(others.map { "\($0.key) in \($0.value.count)" }.joined(separator: ", ")) against \(target) in \(byTarget[target]!.count)): learned \(target) only")
        }
        let evs = all.filter { $0.newKey == target }
        var e = MergedEntry(oldKey: all[0].oldKey, newKey: target, evidences: evs)
        e.rules = mergeRules(evs, report: &report, what: "\(e.oldKey)")
        e.outputs = mergeOutputs(evs, report: &report, what: "\(e.oldKey)")
        let conns = evs.compactMap(\.connection)
        if let first = conns.first {
            var c = first
            c.evidence = conns.flatMap(\.evidence)
            if Set(conns.map(\.signature)).count > 1 {
                c.note = "the examples disagree on the connection (\(conns.map { "\($0.parameter) → \($0.to) \($0.action.rawValue)" }.joined(separator: "; "))): check it"
                c.action = .verify
                report.append("\(e.oldKey): the examples disagree on the connection: learned \"verify\"")
            }
            e.connection = c
        }
        for ev in evs { for p in ev.metadataRemove where !e.metadataRemove.contains(p) { e.metadataRemove.append(p) } }
        for ev in evs { for n in ev.notes where !e.notes.contains(n) { e.notes.append(n) } }
        return e
    }

    static func mergeRules(_ evs: [PairEvidence], report: inout [String], what: String) -> [LearnedRule] {
        var subjects: [String] = []
        for ev in evs { for r in ev.rules where !subjects.contains(r.subject) { subjects.append(r.subject) } }
        var out: [LearnedRule] = []
        for s in subjects {
            let field = s.hasPrefix("+") ? String(s.dropFirst()) : s
            let found = evs.compactMap { ev in ev.rules.first { $0.subject == s }.map { (ev, Optional($0)) } }
            // an added field: an example whose new module lacks it says "not added"
            let without = s.hasPrefix("+") ? evs.filter { ev in !ev.rules.contains { $0.subject == s } && !ev.newFields.contains(field) }.map { ($0, LearnedRule?.none) } : []
            let hits = found + without
            if without.isEmpty, let one = agreeing(found.map { $0.1! }) { out.append(one); continue }
            let groups = Dictionary(grouping: hits, by: { $0.1?.signature ?? "" }).values.sorted { a, b in
                a.count != b.count ? a.count > b.count : evs.firstIndex { $0.evidence == a[0].0.evidence }! < evs.firstIndex { $0.evidence == b[0].0.evidence }!
            }
            func rules(_ g: [(PairEvidence, LearnedRule?)]) -> [LearnedRule] { g[0].1 == nil ? [] : [agreeing(g.map { $0.1! })!] }
            if groups.count == 2, let w = discriminating(groups[0].map(\.0), groups[1].map(\.0), own: field) {
                let (thenGroup, elseGroup) = w.swapped ? (groups[1], groups[0]) : (groups[0], groups[1])
                var r = LearnedRule(subject: s, body: [("when", w.condition)], review: nil, note: nil,
                                    evidence: ["the examples disagree on \(field); \(w.field) tells them apart"])
                r.then = rules(thenGroup)
                r.otherwise = rules(elseGroup)
                out.append(r)
                report.append("\(what): the examples disagree on \(field): learned a `when` on \(w.field)")
                continue
            }
            guard var r = groups.first(where: { $0[0].1 != nil })?[0].1 else { continue }
            r.evidence = found.flatMap { $0.1!.evidence }
            r.review = "the examples disagree on \(field) (\(groups.map { "\($0[0].1?.op ?? "not added") in \($0.count)" }.joined(separator: ", "))) and no field of the old module tells them apart: check it"
            out.append(r)
            report.append("\(what): the examples disagree on \(field) and no field of the old module tells them apart: flagged for review")
        }
        return out
    }

    /// One rule for rules that agree: equal ones, maps into the same field (values united, none
    /// contradicting), drops (expected values united). Nil when they disagree.
    static func agreeing(_ rules: [LearnedRule]) -> LearnedRule? {
        var r = rules[0]
        r.evidence = rules.flatMap(\.evidence)
        if Set(rules.map(\.signature)).count == 1 { return r }
        let head = { (x: LearnedRule) in x.body.filter { $0.0 != "values" && $0.0 != "expect" && $0.0 != "omit" }.map { "\($0.0)=\($0.1.compactText)" } }
        guard rules.allSatisfy({ $0.op == r.op && head($0) == head(r) && $0.review == r.review }) else { return nil }
        switch r.op {
        case "map":
            var pairs: [(JSONValue, JSONValue)] = []
            for x in rules {
                for (a, b) in valuePairs(x.body.first { $0.0 == "values" }!.1) {
                    if let k = pairs.firstIndex(where: { $0.0 == a }) { if pairs[k].1 != b { return nil } } else { pairs.append((a, b)) }
                }
            }
            r.body = r.body.map { $0.0 == "values" ? ("values", LearnDeriver.valueMap(pairs)) : $0 }
            return r
        case "keep":
            // a value one example's new version left out; another example kept a different one
            var vals: [JSONValue] = []
            for x in rules { for v in x.body.first(where: { $0.0 == "omit" })?.1.arrayValue ?? [] where !vals.contains(v) { vals.append(v) } }
            r.body = [r.body[0], ("omit", .array(vals))]
            return r
        case "drop":
            var vals: [JSONValue] = []
            for x in rules { for v in x.body.first(where: { $0.0 == "expect" })?.1.arrayValue ?? [] where !vals.contains(v) { vals.append(v) } }
            r.body = r.body.map { $0.0 == "expect" ? ("expect", .array(vals)) : $0 }
            return r
        default:
            return nil
        }
    }

    static func valuePairs(_ v: JSONValue) -> [(JSONValue, JSONValue)] {
        if let o = v.objectValue { return o.map { (.string($0.0), $0.1) } }
        return (v.arrayValue ?? []).compactMap { p in p.arrayValue.flatMap { $0.count == 2 ? ($0[0], $0[1]) : nil } }
    }

    /// A top-level field of the old modules whose values in `a` and in `b` do not overlap.
    /// Fields like a mode or a type (text without mappings, true/false): numbers and mappings
    /// are one scenario's data, not a kind of module; the rule's own field comes last.
    static func discriminating(_ a: [PairEvidence], _ b: [PairEvidence], own: String) -> (field: String, condition: JSONValue, swapped: Bool)? {
        let fields = Set((a + b).flatMap { $0.oldFields.keys }).sorted { ($0 == own ? 1 : 0, $0) < ($1 == own ? 1 : 0, $1) }
        for f in fields {
            let va = a.map { $0.oldFields[f] }, vb = b.map { $0.oldFields[f] }
            guard (va + vb).allSatisfy({ v in
                switch v { case nil, .null?, .bool?: return true; case .string(let s)?: return !s.contains("{{"); default: return false }
            }) else { continue }
            guard !va.contains(where: { x in vb.contains { $0 == x } }) else { continue }
            // the condition names the side without an absent value
            let swapped = va.contains { $0 == nil }
            let side = (swapped ? vb : va).compactMap { $0 }
            guard !side.isEmpty, side.count == (swapped ? vb : va).count else { continue }
            var unique: [JSONValue] = []
            for v in side where !unique.contains(v) { unique.append(v) }
            let test: (String, JSONValue) = unique.count == 1 ? ("equals", unique[0]) : ("in", .array(unique))
            return (f, .object([("field", .string(f)), test]), swapped)
        }
        return nil
    }

    static func mergeOutputs(_ evs: [PairEvidence], report: inout [String], what: String) -> [LearnedOutput] {
        var fields: [String] = []
        for ev in evs { for o in ev.outputs where !fields.contains(o.field) { fields.append(o.field) } }
        return fields.map { f in
            let hits = evs.compactMap { ev in ev.outputs.first { $0.field == f } }
            var o = hits[0]
            o.evidence = hits.flatMap(\.evidence)
            if Set(hits.map(\.signature)).count > 1 {
                o.review = true
                o.note = "the examples disagree on output \(f) (\(hits.map { $0.to ?? "removed" }.joined(separator: ", "))): references to it are flagged"
                report.append("\(what): the examples disagree on output \(f): flagged for review")
            }
            return o
        }
    }
}
