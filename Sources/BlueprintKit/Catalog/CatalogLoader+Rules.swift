// The field rules of a catalog file (format in README, "Catalog format"): the
// operations, their options, and the conditions of `when`.

extension CatalogReader {
    static let ops = ["keep", "rename", "move", "drop", "add", "set", "map", "when", "include"]
    static let ruleKeys = ops + ["to", "omit", "expect", "value", "values", "then", "else", "provenance", "note", "review",
                                 "descriptor", "restore", "after"]

    func ruleList(_ n: Int, _ what: String) throws(CatalogError) -> [FieldRule] {
        guard doc.kind(n) == .array else { throw error(n, "\(what) must be an array of rules") }
        var out: [FieldRule] = []
        for c in doc.children(n) { out += try rule(c) }
        return out
    }

    /// One rule (an `include` expands to several).
    func rule(_ n: Int) throws(CatalogError) -> [FieldRule] {
        try object(n, "a rule", allowed: CatalogReader.ruleKeys)
        let present = CatalogReader.ops.filter { doc.member(n, $0) != nil }
        guard present.count == 1 else {
            throw error(n, present.isEmpty ? "a rule needs one of: \(CatalogReader.ops.joined(separator: ", "))"
                                           : "a rule has one operation, not \(present.joined(separator: " and "))")
        }
        let op = present[0]
        let opNode = doc.member(n, op)!
        if op == "include" {
            let name = try string(opNode, "\"include\"")
            guard let set = ruleSets[name] ?? moreRuleSets?(name) else { throw error(opNode, "no rule set named \"\(name)\" (define it under \"ruleSets\" first)") }
            return set
        }
        func allow(_ keys: [String]) throws(CatalogError) {
            for c in doc.children(n) {
                let k = doc.key(c) ?? ""
                if k == op || ["provenance", "note", "review"].contains(k) || keys.contains(k) { continue }
                throw error(at: doc.node(c).memberStart, "\"\(k)\" does not apply to a \(op) rule")
            }
        }
        func need(_ k: String) throws(CatalogError) -> Int {
            guard let v = doc.member(n, k) else { throw error(n, "a \(op) rule needs \"\(k)\"") }
            return v
        }
        let kind: FieldRuleKind
        switch op {
        case "keep":
            try allow(["omit"])
            kind = .keep(try field(opNode, "\"keep\""), omit: try doc.member(n, "omit").map { (v) throws(CatalogError) in try values(v, "\"omit\"") } ?? [])
        case "rename", "move":
            try allow(["to", "omit", "descriptor"])
            let from = try field(opNode, "\"\(op)\"")
            let toNode = try need("to")
            let to = try field(toNode, "\"to\"")
            try sameParent(from, to, toNode, allowDomainChange: from.isTopLevel)
            if op == "move" && from.domain == to.domain { throw error(toNode, "a move goes between parameters and mapper; use rename") }
            kind = .rename(from, to: to, omit: try doc.member(n, "omit").map { (v) throws(CatalogError) in try values(v, "\"omit\"") } ?? [])
        case "drop":
            try allow(["expect"])
            kind = .drop(try field(opNode, "\"drop\""), expect: try doc.member(n, "expect").map { (v) throws(CatalogError) in try values(v, "\"expect\"") })
        case "add", "set":
            try allow(["value", "descriptor", "restore", "after"])
            let f = try field(opNode, "\"\(op)\"")
            let v = doc.value(try need("value"))
            kind = op == "add" ? .add(f, value: v) : .set(f, value: v)
        case "map":
            try allow(["to", "values", "descriptor"])
            let f = try field(opNode, "\"map\"")
            var to: FieldPath?
            if let t = doc.member(n, "to") { to = try field(t, "\"to\""); try sameParent(f, to!, t, allowDomainChange: f.isTopLevel) }
            kind = .map(f, to: to, values: try valueMap(try need("values")))
        default: // when
            try allow(["then", "else"])
            var conds: [Condition] = []
            if doc.kind(opNode) == .array { for c in doc.children(opNode) { conds.append(try condition(c)) } }
            else { conds.append(try condition(opNode)) }
            guard !conds.isEmpty else { throw error(opNode, "\"when\" needs at least one condition") }
            let then = try ruleList(try need("then"), "\"then\"")
            let otherwise = try doc.member(n, "else").map { (e) throws(CatalogError) in try ruleList(e, "\"else\"") } ?? []
            kind = .when(conds, then: then, otherwise: otherwise)
        }
        var after: [String] = []
        if doc.member(n, "after") != nil { after = try strings(n, "after") }
        return [FieldRule(kind: kind, provenance: try optString(n, "provenance"), note: try optString(n, "note"),
                          review: try optString(n, "review"), descriptor: doc.member(n, "descriptor").map { doc.value($0) },
                          restore: doc.member(n, "restore").map { doc.value($0) }, after: after, line: line(n))]
    }

    func sameParent(_ a: FieldPath, _ b: FieldPath, _ at: Int, allowDomainChange: Bool) throws(CatalogError) {
        if a.isTopLevel && b.isTopLevel { return }
        guard a.domain == b.domain, a.parentSegments == b.parentSegments else {
            throw error(at, "a nested field can only be renamed within its own object (\(a) → \(b))")
        }
    }

    /// `{"simple": "simpleSearch"}` or `[[old, new], ...]`.
    func valueMap(_ n: Int) throws(CatalogError) -> [(JSONValue, JSONValue)] {
        if doc.kind(n) == .object { return doc.children(n).map { (.string(doc.key($0) ?? ""), doc.value($0)) } }
        guard doc.kind(n) == .array else { throw error(n, "\"values\" must be an object (old → new) or an array of [old, new] pairs") }
        var out: [(JSONValue, JSONValue)] = []
        for p in doc.children(n) {
            guard doc.kind(p) == .array, doc.node(p).count == 2 else { throw error(p, "each pair in \"values\" must be [old, new]") }
            let kids = Array(doc.children(p))
            out.append((doc.value(kids[0]), doc.value(kids[1])))
        }
        return out
    }

    func condition(_ n: Int) throws(CatalogError) -> Condition {
        try object(n, "a condition", allowed: ["field", "equals", "in", "absent", "present", "orAbsent"])
        let f = try field(try required(n, "field", "a condition"), "\"field\"")
        let tests = ["equals", "in", "absent", "present"].filter { doc.member(n, $0) != nil }
        guard tests.count == 1 else { throw error(n, "a condition needs exactly one of equals, in, absent, present") }
        let t = doc.member(n, tests[0])!
        let test: Condition.Test
        switch tests[0] {
        case "equals": test = .equals(doc.value(t))
        case "in": test = .oneOf(try values(t, "\"in\""))
        case "absent": guard try bool(t, "\"absent\"") else { throw error(t, "write \"present\": true instead of \"absent\": false") }; test = .absent
        default: guard try bool(t, "\"present\"") else { throw error(t, "write \"absent\": true instead of \"present\": false") }; test = .present
        }
        let orAbsent = try doc.member(n, "orAbsent").map { (v) throws(CatalogError) in try bool(v, "\"orAbsent\"") } ?? false
        return Condition(field: f, test: test, orAbsent: orAbsent)
    }
}
