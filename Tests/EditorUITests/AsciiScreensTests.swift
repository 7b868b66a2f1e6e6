import Foundation
import Testing
import BlueprintKit
@testable import EditorUI

/// Every screen in ASCII mode (a non-UTF-8 locale) on real exports: not one non-ASCII byte
/// may reach the terminal, and every `?` must come from the blueprint (a letter of another
/// script), never from scened's own text or the catalog's symbols.
@Suite struct AsciiScreensTests {
    /// Key sequences that open each screen: tree, detail, review and its summary, the
    /// connection picker and the connections view, help, diff, the field editors, the
    /// prompts (search, go to, save as, swap variable, quit) and the tool pickers.
    static let screens: [String] = [
        "", "jjj", "D", "<Tab>", "<Tab>jj<Enter>", "<Tab>jj<Enter><C-o>", "<Tab>S",
        "R", "Rn", "Rq", "c", "jjc", "C", "C<Enter>", "?", "Uyd", "Uyq",
        "/", "/a", ":", "W", "X", "r", "jM", "jjF", "a", "o",
    ]

    /// A few corpus files, spread over the (sorted) folder.
    static func corpusFiles() -> [URL] {
        let dir = Corpus.root.appendingPathComponent("blueprints")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else {
            print("skip: ../shared/corpus not found; ASCII screen test skipped")
            return []
        }
        let sorted = names.filter { $0.hasSuffix(".json") }.sorted()
        return stride(from: 0, to: sorted.count, by: 16).map { dir.appendingPathComponent(sorted[$0]) }
    }

    /// The blueprint with every non-ASCII character and every `?` in its strings replaced by
    /// `x` (`\u` escapes of non-ASCII too), so that nothing on screen can come from it.
    static func sanitized(_ b: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var i = 0
        func hex(_ c: UInt8) -> UInt32? {
            switch c {
            case 0x30...0x39: return UInt32(c - 0x30)
            case 0x41...0x46: return UInt32(c - 0x41 + 10)
            case 0x61...0x66: return UInt32(c - 0x61 + 10)
            default: return nil
            }
        }
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: "\\"), i + 1 < b.count {
                if b[i + 1] == UInt8(ascii: "u"), i + 5 < b.count,
                   let h = (2...5).reduce(UInt32?(0), { acc, k in acc.flatMap { a in hex(b[i + k]).map { a * 16 + $0 } } }), h >= 0x80 {
                    out.append(UInt8(ascii: "x")); i += 6; continue
                }
                out.append(c); out.append(b[i + 1]); i += 2; continue
            }
            if c >= 0xC0 { out.append(UInt8(ascii: "x")) }
            else if c >= 0x80 { /* continuation byte */ }
            else if c == UInt8(ascii: "?") { out.append(UInt8(ascii: "x")) }
            else { out.append(c) }
            i += 1
        }
        return out
    }

    static func frame(_ bytes: [UInt8], _ keys: String, _ glyphs: Glyphs, _ w: Int, _ h: Int) throws -> String {
        let e = try Editor(bytes: bytes, path: "/tmp/ascii-test.json", displayName: "ascii-test.json",
                           services: EditorServices(today: "2026-12-01"), glyphs: glyphs)
        return Snapshot.render(e, keys: try Key.parseSequence(keys), width: w, height: h).plainText()
    }

    @Test func everyScreenIsASCIIAndEveryQuestionMarkComesFromTheBlueprint() throws {
        let files = Self.corpusFiles()
        for url in files {
            guard let raw = FileManager.default.contents(atPath: url.path).map({ [UInt8]($0) }) else { continue }
            let clean = Self.sanitized(raw)
            for keys in Self.screens {
                for (w, h) in [(120, 36), (80, 24)] {
                    let where_ = "\(url.lastPathComponent) keys \"\(keys)\" at \(w)x\(h)"
                    let real = try Self.frame(raw, keys, .ascii, w, h)
                    let bad = real.unicodeScalars.first { !$0.isASCII }
                    #expect(bad == nil, "non-ASCII \(bad.map { String($0) } ?? "") in \(where_)")
                    // The same screen of the sanitized blueprint: any `?` beyond those the
                    // Unicode frame has (the unknown badge, the help key) or that stand for
                    // a letter of another script there (a source name in the catalog) is
                    // scened text the fold does not know.
                    let ascii = try Self.frame(clean, keys, .ascii, w, h)
                    let unicode = try Self.frame(clean, keys, .unicode, w, h)
                    var allowed = 0
                    for ch in unicode {
                        if ch == "?" { allowed += 1; continue }
                        guard !ch.isASCII, SafeText.asciiFold(ch) == nil else { continue }
                        #expect(ch.isLetter, "\"\(ch)\" (U+\(String(ch.unicodeScalars.first!.value, radix: 16))) has no ASCII fold, in \(where_)")
                        allowed += 1
                    }
                    let marks = ascii.filter { $0 == "?" }.count
                    #expect(marks <= allowed, "\(marks - allowed) ? not from the blueprint in \(where_):\n\(ascii)")
                }
            }
        }
    }

    @Test func sanitizedBlueprintHasNoNonASCIIAndNoQuestionMark() throws {
        let b = Array(#"{"name":"Caf\u00e9 \u0041? ok","flow":[],"x":"\\u00e9 模块"}"#.utf8)
        let s = String(decoding: Self.sanitized(b), as: UTF8.self)
        #expect(s == #"{"name":"Cafx \u0041x ok","flow":[],"x":"\\u00e9 xx"}"#)
    }
}
