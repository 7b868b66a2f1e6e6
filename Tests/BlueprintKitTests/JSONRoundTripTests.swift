// Byte-for-byte round trips of every layout a user's file can have, and the
// writer's output against JSON.stringify(x, null, 4) (Make's export layout).
import Foundation
import Testing
@testable import BlueprintKit

/// The same small scenario in every layout the issue lists.
enum Layouts {
    static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
    static let make = "{\n    \"name\": \"Demo é 😀\",\n    \"flow\": [\n        {\n            \"id\": 1,\n            \"mapper\": null,\n            \"p\": {}\n        }\n    ],\n    \"n\": [\n        -0.25,\n        12345678901234567890\n    ]\n}"
    static let twoSpace = "{\n  \"name\": \"Demo é 😀\",\n  \"flow\": [\n    {\n      \"id\": 1,\n      \"mapper\": null,\n      \"p\": {}\n    }\n  ],\n  \"n\": [\n    -0.25,\n    12345678901234567890\n  ]\n}"
    static let tabs = make.replacingOccurrences(of: "    ", with: "\t")
    static let inline = "{\n    \"name\": \"Demo é 😀\",\n    \"flow\": [\n        { \"id\": 1, \"mapper\": null, \"p\": {} }\n    ],\n    \"n\": [ -0.25, 12345678901234567890 ]\n}"
    static let minified = "{\"name\":\"Demo é 😀\",\"flow\":[{\"id\":1,\"mapper\":null,\"p\":{}}],\"n\":[-0.25,12345678901234567890]}"
    static let escaped = "{\"name\":\"Demo \\u00e9 \\ud83d\\ude00\",\"flow\":[{\"id\":1,\"mapper\":null,\"p\":{}}],\"n\":[-0.25,12345678901234567890]}"

    /// (label, bytes, expected style)
    static let all: [(String, [UInt8], JSONStyle)] = [
        ("make", Array(make.utf8), .make),
        ("make + final LF", Array((make + "\n").utf8), .make),
        ("make + BOM", bom + Array(make.utf8), .make),
        ("2-space CRLF + final CRLF", Array((twoSpace + "\n").replacingOccurrences(of: "\n", with: "\r\n").utf8),
         JSONStyle(indent: "  ", newline: "\r\n", colon: ": ")),
        ("2-space", Array(twoSpace.utf8), JSONStyle(indent: "  ", newline: "\n", colon: ": ")),
        ("tabs", Array(tabs.utf8), JSONStyle(indent: "\t", newline: "\n", colon: ": ")),
        ("leading whitespace", Array(("  " + twoSpace).utf8), JSONStyle(indent: "  ", newline: "\n", colon: ": ")),
        ("inline objects", Array(inline.utf8), .make),
        ("minified", Array(minified.utf8), .compact),
        ("escaped non-ASCII", Array(escaped.utf8), .compact),
        ("BOM + CRLF + tabs", bom + Array(tabs.replacingOccurrences(of: "\n", with: "\r\n").utf8),
         JSONStyle(indent: "\t", newline: "\r\n", colon: ": ")),
    ]
}

@Suite struct JSONRoundTripTests {
    @Test(arguments: Layouts.all.indices)
    func everyLayoutRoundTripsByteForByte(_ k: Int) throws {
        let (label, bytes, style) = Layouts.all[k]
        let d = try JSONDocument(bytes: bytes)
        #expect(d.bytes == bytes, "\(label)")
        #expect(d.style == style, "\(label)")
        #expect(d.hasBOM == (bytes.first == 0xEF), "\(label)")
        // the save path with no edits writes the same bytes
        #expect(try d.applying([]).document.bytes.array == bytes, "\(label)")
        // the value is the same in every layout
        let reference = try JSONDocument(text: Layouts.make)
        #expect(d.value(d.root) == reference.value(reference.root), "\(label)")
        // and Make's layout of it is the same too
        #expect(JSONWriter.render(d.value(d.root), style: .make) == Layouts.make, "\(label)")
    }

    @Test(arguments: Layouts.all.indices)
    func editThenUndoRestoresTheExactBytes(_ k: Int) throws {
        let (label, bytes, _) = Layouts.all[k]
        var s = EditSession(document: try JSONDocument(bytes: bytes))
        try s.perform("edit") { (ed: inout JSONEditor) throws(JSONEditError) in
            let d = ed.document
            let module = d.node(at: ["flow", 0])!
            try ed.apply([try d.setMember(module, "version", .int(2), after: ["id"]), d.renameKey(d.node(at: ["name"])!, to: "title")!])
            try ed.apply(try ed.document.insertElement(ed.document.node(at: ["n"])!, .string("x/y"), at: 0))
        }
        #expect(s.document.bytes.array != bytes)
        #expect(s.document.string(s.document.root, "title") == "Demo é 😀", "\(label)")
        #expect(s.document.hasBOM == (bytes.first == 0xEF), "\(label)")
        s.undo()
        #expect(s.document.bytes.array == bytes, "\(label)")
    }

    @Test func editsInEachLayoutUseThatLayout() throws {
        // Same edit, each layout: only the expected lines change, in the file's own style.
        func addVersion(_ bytes: [UInt8]) throws -> String {
            let d = try JSONDocument(bytes: bytes)
            return String(decoding: try d.applying([try d.setMember(d.node(at: ["flow", 0])!, "version", .int(2), after: ["id"])]).document.bytes.array, as: UTF8.self)
        }
        #expect(try addVersion(Array(Layouts.make.utf8)) == Layouts.make.replacingOccurrences(
            of: "\"id\": 1,\n", with: "\"id\": 1,\n            \"version\": 2,\n"))
        #expect(try addVersion(Array(Layouts.tabs.utf8)) == Layouts.tabs.replacingOccurrences(
            of: "\"id\": 1,\n", with: "\"id\": 1,\n\t\t\t\"version\": 2,\n"))
        let crlf = Layouts.twoSpace.replacingOccurrences(of: "\n", with: "\r\n")
        #expect(try addVersion(Array(crlf.utf8)) == crlf.replacingOccurrences(
            of: "\"id\": 1,\r\n", with: "\"id\": 1,\r\n      \"version\": 2,\r\n"))
        #expect(try addVersion(Array(Layouts.inline.utf8)) == Layouts.inline.replacingOccurrences(
            of: "\"id\": 1, ", with: "\"id\": 1, \"version\": 2, "))
        #expect(try addVersion(Array(Layouts.minified.utf8)) == Layouts.minified.replacingOccurrences(
            of: "\"id\":1,", with: "\"id\":1,\"version\":2,"))
        // a BOM is not indentation: the new line gets the same 12 spaces as in the file without it
        #expect(try addVersion(Layouts.bom + Array(Layouts.make.utf8)) == "\u{FEFF}" + Layouts.make.replacingOccurrences(
            of: "\"id\": 1,\n", with: "\"id\": 1,\n            \"version\": 2,\n"))
    }
}

@Suite struct JSONWriterTests {
    @Test func makeLayoutIsJSONStringifyWithFourSpaces() {
        let v: JSONValue = .object([
            ("name", .string("a")), ("flow", .array([.object([("id", .int(1)), ("mapper", .null), ("parameters", .object([]))])])),
            ("empty", .array([])), ("t", .bool(true)), ("f", .bool(false)), ("num", .number("-1.50")),
            ("nested", .array([.array([]), .array([.int(1)])])),
        ])
        let expected = """
        {
            "name": "a",
            "flow": [
                {
                    "id": 1,
                    "mapper": null,
                    "parameters": {}
                }
            ],
            "empty": [],
            "t": true,
            "f": false,
            "num": -1.50,
            "nested": [
                [],
                [
                    1
                ]
            ]
        }
        """
        #expect(JSONWriter.render(v, style: .make) == expected)
        #expect(v.compactText == #"{"name":"a","flow":[{"id":1,"mapper":null,"parameters":{}}],"empty":[],"t":true,"f":false,"num":-1.50,"nested":[[],[1]]}"#)
    }

    @Test func baseIndentPrefixesNestedLinesOnly() {
        let v: JSONValue = .object([("a", .array([.int(1)]))])
        #expect(JSONWriter.render(v, style: .make, baseIndent: "\t") == "{\n\t    \"a\": [\n\t        1\n\t    ]\n\t}")
    }

    @Test func stringsAreQuotedLikeJSONStringify() {
        #expect(JSONWriter.quoted("a/b") == #""a/b""#)
        #expect(JSONWriter.quoted("\"\\") == #""\"\\""#)
        #expect(JSONWriter.quoted("\n\r\t\u{08}\u{0C}") == #""\n\r\t\b\f""#)
        #expect(JSONWriter.quoted("\u{00}\u{01}\u{0B}\u{1F}") == #""\u0000\u0001\u000b\u001f""#)
        #expect(JSONWriter.quoted("\u{7F}é\u{A0}\u{200B}\u{2028}😀") == "\"\u{7F}é\u{A0}\u{200B}\u{2028}😀\"")
        #expect(JSONWriter.quoted("") == "\"\"")
    }

    @Test func duplicateKeysAndKeyOrderAreWrittenAsGiven() throws {
        let d = try doc(#"{"b":1,"a":2,"b":3}"#)
        #expect(JSONWriter.render(d.value(d.root), style: .make) == "{\n    \"b\": 1,\n    \"a\": 2,\n    \"b\": 3\n}")
    }

    @Test func writtenStringsReadBackIdentically() throws {
        var all = ""
        for v in 0..<0x250 { if let u = UnicodeScalar(v) { all.unicodeScalars.append(u) } }
        all += "😀\u{10FFFF}\u{FFFF}"
        let d = try doc("[" + JSONWriter.quoted(all) + "]")
        #expect(d.string(d.element(d.root, 0)!) == all)
    }
}
