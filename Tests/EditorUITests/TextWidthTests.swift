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
}
