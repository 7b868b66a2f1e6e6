// The field rules of a catalog file (format in README, "Catalog format"): the
// operations, their options, and the conditions of `when`.

extension CatalogReader {
    static let ops = ["keep", "rename", "move", "drop", "add", "set", "map", "when", "include"]
    static let ruleKeys = ops + ["to", "omit", "expect", "value", "values", "then", "else", "provenance", "note", "review",
                                 "descriptor", "restore", "after", "items"]

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
            try allow(["omit", "items"])
            kind = .keep(try field(opNode, "\"keep\""), omit: try doc.member(n, "omit").map { (v) throws(CatalogError) in try values(v, "\"omit\"") } ?? [],
                         items: try doc.member(n, "items").map { (v) throws(CatalogError) in try itemKeys(v) })
        case "rename", "move":
            try allow(["to", "omit", "descriptor", "items"])
            let from = try field(opNode, "\"\(op)\"")
            let toNode = try need("to")
            let to = try field(toNode, "\"to\"")
            try sameParent(from, to, toNode, allowDomainChange: from.isTopLevel)
            if op == "move" && from.domain == to.domain { throw error(toNode, "a move goes between parameters and mapper; use rename") }
            kind = .rename(from, to: to, omit: try doc.member(n, "omit").map { (v) throws(CatalogError) in try values(v, "\"omit\"") } ?? [],
                           items: try doc.member(n, "items").map { (v) throws(CatalogError) in try itemKeys(v) })
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

    /// `{"rename": {"key": "name"}, "keep": ["value"], "required": ["key"]}`: every key an item may
    /// have, renamed or kept, each once; required keys among them; no two keys ending with one name.
    func itemKeys(_ n: Int) throws(CatalogError) -> ItemKeys {
        try object(n, "\"items\"", allowed: ["rename", "keep", "required"])
        let rn = try required(n, "rename", "\"items\"")
        guard doc.kind(rn) == .object, doc.node(rn).count > 0 else {
            throw error(rn, "\"rename\" must be an object of item keys and their new names, e.g. {\"key\": \"name\"}")
        }
        var out = ItemKeys(rename: [])
        var listed: [String] = [], after: [String] = []
        func add(_ c: Int, _ k: String, becomes new: String) throws(CatalogError) {
            let at = doc.node(c).memberStart   // the key of a rename, the string of a keep
            guard !k.isEmpty, !new.isEmpty else { throw error(at: at, "an item key cannot be empty") }
            guard !listed.contains(k) else { throw error(at: at, "item key \"\(k)\" is listed twice in \"items\"") }
            guard !after.contains(new) else { throw error(at: at, "two item keys would both become \"\(new)\"") }
            listed.append(k); after.append(new)
        }
        var renamed: [Int] = []
        for c in doc.children(rn) {
            let k = doc.key(c) ?? "", new = try string(c, "the new name of item key \"\(k)\"")
            guard new != k else { throw error(at: doc.node(c).memberStart, "item key \"\(k)\" keeps its name: list it under \"keep\"") }
            try add(c, k, becomes: new)
            out.rename.append((k, new))
            renamed.append(c)
        }
        if let kn = doc.member(n, "keep") {
            guard doc.kind(kn) == .array else { throw error(kn, "\"keep\" must be an array of item keys") }
            for c in doc.children(kn) {
                let k = try string(c, "each item of \"keep\"")
                try add(c, k, becomes: k)
                out.keep.append(k)
            }
        }
        for (c, r) in zip(renamed, out.rename) where listed.contains(r.to) {   // renames happen one by one, so no chains or swaps
            throw error(at: doc.node(c).memberStart, "item key \"\(r.from)\" would become \"\(r.to)\", which is itself an item key of the rule")
        }
        if let qn = doc.member(n, "required") {
            guard doc.kind(qn) == .array else { throw error(qn, "\"required\" must be an array of item keys") }
            for c in doc.children(qn) {
                let k = try string(c, "each item of \"required\"")
                guard listed.contains(k) else { throw error(c, "required item key \"\(k)\" is neither renamed nor kept") }
                out.required.append(k)
            }
        }
        return out
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
