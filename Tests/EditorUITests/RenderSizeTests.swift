import BlueprintKit
import Testing
@testable import EditorUI

@Suite struct RenderSizeTests {
    /// Every size from 0×0 to 30×10, on every screen, never traps and never draws outside.
    @Test func everySmallSizeRendersWithoutCrashing() throws {
        let e = try Editor(bytes: DemoScenario.bytes, path: nil)
        let sequences: [[Key]] = [[], [.char("?")], [.char("/"), .char("x")], [.char("j"), .char("j"), .tab]]
        for keys in sequences {
            let ed = try Editor(bytes: DemoScenario.bytes, path: nil)
            for k in keys { ed.handle(k) }
            for w in 0...30 {
                for h in 0...10 {
                    let buf = EditorView.render(ed, width: w, height: h)
                    #expect(buf.width == w && buf.height == h)
                    #expect(buf.lines.allSatisfy { TextWidth.of($0) <= w })
                }
            }
        }
        let small = EditorView.render(e, width: 19, height: 5).plainText()
        #expect(small.contains("too small"))
        let big = EditorView.render(e, width: 40, height: 8).plainText()
        #expect(!big.contains("too small"))
    }

    @Test func negativeAndHugeCoordinatesAreClipped() {
        var b = ScreenBuffer(width: 10, height: 3)
        b.put("hello", x: -3, y: 1, slot: .normal)
        b.put("world", x: 8, y: 2, slot: .normal)
        b.put("x", x: Int.max, y: Int.max, slot: .normal)
        b.fill(x: -5, y: -5, width: 100, height: 1, slot: .dim)
        #expect(b.lines[1].hasPrefix("lo"))
        #expect(b.lines[2].hasSuffix("wo"))
    }
}
