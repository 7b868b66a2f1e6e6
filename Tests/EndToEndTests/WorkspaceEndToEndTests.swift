// The workspace in the real binary inside tmux: open a copy of Tests/Fixtures/workspace
// (written for these tests) as a folder, review across scenarios (upgrades applied in
// two, skipped in the third; `w` saves the first from its review, the end summary saves
// the rest), swap Slack connection 5001 for 5003 across the three scenarios using it,
// save, quit, and verify the files with `scened check --json` and `connections --json`.
import Foundation
import Testing

extension EndToEnd {
    @Suite(.serialized) struct WorkspaceEndToEndTests {
        static func fixtureCopy() throws -> String {
            let dir = NSTemporaryDirectory() + "scened-e2e-ws-\(UUID().uuidString)"
            try FileManager.default.copyItem(atPath: packageRoot.appendingPathComponent("Tests/Fixtures/workspace").path, toPath: dir)
            try? FileManager.default.removeItem(atPath: dir + "/README.md")
            return dir
        }

        static func json(_ text: String) throws -> [String: Any] {
            try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        }

        @Test func reviewAndSwapAcrossAFolderThenSave() throws {
            guard let bin = scenedBinary() else { print("skip: scened binary not built"); return }
            guard which("tmux") != nil else { print("skip: tmux is not installed"); return }
            let dir = try Self.fixtureCopy()
            defer { try? FileManager.default.removeItem(atPath: dir) }
            guard let t = Tmux(width: 120, height: 40, command: "\(shellQuote(bin)) \(shellQuote(dir))", env: ["SCENED_TODAY": "2026-06-01"]) else {
                Issue.record("tmux did not start"); return
            }
            #expect(t.waitFor("4 scenarios").ok, "screen was:\n\(t.capture())")
            #expect(t.waitFor("stops working 2026-07-31").ok)
            // review across scenarios, in list order (most urgent first)
            t.type("R")
            #expect(t.waitFor("Scenario 1 of 3: Payment reminders").ok, "screen was:\n\(t.capture())")
            #expect(t.waitFor("Upgrade review  1 of 3").ok)
            t.type("n"); #expect(t.waitFor("Upgrade review  2 of 3").ok)
            t.type("y"); #expect(t.waitFor("Upgrade review  3 of 3").ok, "screen was:\n\(t.capture())")
            t.type("n"); #expect(t.waitFor("Upgrade review finished").ok, "screen was:\n\(t.capture())")
            t.type("w"); #expect(t.waitFor("Saved. Enter goes on to the next scenario").ok, "screen was:\n\(t.capture())")
            t.send("Enter")
            #expect(t.waitFor("Scenario 2 of 3: Invoices to Slack").ok, "screen was:\n\(t.capture())")
            t.type("y"); #expect(t.waitFor("Upgrade review finished").ok)
            t.send("Enter")
            #expect(t.waitFor("Scenario 3 of 3: Support escalations").ok, "screen was:\n\(t.capture())")
            t.type("n"); #expect(t.waitFor("Upgrade review finished").ok)
            t.send("Enter")
            let summary = t.wait { $0.contains("Review across scenarios: 3 scenarios") && $0.contains("w saves the 1 changed scenario") }
            #expect(summary.ok, "screen was:\n\(summary.screen)")
            t.type("w"); #expect(t.waitFor("Every changed scenario is saved").ok, "screen was:\n\(t.capture())")
            // after Esc, wait for the list: a key typed at once would arrive as Alt-key
            t.send("Escape"); #expect(t.waitFor("nearest deadline").ok)
            // connections across scenarios: swap 5001 for 5003 everywhere
            t.type("C")
            #expect(t.waitFor("used by 3 modules in 3 scenarios").ok, "screen was:\n\(t.capture())")
            t.type("s"); #expect(t.waitFor("swap for:").ok)
            t.type("5003"); t.send("Enter")
            #expect(t.waitFor("swapped connection 5001 for 5003 in 3 scenarios").ok, "screen was:\n\(t.capture())")
            t.type("w"); #expect(t.waitFor("saved 3 scenarios").ok, "screen was:\n\(t.capture())")
            t.send("Escape"); #expect(t.waitFor("nearest deadline").ok)
            t.type("q")
            #expect(t.waitForExit() == 0, "screen after q:\n\(t.capture())")

            // check --json: Set variable upgraded in reminders and invoices, left in escalations
            let check = run([bin, "check", "--json", dir], env: ["SCENED_TODAY": "2026-06-01", "PATH": "/usr/bin:/bin"])
            let files = try #require(try Self.json(check.out)["files"] as? [[String: Any]])
            func upgradable(_ suffix: String) -> [Int] {
                let f = files.first { ($0["file"] as? String)?.hasSuffix(suffix) == true }
                return ((f?["attention"] as? [[String: Any]]) ?? []).filter { $0["status"] as? String == "upgradable" }.compactMap { $0["id"] as? Int }
            }
            #expect(upgradable("reminders.json") == [] && upgradable("invoices.json") == [])
            #expect(upgradable("escalations.json") == [2])
            // connections --json: 5003 in the three scenarios, 5001 nowhere, 5002 untouched
            let inv = run([bin, "connections", "--json", dir])
            let results = try #require(try Self.json(inv.out)["files"] as? [[String: Any]])
            var users: [Int: Int] = [:]
            for r in results { for c in (r["connections"] as? [[String: Any]]) ?? [] { if let id = c["id"] as? Int { users[id, default: 0] += 1 } } }
            #expect(users[5003] == 3 && users[5001] == nil && users[5002] == 1, "\(users)")
        }

        /// `set workspace = DIR` in the config: `scened` with no file opens DIR's list.
        @Test func noFileOpensTheConfiguredWorkspace() throws {
            guard let bin = scenedBinary() else { print("skip: scened binary not built"); return }
            guard which("tmux") != nil else { print("skip: tmux is not installed"); return }
            let dir = try Self.fixtureCopy()
            defer { try? FileManager.default.removeItem(atPath: dir) }
            let config = dir + "/notes/config"
            try Data("set workspace = ..\n".utf8).write(to: URL(fileURLWithPath: config))
            guard let t = Tmux(width: 120, height: 40, command: "\(shellQuote(bin)) --config \(shellQuote(config))") else {
                Issue.record("tmux did not start"); return
            }
            #expect(t.waitFor("4 scenarios").ok, "screen was:\n\(t.capture())")
            #expect(t.waitFor("Payment reminders").ok)
            t.type("q")
            #expect(t.waitForExit() == 0, "screen after q:\n\(t.capture())")
        }
    }
}
