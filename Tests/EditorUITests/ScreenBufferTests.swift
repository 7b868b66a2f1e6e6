import Testing
@testable import EditorUI

@Suite struct ScreenBufferTests {
    @Test func putWritesTextAndReturnsColumnsUsed() {
        var b = ScreenBuffer(width: 10, height: 2)
        #expect(b.put("a模b", x: 1, y: 0, slot: .label) == 4)
        #expect(b.lines == [" a模b", ""])
        #expect(b[2, 0].text == "模" && b[2, 0].width == 2)
        #expect(b[3, 0].continuation && b[3, 0].text.isEmpty)
        #expect(b.styleMask(.label)[0] == ".####.....")
    }

    @Test func wideCharacterAtTheLastColumnBecomesASpace() {
        var b = ScreenBuffer(width: 4, height: 1)
        #expect(b.put("ab模块", x: 1, y: 0, slot: .heading) == 3)
        #expect(b.lines == [" ab"])
        #expect(b[3, 0] == Cell(text: " ", width: 1, slot: .heading))
    }

    @Test func maxWidthClipsAndNeverSplitsAWideCharacter() {
        var b = ScreenBuffer(width: 10, height: 1)
        #expect(b.put("模块模块", x: 0, y: 0, slot: .normal, maxWidth: 5) == 5)
        #expect(b.put("xyz", x: 5, y: 0, slot: .normal, maxWidth: 0) == 0)
        #expect(b.put("xyz", x: 5, y: 0, slot: .normal, maxWidth: 2) == 2)
        #expect(b.lines == ["模块 xy"])
    }

    @Test func leftClippingKeepsColumnsAligned() {
        var b = ScreenBuffer(width: 6, height: 1)
        #expect(b.put("模ab", x: -1, y: 0, slot: .normal) == 4)
        #expect(b.lines == [" ab"])
        b.put("123456789", x: -3, y: 0, slot: .normal)
        #expect(b.lines == ["456789"])
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var b = ScreenBuffer(width: 6, height: 1)
        b.put("模块", x: 0, y: 0, slot: .normal)
        b.put("x", x: 1, y: 0, slot: .normal)          // lands on 模's continuation
        #expect(b.lines == [" x块"])
        b.put("y", x: 2, y: 0, slot: .normal)          // lands on 块's lead cell
        #expect(b.lines == [" xy"])
        #expect(!b[3, 0].continuation)
    }

    @Test func controlCharactersAreDrawnInert() {
        var b = ScreenBuffer(width: 20, height: 1)
        #expect(b.put("a\u{1B}[2Jb", x: 0, y: 0, slot: .normal) == 7)
        #expect(b.lines == ["a\\e[2Jb"])
    }

    @Test func combiningMarksJoinTheirBaseCell() {
        var b = ScreenBuffer(width: 5, height: 1)
        #expect(b.put("e\u{301}x", x: 0, y: 0, slot: .normal) == 2)
        #expect(b[0, 0].text == "e\u{301}")
        #expect(b.lines == ["e\u{301}x"])
    }

    @Test func fillAndRestyle() {
        var b = ScreenBuffer(width: 5, height: 3)
        b.fill(x: 1, y: 1, width: 10, height: 10, slot: .dialog, char: "-")
        #expect(b.lines == ["", " ----", " ----"])
        b.put("hi", x: 0, y: 0, slot: .normal)
        b.restyle(row: 0, from: -3, to: 2, slot: .selected)
        #expect(b.styleMask(.selected) == ["##...", ".....", "....."])
        #expect(b.lines[0] == "hi")
        b.fill(x: 0, y: 0, width: 3, height: 1, slot: .normal, char: "模")
        #expect(b.lines[0] == "模")                     // third column: half a 模 → space
        #expect(b.plainText() == "模\n ----\n ----")
    }

    @Test func anyCoordinatesAreSafe() {
        var b = ScreenBuffer(width: 3, height: 2)
        let huge = [Int.min, Int.min + 1, -1_000_000, -2, -1, 0, 1, 2, 3, 4, 1_000_000, Int.max - 1, Int.max]
        for x in huge {
            for y in huge {
                b.put("模x😀", x: x, y: y, slot: .normal)
                b.put("ab", x: x, y: y, slot: .normal, maxWidth: x)
                b.fill(x: x, y: y, width: x, height: y, slot: .dim)
                b.restyle(row: y, from: x, to: y, slot: .match)
                _ = b[x, y]
            }
        }
        #expect(b.lines.count == 2)
        #expect(ScreenBuffer(width: -5, height: -5).lines.isEmpty)
    }

    @Test func everySmallSizeRendersLongUnicodeWithoutTrapping() {
        let text = "模块-cjk 👨‍👩‍👧‍👦 émigré e\u{301} \u{1B}[2J ❤️ " + String(repeating: "漢字", count: 20)
        for w in 0...30 {
            for h in 0...10 {
                var b = ScreenBuffer(width: w, height: h)
                b.fill(x: 0, y: 0, width: w, height: h, slot: .normal, char: "模")
                for y in -1...h {
                    for x in [-3, -1, 0, 1, w / 2, w - 2, w - 1, w] {
                        b.put(text, x: x, y: y, slot: .label, maxWidth: w - x)
                    }
                }
                b.restyle(row: h / 2, from: 0, to: w, slot: .selected)
                for line in b.lines { #expect(TextWidth.of(line) <= w) }
                _ = AnsiRenderer.render(b, theme: .default, depth: .c256)
            }
        }
    }
}
