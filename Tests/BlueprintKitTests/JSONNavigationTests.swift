// Navigation: paths (printing, parsing, following) and deep documents that
// must be walked, converted and written without exhausting the stack.
import Foundation
import Testing
@testable import BlueprintKit

@Suite struct JSONPathTests {
    @Test func descriptionQuotesKeysThatAreNotPlainNames() {
        let p: JSONPath = ["flow", 3, "routes", 0, "mapper", "Approval Status", "a.b", "é", "$x_1"]
        #expect(p.description == #"flow[3].routes[0].mapper["Approval Status"]["a.b"]["é"].$x_1"#)
        #expect(JSONPath().description == "$")
    }

    @Test(arguments: ["Approval Status", "a.b", "a]b", "a\"b", "back\\slash", "[1]", "", "é 😀", "x\"]y", "0", "$"])
    func printedPathsParseBackToTheSamePath(_ key: String) throws {
        let p: JSONPath = ["mapper", .key(key), 2, "z"]
        let parsed = try #require(JSONPath(parsing: p.description), "\(p.description)")
        #expect(parsed == p, "\(p.description)")
    }

    @Test func parsingForms() {
        #expect(JSONPath(parsing: "flow[0].mapper.url") == ["flow", 0, "mapper", "url"])
        #expect(JSONPath(parsing: #"a["x y"][2]"#) == ["a", "x y", 2])
        #expect(JSONPath(parsing: "$") == JSONPath())
        #expect(JSONPath(parsing: "a[") == nil)
        #expect(JSONPath(parsing: "a[x]") == nil)
        #expect(JSONPath(parsing: #"a["x]"#) == nil)
        #expect(JSONPath(parsing: "") == nil)
    }

    @Test func followingAndComputingPaths() throws {
        let d = try doc(#"{"flow": [{"id": 1}, {"id": 2, "mapper": {"a b": [true, {"k": null}]}}]}"#)
        let n = try #require(d.node(at: ["flow", 1, "mapper", "a b", 1, "k"]))
        #expect(d.kind(n) == .null)
        #expect(d.path(of: n) == ["flow", 1, "mapper", "a b", 1, "k"])
        #expect(d.depth(of: n) == 6)
        #expect(d.node(at: ["flow", 2]) == nil)
        #expect(d.node(at: ["flow", "x"]) == nil)
        #expect(d.node(at: ["flow", -1]) == nil)
        #expect(d.path(of: d.root) == JSONPath())
    }
}

@Suite struct DeepDocumentTests {
    @Test func valueAndWriterHandleTheDeepestAcceptedDocument() throws {
        let depth = jsonMaxDepth
        let text = String(repeating: "{\"a\":[", count: depth / 2) + "1" + String(repeating: "]}", count: depth / 2)
        let d = try doc(text)
        let v = d.value(d.root)
        let compact = JSONWriter.render(v, style: .compact)
        #expect(compact == text)
        let pretty = JSONWriter.render(v, style: .make)
        #expect(try JSONDocument(text: pretty).value(0) == v)
    }

    @Test func deeplyNestedRoutersAreWalked() throws {
        // 200 routers, each inside the first route of the previous one (the corpus goes to 15)
        let levels = 200
        var text = "{\"flow\": ["
        for k in 1...levels { text += "{\"id\": \(k), \"module\": \"builtin:BasicRouter\", \"version\": 1, \"mapper\": {\"x\": \"{{\(k).a}}\"}, \"routes\": [{\"flow\": [" }
        text += String(repeating: "]}]}", count: levels) + "]}"
        let bp = try Blueprint(bytes: Array(text.utf8))
        #expect(bp.modules.count == levels)
        #expect(bp.modules.last?.depth == levels - 1)
        #expect(bp.modules.last?.path.components.count == 1 + 4 * (levels - 1) + 0 + 1)
        #expect(bp.references.count == levels)
        #expect(bp.modules.last?.container == .route(router: levels - 1, index: 0, isElse: false))
    }
}
