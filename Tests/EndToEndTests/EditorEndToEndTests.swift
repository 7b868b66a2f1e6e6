// The real binary in a real terminal (tmux): draw, keys, resize, ESC latency,
// TERM and locale variants, unknown TERM, terminal restore after SIGTERM.
import Foundation
import Testing

extension EndToEnd {
    @Suite(.serialized) struct EditorEndToEndTests {
        /// Skips (with a notice) when tmux or the binary is missing.
        func start(_ args: String = "", width: Int = 120, height: Int = 40, env: [String: String] = [:]) -> Tmux? {
            guard let bin = scenedBinary() else { print("skip: scened binary not built"); return nil }
            guard which("tmux") != nil else { print("skip: tmux is not installed"); return nil }
            return Tmux(width: width, height: height, command: "\(shellQuote(bin)) \(args)", env: env)
        }

        @Test func demoOpensNavigatesAndQuits() throws {
            guard let t = start() else { return }
            let first = t.waitFor("Shop orders")
            #expect(first.ok, "screen was:\n\(first.screen)")
            #expect(first.screen.contains("#1"))
            #expect(first.screen.contains("route 3 (else)"))
            t.type("jj")
            #expect(t.wait { $0.contains("Create ERP order") && $0.contains("3/") }.ok)
            t.type("q")
            #expect(t.waitForExit() == 0)
            #expect(!t.alternateScreenOn)
        }

        @Test func upgradeSaveAndQuitWritesTheFile() throws {
            guard let bin = scenedBinary() else { print("skip: scened binary not built"); return }
            let file = NSTemporaryDirectory() + "scened-e2e-\(UUID().uuidString).json"
            defer { unlink(file) }
            // Save the built-in demo to a file through the editor's "save as".
            guard let t0 = start("", width: 120, height: 40) else { return }
            #expect(t0.waitFor("Shop orders").ok)
            t0.type("W")
            #expect(t0.waitFor("save as:").ok)
            t0.type(file)
            t0.send("Enter")
            #expect(t0.waitFor("saved").ok)
            t0.type("q")
            #expect(t0.waitForExit() == 0)

            guard let t = start(shellQuote(file)) else { return }
            #expect(t.waitFor("Shop orders").ok)
            t.type("/Audit")
            t.send("Enter")
            #expect(t.waitFor("match 1 of 1").ok)
            t.type("u")
            #expect(t.waitFor("upgraded #13").ok)
            t.send("C-s")
            #expect(t.waitFor("saved").ok)
            t.type("q")
            #expect(t.waitForExit() == 0)
            let list = run([bin, "list", "--json", file])
            #expect(list.status == 0)
            #expect(list.out.contains("\"module\": \"http:MakeRequest\""))
            let check = run([bin, "check", file])
            #expect(check.status == 1)   // other deprecated modules remain
            #expect(!check.out.contains("#13 "))
        }

        @Test func searchAndGotoFromTheKeyboard() throws {
            guard let t = start() else { return }
            #expect(t.waitFor("Shop orders").ok)
            t.type("/Brag")
            t.send("Enter")
            #expect(t.waitFor("match 1 of 1").ok)
            t.type(":10")
            t.send("Enter")
            #expect(t.waitFor("Log line item").ok)
            t.type("q")
            #expect(t.waitForExit() == 0)
        }

        @Test func resizeToSmallShowsMessageAndRecovers() throws {
            guard let t = start() else { return }
            #expect(t.waitFor("Shop orders").ok)
            t.resize(60, 20)
            #expect(t.wait { s in s.split(separator: "\n").allSatisfy { $0.count <= 60 } && s.contains("detail") }.ok)
            t.resize(19, 5)
            #expect(t.waitFor("too small").ok)
            t.resize(120, 40)
            #expect(t.waitFor("Shop orders").ok)
            t.type("q")
            #expect(t.waitForExit() == 0)
        }

        @Test func escapeCancelsAPromptQuickly() throws {
            guard let t = start() else { return }
            #expect(t.waitFor("Shop orders").ok)
            t.type("/abc")
            #expect(t.waitFor("/abc").ok)
            let sent = Date()
            t.send("Escape")
            let r = t.wait(timeout: 2) { $0.contains("cancelled") }
            let elapsed = Date().timeIntervalSince(sent)
            #expect(r.ok)
            #expect(elapsed < 0.2, "ESC took \(elapsed)s")
            t.type("q")
            #expect(t.waitForExit() == 0)
        }

        @Test func eightColourTerminalGetsBasicColours() throws {
            guard let t = start(env: ["TERM": "xterm"]) else { return }
            let r = t.wait(escapes: true) { $0.contains("Shop orders") }
            #expect(r.ok)
            #expect(r.screen.range(of: "\u{1B}\\[(3|9)[0-7]m", options: .regularExpression) != nil, "no 8-colour SGR")
            #expect(!r.screen.contains("38;5;"))
            t.type("q")
            #expect(t.waitForExit() == 0)
        }

        @Test func vt100Works() throws {
            guard let t = start(env: ["TERM": "vt100"]) else { return }
            #expect(t.waitFor("Shop orders").ok)
            t.type("q")
            #expect(t.waitForExit() == 0)
        }

        @Test func unknownTermGivesAClearErrorAndExit1() throws {
            guard let t = start(env: ["TERM": "no-such-terminal-xyz"]) else { return }
            #expect(t.waitForExit() == 1)
            let screen = t.transcript()
            #expect(screen.contains("TERM='no-such-terminal-xyz' is not in this system's terminfo database"), "screen:\n\(screen)")
            #expect(screen.contains("TERM"))
        }

        @Test func asciiLocaleUsesAsciiGlyphs() throws {
            guard let t = start(env: ["LC_ALL": "C", "LANG": "C"]) else { return }
            let r = t.waitFor("Shop orders")
            #expect(r.ok)
            #expect(r.screen.contains("`- ") || r.screen.contains("|- "), "screen:\n\(r.screen)")
            #expect(!r.screen.contains("├"))
            t.type("q")
            #expect(t.waitForExit() == 0)
        }

        @Test func sigtermRestoresTheTerminal() throws {
            guard let t = start() else { return }
            #expect(t.waitFor("Shop orders").ok)
            #expect(t.alternateScreenOn)
            guard let pid = t.panePID else { Issue.record("no pane pid"); return }
            kill(pid, SIGTERM)
            #expect(t.waitForExit() == 128 + Int(SIGTERM))
            #expect(!t.alternateScreenOn)
        }
    }
}
