import Testing
@testable import EditorUI

@Suite struct AnsiRendererTests {
    private func sample() -> ScreenBuffer {
        var b = ScreenBuffer(width: 12, height: 2)
        b.put("ok", x: 0, y: 0, slot: .badgeCurrent)
        b.put(" 模", x: 2, y: 0, slot: .normal)
        b.put("sel", x: 0, y: 1, slot: .selected)
        return b
    }

    @Test func at256ColoursUsesPaletteSequences() {
        let out = AnsiRenderer.render(sample(), theme: .default, depth: .c256)
        let lines = out.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 2)
        #expect(lines[0] == "\u{1B}[38;5;114mok\u{1B}[0m 模")
        #expect(lines[1] == "\u{1B}[1;38;5;231;48;5;25msel\u{1B}[0m")
    }

    @Test func at8ColoursUsesBasicColours() {
        let out = AnsiRenderer.render(sample(), theme: .default, depth: .c8)
        #expect(out.hasPrefix("\u{1B}[32mok\u{1B}[0m 模\n"))
        #expect(out.hasSuffix("\u{1B}[1;37;44msel\u{1B}[0m"))
        #expect(!out.contains("38;5"))
    }

    @Test func monoEmitsAttributesButNeverAColour() {
        for theme in [Theme.default, Theme.mono] {
            let out = AnsiRenderer.render(sample(), theme: theme, depth: .mono)
            #expect(out.contains("\u{1B}[7msel\u{1B}[0m"))
            #expect(!out.contains("38;5") && !out.contains("48;5"))
            for code in 30...47 { #expect(!out.contains("[\(code)m") && !out.contains(";\(code)m")) }
        }
    }

    @Test func everyLineEndsInTheDefaultStyle() {
        var b = ScreenBuffer(width: 8, height: 3)
        b.fill(x: 0, y: 0, width: 8, height: 3, slot: .status)
        for depth in ColorDepth.allCases {
            for line in AnsiRenderer.render(b, theme: .default, depth: depth).split(separator: "\n") {
                #expect(line.hasSuffix(AnsiRenderer.reset))
            }
        }
    }

    @Test func colourDepthDetection() {
        #expect(ColorDepth.detect(colors: 256, noColor: false) == .c256)
        #expect(ColorDepth.detect(colors: 88, noColor: false) == .c8)
        #expect(ColorDepth.detect(colors: 8, noColor: false) == .c8)
        #expect(ColorDepth.detect(colors: 2, noColor: false) == .mono)
        #expect(ColorDepth.detect(colors: 256, noColor: true) == .mono)
    }

    @Test func themesCoverEverySlotAndMonoHasNoColours() {
        for slot in StyleSlot.allCases {
            #expect(Theme.default.styles[slot] != nil, "default theme lacks \(slot.rawValue)")
            let m = Theme.mono[slot]
            #expect(m.fg256 == nil && m.fg8 == nil && m.bg256 == nil && m.bg8 == nil)
        }
        #expect(Theme.mono[.selected].attrs == .reverse)
        #expect(Theme.mono[.warning].attrs == [.bold, .underline])
        #expect(Theme.named("MONO")?.name == "mono")
        #expect(Theme.named("nope") == nil)
        #expect(StyleSlot.titleModified.rawValue == "title-modified")
        #expect(StyleSlot(rawValue: "badge-upgradable") == .badgeUpgradable)
    }
}
