import Foundation
import Testing
import BlueprintKit
@testable import EditorUI

/// Golden frames of the upgrade review (Tests/EditorUITests/Golden/review-*.txt) at
/// 80×24 and 120×40, on ReviewFixture: an upgrade with reference rewrites and a
/// connection that must be reassigned (top of the page and scrolled to its end), a
/// manual replacement, and the summary. UPDATE_GOLDEN=1 rewrites them.
@Suite struct ReviewGoldenTests {
    static let sizes = [(80, 24), (120, 40)]

    func frame(_ keys: String, _ w: Int, _ h: Int) throws -> ScreenBuffer {
        let e = try Editor(bytes: ReviewFixture.bytes, path: nil, displayName: "fixture.json")
        return Snapshot.render(e, keys: try Key.parseSequence(keys), width: w, height: h)
    }

    @Test func upgradeWithRewritesAndAConnectionToReassign() throws {
        for (w, h) in Self.sizes {
            let top = try frame("R", w, h).plainText()
            #expect(top.contains("Upgrade review  1 of 3  #1 New support email"))
            #expect(top.contains("+ parameters.__IMTCONN__: null"))
            #expect(top.contains("1 reference rewritten · 1 dangling · 1 to check · connection to reassign"))
            Golden.check("review-upgrade-\(w)x\(h).txt", top + "\n")
            let end = try frame("RG", w, h).plainText()
            if h >= 40 { #expect(end.contains("#2 mapper.value  {{1.html}} → {{1.htmlBody}}")) }
            #expect(end.contains("• basis: documented"))
            Golden.check("review-upgrade-\(w)x\(h)-end.txt", end + "\n")
        }
    }

    @Test func manualReplacement() throws {
        for (w, h) in Self.sizes {
            let text = try frame("Ryy", w, h).plainText()
            #expect(text.contains("3 of 3  #4 File the email"))
            #expect(text.contains("What to do"))
            Golden.check("review-manual-\(w)x\(h).txt", text + "\n")
        }
    }

    @Test func summary() throws {
        for (w, h) in Self.sizes {
            let text = try frame("Rynm", w, h).plainText()
            #expect(text.contains("Upgrade review finished"))
            Golden.check("review-summary-\(w)x\(h).txt", text + "\n")
        }
    }

    /// Any size from tiny to wide, on an upgrade, a manual module and the summary, in
    /// Unicode and ASCII: no trap, nothing drawn outside, and below 40×8 the usual notice.
    @Test func everySizeRenders() throws {
        for glyphs in [Glyphs.unicode, .ascii] {
            for keys in ["R", "RG", "Ryy", "Rynm"] {
                let e = try Editor(bytes: ReviewFixture.bytes, path: nil, glyphs: glyphs)
                for k in try Key.parseSequence(keys) { e.handle(k) }
                for (w, h) in [(0, 0), (10, 3), (39, 7), (40, 8), (45, 10), (61, 17), (100, 30), (200, 60)] {
                    let buf = EditorView.render(e, width: w, height: h)
                    #expect(buf.lines.allSatisfy { TextWidth.of($0) <= w })
                    if w >= 40 && h >= 8 { #expect(buf.plainText().contains(e.review?.finished == true ? "Upgrade review finished" : "Upgrade review"), "\(keys) \(w)x\(h)") }
                    // (the title bar, row 0, is not the review's: it truncates with "…" even in ASCII)
                    if !glyphs.isUnicode { #expect(buf.lines.dropFirst().allSatisfy { $0.allSatisfy(\.isASCII) }, "\(keys) \(w)x\(h)") }
                }
            }
        }
    }

    /// Review text wraps at word boundaries, indents continuation lines, loses nothing,
    /// and draws control characters from the blueprint inert.
    @Test func wrappingKeepsEveryWord() {
        var w = Wrapper(width: 24, ascii: false)
        let text = "  - mapper.data: the quick brown fox jumps over the lazy dog and a verylongwordthatcannotfitanywhere\u{1b}[2J"
        w.add([(text, .diffRemoved)], indent: 6)
        let lines = w.take().map(\.plain)
        #expect(lines.allSatisfy { TextWidth.of($0) <= 24 })
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("      ") })
        let words = lines.flatMap { $0.split(separator: " ") }.joined()
        #expect(words == text.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "\u{1b}", with: "\\e"))
        #expect(!lines.joined().contains("\u{1b}"))
    }

    /// The diff lines are coloured by theme slot: removed, added, flagged.
    @Test func diffLinesUseTheDiffSlots() throws {
        let buf = try frame("R", 120, 40)
        func slot(ofLineStarting prefix: String) -> StyleSlot? {
            for y in 0..<buf.height {
                let line = (0..<buf.width).map { buf[$0, y].text }.joined()
                if let r = line.range(of: prefix) {
                    return buf[line.distance(from: line.startIndex, to: r.lowerBound), y].slot
                }
            }
            return nil
        }
        #expect(slot(ofLineStarting: "- module:") == .diffRemoved)
        #expect(slot(ofLineStarting: "+ module:") == .diffAdded)
        #expect(slot(ofLineStarting: "v2 → v4") == .badgeUpgradable)
    }
}
