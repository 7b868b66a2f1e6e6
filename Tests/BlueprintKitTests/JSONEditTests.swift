// Edits as splices: each one must come out in the document's own style
// (indent unit, newline, spacing after ':') and touch only what changed.
// Every expectation is the exact resulting text.
import Foundation
import Testing
@testable import BlueprintKit

/// Applies the splice built by `edit` and returns the new text; also checks that
/// the inverse splice gives back the original bytes.
private func edited(_ text: String, sourceLocation: SourceLocation = #_sourceLocation,
                    _ edit: (JSONDocument) throws -> Splice) throws -> String {
    let d = try doc(text, sourceLocation: sourceLocation)
    let (out, inverse) = try d.applying([try edit(d)])
    #expect(try out.applying(inverse).document.bytes.array == d.bytes, "inverse restores the original", sourceLocation: sourceLocation)
    return out.text
}

private func at(_ d: JSONDocument, _ path: String) -> Int { d.node(at: JSONPath(parsing: path)!)! }

@Suite struct JSONEditStyleTests {
    // MARK: 2-space

    let twoSpace = "{\n  \"a\": 1,\n  \"b\": [\n    1\n  ],\n  \"o\": {}\n}"

    @Test func twoSpaceSetMemberAppendsAndReplaces() throws {
        #expect(try edited(twoSpace) { try $0.setMember($0.root, "c", .int(3)) }
                == "{\n  \"a\": 1,\n  \"b\": [\n    1\n  ],\n  \"o\": {},\n  \"c\": 3\n}")
        #expect(try edited(twoSpace) { try $0.setMember($0.root, "a", .string("x")) }
                == "{\n  \"a\": \"x\",\n  \"b\": [\n    1\n  ],\n  \"o\": {}\n}")
        #expect(try edited(twoSpace) { try $0.setMember($0.root, "n", .object([("x", .int(1)), ("y", .array([]))]), after: ["a"]) }
                == "{\n  \"a\": 1,\n  \"n\": {\n    \"x\": 1,\n    \"y\": []\n  },\n  \"b\": [\n    1\n  ],\n  \"o\": {}\n}")
    }

    @Test func twoSpaceInsertMemberFirstAndIntoEmptyObject() throws {
        #expect(try edited(twoSpace) { try $0.insertMember($0.root, "z", .null, at: 0) }
                == "{\n  \"z\": null,\n  \"a\": 1,\n  \"b\": [\n    1\n  ],\n  \"o\": {}\n}")
        #expect(try edited(twoSpace) { try $0.insertMember(at($0, "o"), "k", .bool(true), at: 0) }
                == "{\n  \"a\": 1,\n  \"b\": [\n    1\n  ],\n  \"o\": {\n    \"k\": true\n  }\n}")
    }

    @Test func twoSpaceInsertElement() throws {
        #expect(try edited(twoSpace) { try $0.insertElement(at($0, "b"), .int(2), at: 1) }
                == "{\n  \"a\": 1,\n  \"b\": [\n    1,\n    2\n  ],\n  \"o\": {}\n}")
        #expect(try edited(twoSpace) { try $0.insertElement(at($0, "b"), .array([.int(0)]), at: 0) }
                == "{\n  \"a\": 1,\n  \"b\": [\n    [\n      0\n    ],\n    1\n  ],\n  \"o\": {}\n}")
    }

    @Test func twoSpaceRemove() throws {
        #expect(try edited(twoSpace) { $0.remove(at($0, "a")) } == "{\n  \"b\": [\n    1\n  ],\n  \"o\": {}\n}")
        #expect(try edited(twoSpace) { $0.remove(at($0, "o")) } == "{\n  \"a\": 1,\n  \"b\": [\n    1\n  ]\n}")
        #expect(try edited(twoSpace) { $0.remove(at($0, "b")) } == "{\n  \"a\": 1,\n  \"o\": {}\n}")
        #expect(try edited(twoSpace) { $0.remove(at($0, "b[0]")) } == "{\n  \"a\": 1,\n  \"b\": [],\n  \"o\": {}\n}")
    }

    @Test func renameKeyKeepsValueAndLayout() throws {
        #expect(try edited(twoSpace) { $0.renameKey(at($0, "b"), to: "new key/é")! }
                == "{\n  \"a\": 1,\n  \"new key/é\": [\n    1\n  ],\n  \"o\": {}\n}")
        let d = try doc("[1]")
        #expect(d.renameKey(1, to: "x") == nil)   // array elements have no key
    }

    // MARK: tabs

    let tabs = "{\n\t\"name\": \"s\",\n\t\"flow\": [\n\t\t{\n\t\t\t\"id\": 1\n\t\t}\n\t]\n}"

    @Test func tabIndentedEdits() throws {
        #expect(try doc(tabs).style == JSONStyle(indent: "\t", newline: "\n", colon: ": "))
        #expect(try edited(tabs) { try $0.setMember(at($0, "flow[0]"), "version", .int(2)) }
                == "{\n\t\"name\": \"s\",\n\t\"flow\": [\n\t\t{\n\t\t\t\"id\": 1,\n\t\t\t\"version\": 2\n\t\t}\n\t]\n}")
        #expect(try edited(tabs) { try $0.insertElement(at($0, "flow"), .object([("id", .int(2)), ("mapper", .null)]), at: 1) }
                == "{\n\t\"name\": \"s\",\n\t\"flow\": [\n\t\t{\n\t\t\t\"id\": 1\n\t\t},\n\t\t{\n\t\t\t\"id\": 2,\n\t\t\t\"mapper\": null\n\t\t}\n\t]\n}")
        #expect(try edited(tabs) { $0.remove(at($0, "flow[0]")) } == "{\n\t\"name\": \"s\",\n\t\"flow\": []\n}")
        #expect(try edited(tabs) { $0.renameKey(at($0, "name"), to: "title")! }
                == "{\n\t\"title\": \"s\",\n\t\"flow\": [\n\t\t{\n\t\t\t\"id\": 1\n\t\t}\n\t]\n}")
    }

    // MARK: CRLF

    let crlf = "{\r\n  \"a\": {},\r\n  \"b\": [\r\n    true\r\n  ]\r\n}\r\n"

    @Test func crlfEditsUseCRLF() throws {
        #expect(try doc(crlf).style == JSONStyle(indent: "  ", newline: "\r\n", colon: ": "))
        #expect(try edited(crlf) { try $0.setMember(at($0, "a"), "k", .object([("x", .int(1))])) }
                == "{\r\n  \"a\": {\r\n    \"k\": {\r\n      \"x\": 1\r\n    }\r\n  },\r\n  \"b\": [\r\n    true\r\n  ]\r\n}\r\n")
        #expect(try edited(crlf) { try $0.insertElement(at($0, "b"), .string("x"), at: 1) }
                == "{\r\n  \"a\": {},\r\n  \"b\": [\r\n    true,\r\n    \"x\"\r\n  ]\r\n}\r\n")
        #expect(try edited(crlf) { try $0.insertMember($0.root, "c", .int(1), at: 2) }
                == "{\r\n  \"a\": {},\r\n  \"b\": [\r\n    true\r\n  ],\r\n  \"c\": 1\r\n}\r\n")
        #expect(try edited(crlf) { $0.remove(at($0, "a")) } == "{\r\n  \"b\": [\r\n    true\r\n  ]\r\n}\r\n")
        #expect(try edited(crlf) { $0.renameKey(at($0, "b"), to: "c")! } == "{\r\n  \"a\": {},\r\n  \"c\": [\r\n    true\r\n  ]\r\n}\r\n")
    }

    // MARK: hand-formatted inline objects inside a multi-line document

    let inline = "{\n    \"fields\": [\n        { \"name\": \"x\", \"value\": \"y\" },\n        { \"name\": \"z\" }\n    ]\n}"

    @Test func inlineObjectsStayInline() throws {
        #expect(try edited(inline) { try $0.setMember(at($0, "fields[0]"), "k", .string("v")) }
                == "{\n    \"fields\": [\n        { \"name\": \"x\", \"value\": \"y\", \"k\": \"v\" },\n        { \"name\": \"z\" }\n    ]\n}")
        #expect(try edited(inline) { try $0.insertMember(at($0, "fields[0]"), "k", .int(0), at: 0) }
                == "{\n    \"fields\": [\n        { \"k\": 0, \"name\": \"x\", \"value\": \"y\" },\n        { \"name\": \"z\" }\n    ]\n}")
        #expect(try edited(inline) { try $0.setMember(at($0, "fields[1]"), "value", .string("w")) }
                == "{\n    \"fields\": [\n        { \"name\": \"x\", \"value\": \"y\" },\n        { \"name\": \"z\", \"value\": \"w\" }\n    ]\n}")
        #expect(try edited(inline) { $0.remove(at($0, "fields[0].name")) }
                == "{\n    \"fields\": [\n        { \"value\": \"y\" },\n        { \"name\": \"z\" }\n    ]\n}")
        #expect(try edited(inline) { $0.remove(at($0, "fields[0].value")) }
                == "{\n    \"fields\": [\n        { \"name\": \"x\" },\n        { \"name\": \"z\" }\n    ]\n}")
        #expect(try edited(inline) { $0.remove(at($0, "fields[1].name")) }
                == "{\n    \"fields\": [\n        { \"name\": \"x\", \"value\": \"y\" },\n        {}\n    ]\n}")
        #expect(try edited(inline) { $0.renameKey(at($0, "fields[0].value"), to: "v")! }
                == "{\n    \"fields\": [\n        { \"name\": \"x\", \"v\": \"y\" },\n        { \"name\": \"z\" }\n    ]\n}")
    }

    @Test func inlineArraysStayInline() throws {
        let text = "{\n    \"ids\": [1, 2],\n    \"one\": [1]\n}"
        #expect(try edited(text) { try $0.insertElement(at($0, "ids"), .int(3), at: 2) } == "{\n    \"ids\": [1, 2, 3],\n    \"one\": [1]\n}")
        #expect(try edited(text) { try $0.insertElement(at($0, "one"), .int(0), at: 0) } == "{\n    \"ids\": [1, 2],\n    \"one\": [0, 1]\n}")
        #expect(try edited(text) { $0.remove(at($0, "ids[1]")) } == "{\n    \"ids\": [1],\n    \"one\": [1]\n}")
    }

    @Test func aOneLineSpacedDocumentKeepsItsSpacing() throws {
        let text = "{ \"a\": 1, \"b\": 2 }"
        #expect(try doc(text).style.colon == ": ")
        #expect(try edited(text) { try $0.setMember($0.root, "c", .int(3)) } == "{ \"a\": 1, \"b\": 2, \"c\": 3 }")
        #expect(try edited(text) { try $0.insertMember($0.root, "z", .string("q"), at: 0) } == "{ \"z\": \"q\", \"a\": 1, \"b\": 2 }")
        #expect(try edited(text) { $0.remove(at($0, "a")) } == "{ \"b\": 2 }")
        #expect(try edited("{ \"a\": 1 }") { try $0.setMember($0.root, "b", .int(2)) } == "{ \"a\": 1, \"b\": 2 }")
    }

    // MARK: empty containers

    @Test func insertingIntoEmptyContainers() throws {
        let text = "{\n    \"flow\": [],\n    \"o\": {},\n    \"sp\": [ ]\n}"
        #expect(try edited(text) { try $0.insertElement(at($0, "flow"), .object([("id", .int(1)), ("routes", .array([]))]), at: 0) }
                == "{\n    \"flow\": [\n        {\n            \"id\": 1,\n            \"routes\": []\n        }\n    ],\n    \"o\": {},\n    \"sp\": [ ]\n}")
        #expect(try edited(text) { try $0.setMember(at($0, "o"), "k", .string("v")) }
                == "{\n    \"flow\": [],\n    \"o\": {\n        \"k\": \"v\"\n    },\n    \"sp\": [ ]\n}")
        #expect(try edited(text) { try $0.insertElement(at($0, "sp"), .int(1), at: 0) }
                == "{\n    \"flow\": [],\n    \"o\": {},\n    \"sp\": [\n        1\n    ]\n}")
        // the root itself empty
        #expect(try edited("{}\n") { try $0.setMember($0.root, "name", .string("n")) } == "{\n    \"name\": \"n\"\n}\n")
        #expect(try edited("[]") { try $0.insertElement($0.root, .int(1), at: 0) } == "[1]")
    }

    @Test func removingTheLastItemLeavesAnEmptyContainer() throws {
        #expect(try edited("{\n    \"a\": {\n        \"k\": 1\n    }\n}") { $0.remove(at($0, "a.k")) } == "{\n    \"a\": {}\n}")
        #expect(try edited("{\n    \"a\": [\n        1\n    ]\n}") { $0.remove(at($0, "a[0]")) } == "{\n    \"a\": []\n}")
    }

    // MARK: minified

    let minified = "{\"a\":1,\"b\":[1,2],\"c\":{}}"

    @Test func minifiedStaysMinified() throws {
        #expect(try doc(minified).style == .compact)
        #expect(try edited(minified) { try $0.setMember($0.root, "d", .object([("x", .array([.int(1), .null]))])) }
                == "{\"a\":1,\"b\":[1,2],\"c\":{},\"d\":{\"x\":[1,null]}}")
        #expect(try edited(minified) { try $0.setMember($0.root, "a", .array([.string("s")])) } == "{\"a\":[\"s\"],\"b\":[1,2],\"c\":{}}")
        #expect(try edited(minified) { try $0.insertMember(at($0, "c"), "k", .bool(false), at: 0) } == "{\"a\":1,\"b\":[1,2],\"c\":{\"k\":false}}")
        #expect(try edited(minified) { try $0.insertElement(at($0, "b"), .int(0), at: 0) } == "{\"a\":1,\"b\":[0,1,2],\"c\":{}}")
        #expect(try edited(minified) { $0.remove(at($0, "b")) } == "{\"a\":1,\"c\":{}}")
        #expect(try edited(minified) { $0.remove(at($0, "a")) } == "{\"b\":[1,2],\"c\":{}}")
        #expect(try edited(minified) { $0.renameKey(at($0, "c"), to: "C")! } == "{\"a\":1,\"b\":[1,2],\"C\":{}}")
    }

    // MARK: new strings, Make's way

    @Test func newStringsAreWrittenTheWayMakeWritesThem() throws {
        let s = "a/b \"q\" \\ é 😀 \u{2028}\n\r\t\u{08}\u{0C}\u{01}\u{1F}\u{7F}"
        let out = try edited("{\n    \"s\": 1\n}") { try $0.setMember($0.root, "s", .string(s)) }
        #expect(out == "{\n    \"s\": \"a/b \\\"q\\\" \\\\ é 😀 \u{2028}\\n\\r\\t\\b\\f\\u0001\\u001f\u{7F}\"\n}")
        #expect(try doc(out).string(0, "s") == s)
    }

    // MARK: errors

    @Test func editsOnTheWrongKindAreErrors() throws {
        let d = try doc(minified)
        #expect(throws: JSONEditError.self) { try d.insertMember(at(d, "b"), "k", .null, at: 0) }
        #expect(throws: JSONEditError.self) { try d.insertElement(at(d, "c"), .null, at: 0) }
        #expect(throws: JSONEditError.self) { try d.insertElement(at(d, "b"), .null, at: 3) }
        #expect(throws: JSONEditError.self) { try d.insertElement(at(d, "b"), .null, at: -1) }
        #expect(throws: JSONEditError.self) { try d.setMember(at(d, "a"), "k", .null) }
        do {
            _ = try d.insertElement(at(d, "b"), .null, at: 5)
        } catch { #expect(error.description == "index 5 is out of range in b") }
        // overlapping splices are refused and leave the document alone
        #expect(throws: JSONEditError.self) { try d.applying([Splice(0..<3, "x"), Splice(2..<4, "y")]) }
        // a splice producing invalid JSON is refused with the parse error
        do {
            _ = try d.applying([Splice(0..<1, "[")])
            Issue.record("expected a reparse error")
        } catch {
            guard case .reparse = error else { Issue.record("wrong error \(error)"); return }
        }
    }

    @Test func severalSplicesInOneBatch() throws {
        let d = try doc(twoSpace)
        let splices = [try d.setMember(d.root, "c", .int(3)), d.renameKey(at(d, "a"), to: "A")!, d.remove(at(d, "b[0]"))]
        let (out, inverse) = try d.applying(splices)
        #expect(out.text == "{\n  \"A\": 1,\n  \"b\": [],\n  \"o\": {},\n  \"c\": 3\n}")
        #expect(try out.applying(inverse).document.bytes.array == d.bytes)
    }
}
