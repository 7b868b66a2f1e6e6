// The fast paths added for opening big files must give exactly the answers of the
// plain code they stand in for: eight-bytes-at-a-time string and whitespace
// scanning in the parser, raw key comparison, one-pass member lookup, the
// catalog's line index and the byte-level accepted-types parse.
import Testing
@testable import BlueprintKit

@Suite struct FastPathTests {
    /// Every special byte at every position of an 8-byte window (and across two
    /// windows) is found: the string ends at the right quote, escapes and control
    /// bytes and bad UTF-8 are still rejected at the right offset.
    @Test func stringScanFindsEverySpecialByteAtEveryOffset() throws {
        for pad in 0..<20 {
            let lead = String(repeating: "a", count: pad)
            // closing quote at each position
            let d = try JSONDocument(text: "[\"\(lead)\", 1]")
            #expect(d.string(d.element(0, 0)!) == lead)
            #expect(d.int(d.element(0, 1)!) == 1)
            // escape at each position
            let e = try JSONDocument(text: "[\"\(lead)\\\"x\\\\\"]")
            #expect(e.string(e.element(0, 0)!) == lead + "\"x\\")
            // non-ASCII at each position
            let u = try JSONDocument(text: "[\"\(lead)é注🛒z\"]")
            #expect(u.string(u.element(0, 0)!) == lead + "é注🛒z")
            // a raw control byte at each position is an error at exactly that byte
            do {
                _ = try JSONDocument(bytes: Array("[\"\(lead)".utf8) + [0x01] + Array("zzzzzzzzz\"]".utf8))
                Issue.record("control byte at \(pad) accepted")
            } catch {
                #expect(error.offset == 2 + pad && error.message.contains("control character 0x01"))
            }
            // invalid UTF-8 at each position
            do {
                _ = try JSONDocument(bytes: Array("[\"\(lead)".utf8) + [0xC3, 0x28] + Array("zzzzzzzzz\"]".utf8))
                Issue.record("bad UTF-8 at \(pad) accepted")
            } catch {
                #expect(error.offset == 2 + pad && error.message.contains("invalid UTF-8"))
            }
            // DEL (0x7F) and bytes just below/above the special ones are plain text
            let plain = try JSONDocument(bytes: Array("[\"\(lead)".utf8) + [0x7F, 0x21, 0x23, 0x5B, 0x5D, 0x20] + Array("\"]".utf8))
            #expect(plain.string(plain.element(0, 0)!)?.utf8.count == pad + 6)
        }
    }

    /// Whitespace runs of every length, with tabs, CR and LF after spaces, skip to
    /// the right byte; an error after them is reported at the right column.
    @Test func whitespaceRunsOfEveryLength() throws {
        for n in 0..<40 {
            for tail in ["", "\t", "\r\n", "\n    \t "] {
                let ws = String(repeating: " ", count: n) + tail
                let d = try JSONDocument(text: "{\(ws)\"k\"\(ws):\(ws)[\(ws)1\(ws),\(ws)2\(ws)]\(ws)}\(ws)")
                let k = d.member(0, "k")!
                #expect(d.node(k).count == 2)
                #expect(d.text.utf8.count == d.bytes.count)
                do {
                    _ = try JSONDocument(text: "[1,\(String(repeating: " ", count: n))x]")
                    Issue.record("accepted")
                } catch {
                    #expect(error.line == 1 && error.column == 4 + n)
                }
            }
        }
    }

    /// Raw key comparison and the one-pass lookup agree with decoding every key:
    /// escaped keys, keys that only match once decoded, duplicates (first wins),
    /// empty keys, keys holding a backslash.
    @Test func keyLookupsAgreeWithDecodedKeys() throws {
        let text = #"{"a": 1, "id": 2, "\u0069d": 3, "i\u0064x": 4, "": 5, "a\\b": 6, "mod\"ule": 7, "module": 8, "id": 9, "\u00e9": 10}"#
        let d = try JSONDocument(text: text)
        let keys = ["a", "id", "idx", "", "a\\b", "mod\"ule", "module", "é", "missing", "i", "ida"]
        func slow(_ k: String) -> Int? { d.children(0).first { d.key($0) == k } }
        for k in keys {
            #expect(d.member(0, k) == slow(k), "member \(k)")
            for c in d.children(0) { #expect(d.keyEquals(c, k) == (d.key(c) == k), "keyEquals \(k)") }
        }
        let found = d.firstMembers(0, JSONDocument.KeySet(keys))
        #expect(found == keys.map(slow))
        #expect(d.int(d.member(0, "id")!) == 2)              // the first of three ways to spell "id"
        #expect(d.int(d.member(0, "idx")!) == 4)
        #expect(d.firstMembers(d.member(0, "a")!, JSONDocument.KeySet(["a"])) == [nil])   // not an object
    }

    /// The escaped-key flag lives in padding: the tape of a 50 MB file stays as small.
    @Test func nodeStaysThirtyTwoBytes() {
        #expect(MemoryLayout<JSONNode>.stride == 32)
    }

    @Test func lineIndexMatchesLocate() {
        let bytes = Array("\u{FEFF}a\nbc\n\n{\"x\": \"é\"}\r\nend".utf8)
        let index = TextPosition.LineIndex(bytes)
        for offset in 0...bytes.count {
            #expect(index.line(at: offset) == TextPosition.locate(bytes, offset: offset).line, "offset \(offset)")
        }
    }

    @Test func acceptedTypesParse() {
        #expect(AccountScanner.acceptedTypes("account:google,google-restricted") == ["google", "google-restricted"])
        #expect(AccountScanner.acceptedTypes("account: slack2 , slack3,,") == ["slack2", "slack3"])
        #expect(AccountScanner.acceptedTypes("account") == [])
        #expect(AccountScanner.acceptedTypes("account:") == [])
        #expect(AccountScanner.acceptedTypes("hook:gateway-webhook") == ["gateway-webhook"])
        #expect(AccountScanner.acceptedTypes("account:ünïcode, 注") == ["ünïcode", "注"])
    }
}
