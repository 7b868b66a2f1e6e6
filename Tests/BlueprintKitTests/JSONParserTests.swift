// The parser's edge cases: what it accepts and decodes, and the exact error
// (offset, line, column, message) for every kind of malformed input.
import Foundation
import Testing
@testable import BlueprintKit

@Suite struct JSONParserAcceptTests {
    @Test func escapesDecodeAndSourceStaysVerbatim() throws {
        let text = #"{"s": "q\" b\\ s\/ \b\f\n\r\t \u0041\u00e9\u00E9 \u2028"}"#
        let d = try doc(text)
        #expect(d.string(d.root, "s") == "q\" b\\ s/ \u{08}\u{0C}\n\r\t Aéé \u{2028}")
        #expect(d.sourceText(d.member(d.root, "s")!) == #""q\" b\\ s\/ \b\f\n\r\t \u0041\u00e9\u00E9 \u2028""#)
        #expect(d.bytes == Array(text.utf8))
    }

    @Test func escapedKeysAreDecodedAndMatched() throws {
        let d = try doc(#"{"a\u0062c": 1, "x\"y": 2}"#)
        #expect(d.key(d.member(d.root, "abc")!) == "abc")
        #expect(d.int(d.root, "abc") == 1)
        #expect(d.int(d.root, "x\"y") == 2)
        #expect(d.member(d.root, "ab") == nil)
    }

    @Test func surrogatePairsDecodeToOneScalar() throws {
        let d = try doc(#"["\ud83d\ude00", "\uD83D\uDE00", "😀", "a\ud83d\ude00b"]"#)
        let items = d.children(d.root).map { d.string($0) }
        #expect(items == ["😀", "😀", "😀", "a😀b"])
        #expect(d.string(d.element(d.root, 0)!)?.unicodeScalars.count == 1)
    }

    @Test func loneSurrogatesAreAcceptedAndDecodeToReplacementCharacter() throws {
        // JSON's grammar allows them; Swift strings cannot hold them.
        let d = try doc(#"["\ud83d", "\ude00", "\ud83dx", "\ud83d\u0041"]"#)
        let items = d.children(d.root).map { d.string($0) }
        #expect(items == ["\u{FFFD}", "\u{FFFD}", "\u{FFFD}x", "\u{FFFD}A"])
        #expect(d.text == #"["\ud83d", "\ude00", "\ud83dx", "\ud83d\u0041"]"#)
    }

    @Test(arguments: ["123456789012345678901234567890", "-9223372036854775809", "9223372036854775808", "1e400",
                      "-0", "-0.0", "0.1E+5", "-1.5e-300", "2274680072", "1.999", "-3965", "0"])
    func numbersAreKeptVerbatim(_ n: String) throws {
        let text = "{\"n\": \(n), \"a\": [\(n)]}"
        let d = try doc(text)
        let node = d.member(d.root, "n")!
        #expect(d.kind(node) == .number)
        #expect(d.sourceText(node) == n)
        #expect(d.value(node) == .number(n))
        #expect(JSONWriter.render(d.value(d.root), style: .compact) == "{\"n\":\(n),\"a\":[\(n)]}")
        #expect(d.bytes == Array(text.utf8))
    }

    @Test func integerAccessorsDoNotTrapOnHugeOrFractionalNumbers() throws {
        let d = try doc(#"{"big": 123456789012345678901234567890, "neg": -42, "frac": 1.5, "max": 9223372036854775807}"#)
        #expect(d.int(d.root, "big") == nil)
        #expect(d.int(d.root, "neg") == -42)
        #expect(d.int(d.root, "frac") == nil)
        #expect(d.int(d.root, "max") == Int.max)
    }

    @Test func duplicateKeysAreAllKept() throws {
        let text = #"{"a": 1, "b": 2, "a": 3}"#
        let d = try doc(text)
        #expect(d.members(d.root, "a").map { d.int($0) } == [1, 3])
        #expect(d.int(d.root, "a") == 1)   // lookup finds the first
        #expect(d.value(d.root) == .object([("a", .int(1)), ("b", .int(2)), ("a", .int(3))]))
        #expect(d.node(d.root).count == 3)
    }

    @Test func nestingUpToTheLimitIsAccepted() throws {
        let text = String(repeating: "[", count: jsonMaxDepth) + String(repeating: "]", count: jsonMaxDepth)
        let d = try doc(text)
        #expect(d.nodes.count == jsonMaxDepth)
        #expect(d.depth(of: jsonMaxDepth - 1) == jsonMaxDepth - 1)
        let objects = String(repeating: "{\"a\":", count: jsonMaxDepth - 1) + "{}" + String(repeating: "}", count: jsonMaxDepth - 1)
        #expect(try doc(objects).nodes.count == jsonMaxDepth)
    }

    @Test func scalarsAndWhitespaceAtTheTopLevel() throws {
        #expect(try doc(" \t\r\n true \n").kind(0) == .true)
        #expect(try doc("null").kind(0) == .null)
        #expect(try doc("\"x\"").string(0) == "x")
        #expect(try doc("-1").sourceText(0) == "-1")
        #expect(try doc("[ ]").node(0).count == 0)
        #expect(try doc("{\n}").node(0).count == 0)
    }

    @Test func bomIsSkippedButKept() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("{\"a\": 1}".utf8)
        let d = try JSONDocument(bytes: bytes)
        #expect(d.hasBOM)
        #expect(d.int(d.root, "a") == 1)
        #expect(d.node(d.root).start == 3)
        #expect(d.bytes == bytes)
    }

    @Test func rawNonASCIIAndControlEscapesInStrings() throws {
        let d = try doc("{\"s\": \"é\u{A0}\u{200B}😀 \\u0001\"}")
        #expect(d.string(d.root, "s") == "é\u{A0}\u{200B}😀 \u{01}")
    }
}

@Suite struct JSONParserErrorTests {
    /// Asserts the error's line, column and message (and offset when given).
    func expectError(_ input: [UInt8], line: Int, column: Int, offset: Int? = nil, _ message: String,
                     sourceLocation: SourceLocation = #_sourceLocation) {
        guard let e = parseError(input, sourceLocation: sourceLocation) else { return }
        #expect(e.message == message, sourceLocation: sourceLocation)
        #expect(e.line == line, "line", sourceLocation: sourceLocation)
        #expect(e.column == column, "column", sourceLocation: sourceLocation)
        if let offset { #expect(e.offset == offset, "offset", sourceLocation: sourceLocation) }
        #expect(e.description == "\(line):\(column): \(message)", sourceLocation: sourceLocation)
    }

    func expectError(_ input: String, line: Int, column: Int, offset: Int? = nil, _ message: String,
                     sourceLocation: SourceLocation = #_sourceLocation) {
        expectError(Array(input.utf8), line: line, column: column, offset: offset, message, sourceLocation: sourceLocation)
    }

    @Test func emptyAndBlankDocuments() {
        expectError("", line: 1, column: 1, offset: 0, "empty document")
        expectError("  \n ", line: 2, column: 2, offset: 4, "document has no value")
        expectError([0xEF, 0xBB, 0xBF], line: 1, column: 1, offset: 3, "document has no value")
    }

    @Test func truncatedDocuments() {
        expectError("{", line: 1, column: 2, offset: 1, "unexpected end of input: expected a string key")
        expectError("{\"a\"", line: 1, column: 5, "unexpected end of input: expected ':' after object key")
        expectError("{\"a\":", line: 1, column: 6, "unexpected end of input: expected a value")
        expectError("{\"a\": 1", line: 1, column: 8, "unexpected end of input: expected ',' or '}' after object member")
        expectError("[1,\n 2", line: 2, column: 3, "unexpected end of input: expected ',' or ']' after array element")
        expectError("{\"a\": \"bc", line: 1, column: 10, "unexpected end of input: unterminated string starting at byte 6")
        expectError("[\"\\", line: 1, column: 4, "unexpected end of input: unterminated string starting at byte 1")
        expectError("[\"\\u00", line: 1, column: 7, "unexpected end of input: unterminated string starting at byte 1")
        expectError("[tr", line: 1, column: 4, "unexpected end of input in literal 'true'")
        expectError("[-", line: 1, column: 3, "unexpected end of input in number")
        expectError("[1.", line: 1, column: 4, "unexpected end of input: expected a digit after '.' in number")
        expectError("[1e+", line: 1, column: 5, "unexpected end of input: expected a digit in number exponent")
    }

    @Test func unquotedPlaceholders() {
        expectError("{\n  \"datastore\": {{dataStoreId1}}\n}", line: 2, column: 16, offset: 17,
                    "unquoted '{{' placeholder: an IML expression must be inside a JSON string")
        expectError("[1, {{x}}]", line: 1, column: 5, "unquoted '{{' placeholder: an IML expression must be inside a JSON string")
        expectError("{{a}}", line: 1, column: 1, "unquoted '{{' placeholder: an IML expression must be inside a JSON string")
        // a placeholder in key position
        expectError("{\"a\": 1, {{k}}: 2}", line: 1, column: 10,
                    "unexpected '{{': IML placeholders must be inside a string (expected a string key)")
    }

    @Test func leadingZeros() {
        expectError("{\"device\": 000000}", line: 1, column: 12, offset: 11, "leading zeros are not allowed in numbers")
        expectError("[-01]", line: 1, column: 3, "leading zeros are not allowed in numbers")
        expectError("[00.5]", line: 1, column: 2, "leading zeros are not allowed in numbers")
    }

    @Test func malformedNumbers() {
        expectError("[+1]", line: 1, column: 2, "unexpected character '+' (expected a value)")
        expectError("[.5]", line: 1, column: 2, "unexpected character '.' (expected a value)")
        expectError("[1.]", line: 1, column: 4, "expected a digit after '.' in number")
        expectError("[1e]", line: 1, column: 4, "expected a digit in number exponent")
        expectError("[-x]", line: 1, column: 3, "expected a digit in number")
        expectError("[1x]", line: 1, column: 3, "expected ',' or ']' after array element")
    }

    @Test func malformedLiterals() {
        expectError("[trux]", line: 1, column: 2, "invalid literal: expected 'true'")
        expectError("[nul]", line: 1, column: 2, "invalid literal: expected 'null'")
        expectError("[True]", line: 1, column: 2, "unexpected character 'T' (expected a value)")
    }

    @Test func trailingAndMisplacedCommas() {
        expectError("[1, 2,]", line: 1, column: 7, "trailing comma before ']'")
        expectError("{\"a\": 1,\n}", line: 2, column: 1, "trailing comma before '}'")
        expectError("[1,,2]", line: 1, column: 4, "unexpected character ',' (expected a value)")
        expectError("[,1]", line: 1, column: 2, "unexpected character ',' (expected a value)")
        expectError("{,}", line: 1, column: 2, "unexpected character ',' (expected a string key)")
        expectError("{\"a\" 1}", line: 1, column: 6, "expected ':' after object key")
        expectError("{\"a\": 1 \"b\": 2}", line: 1, column: 9, "expected ',' or '}' after object member")
    }

    @Test func nulBytes() {
        expectError([0x5B, 0x22, 0x61, 0x00, 0x22, 0x5D], line: 1, column: 4, offset: 3, "NUL byte in string")
        expectError([0x5B, 0x31, 0x00, 0x5D], line: 1, column: 3, offset: 2, "expected ',' or ']' after array element")
        expectError([0x00], line: 1, column: 1, offset: 0, "unexpected character '0x00' (expected a value)")
        expectError([0x7B, 0x7D, 0x00], line: 1, column: 3, offset: 2, "unexpected content after the end of the document")
    }

    @Test func controlCharactersAndBadEscapesInStrings() {
        expectError("[\"a\tb\"]", line: 1, column: 4, "unescaped control character 0x09 in string")
        expectError("[\"a\nb\"]", line: 1, column: 4, "unescaped control character 0x0A in string")
        expectError("[\"\\x\"]", line: 1, column: 3, "invalid escape '\\x' in string")
        expectError("[\"\\u12G4\"]", line: 1, column: 7, "invalid \\u escape: expected 4 hex digits")
        expectError("[\"\\'\"]", line: 1, column: 3, "invalid escape '\\'' in string")
    }

    @Test func contentAfterTheDocument() {
        expectError("{} {}", line: 1, column: 4, "unexpected content after the end of the document")
        expectError("{}\n]", line: 2, column: 1, "unexpected content after the end of the document")
    }

    // MARK: invalid UTF-8, one test per position class

    func utf8Case(_ inside: [UInt8]) -> [UInt8] { Array("{\"k\": \"ab".utf8) + inside + Array("\"}".utf8) }

    @Test func strayContinuationByte() {
        expectError(utf8Case([0x80]), line: 1, column: 10, offset: 9, "invalid UTF-8: unexpected continuation byte 0x80")
        expectError(utf8Case([0xC3, 0xA9, 0xBF]), line: 1, column: 11, offset: 11, "invalid UTF-8: unexpected continuation byte 0xBF")
    }

    @Test func overlongEncodings() {
        expectError(utf8Case([0xC0, 0xAF]), line: 1, column: 10, offset: 9, "invalid UTF-8: overlong encoding (lead byte 0xC0)")
        expectError(utf8Case([0xC1, 0xBF]), line: 1, column: 10, offset: 9, "invalid UTF-8: overlong encoding (lead byte 0xC1)")
        expectError(utf8Case([0xE0, 0x80, 0xAF]), line: 1, column: 10, offset: 9, "invalid UTF-8: overlong encoding (lead byte 0xE0)")
        expectError(utf8Case([0xF0, 0x8F, 0xBF, 0xBF]), line: 1, column: 10, offset: 9, "invalid UTF-8: overlong encoding (lead byte 0xF0)")
    }

    @Test func encodedSurrogates() {
        expectError(utf8Case([0xED, 0xA0, 0x80]), line: 1, column: 10, offset: 9, "invalid UTF-8: encoded surrogate (U+D800 to U+DFFF)")
        expectError(utf8Case([0xED, 0xBF, 0xBF]), line: 1, column: 10, offset: 9, "invalid UTF-8: encoded surrogate (U+D800 to U+DFFF)")
    }

    @Test func beyondU10FFFFAndInvalidLeadBytes() {
        expectError(utf8Case([0xF4, 0x90, 0x80, 0x80]), line: 1, column: 10, offset: 9, "invalid UTF-8: code point above U+10FFFF")
        expectError(utf8Case([0xF5, 0x80, 0x80, 0x80]), line: 1, column: 10, offset: 9, "invalid UTF-8: byte 0xF5 never occurs in UTF-8")
        expectError(utf8Case([0xFF]), line: 1, column: 10, offset: 9, "invalid UTF-8: byte 0xFF never occurs in UTF-8")
    }

    @Test func truncatedSequences() {
        // cut by the end of the input
        expectError(Array("[\"ab".utf8) + [0xE2, 0x82], line: 1, column: 5, offset: 4, "truncated UTF-8 sequence at end of input")
        expectError(Array("[\"".utf8) + [0xF0, 0x9F, 0x98], line: 1, column: 3, offset: 2, "truncated UTF-8 sequence at end of input")
        // cut by another character
        expectError(utf8Case([0xE2, 0x82, 0x41]), line: 1, column: 10, offset: 9, "invalid UTF-8: incomplete 3-byte sequence")
        expectError(utf8Case([0xC3]), line: 1, column: 10, offset: 9, "invalid UTF-8: incomplete 2-byte sequence")
    }

    @Test func invalidBytesOutsideStrings() {
        expectError([0x5B, 0xC3, 0xA9, 0x5D], line: 1, column: 2, offset: 1, "unexpected non-ASCII byte 0xC3 (expected a value)")
    }

    // MARK: positions

    @Test func positionsCountCharactersAndSkipTheBOMAndCR() {
        // column counts Unicode scalars, not bytes
        expectError("{\"é😀\": x}", line: 1, column: 8, offset: 11, "unexpected character 'x' (expected a value)")
        // CRLF: the line is found by LF, the column does not count the previous line's CR
        expectError("{\r\n  \"a\": x\r\n}", line: 2, column: 8, offset: 10, "unexpected character 'x' (expected a value)")
        // a BOM is not a column
        expectError([0xEF, 0xBB, 0xBF] + Array("{\"a\": x}".utf8), line: 1, column: 7, offset: 9,
                    "unexpected character 'x' (expected a value)")
    }

    @Test func excerptPointsAtTheError() {
        guard let e = parseError("{\n    \"id\": 00,\n}") else { return }
        #expect(e.excerpt == "    \"id\": 00,\n          ^")
    }

    // MARK: depth

    @Test func nestingBeyondTheLimitIsAnError() {
        let text = String(repeating: "[", count: jsonMaxDepth + 1) + String(repeating: "]", count: jsonMaxDepth + 1)
        expectError(text, line: 1, column: jsonMaxDepth + 1, offset: jsonMaxDepth, "nesting deeper than \(jsonMaxDepth) levels")
        let objects = String(repeating: "{\"a\":", count: jsonMaxDepth + 1)
        expectError(objects, line: 1, column: 5 * jsonMaxDepth + 1, "nesting deeper than \(jsonMaxDepth) levels")
    }

    @Test func aMillionOpenBracketsFailWithoutOverflowingTheStack() {
        let bytes = [UInt8](repeating: UInt8(ascii: "["), count: 1_000_000)
        expectError(bytes, line: 1, column: jsonMaxDepth + 1, offset: jsonMaxDepth, "nesting deeper than \(jsonMaxDepth) levels")
        let mixed = [UInt8]((0..<500_000).flatMap { _ in Array("{\"a\":[".utf8) })
        guard let e = parseError(mixed) else { return }
        #expect(e.message == "nesting deeper than \(jsonMaxDepth) levels")
    }
}
