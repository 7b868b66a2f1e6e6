import Testing
@testable import EditorUI

@Suite struct SafeTextTests {
    @Test func terminalEscapesAreDrawnAsText() {
        #expect(SafeText.inert("\u{1B}[2Jgone", ascii: false) == "\\e[2Jgone")
        // OSC 52 would set the user's clipboard; it must arrive as visible text.
        #expect(SafeText.inert("\u{1B}]52;c;cm0gLXJmIH4=\u{07}", ascii: false) == "\\e]52;c;cm0gLXJmIH4=\\a")
        #expect(SafeText.inert("a\tb\r\nc", ascii: false) == "a\\tb\\r\\nc")
        #expect(SafeText.inert("\u{0}\u{8}\u{B}\u{C}\u{7F}", ascii: false) == "\\0\\b\\v\\f\\u{7f}")
        #expect(SafeText.inert("x\u{9B}31m", ascii: false) == "x\\u{9b}31m")   // C1 CSI
    }

    @Test func bidiControlsCannotReorderText() {
        #expect(SafeText.inert("invoice\u{202E}fdp.exe", ascii: false) == "invoice\\u{202e}fdp.exe")
        #expect(SafeText.inert("\u{2066}a\u{2069}\u{200F}\u{61C}", ascii: false) == "\\u{2066}a\\u{2069}\\u{200f}\\u{61c}")
        #expect(SafeText.inert("line\u{2028}sep", ascii: false) == "line\\u{2028}sep")
    }

    @Test func asciiModeFoldsScenedsOwnSymbolsToASCII() {
        #expect(SafeText.inert("HTTP › Make a request → v4 …", ascii: true) == "HTTP > Make a request -> v4 ...")
        #expect(SafeText.inert("§4 · ✓ ✗ • “quoted” ‘it’s’ – —", ascii: true) == "S4 - ok x * \"quoted\" 'it's' - --")
        #expect(SafeText.inert("≈ ≤ ≥ × € ▸ ▾ ▲ ▼ ├─┘│", ascii: true) == "~ <= >= x EUR + - ^ v +-+|")
        // Every glyph of the Unicode set folds to ASCII without a `?`.
        let g = Glyphs.unicode
        for s in [g.treeBranch, g.treeLast, g.treePipe, g.hline, g.vline, g.topLeft, g.topRight, g.bottomLeft, g.bottomRight,
                  g.arrow, g.check, g.observed, g.cross, g.ellipsis, g.collapsed, g.expanded, g.separator, g.bullet,
                  g.warning, g.scrollUp, g.scrollDown] {
            let f = SafeText.inert(s, ascii: true)
            #expect(f.unicodeScalars.allSatisfy(\.isASCII) && !f.contains("?"), "\(s) folds to \(f)")
        }
    }

    @Test func ordinaryUnicodeIsUntouched() {
        let s = "Café 模块 👨‍👩‍👧 e\u{301} › →"
        #expect(SafeText.inert(s, ascii: false) == s)
        #expect(!SafeText.needsEscaping(s))
    }

    @Test func asciiModeReplacesEachNonASCIIGraphemeOfAnotherScriptWithOneQuestionMark() {
        #expect(SafeText.inert("Café 模块 👨‍👩‍👧!", ascii: true) == "Cafe ?? ?!")
        #expect(SafeText.inert("e\u{301}x", ascii: true) == "ex")
        #expect(SafeText.inert("\u{1B}[1m\u{202E}ü", ascii: true) == "\\e[1m\\u{202e}u")
        #expect(SafeText.inert("שיחה Ж", ascii: true) == "???? ?")
        #expect(SafeText.inert("plain ascii", ascii: true) == "plain ascii")
    }

    @Test func outputNeverContainsAControlCharacter() {
        var all = ""
        for v in 0..<0xA0 { all.unicodeScalars.append(Unicode.Scalar(UInt32(v))!) }
        for ascii in [false, true] {
            let out = SafeText.inert(all, ascii: ascii)
            #expect(!out.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        }
    }
}
