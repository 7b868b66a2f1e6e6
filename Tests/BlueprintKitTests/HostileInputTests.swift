// Hostile input: every input either opens or gives a precise error (line:col
// of the offending byte), with bounded memory and without crashing.
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import BlueprintKit

/// Parses `bytes`, which must fail; returns the error (recording an issue if it parsed).
func hostileParseError(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) -> JSONParseError? {
    do { _ = try JSONDocument(bytes: bytes); Issue.record("expected a parse error", sourceLocation: sourceLocation); return nil }
    catch { return error }
}

func peakRSSBytes() -> Int {
    var u = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &u)
    return u.ru_maxrss * 1024
}

@Suite(.serialized) struct HostileInputTests {
    @Test func everyTruncationPointOfSmallCorpusFiles() throws {
        guard let dir = Safety.corpus("blueprints") else { return }
        let names = ["integromat__make-typescript-sdk__blueprint.json",
                     "Luxisoft__Automatizacion-Sell-Accounts-on-Make.Com__MENSAJE_TEMPORAL.blueprint.json",
                     "Chaumeister__Make.com---AI-Agent-Projects__Daily_Weather_Report.blueprint.json",
                     "Chaumeister__Make.com---AI-Agent-Projects__PDF_Downloader.blueprint.json"]
        for name in names {
            let bytes = try #require(Safety.read(dir.appendingPathComponent(name).path), "\(name) is missing")
            let lastValueByte = bytes.lastIndex { ![0x20, 0x0A, 0x0D, 0x09].contains($0) }!
            var failures = 0
            for n in 0..<bytes.count {
                let prefix = Array(bytes[..<n])
                do {
                    _ = try JSONDocument(bytes: prefix)
                    if n <= lastValueByte { failures += 1; Issue.record("\(name) cut at \(n) parsed") }
                } catch {
                    let pos = TextPosition.locate(prefix, offset: error.offset)
                    // The error points at the cut (or at the incomplete UTF-8 character / token just before it).
                    if error.offset > n || error.offset < n - 3 || pos.line != error.line || pos.column != error.column {
                        failures += 1
                        if failures < 5 { Issue.record("\(name) cut at \(n): error at \(error.offset) \(error)") }
                    }
                }
            }
            #expect(failures == 0, "\(name): \(failures) bad truncation results")
        }
    }

    @Test func millionDeepNestingIsRejectedAtTheLimit() {
        let start = peakRSSBytes()
        for opener in [Array("[".utf8), Array(#"{"a":"#.utf8)] {
            var bytes = [UInt8]()
            bytes.reserveCapacity(opener.count * 1_000_000)
            for _ in 0..<1_000_000 { bytes += opener }
            guard let e = hostileParseError(bytes) else { continue }
            #expect(e.message == "nesting deeper than \(jsonMaxDepth) levels")
            #expect(e.offset == opener.count * jsonMaxDepth && e.line == 1 && e.column == opener.count * jsonMaxDepth + 1)
        }
        // Exactly at the limit still opens.
        let ok = Array(String(repeating: "[", count: jsonMaxDepth).utf8) + Array(String(repeating: "]", count: jsonMaxDepth).utf8)
        #expect((try? JSONDocument(bytes: ok))?.nodes.count == jsonMaxDepth)
        #expect(peakRSSBytes() - start < 200_000_000, "deep nesting must not blow up memory")
    }

    @Test func hundredMegabyteStringOpensWithBoundedMemory() throws {
        let size = 100_000_000
        var bytes = Array(#"{"flow": [], "name": ""#.utf8)
        bytes.reserveCapacity(size + 64)
        let chunk = Array("abcdefghij é ü 😀 ".utf8)
        while bytes.count < size { bytes += chunk }
        bytes += Array(#""}"#.utf8)
        let before = peakRSSBytes()
        let t0 = clock_gettime_ns()
        let bp = try Blueprint(bytes: bytes)
        let seconds = Double(clock_gettime_ns() - t0) / 1e9
        let growth = peakRSSBytes() - before
        print("100 MB string: opened in \(String(format: "%.2f", seconds)) s (debug build), peak RSS growth \(growth / 1_000_000) MB")
        #expect(bp.modules.isEmpty && bp.document.nodes.count == 3)
        #expect(growth < 8 * bytes.count, "memory must stay within 8x the input")
        // Cut before the closing quote: a precise error at the end, not a hang.
        bytes.removeLast(2)
        let e = hostileParseError(bytes)
        #expect(e?.message == "unexpected end of input: unterminated string starting at byte 21")
        #expect(e?.offset == bytes.count && e?.line == 1)
    }

    @Test func nulBytes() {
        let inString = hostileParseError(Array("{\"a\": \"x\0y\"}".utf8))
        #expect(inString?.message == "NUL byte in string" && inString?.column == 9)
        let bare = hostileParseError(Array("{\"a\":\n \0}".utf8))
        #expect(bare?.message == "unexpected character '0x00' (expected a value)" && bare?.line == 2 && bare?.column == 2)
        let after = hostileParseError(Array("{}\0".utf8))
        #expect(after?.message == "unexpected content after the end of the document" && after?.column == 3)
        #expect(hostileParseError([0])?.message == "unexpected character '0x00' (expected a value)")
    }

    @Test(arguments: [
        // (bytes inside a string, message, column of the offending character's first byte)
        ([0x80], "invalid UTF-8: unexpected continuation byte 0x80", 3),
        ([0xC0, 0xAF], "invalid UTF-8: overlong encoding (lead byte 0xC0)", 3),
        ([0xE0, 0x80, 0x80], "invalid UTF-8: overlong encoding (lead byte 0xE0)", 3),
        ([0xED, 0xA0, 0x80], "invalid UTF-8: encoded surrogate (U+D800 to U+DFFF)", 3),
        ([0xF4, 0x90, 0x80, 0x80], "invalid UTF-8: code point above U+10FFFF", 3),
        ([0xF5, 0x80, 0x80, 0x80], "invalid UTF-8: byte 0xF5 never occurs in UTF-8", 3),
        ([0xFF], "invalid UTF-8: byte 0xFF never occurs in UTF-8", 3),
        ([0xE2, 0x82, 0x41], "invalid UTF-8: incomplete 3-byte sequence", 3),
        ([0xC3, 0xA9, 0xE2, 0x82], "invalid UTF-8: incomplete 3-byte sequence", 4),   // cut before the closing quote; é is 1 column
    ] as [([UInt8], String, Int)])
    func invalidUTF8InStrings(bad: [UInt8], message: String, column: Int) {
        let e = hostileParseError(Array("[\"".utf8) + bad + Array("\"]".utf8))
        #expect(e?.message == message)
        #expect(e?.line == 1 && e?.column == column)
    }

    @Test func invalidUTF8OutsideStringsAndAtTheEnd() {
        let bare = hostileParseError([0x5B, 0xC3, 0xA9, 0x5D])
        #expect(bare?.message == "unexpected non-ASCII byte 0xC3 (expected a value)" && bare?.column == 2)
        let key = hostileParseError(Array("{\"".utf8) + [0xFE] + Array("\": 1}".utf8))
        #expect(key?.message == "invalid UTF-8: byte 0xFE never occurs in UTF-8" && key?.column == 3)
        let cut = hostileParseError(Array("[\"".utf8) + [0xF0, 0x9F])
        #expect(cut?.message == "truncated UTF-8 sequence at end of input" && cut?.offset == 2)
    }

    @Test func byteOrderMark() throws {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let garbage = hostileParseError(bom + Array("garbage".utf8))
        #expect(garbage?.message == "unexpected character 'g' (expected a value)" && garbage?.line == 1 && garbage?.column == 1)
        #expect(hostileParseError(bom)?.message == "document has no value")
        let twice = hostileParseError(bom + bom + Array("{}".utf8))
        #expect(twice?.message == "unexpected non-ASCII byte 0xEF (expected a value)" && twice?.column == 1)
        let doc = try JSONDocument(bytes: bom + Array(#"{"flow": []}"#.utf8))
        #expect(doc.hasBOM && doc.bytes.array.prefix(3) == bom[...])
    }

    @Test func fourHundredDigitNumbersAreKeptVerbatim() throws {
        let digits = String((0..<400).map { Character(String($0 % 9 + 1)) })
        let numbers = [digits, "-" + digits, "0.\(digits)e-400", "-\(digits).\(digits)E+\(digits)"]
        let text = #"{"flow": [], "n": ["# + numbers.joined(separator: ", ") + "]}"
        let doc = try JSONDocument(text: text)
        let made = JSONWriter.render(doc.value(doc.root), style: .make)
        for n in numbers { #expect(made.contains(n), "number text must survive a Make-style rewrite") }
        guard let bin = Safety.binary() else { return }
        let dir = Safety.scratch("digits"); defer { Safety.remove(dir) }
        Safety.write("\(dir)/a.json", Array(text.utf8))
        let r = Safety.run([bin, "fmt", "--style", "make", "\(dir)/a.json"])
        #expect(r.status == 0)
        #expect(r.out == made)
        #expect(Safety.run([bin, "fmt", "\(dir)/a.json"]).out == text, "keep style is byte-identical")
    }

    @Test func hundredThousandKeysInOneObject() throws {
        var text = #"{"flow": []"#
        for k in 0..<100_000 { text += #", "k\#(k)": \#(k)"# }
        text += "}"
        let bp = try Blueprint(bytes: Array(text.utf8))
        let doc = bp.document
        #expect(doc.node(doc.root).count == 100_001)
        #expect(doc.member(doc.root, "k99999").flatMap { doc.int($0) } == 99_999)
        let again = try JSONDocument(text: JSONWriter.render(doc.value(doc.root), style: .make))
        #expect(again.value(again.root) == doc.value(doc.root))
    }

    /// The real broken exports: exit 65 with FILE:LINE:COL, or open (BOM-only problem).
    @Test func invalidCorpusThroughTheBinary() throws {
        guard let dir = Safety.corpus("invalid"), let bin = Safety.binary() else { return }
        let broken: [String: (Int, Int, String)] = [
            "geekalyssa__make.com-projects__04_create_deals.json": (9, 23, "unquoted '{{' placeholder: an IML expression must be inside a JSON string"),
            "geekalyssa__make.com-projects__05_clear_datastore.json": (9, 30, "unquoted '{{' placeholder: an IML expression must be inside a JSON string"),
            "manasoid__make__blueprint-nlp-ai-hubspot.json": (364, 31, "leading zeros are not allowed in numbers"),
            "manasoid__make__blueprint-push-automation.json": (9, 27, "leading zeros are not allowed in numbers"),
        ]
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(files.count == 10)
        for name in files {
            let path = dir.appendingPathComponent(name).path
            let r = Safety.run([bin, "list", path])
            if let (line, col, message) = broken[name] {
                #expect(r.status == 65, "\(name)")
                #expect(r.err.hasPrefix("\(path):\(line):\(col): \(message)\n"), "\(name): \(r.err.prefix(300))")
                // Independently: the character at LINE:COL is the start of the offending token.
                let lines = try #require(Safety.read(path)).split(separator: 0x0A, omittingEmptySubsequences: false)
                let chars = Array(String(decoding: lines[line - 1], as: UTF8.self))
                let here = chars[col - 1], next = chars[col]
                #expect((here == "{" && next == "{") || (here == "0" && next.isNumber), "\(name): \(here)\(next) at \(line):\(col)")
            } else {
                #expect(Safety.read(path)?.prefix(3) == [0xEF, 0xBB, 0xBF], "\(name) should be a BOM-only case")
                #expect(r.status == 0, "\(name) must open: \(r.err)")
                #expect(r.out.hasSuffix("modules\n") || r.out.hasSuffix("module\n"))
            }
        }
    }
}

func clock_gettime_ns() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec)
}
