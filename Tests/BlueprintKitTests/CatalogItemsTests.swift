// The `items` option of keep/rename/move rules: renaming the keys inside an array
// field's items. A bad option is refused at FILE:LINE:COL; a user catalog can use it.
import Foundation
import Testing
@testable import BlueprintKit

@Suite struct CatalogItemsTests {
    /// A user catalog whose one rule (on line 3) is `rule`.
    static func catalog(_ rule: String) -> String {
        """
        {"scenedCatalog": 1, "entries": [
          {"module": "acme:Old", "version": 1, "status": "deprecated", "replacement": {"module": "acme:New", "version": 2, "mode": "automatic", "rules": [
            \(rule)
          ]}},
          {"module": "acme:New", "version": 2, "status": "current"}
        ]}
        """
    }

    static func load(_ rule: String) throws(CatalogError) -> Catalog {
        var c = Catalog()
        try c.add(bytes: Array(catalog(rule).utf8), source: "team.json")
        return c
    }

    /// Each bad option, the text its error points at (the first occurrence after `"items"`), and the message.
    @Test(arguments: [
        (#"{"rename": "mapper.rows", "to": "mapper.lines", "items": {"key": "name"}}"#, #""key""#,
         #"unknown key "key" in "items" (allowed: rename, keep, required)"#),
        (#"{"rename": "mapper.rows", "to": "mapper.lines", "items": ["key", "name"]}"#, #"["key""#,
         #""items" must be an object, not array"#),
        (#"{"keep": "mapper.rows", "items": {"keep": ["value"]}}"#, #"{"keep": ["value"]}"#,
         #""items" needs "rename""#),
        (#"{"keep": "mapper.rows", "items": {"rename": {}}}"#, "{}",
         #""rename" must be an object of item keys and their new names"#),
        (#"{"keep": "mapper.rows", "items": {"rename": {"key": 1}}}"#, "1",
         #"the new name of item key "key" must be a string"#),
        (#"{"keep": "mapper.rows", "items": {"rename": {"key": "key"}}}"#, #""key": "key""#,
         #"item key "key" keeps its name: list it under "keep""#),
        (#"{"keep": "mapper.rows", "items": {"rename": {"key": "name"}, "keep": ["name"]}}"#, #""name"]"#,
         #"two item keys would both become "name""#),
        (#"{"keep": "mapper.rows", "items": {"rename": {"key": "name"}, "keep": ["value", "key"]}}"#, #""key"]"#,
         #"item key "key" is listed twice in "items""#),
        (#"{"keep": "mapper.rows", "items": {"rename": {"a": "b", "b": "c"}}}"#, #""a""#,
         #"item key "a" would become "b", which is itself an item key of the rule"#),
        (#"{"keep": "mapper.rows", "items": {"rename": {"key": "name"}, "required": ["fieldType"]}}"#, #""fieldType""#,
         #"required item key "fieldType" is neither renamed nor kept"#),
        (#"{"keep": "mapper.rows", "items": {"rename": {"key": "name"}, "keep": "value"}}"#, #""value""#,
         #""keep" must be an array of item keys"#),
        (#"{"drop": "mapper.rows", "items": {"rename": {"key": "name"}}}"#, #""items""#,
         #""items" does not apply to a drop rule"#),
    ])
    func aBadItemsOptionIsRefusedWhereItIs(_ a: (String, String, String)) {
        let (rule, at, message) = a
        var e: CatalogError?
        do { _ = try CatalogItemsTests.load(rule) } catch { e = error }
        let line = CatalogItemsTests.catalog(rule).components(separatedBy: "\n")[2]
        let from = at == #""items""# ? line.startIndex : line.range(of: #""items""#)!.upperBound
        let column = line.distance(from: line.startIndex, to: line.range(of: at, range: from..<line.endIndex)!.lowerBound) + 1
        #expect(e?.description.hasPrefix("team.json:3:\(column): \(message)") == true, "\(e?.description ?? "no error")")
    }

    /// A user catalog renames item keys and keeps the field: values and the restore items follow,
    /// the old descriptor (which names the old keys) goes.
    @Test func aKeepRuleRenamesTheKeysInsideItems() throws {
        let c = try CatalogItemsTests.load(#"{"keep": "mapper.rows", "items": {"rename": {"k": "key"}, "keep": ["v"], "required": ["k"]}, "provenance": "acme changelog"}"#)
        let bp = try fixture(#"""
        {"flow": [{"id": 1, "module": "acme:Old", "version": 1, "mapper": {"rows": [{"k": "a", "v": 1}, {"v": 2, "k": "b"}]},
                   "metadata": {"restore": {"expect": {"rows": {"mode": "chose", "items": [{"k": {"label": "A"}}, null]}}},
                                "expect": [{"name": "rows", "type": "array", "spec": [{"name": "k"}, {"name": "v"}]}]}}]}
        """#)
        let engine = UpgradeEngine(catalog: c)
        let plan = try engine.makePlan(for: bp.modules[0], in: bp)
        #expect(plan.flagged.isEmpty)
        #expect(plan.changes.contains { $0.keyText == "mapper.rows" && $0.kind == .changed && $0.after == #"[{"key":"a","v":1},{"v":2,"key":"b"}]"# })
        var s = EditSession(document: bp.document)
        try engine.apply(plan, to: &s)
        let m = s.document.value(try #require(try Blueprint(document: s.document).module(id: 1)).node)
        #expect(m["mapper"]?.compactText == #"{"rows":[{"key":"a","v":1},{"v":2,"key":"b"}]}"#)
        #expect(m["metadata"]?.compactText == #"{"restore":{"expect":{"rows":{"mode":"chose","items":[{"key":{"label":"A"}},null]}}},"expect":[]}"#)
        // an item without the required key is not guessed at
        let missing = try fixture(#"{"flow": [{"id": 1, "module": "acme:Old", "version": 1, "mapper": {"rows": [{"v": 1}]}}]}"#)
        let p2 = try engine.makePlan(for: missing.modules[0], in: missing)
        #expect(p2.flagged.map(\.keyText) == ["mapper.rows"])
        #expect(p2.flagged.first?.note?.hasPrefix("item 1 has no k: the items cannot be converted (k → key)") == true)
    }
}
