import BlueprintKit
import Foundation
import Testing
@testable import EditorUI

/// Golden frames: the main screen of the demo in every shipped theme at 256, 8 and
/// mono colour depths, as `scened snapshot --ansi` prints them. Compared byte for
/// byte with Tests/EditorUITests/Golden/main-THEME-DEPTH.ansi; UPDATE_GOLDEN=1
/// rewrites them (then review the diff, e.g. with `cat` in a terminal).
@Suite struct ThemeGoldenTests {
    static let depths: [(ColorDepth, String)] = [(.c256, "256"), (.c8, "8"), (.mono, "mono")]

    /// The demo after `jj`: the selection, badges, tree
    /// lines, headings in the detail pane, the status bar.
    func frame(width: Int = 110, height: Int = 24) throws -> ScreenBuffer {
        let e = try Editor(bytes: DemoScenario.bytes, path: nil, displayName: DemoScenario.displayName)
        return Snapshot.render(e, keys: try Key.parseSequence("jj"), width: width, height: height)
    }

    @Test(arguments: ["default", "light", "high-contrast", "mono"])
    func mainScreenGolden(_ themeName: String) throws {
        let theme = try #require(Theme.named(themeName))
        let buf = try frame()
        for (depth, label) in Self.depths {
            let ansi = AnsiRenderer.render(buf, theme: theme, depth: depth) + "\n"
            checkBytes("main-\(themeName)-\(label).ansi", Array(ansi.utf8))
        }
    }

    @Test func depthsDifferTheWayTheIssueSays() throws {
        let buf = try frame()
        for theme in Theme.builtIn {
            let c256 = AnsiRenderer.render(buf, theme: theme, depth: .c256)
            let c8 = AnsiRenderer.render(buf, theme: theme, depth: .c8)
            let mono = AnsiRenderer.render(buf, theme: theme, depth: .mono)
            #expect(!c8.contains("38;5;") && !c8.contains("48;5;"), "\(theme.name): 8 colours use only basic colours")
            #expect(mono.range(of: "\u{1B}\\[[0-9;]*(3[0-9]|4[0-9]|9[0-7]|10[0-7])[;m]", options: .regularExpression) == nil,
                    "\(theme.name): mono emits no colour")
            #expect(mono.contains("\u{1B}[7m"), "\(theme.name): mono shows the selection in reverse video")
            if theme.name != "mono" { #expect(c256.contains("38;5;") || c256.contains("48;5;")) }
            // Same text at every depth: only the escapes differ.
            #expect(c256.strippingSGR() == mono.strippingSGR() && c8.strippingSGR() == mono.strippingSGR())
        }
    }

    static let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    func checkBytes(_ name: String, _ actual: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) {
        let url = Self.dir.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try? FileManager.default.createDirectory(at: Self.dir, withIntermediateDirectories: true)
            try? Data(actual).write(to: url)
            return
        }
        guard let expected = FileManager.default.contents(atPath: url.path) else {
            Issue.record("missing golden file \(name): run the tests with UPDATE_GOLDEN=1", sourceLocation: sourceLocation)
            return
        }
        guard [UInt8](expected) != actual else { return }
        let e = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let a = String(decoding: actual, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        var i = 0
        while i < min(e.count, a.count) && e[i] == a[i] { i += 1 }
        func show(_ l: [Substring]) -> String { i < l.count ? SafeText.inert(String(l[i]), ascii: false) : "<end>" }
        Issue.record("\(name) differs at line \(i + 1):\n  expected: \(show(e))\n  actual:   \(show(a))\n(UPDATE_GOLDEN=1 rewrites it)",
                     sourceLocation: sourceLocation)
    }
}
