import Testing
@testable import EditorUI

@Suite struct TextWidthTests {
    @Test(arguments: [
        ("a", 1), ("模", 2), ("é", 1), ("e\u{301}", 1), ("─", 1), ("😀", 2),
        ("👨‍👩‍👧‍👦", 2), ("❤️", 2), ("❤", 1), ("🇩🇪", 2), ("한", 2), ("ｱ", 1), ("Ａ", 2),
        ("\u{200B}", 0), ("\u{301}", 0), ("\u{1B}", 0), ("\u{FE0F}", 0),
    ])
    func characterWidth(_ s: String, _ w: Int) {
        #expect(TextWidth.of(s) == w, "\(s.unicodeScalars.map { String($0.value, radix: 16) })")
    }

    @Test func stringWidthSumsGraphemes() {
        #expect(TextWidth.of("日本語 text") == 11)
        #expect(TextWidth.of("cafe\u{301} 😀!") == 8)
        #expect(TextWidth.of("abc"[...]) == 3)
        #expect(TextWidth.of("") == 0)
    }

    @Test func truncateNeverSplitsWideCharacters() {
        #expect(TextWidth.truncate("HTTP › Make a request", to: 10, ellipsis: true) == "HTTP › Ma…")
        #expect(TextWidth.truncate("模块模块", to: 5, ellipsis: true) == "模块…")
        #expect(TextWidth.truncate("模块模块", to: 4, ellipsis: true) == "模…")
        #expect(TextWidth.truncate("模块模块", to: 3, ellipsis: false) == "模")
        #expect(TextWidth.truncate("short", to: 10, ellipsis: true) == "short")
        #expect(TextWidth.truncate("abc", to: 0, ellipsis: true) == "")
        #expect(TextWidth.truncate("abcdef", to: 1, ellipsis: true) == "…")
        #expect(TextWidth.truncate("abcdef", to: 5, ellipsis: "...") == "ab...")
        #expect(TextWidth.truncate("e\u{301}e\u{301}e\u{301}", to: 2, ellipsis: false) == "e\u{301}e\u{301}")
    }

    @Test func padFillsToExactWidth() {
        #expect(TextWidth.pad("ab", to: 5) == "ab   ")
        #expect(TextWidth.pad("ab", to: 5, align: .right) == "   ab")
        #expect(TextWidth.pad("ab", to: 5, align: .center) == " ab  ")
        #expect(TextWidth.pad("模块模", to: 5) == "模块 ")
        #expect(TextWidth.of(TextWidth.pad("模块模", to: 5)) == 5)
        #expect(TextWidth.pad("abc", to: -1) == "")
    }

    /// ASCII text is measured and cut from its bytes, other text in one pass that stops at
    /// the width; a grapheme-by-grapheme walk of the whole text must give the same widths
    /// and the same cuts (controls, DEL, "\r\n", digits and `#`, which are emoji bases, the
    /// same with VS16 after them, wide and zero-width characters).
    @Test func fastMeasuringAndCuttingAgreeWithAWalkOfEveryGrapheme() {
        let samples = ["plain label", "a\tb\u{7F}c", "x\r\ny", "\r\n\r\n", "#1 *2 #3", "123456789", "", " ",
                       "support/escalations.json", "2\u{FE0F}3", "#\u{FE0F}x", "a\u{1B}[31mred",
                       // and text that is not ASCII, cut in one pass that stops at the width
                       "日本語 text", "cafe\u{301} 😀!", "Order hub · Bestellungen · 注文", "a\u{200B}b\u{200B}c\u{200B}", "模块模块模块"]
        for s in samples {
            let perCharacter = s.reduce(0) { $0 + TextWidth.of($1) }
            #expect(TextWidth.of(s) == perCharacter, "\(s.debugDescription)")
            #expect(TextWidth.of(s[...]) == perCharacter, "\(s.debugDescription)")
            for width in 0...12 {
                for marker in ["…", "...", ""] {
                    let cut = TextWidth.truncate(s, to: width, ellipsis: marker)
                    #expect(TextWidth.of(cut) <= max(width, 0), "\(s.debugDescription) to \(width)")
                    #expect(cut == slowTruncate(s, to: width, marker: marker), "\(s.debugDescription) to \(width) with \(marker)")
                    #expect(TextWidth.fit(s, to: width, ellipsis: marker) == TextWidth.pad(cut, to: width), "a table cell")
                }
            }
        }
        #expect(TextWidth.of("2\u{FE0F}") == 2 && TextWidth.of("#\u{FE0F}x") == 3, "a keycap base with VS16 is wide")
        #expect(TextWidth.truncate("x\r\nyz", to: 2, ellipsis: "") == "x\r\ny")
    }

    /// The cut as `truncate` made it before it had fast paths: measure all, then walk.
    func slowTruncate(_ s: String, to width: Int, marker: String) -> String {
        guard width > 0 else { return "" }
        if s.reduce(0, { $0 + TextWidth.of($1) }) <= width { return s }
        let markerWidth = TextWidth.of(marker)
        guard markerWidth <= width else { return slowTruncate(marker, to: width, marker: "") }
        var out = "", used = 0
        for ch in s {
            let w = TextWidth.of(ch)
            if used + w > width - markerWidth { break }
            out.append(ch)
            used += w
        }
        return out + marker
    }
}
