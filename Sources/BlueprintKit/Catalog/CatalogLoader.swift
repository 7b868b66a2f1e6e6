// Parses the catalog JSON format with scened's own JSONDocument, so every
// error names `file:line:col`. Unknown keys are errors (a typo must not make
// a rule silently do nothing). The format is documented in README.

enum CatalogLoader {
    static func parse(bytes: [UInt8], source: String, visibleRuleSets: [String: [FieldRule]],
                      moreRuleSets: (@Sendable (String) -> [FieldRule]?)? = nil) throws(CatalogError) -> Catalog {
        var r = try reader(bytes: bytes, source: source, visibleRuleSets: visibleRuleSets)
        r.moreRuleSets = moreRuleSets
        return try r.file()
    }

    /// A file's reader, for reading it in parts (ShippedStore).
    static func reader(bytes: [UInt8], source: String, visibleRuleSets: [String: [FieldRule]]) throws(CatalogError) -> CatalogReader {
        let doc: JSONDocument
        do { doc = try JSONDocument(bytes: bytes) } catch {
            throw CatalogError(file: source, line: error.line, column: error.column, message: error.message)
        }
        return CatalogReader(doc: doc, source: source, ruleSets: visibleRuleSets, lines: TextPosition.LineIndex(doc.bytes))
    }
}

struct CatalogReader {
    let doc: JSONDocument
    let source: String
    var ruleSets: [String: [FieldRule]]
    /// Rule sets of the shipped catalog a user file may include, looked up only when it does.
    var moreRuleSets: (@Sendable (String) -> [FieldRule]?)? = nil
    /// Line starts, so that each rule's line is a binary search, not a scan from the top.
    let lines: TextPosition.LineIndex

    // MARK: errors and typed access

    func error(at offset: Int, _ message: String) -> CatalogError {
        let p = TextPosition.locate(doc.bytes, offset: offset)
        return CatalogError(file: source, line: p.line, column: p.column, message: message)
    }
    func error(_ node: Int, _ message: String) -> CatalogError { error(at: doc.node(node).start, message) }
    func line(_ node: Int) -> Int { lines.line(at: doc.node(node).memberStart) }

    /// Checks that `node` is an object whose keys are all in `allowed` and appear once.
    func object(_ node: Int, _ what: String, allowed: [String]) throws(CatalogError) {
        guard doc.kind(node) == .object else { throw error(node, "\(what) must be an object, not \(doc.kind(node))") }
        var seen: UInt64 = 0   // bit i: allowed[i] was seen (keys compared as bytes, not decoded)
        for c in doc.children(node) {
            guard let i = allowed.firstIndex(where: { doc.keyEquals(c, $0) }), i < 64 else {
                throw error(at: doc.node(c).memberStart, "unknown key \"\(doc.key(c) ?? "")\" in \(what) (allowed: \(allowed.joined(separator: ", ")))")
            }
            guard seen & (1 << UInt64(i)) == 0 else { throw error(at: doc.node(c).memberStart, "duplicate key \"\(allowed[i])\" in \(what)") }
            seen |= 1 << UInt64(i)
        }
    }

    func required(_ obj: Int, _ key: String, _ what: String) throws(CatalogError) -> Int {
        guard let n = doc.member(obj, key) else { throw error(obj, "\(what) needs \"\(key)\"") }
        return n
    }

    func string(_ n: Int, _ what: String) throws(CatalogError) -> String {
        guard let s = doc.string(n) else { throw error(n, "\(what) must be a string, not \(doc.kind(n))") }
        return s
    }

    func optString(_ obj: Int, _ key: String) throws(CatalogError) -> String? {
        guard let n = doc.member(obj, key) else { return nil }
        return try string(n, "\"\(key)\"")
    }

    func int(_ n: Int, _ what: String) throws(CatalogError) -> Int {
        guard let v = doc.int(n) else { throw error(n, "\(what) must be an integer") }
        return v
    }

    func bool(_ n: Int, _ what: String) throws(CatalogError) -> Bool {
        guard let v = doc.bool(n) else { throw error(n, "\(what) must be true or false") }
        return v
    }

    /// A string or an array of strings.
    func strings(_ obj: Int, _ key: String) throws(CatalogError) -> [String] {
        guard let n = doc.member(obj, key) else { return [] }
        if doc.kind(n) == .string { return [doc.string(n)!] }
        guard doc.kind(n) == .array else { throw error(n, "\"\(key)\" must be a string or an array of strings") }
        var out: [String] = []
        for c in doc.children(n) { out.append(try string(c, "each item of \"\(key)\"")) }
        return out
    }

    func values(_ n: Int, _ what: String) throws(CatalogError) -> [JSONValue] {
        guard doc.kind(n) == .array else { throw error(n, "\(what) must be an array of values") }
        return doc.children(n).map { doc.value($0) }
    }

    func field(_ n: Int, _ what: String) throws(CatalogError) -> FieldPath {
        let s = try string(n, what)
        guard let p = FieldPath(parsing: s) else {
            throw error(n, "\(what) \"\(s)\" is not a field path (parameters.NAME or mapper.NAME, `[]` after an array, e.g. mapper.attachments[].fileName)")
        }
        return p
    }

    func date(_ obj: Int, _ key: String) throws(CatalogError) -> String? {
        guard let n = doc.member(obj, key) else { return nil }
        let s = try string(n, "\"\(key)\"")
        guard CatalogDate.isValid(s) else { throw error(n, "\"\(key)\" must be a date like 2026-07-31 or 2026-07, not \"\(s)\"") }
        return s
    }

    func lifecycle(_ obj: Int) throws(CatalogError) -> Lifecycle {
        Lifecycle(deprecatedSince: try date(obj, "deprecatedSince"), stopsWorking: try date(obj, "stopsWorking"),
                  unsupportedAfter: try date(obj, "unsupportedAfter"))
    }

    /// Line and column of a node by the line index (a scan from the top per entry was quadratic).
    func position(_ n: Int) -> (line: Int, column: Int) {
        let off = doc.node(n).start
        let line = lines.line(at: off)
        let start = lines.starts[line - 1]
        var col = 1
        var i = start
        while i < off { if doc.bytes[i] & 0xC0 != 0x80 { col += 1 }; i += 1 }   // characters, not bytes
        return (line, col)
    }

    /// `basis` and `seenIn`: observations carry a count and can only be current.
    func basis(_ obj: Int, status: CatalogStatus, what: String) throws(CatalogError) -> (EntryBasis, Int?) {
        var b = EntryBasis.documented
        if let n = doc.member(obj, "basis") {
            let t = try string(n, "\"basis\"")
            guard let v = EntryBasis(rawValue: t) else { throw error(n, "\"basis\" must be documented or observed, not \"\(t)\"") }
            b = v
        }
        var seen: Int?
        if let n = doc.member(obj, "seenIn") {
            seen = try int(n, "\"seenIn\"")
            guard b == .observed else { throw error(at: doc.node(n).memberStart, "\"seenIn\" belongs to an observation (\"basis\": \"observed\")") }
            guard seen! > 0 else { throw error(n, "\"seenIn\" must be at least 1") }
        }
        if b == .observed {
            guard status == .current else { throw error(obj, "\(what) is observed, so it can only be current: an export never shows that a module is deprecated") }
            guard seen != nil else { throw error(obj, "an observed \(what) needs \"seenIn\" (in how many public exports it was seen)") }
        }
        return (b, seen)
    }

    func status(_ obj: Int, _ what: String) throws(CatalogError) -> CatalogStatus {
        let stNode = try required(obj, "status", what)
        let stText = try string(stNode, "\"status\"")
        guard let status = CatalogStatus(rawValue: stText) else {
            throw error(stNode, "\"status\" must be current, deprecated or retired, not \"\(stText)\"")
        }
        return status
    }

    // MARK: the file

    mutating func file() throws(CatalogError) -> Catalog {
        let sets = try header()
        let sections = try self.sections()
        var facts = CatalogFacts()
        try read(sections, into: &facts)
        return Catalog(own: facts, ruleSets: sets, sources: [source])
    }

    func entry(_ e: Int) throws(CatalogError) -> CatalogEntry {
        try object(e, "an entry", allowed: ["module", "version", "title", "status", "basis", "seenIn", "deprecatedSince",
                                            "stopsWorking", "unsupportedAfter", "provenance", "notes", "replacement"])
        let module = try string(try required(e, "module", "an entry"), "\"module\"")
        guard module.contains(":") else { throw error(doc.member(e, "module")!, "\"module\" must look like app:ModuleName") }
        let vNode = try required(e, "version", "an entry")
        let version: Int? = doc.kind(vNode) == .null ? nil : try int(vNode, "\"version\" (an integer, or null for modules without one)")
        let status = try self.status(e, "an entry")
        let (basis, seenIn) = try self.basis(e, status: status, what: "module entry")
        var replacement: Replacement?
        if let r = doc.member(e, "replacement") { replacement = try self.replacement(r) }
        if status == .current, let r = doc.member(e, "replacement") {
            throw error(at: doc.node(r).memberStart, "a current entry cannot have a replacement")
        }
        let dates = try lifecycle(e)
        let pos = position(e)
        return CatalogEntry(key: ModuleKey(module, version), title: try optString(e, "title"), status: status,
                            deprecatedSince: dates.deprecatedSince, stopsWorking: dates.stopsWorking,
                            unsupportedAfter: dates.unsupportedAfter, basis: basis, seenIn: seenIn,
                            provenance: try strings(e, "provenance"), notes: try strings(e, "notes"),
                            replacement: replacement, source: source, line: pos.line, column: pos.column)
    }

    func replacement(_ r: Int) throws(CatalogError) -> Replacement {
        try object(r, "a replacement", allowed: ["module", "version", "mode", "rules", "outputs", "knownOutputs",
                                                 "connection", "metadata", "notes", "provenance"])
        let module = try string(try required(r, "module", "a replacement"), "\"module\"")
        let version = try int(try required(r, "version", "a replacement"), "\"version\"")
        let modeNode = try required(r, "mode", "a replacement")
        let modeText = try string(modeNode, "\"mode\"")
        guard let mode = ReplacementMode(rawValue: modeText) else {
            throw error(modeNode, "\"mode\" must be automatic or manual, not \"\(modeText)\"")
        }
        var rules: [FieldRule] = []
        if let n = doc.member(r, "rules") { rules = try ruleList(n, "\"rules\"") }
        var outputs: [OutputRule] = []
        if let n = doc.member(r, "outputs") {
            guard doc.kind(n) == .array else { throw error(n, "\"outputs\" must be an array") }
            for o in doc.children(n) { outputs.append(try output(o)) }
        }
        var known: [String]?
        if doc.member(r, "knownOutputs") != nil { known = try strings(r, "knownOutputs") }
        var metadataRemove: [JSONPath] = []
        if let m = doc.member(r, "metadata") {
            try object(m, "\"metadata\"", allowed: ["remove"])
            if let rm = doc.member(m, "remove") {
                guard doc.kind(rm) == .array else { throw error(rm, "\"remove\" must be an array of paths") }
                for p in doc.children(rm) {
                    let s = try string(p, "a metadata path")
                    guard let path = JSONPath(parsing: s), !path.components.isEmpty else { throw error(p, "\"\(s)\" is not a path like restore.parameters.folder") }
                    metadataRemove.append(path)
                }
            }
        }
        return Replacement(key: ModuleKey(module, version), mode: mode, rules: rules, outputs: outputs, knownOutputs: known,
                           connection: try doc.member(r, "connection").map { (n) throws(CatalogError) in try connection(n) },
                           metadataRemove: metadataRemove, notes: try strings(r, "notes"), provenance: try strings(r, "provenance"))
    }

    func output(_ n: Int) throws(CatalogError) -> OutputRule {
        try object(n, "an output rule", allowed: ["field", "to", "toValueOf", "removed", "review", "note", "provenance"])
        let f = try string(try required(n, "field", "an output rule"), "\"field\"")
        let targets = ["to", "toValueOf", "removed", "review"].filter { doc.member(n, $0) != nil }
        guard targets.count == 1 else { throw error(n, "an output rule needs exactly one of to, toValueOf, removed, review") }
        let t = doc.member(n, targets[0])!
        let target: OutputRule.Target
        switch targets[0] {
        case "to": target = .name(try string(t, "\"to\""))
        case "toValueOf":
            let p = try field(t, "\"toValueOf\"")
            guard p.isTopLevel else { throw error(t, "\"toValueOf\" must name a top-level field") }
            target = .valueOf(p)
        case "removed": guard try bool(t, "\"removed\"") else { throw error(t, "\"removed\" must be true") }; target = .removed
        default: guard try bool(t, "\"review\"") else { throw error(t, "\"review\" must be true") }; target = .unverified
        }
        return OutputRule(field: f, target: target, note: try optString(n, "note"), provenance: try optString(n, "provenance"))
    }

    func connection(_ n: Int) throws(CatalogError) -> ConnectionRule {
        try object(n, "\"connection\"", allowed: ["parameter", "to", "kind", "accepted", "action", "descriptorType", "note", "provenance"])
        let p = try string(try required(n, "parameter", "\"connection\""), "\"parameter\"")
        var kind = AccountKind.connection
        if let k = doc.member(n, "kind") {
            let s = try string(k, "\"kind\"")
            guard let v = AccountKind(rawValue: s) else {
                throw error(k, "\"kind\" must be one of \(AccountKind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            kind = v
        }
        let an = try required(n, "action", "\"connection\"")
        let aText = try string(an, "\"action\"")
        guard let action = ConnectionRule.Action(rawValue: aText) else { throw error(an, "\"action\" must be keep, verify or reassign") }
        return ConnectionRule(parameter: p, to: try optString(n, "to"), kind: kind, accepted: try strings(n, "accepted"),
                              action: action, descriptorType: try optString(n, "descriptorType"),
                              note: try optString(n, "note"), provenance: try optString(n, "provenance"))
    }
}
