// The connection picker in a real terminal: reassign a connection of a copy of the
// demo with `c`, type-ahead and "apply to others", save, and check the saved file
// with `scened connections --json`.
import Foundation
import Testing

extension EndToEnd {
    @Suite(.serialized) struct ConnectionEndToEndTests {
        static let team = """
        {"connections": [
          {"id": 771204, "name": "Ops Slack (ops@example.com)", "accountName": "slack2"},
          {"id": 880011, "name": "Sales Slack (sales@example.com)", "accountName": "slack3", "scoped": true},
          {"id": 990001, "name": "Support Slack", "accountName": "slack3"},
          {"id": 1093344, "name": "orders@example.com", "accountName": "google-restricted"},
          {"id": 2210931, "name": "Finance Google (finance@example.com)", "accountName": "google"},
          {"id": 530118, "name": "@example_shop", "accountName": "twitter"}
        ]}
        """

        func start(_ args: String) -> Tmux? {
            guard let bin = scenedBinary() else { print("skip: scened binary not built"); return nil }
            guard which("tmux") != nil else { print("skip: tmux is not installed"); return nil }
            return Tmux(width: 100, height: 30, command: "\(shellQuote(bin)) \(args)")
        }

        @Test func pickerReassignsAConnectionEverywhereAndTheSavedFileShowsIt() throws {
            guard let bin = scenedBinary() else { print("skip: scened binary not built"); return }
            let dir = NSTemporaryDirectory() + "scened-e2e-conn-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: dir) }
            let file = dir + "/orders.json", teamFile = dir + "/team.json"
            try Self.team.write(toFile: teamFile, atomically: true, encoding: .utf8)

            // A copy of the built-in demo, written by the editor's "save as".
            guard let t0 = start("--no-config") else { return }
            #expect(t0.waitFor("Shop orders").ok)
            t0.type("W")
            #expect(t0.waitFor("save as:").ok)
            t0.type(file)
            t0.send("Enter")
            #expect(t0.waitFor("saved").ok)
            t0.type("q")
            #expect(t0.waitForExit() == 0)

            guard let t = start("--no-config --connections \(shellQuote(teamFile)) \(shellQuote(file))") else { return }
            #expect(t.waitFor("Shop orders").ok)
            t.type(":8")
            t.send("Enter")
            t.type("c")
            let picker = t.waitFor("Connection for #8 Tell sales")
            #expect(picker.ok, "screen was:\n\(picker.screen)")
            #expect(picker.screen.contains("used by 2 modules"))
            t.type("sales")
            #expect(t.wait { $0.contains("filter: sales") && $0.contains("1 of 6 shown") }.ok)
            t.send("Enter")
            let asked = t.waitFor("apply to the 1 other module using Ops Slack (ops@example.com)? (y/n)")
            #expect(asked.ok, "screen was:\n\(asked.screen)")
            t.type("y")
            let done = t.waitFor("also switched 1 module (#4)")
            #expect(done.ok, "screen was:\n\(done.screen)")
            t.send("C-s")
            #expect(t.waitFor("saved").ok)
            t.type("q")
            #expect(t.waitForExit() == 0)

            let r = run([bin, "connections", "--json", "--connections", teamFile, file])
            #expect(r.status == 0, "stderr: \(r.err)")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
            let entries = try #require(json["connections"] as? [[String: Any]])
            let ids = entries.compactMap { $0["id"] as? Int }
            #expect(!ids.contains(771204))
            let sales = try #require(entries.first { $0["id"] as? Int == 880011 })
            #expect(sales["usedBy"] as? Int == 2)
            #expect(sales["label"] as? String == "Sales Slack (sales@example.com)")
            #expect(sales["type"] as? String == "slack3")
            let modules = (sales["modules"] as? [[String: Any]] ?? []).compactMap { $0["module"] as? Int }
            #expect(modules == [4, 8])
            #expect((json["warnings"] as? [Any])?.isEmpty == true)
        }
    }
}
