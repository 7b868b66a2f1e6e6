import BlueprintKit
import Testing
@testable import EditorUI

/// A blueprint whose labels try to drive the terminal (clear screen, OSC 52 clipboard
/// write, window title, bidi reordering, C1 CSI) renders every one of them inert, in
/// the screen buffer and in the ANSI output; wide and combining text never splits.
@Suite struct SafeTextScreenTests {
    /// Module labels: ESC[2J, OSC 52 (BEL- and ST-terminated), an RLO filename trick,
    /// isolates, C1 CSI, tabs/newlines; plus CJK and combining marks for clipping.
    static let hostileJSON = #"""
    {
        "name": "Evil \u001b]0;pwned\u0007 scenario",
        "flow": [
            {"id": 1, "module": "json:ParseJSON", "version": 1, "mapper": {},
             "metadata": {"designer": {"x": 0, "y": 0, "name": "clear\u001b[2Jscreen"}}},
            {"id": 2, "module": "json:ParseJSON", "version": 1, "mapper": {"v": "\u001b]52;c;ZWNobyBwd25lZA==\u001b\\"},
             "metadata": {"designer": {"x": 0, "y": 0, "name": "copy\u001b]52;c;ZWNobyBwd25lZA==\u0007me"}}},
            {"id": 3, "module": "json:ParseJSON", "version": 1, "mapper": {},
             "metadata": {"designer": {"x": 0, "y": 0, "name": "invoice\u202Efdp.exe\u202C and \u2066iso\u2069"}}},
            {"id": 4, "module": "json:ParseJSON", "version": 1, "mapper": {},
             "metadata": {"designer": {"x": 0, "y": 0, "name": "c1\u009b31mred\ttab\nnewline\u0000nul"}}},
            {"id": 5, "module": "json:ParseJSON", "version": 1, "mapper": {},
             "metadata": {"designer": {"x": 0, "y": 0, "name": "模块模块模块模块模块模块模块模块模块模块 e\u0301 café"}}}
        ],
        "metadata": {"version": 1}
    }
    """#

    func editor(glyphs: Glyphs = .unicode) throws -> Editor {
        try Editor(bytes: Array(Self.hostileJSON.utf8), path: nil, displayName: "hostile.json", glyphs: glyphs)
    }

    /// No cell holds a character that a terminal would act on.
    func expectInert(_ buf: ScreenBuffer, sourceLocation: SourceLocation = #_sourceLocation) {
        for y in 0..<buf.height {
            for x in 0..<buf.width {
                let bad = buf[x, y].text.unicodeScalars.filter(SafeText.isDangerous)
                #expect(bad.isEmpty, "cell \(x),\(y) holds \(bad.map { String($0.value, radix: 16) })", sourceLocation: sourceLocation)
            }
        }
    }

    @Test func everyHostileLabelIsShownAsVisibleEscapes() throws {
        let e = try editor()
        let buf = EditorView.render(e, width: 140, height: 30)
        expectInert(buf)
        let text = buf.plainText()
        #expect(text.contains(#"clear\e[2Jscreen"#))
        #expect(text.contains(#"copy\e]52;c;ZWNobyBwd25lZA==\ame"#))
        #expect(text.contains(#"invoice\u{202e}fdp.exe\u{202c} and \u{2066}iso\u{2069}"#))
        #expect(text.contains(#"c1\u{9b}31mred\ttab\nnewline\0nul"#))
        #expect(text.contains(#"Evil \e]0;pwned\a scenario"#))
    }

    @Test func theDetailPaneOfEachHostileModuleIsInertToo() throws {
        let e = try editor()
        for _ in 0..<5 {
            let buf = EditorView.render(e, width: 140, height: 40)
            expectInert(buf)
            e.handle(.char("j"))
        }
        e.handle(.char("?"))
        expectInert(EditorView.render(e, width: 140, height: 40))
    }

    @Test func ansiOutputContainsNoEscapeButItsOwnColourCodes() throws {
        let e = try editor()
        let buf = EditorView.render(e, width: 140, height: 30)
        for theme in Theme.builtIn {
            for depth in ColorDepth.allCases {
                let out = AnsiRenderer.render(buf, theme: theme, depth: depth)
                let stripped = out.strippingSGR()
                let bad = stripped.unicodeScalars.filter { SafeText.isDangerous($0) && $0 != "\n" }
                #expect(bad.isEmpty, "\(theme.name) \(depth): \(bad.map { String($0.value, radix: 16) })")
            }
        }
    }

    @Test func wideAndCombiningTextNeverSplitsAtAnyWidth() throws {
        let e = try editor()
        e.handle(.char("G"))
        for w in 40...140 {
            let buf = EditorView.render(e, width: w, height: 20)
            for y in 0..<buf.height {
                var x = 0
                while x < w {
                    let c = buf[x, y]
                    #expect(!c.continuation, "row \(y) at width \(w): a continuation cell without its lead at \(x)")
                    if c.width == 2 {
                        #expect(x + 1 < w && buf[x + 1, y].continuation, "width \(w) row \(y): wide char split at \(x)")
                        x += 2
                    } else { x += 1 }
                }
                #expect(TextWidth.of(buf.lines[y]) <= w)
            }
        }
        let text = EditorView.render(e, width: 140, height: 20).plainText()
        #expect(text.contains("e\u{301}") && text.contains("café"), "combining marks stay with their letter")
    }

    @Test func asciiLocaleShowsQuestionMarksAndEscapesButNeverRawBytes() throws {
        let e = try editor(glyphs: .ascii)
        e.handle(.char("G"))
        let buf = EditorView.render(e, width: 140, height: 30)
        expectInert(buf)
        for line in buf.lines {
            #expect(line.unicodeScalars.allSatisfy { $0.isASCII }, "non-ASCII reached a C-locale screen: \(line)")
        }
        let text = buf.plainText()
        #expect(text.contains("#5 " + String(repeating: "?", count: 20) + " e cafe"),
                "each character of another script is one visible ?; Latin letters lose their accents")
        #expect(text.contains(#"invoice\u{202e}fdp.exe"#))
    }
}

extension String {
    func strippingSGR() -> String {
        // Removes ESC [ digits/semicolons m: the SGR sequences AnsiRenderer writes.
        var out = ""
        var i = startIndex
        while i < endIndex {
            if self[i] == "\u{1B}", index(after: i) < endIndex, self[index(after: i)] == "[" {
                var j = index(i, offsetBy: 2)
                while j < endIndex, self[j].isNumber || self[j] == ";" { j = index(after: j) }
                if j < endIndex, self[j] == "m" { i = index(after: j); continue }
            }
            out.append(self[i])
            i = index(after: i)
        }
        return out
    }
}
