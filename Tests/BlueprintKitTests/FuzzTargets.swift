// The fuzz targets' bodies, shared by the libFuzzer harnesses (Tests/Fuzz/, built
// by Tests/Fuzz/run.sh together with the BlueprintKit sources) and by
// FuzzReplayTests, which replays the committed inputs under `swift test`.
// Each returns nil when the input was handled correctly, else what went wrong.
#if !FUZZING  // run.sh compiles this file into the BlueprintKit module itself
@testable import BlueprintKit
#endif

enum FuzzTargets {
    /// Name → body. Adding a target: a function here, a harness file, one line in run.sh.
    static let all: [(name: String, run: @Sendable ([UInt8]) -> String?)] = [("json", json), ("blueprint", blueprint), ("recovery", recovery), ("catalog", catalog)]

    /// The JSON parser and document: parse or give an in-range error; a parsed document
    /// writes back byte for byte and its value survives render → reparse in every layout.
    static func json(_ bytes: [UInt8]) -> String? {
        let doc: JSONDocument
        do { doc = try JSONDocument(bytes: bytes) } catch {
            if error.offset < 0 || error.offset > bytes.count { return "error offset \(error.offset) out of range" }
            let p = TextPosition.locate(bytes, offset: error.offset)
            if p.line != error.line || p.column != error.column || error.line < 1 || error.column < 1 { return "bad error position" }
            return nil
        }
        if doc.bytes.array != bytes { return "document bytes differ from the input" }
        let value = doc.value(doc.root)
        for style in [JSONStyle.make, JSONStyle.compact, doc.style] {
            let text = JSONWriter.render(value, style: style)
            guard let again = try? JSONDocument(text: text) else { return "rendered JSON does not parse: \(text.prefix(200))" }
            if again.value(again.root) != value { return "render → reparse changed the value" }
        }
        // The path of a node leads back to it, unless a duplicate key on the way makes it
        // lead to the first duplicate (bounded work per input).
        for i in 0..<min(doc.nodes.count, 64) {
            var unique = true
            var cur = i
            while doc.nodes[cur].parent >= 0 {
                let p = doc.nodes[cur].parent
                if doc.kind(p) == .object, let k = doc.key(cur), doc.members(p, k).count != 1 { unique = false }
                cur = p
            }
            if unique && doc.node(at: doc.path(of: i)) != i { return "path \(doc.path(of: i)) does not lead to node \(i)" }
            // Key lookups without decoding (raw bytes, the parser's escaped-key flag) agree
            // with decoding every key.
            let p = doc.nodes[i].parent
            if p >= 0, doc.kind(p) == .object, let k = doc.key(i) {
                let first = doc.children(p).first { doc.key($0) == k }
                if doc.member(p, k) != first { return "member(\(k)) disagrees with the decoded keys" }
                if !doc.keyEquals(i, k) { return "keyEquals(\(k)) is false for its own key" }
                if doc.firstMembers(p, JSONDocument.KeySet([k, k + "x"])) != [first, doc.children(p).first { doc.key($0) == k + "x" }] {
                    return "firstMembers disagrees with the decoded keys"
                }
            }
        }
        return nil
    }

    /// parse → Blueprint (modules, accounts, IML references) → an edit and its undo.
    static func blueprint(_ bytes: [UInt8]) -> String? {
        guard let bp = try? Blueprint(bytes: bytes) else { return nil }
        let doc = bp.document
        for m in bp.modules {
            if m.node < 0 || m.node >= doc.nodes.count { return "module node out of range" }
            _ = m.path.description
            if let id = m.id, bp.module(id: id) == nil { return "module \(id) not found by id" }
            for a in m.accounts { _ = a.value; _ = a.label }
        }
        for r in bp.references {
            if r.range.lowerBound < 0 || r.range.upperBound > bytes.count { return "reference outside the document" }
            if r.fieldRange.lowerBound < r.range.lowerBound || r.fieldRange.upperBound > r.range.upperBound { return "field outside its reference" }
            _ = r.text
            _ = bp.references(to: r.targetId)
        }
        _ = bp.danglingReferences
        guard let first = bp.modules.first else { return nil }
        var session = EditSession(document: doc)
        _ = try? session.perform("rename") { (ed: inout JSONEditor) throws(JSONEditError) in
            try ed.apply(try ed.document.setMember(first.node, "module", .string("fuzz:Edited\u{1F600}\"\\")))
        }
        var members = session.document.children(first.node).makeIterator()
        if let c = members.next() {
            _ = try? session.perform("remove") { (ed: inout JSONEditor) throws(JSONEditError) in try ed.apply(ed.document.remove(c)) }
        }
        while session.undo() != nil {}
        return session.document.bytes.array == bytes ? nil : "undo did not restore the bytes"
    }

    /// A recovery file's header (the file sits on disk between runs: it may be damaged).
    static func recovery(_ bytes: [UInt8]) -> String? {
        guard let parsed = try? Recovery.parse(bytes, path: "fuzz") else { return nil }
        if parsed.bodyOffset > bytes.count || bytes.count - parsed.bodyOffset != parsed.header.length { return "length not checked" }
        let again = parsed.header.line + Array(bytes[parsed.bodyOffset...])
        guard let p2 = try? Recovery.parse(again, path: "fuzz") else { return "rewritten header does not parse" }
        return p2.header == parsed.header ? nil : "header round trip changed it"
    }

    /// The demo scenario, parsed once: what a fuzzed user catalog upgrades.
    static let demo: Blueprint? = try? Blueprint(bytes: DemoScenario.bytes)

    /// A user catalog file on top of the shipped one (its rule sets are visible to
    /// `include`): loads or gives a `file:line:col` error inside the text; a loaded
    /// catalog upgrades the demo scenario to JSON that still parses, and undoing every
    /// upgrade gives back the demo's bytes.
    static func catalog(_ bytes: [UInt8]) -> String? {
        var c = Catalog.shipped
        do { try c.add(bytes: bytes, source: "fuzz.json") } catch {
            if error.file != "fuzz.json" { return "error names \(error.file)" }
            let lines = 1 + bytes.lazy.filter { $0 == 0x0A }.count
            if error.line < 1 || error.line > lines || error.column < 1 { return "error position \(error.line):\(error.column) outside the file" }
            return nil
        }
        for e in c.sortedEntries.prefix(2000) { _ = e.displayName; _ = e.key }
        guard let demo else { return "the demo scenario does not load" }
        for m in demo.modules { _ = c.status(of: m) }
        var s = EditSession(document: demo.document)
        _ = UpgradeEngine(catalog: c).upgradeAll(in: &s)
        if (try? Blueprint(document: s.document)) == nil { return "upgrading gave a document that is not a blueprint" }
        while s.undo() != nil {}
        return s.document.bytes.array == demo.document.bytes.array ? nil : "undoing the upgrades did not restore the demo"
    }
}
