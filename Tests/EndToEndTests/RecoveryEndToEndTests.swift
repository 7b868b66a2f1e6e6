// Never lose a scenario, in a real terminal: SIGHUP with unsaved edits leaves a
// recovery file and the terminal restored; reopening offers recover / diff /
// discard; recovering and saving gives exactly the edits. And a file changed by
// someone else while it is open is not overwritten without asking.
import Foundation
import Testing

extension EndToEnd {
    @Suite(.serialized) struct RecoveryEndToEndTests {
        func start(_ file: String) -> Tmux? {
            guard let bin = scenedBinary() else { print("skip: scened binary not built"); return nil }
            guard which("tmux") != nil else { print("skip: tmux is not installed"); return nil }
            return Tmux(width: 120, height: 40, command: "\(shellQuote(bin)) \(shellQuote(file))")
        }

        func read(_ p: String) -> [UInt8]? { FileManager.default.contents(atPath: p).map { Array($0) } }
        func exists(_ p: String) -> Bool { FileManager.default.fileExists(atPath: p) }

        /// A scratch folder holding `a.json` (the demo, saved by the editor) and
        /// `expected.json`: the demo with modules #13 and #3 upgraded by the headless engine.
        func prepare() throws -> (dir: String, file: String, original: [UInt8], expected: [UInt8])? {
            guard let bin = scenedBinary(), which("tmux") != nil else { print("skip: scened binary or tmux missing"); return nil }
            let dir = NSTemporaryDirectory() + "scened-e2e-recover-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            let file = "\(dir)/a.json"
            guard let t = Tmux(width: 120, height: 40, command: shellQuote(bin)) else { return nil }
            #expect(t.waitFor("Shop orders").ok)
            t.type("W")
            #expect(t.waitFor("save as:").ok)
            t.type(file)
            t.send("Enter")
            #expect(t.waitFor("saved").ok)
            t.type("q")
            #expect(t.waitForExit() == 0)
            let mid = "\(dir)/mid.json", expected = "\(dir)/expected.json"
            #expect(run([bin, "upgrade", file, "--module", "13", "-o", mid]).status == 0)
            #expect(run([bin, "upgrade", mid, "--module", "3", "-o", expected]).status == 0)
            let original = try #require(read(file)), want = try #require(read(expected))
            #expect(original != want)
            unlink(mid)
            unlink(expected)
            return (dir, file, original, want)
        }

        /// Upgrades #13 and #3 in the editor, as `prepare` did headless.
        func edit(_ t: Tmux) {
            t.type(":13")
            t.send("Enter")
            t.type("u")
            #expect(t.waitFor("upgraded #13").ok)
            t.type(":3")
            t.send("Enter")
            t.type("u")
            #expect(t.waitFor("upgraded #3").ok)
        }

        @Test func hangupThenReopenRecoverSaveGivesTheEdits() throws {
            guard let p = try prepare() else { return }
            defer { try? FileManager.default.removeItem(atPath: p.dir) }
            let recovery = "\(p.dir)/.a.json.scened-recover"
            guard let t = start(p.file) else { return }
            #expect(t.waitFor("Shop orders").ok)
            edit(t)
            #expect(t.alternateScreenOn)
            guard let pid = t.panePID else { Issue.record("no pane pid"); return }
            kill(pid, SIGHUP)
            #expect(t.waitForExit() == 128 + Int(SIGHUP), "scened dies of the hangup, as before")
            #expect(!t.alternateScreenOn, "the terminal is back in normal mode")
            #expect(t.paneDead)
            #expect(exists(recovery), "a recovery file next to the file")
            #expect(read(p.file) == p.original, "the file itself is untouched")

            guard let t2 = start(p.file) else { return }
            let asked = t2.waitFor("Unsaved edits from")
            #expect(asked.ok, "screen was:\n\(asked.screen)")
            #expect(asked.screen.contains(".a.json.scened-recover"))
            #expect(asked.screen.contains("(r)ecover / (d)iff / (x) discard / (q)uit"))
            t2.type("r")
            #expect(t2.waitFor("recovered the unsaved edits").ok)
            t2.send("C-s")
            #expect(t2.waitFor("saved").ok)
            t2.type("q")
            #expect(t2.waitForExit() == 0)
            #expect(read(p.file) == p.expected, "the saved file is exactly the edits made before the hangup")
            #expect(!exists(recovery), "saving removes the recovery file")
        }

        @Test func reopenShowDiffThenDiscard() throws {
            guard let p = try prepare() else { return }
            defer { try? FileManager.default.removeItem(atPath: p.dir) }
            let recovery = "\(p.dir)/.a.json.scened-recover"
            guard let t = start(p.file) else { return }
            #expect(t.waitFor("Shop orders").ok)
            edit(t)
            guard let pid = t.panePID else { Issue.record("no pane pid"); return }
            kill(pid, SIGTERM)
            #expect(t.waitForExit() == 128 + Int(SIGTERM))
            #expect(exists(recovery))

            guard let t2 = start(p.file) else { return }
            #expect(t2.waitFor("Unsaved edits from").ok)
            t2.type("d")
            let diff = t2.waitFor("recovery file vs a.json")
            #expect(diff.ok, "screen was:\n\(diff.screen)")
            #expect(diff.screen.contains("+++ b/a.json (recovered)"))
            #expect(diff.screen.contains("http:MakeRequest"))
            t2.type("q")
            #expect(t2.waitFor("Unsaved edits from").ok, "closing the diff asks again")
            t2.type("x")
            #expect(t2.waitFor("discarded the recovery file").ok)
            #expect(!exists(recovery))
            t2.type("q")
            #expect(t2.waitForExit() == 0, "nothing was changed, so q quits at once")
            #expect(read(p.file) == p.original)
        }

        @Test func externalChangeWhileOpenAsksBeforeOverwriting() throws {
            guard let p = try prepare() else { return }
            defer { try? FileManager.default.removeItem(atPath: p.dir) }
            guard let t = start(p.file) else { return }
            #expect(t.waitFor("Shop orders").ok)
            edit(t)
            let colleague = Array("{\"name\": \"colleague\", \"flow\": []}\n".utf8)
            _ = FileManager.default.createFile(atPath: p.file, contents: Data(colleague))
            t.send("C-s")
            let asked = t.waitFor("The file changed on disk")
            #expect(asked.ok, "screen was:\n\(asked.screen)")
            #expect(asked.screen.contains("(o)verwrite / (d)iff / (c)ancel"))
            t.type("c")
            #expect(t.waitFor("not saved: the file on disk was left as it is").ok)
            #expect(read(p.file) == colleague)
            t.send("C-s")
            #expect(t.waitFor("The file changed on disk").ok)
            t.type("o")
            #expect(t.waitFor("saved").ok)
            #expect(read(p.file) == p.expected)
            t.type("q")
            #expect(t.waitForExit() == 0)
        }
    }
}
