// Themes, configuration and the terminal over SSH, in a real terminal (tmux):
// NO_COLOR, TERM=xterm, LC_ALL=C, a user `bind` line, a broken theme file, and a
// blueprint whose labels try to drive the terminal.
import Foundation
import Testing

extension EndToEnd {
    @Suite(.serialized) struct ThemeEndToEndTests {
        func start(_ args: String = "", env: [String: String] = [:]) -> Tmux? {
            guard let bin = scenedBinary() else { print("skip: scened binary not built"); return nil }
            guard which("tmux") != nil else { print("skip: tmux is not installed"); return nil }
            return Tmux(width: 120, height: 40, command: "\(shellQuote(bin)) \(args)", env: env)
        }

        /// A fresh XDG_CONFIG_HOME holding `files` (paths relative to it).
        func configHome(_ files: [String: String]) throws -> String {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("scened-theme-e2e-\(UUID().uuidString)")
            for (rel, text) in files {
                let url = dir.appendingPathComponent(rel)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try text.write(to: url, atomically: true, encoding: .utf8)
            }
            return dir.path
        }

        /// SGR parameter lists on the screen, e.g. ["1;38;5;231;48;5;25", "0"].
        func sgrCodes(_ screen: String) -> [String] {
            var out: [String] = []
            var rest = Substring(screen)
            while let r = rest.range(of: "\u{1B}[") {
                let tail = rest[r.upperBound...]
                let params = tail.prefix { $0.isNumber || $0 == ";" }
                if tail.dropFirst(params.count).first == "m" { out.append(String(params)) }
                rest = tail
            }
            return out
        }

        func hasColour(_ codes: [String]) -> Bool {
            codes.contains { c in
                let p = c.split(separator: ";").compactMap { Int($0) }
                // 39/49 only reset to the terminal's default colours
                return p.contains { ((30...48).contains($0) && $0 != 39) || (90...107).contains($0) }
            }
        }

        @Test func noColorShowsNoColourEscapesButKeepsReverseVideo() throws {
            guard let t = start(env: ["NO_COLOR": "1", "TERM": "xterm-256color"]) else { return }
            let r = t.wait(escapes: true) { $0.contains("Shop orders") }
            #expect(r.ok)
            let codes = sgrCodes(r.screen)
            #expect(!hasColour(codes), "colour SGR under NO_COLOR: \(Set(codes))")
            #expect(codes.contains { $0.split(separator: ";").contains("7") }, "no reverse video for the selection")
            t.type("q")
            #expect(t.waitForExit() == 0)
        }

        @Test func xtermGetsTheEightColourFallbacksOfTheChosenTheme() throws {
            guard let t = start("--theme light", env: ["TERM": "xterm"]) else { return }
            let r = t.wait(escapes: true) { $0.contains("Shop orders") }
            #expect(r.ok)
            let codes = sgrCodes(r.screen)
            #expect(hasColour(codes))
            #expect(!r.screen.contains("38;5;") && !r.screen.contains("48;5;"), "256-colour SGR on an 8-colour terminal")
            // light's title bar at 8 colours: white on blue
            #expect(codes.contains { $0.split(separator: ";").contains("44") }, "no blue background for the title bar")
            t.type("q")
            #expect(t.waitForExit() == 0)
        }

        @Test func themeFromTheEnvironmentReachesTheTerminal() throws {
            guard let t = start(env: ["SCENED_THEME": "light", "TERM": "xterm-256color"]) else { return }
            let r = t.wait(escapes: true) { $0.contains("Shop orders") }
            #expect(r.ok)
            #expect(r.screen.contains("48;5;153") || sgrCodes(r.screen).contains { $0.contains("153") },
                    "light's selection background (153) not on screen")
            t.type("q")
            #expect(t.waitForExit() == 0)
        }

        @Test func cLocaleShowsAsciiGlyphsAndQuestionMarks() throws {
            guard let t = start(env: ["LC_ALL": "C", "LANG": "C"]) else { return }
            let r = t.waitFor("Shop orders")
            #expect(r.ok)
            #expect(!r.screen.unicodeScalars.contains { !$0.isASCII }, "non-ASCII on a C-locale screen:\n\(r.screen)")
            #expect(r.screen.contains("`- ") || r.screen.contains("|- "))
            #expect(r.screen.contains("Shop orders -> ERP"), "the arrow in the scenario name folds to ->")
            #expect(r.screen.contains("Log line item -- ??"), "the dash folds to --, the Japanese word is a visible ??")
            t.type("q")
            #expect(t.waitForExit() == 0)
        }

        @Test func aUserBindLineChangesAKey() throws {
            let home = try configHome(["scened/config": "# my habits\nbind tree x quit\nunbind generic q\n"])
            guard let t = start(env: ["XDG_CONFIG_HOME": home]) else { return }
            #expect(t.waitFor("Shop orders").ok)
            t.type("q")
            #expect(t.waitFor("q is not bound here").ok)
            t.type("?")
            // the tree's keys run past the first page of a 30-row terminal: scroll to the last of them
            t.type("jjjjjjjjjj")
            // `?` lists the effective table: quit is now on x, and only there.
            let help = t.wait { s in
                s.split(separator: "\n").contains { $0.contains("quit (asks") && $0.drop { $0 == " " }.hasPrefix("x ") }
            }
            #expect(help.ok, "help screen:\n\(help.screen)")
            t.send("Escape")
            #expect(t.wait { !$0.contains("Version badges") && $0.contains("#1") }.ok)
            t.type("x")
            #expect(t.waitForExit() == 0)
        }

        @Test func aBrokenThemeFileStillOpensTheEditorAndSaysWhy() throws {
            let home = try configHome([
                "scened/config": "set theme = mine\n",
                "scened/themes/mine.theme": "description = mine\ntitel fg=1\n",
            ])
            guard let t = start(env: ["XDG_CONFIG_HOME": home]) else { return }
            // the editor's frame with the warning (the tree alone may be drawn first)
            let r = t.wait { $0.contains("Shop orders") && $0.contains("mine.theme:2: unknown slot 'titel'") }
            #expect(r.ok, "screen:\n\(r.screen)")
            t.type("q")
            #expect(t.waitForExit() == 0)
        }

        @Test func hostileLabelsAreInertInARealTerminal() throws {
            let json = """
            {"name": "Evil \\u001b]0;pwned\\u0007 scenario", "flow": [
              {"id": 1, "module": "json:ParseJSON", "version": 1, "mapper": {},
               "metadata": {"designer": {"x": 0, "y": 0, "name": "clear\\u001b[2Jscreen"}}},
              {"id": 2, "module": "json:ParseJSON", "version": 1, "mapper": {},
               "metadata": {"designer": {"x": 0, "y": 0, "name": "copy\\u001b]52;c;ZWNobyBwd25lZA==\\u0007me"}}},
              {"id": 3, "module": "json:ParseJSON", "version": 1, "mapper": {},
               "metadata": {"designer": {"x": 0, "y": 0, "name": "invoice\\u202efdp.exe"}}}
            ], "metadata": {"version": 1}}
            """
            let home = try configHome(["hostile.json": json])
            guard let t = start(shellQuote(home + "/hostile.json")) else { return }
            let r = t.waitFor("copy")
            #expect(r.ok, "screen:\n\(r.screen)")
            #expect(r.screen.contains(#"clear\e[2Jscreen"#))
            #expect(r.screen.contains(#"copy\e]52;c;ZWNobyBwd25lZA==\ame"#))
            #expect(r.screen.contains(#"invoice\u{202e}fdp.exe"#))
            #expect(r.screen.contains("#1") && r.screen.contains("#3"), "the screen was not cleared")
            #expect(!t.display("#{pane_title}").contains("pwned"), "OSC 0 retitled the window")
            t.type("q")
            #expect(t.waitForExit() == 0)
        }
    }
}
