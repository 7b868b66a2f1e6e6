// The upgrade review (`R`) in the real binary inside tmux: review a copy of a corpus
// file with mixed answers (apply, pick a connection with `c`, skip, take one back, jump
// to the tree and resume, end early), save, and check with `scened check --json` that
// exactly the applied modules were upgraded and with `scened connections --json` that
// the new connection is in place.
import Foundation
import Testing

extension EndToEnd {
    @Suite(.serialized) struct ReviewEndToEndTests {
        /// Five upgradable HTTP modules (OAuth and plain requests), one on an error route.
        static let corpusFile = "amrit-dash__Make-Automation-Projects__Update_Apps_Script_Code___Amrit_s_DSM_Bot.json"

        /// The corpus beside the package root (../shared/corpus), copied to a temp dir.
        static func corpusCopy() throws -> String? {
            let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/corpus/blueprints")
            let src = root.appendingPathComponent(corpusFile).path
            guard FileManager.default.fileExists(atPath: src) else {
                print("skip: ../shared/corpus not found; the review end-to-end test needs \(corpusFile)")
                return nil
            }
            let dir = NSTemporaryDirectory() + "scened-e2e-review-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            let dst = dir + "/scenario.json"
            try FileManager.default.copyItem(atPath: src, toPath: dst)
            return dst
        }

        /// The module id the review shows: `Upgrade review  2 of 5  #4 Label`, once the row is drawn
        /// as far as the label.
        static func reviewed(_ screen: String, _ n: Int, of total: Int) -> Int? {
            guard let r = screen.range(of: "Upgrade review  \(n) of \(total)  #") else { return nil }
            let digits = screen[r.upperBound...].prefix { $0.isNumber }
            guard screen[r.upperBound...].dropFirst(digits.count).first == " " else { return nil }
            return Int(digits)
        }

        /// Ids listed as needing attention by `scened check --json`.
        static func attentionIds(_ bin: String, _ file: String) throws -> Set<Int> {
            let check = run([bin, "check", "--json", file])
            #expect(check.status == 1 || check.status == 0, "check failed: \(check.err)")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(check.out.utf8)) as? [String: Any])
            let files = try #require(json["files"] as? [[String: Any]])
            let attention = (files.first?["attention"] as? [[String: Any]]) ?? []
            // modules an applied upgrade left needing review stay in `attention`, but are not deprecated
            return Set(attention.filter { ($0["status"] as? String) != "needsReview" }.compactMap { $0["id"] as? Int })
        }

        @Test func reviewWithMixedAnswersThenSave() throws {
            guard let bin = scenedBinary() else { print("skip: scened binary not built"); return }
            guard which("tmux") != nil else { print("skip: tmux is not installed"); return }
            guard let file = try Self.corpusCopy() else { return }
            defer { try? FileManager.default.removeItem(atPath: (file as NSString).deletingLastPathComponent) }
            let original = (file as NSString).deletingLastPathComponent + "/original.json"
            try FileManager.default.copyItem(atPath: file, toPath: original)
            let before = try Self.attentionIds(bin, file)
            #expect(before.count == 5)

            guard let t = Tmux(width: 120, height: 40, command: "\(shellQuote(bin)) \(shellQuote(file))") else {
                Issue.record("tmux did not start"); return
            }
            #expect(t.waitFor("5 upgradable").ok)
            var ids: [Int: Int] = [:]   // review position → module id
            func expectItem(_ n: Int) {
                let s = t.wait { Self.reviewed($0, n, of: 5) != nil }
                #expect(s.ok, "screen was:\n\(s.screen)")
                ids[n] = Self.reviewed(s.screen, n, of: 5)
            }
            t.type("R"); expectItem(1)
            t.type("y")                                   // 1: apply
            #expect(t.waitFor("upgraded #\(ids[1] ?? -1)").ok)
            expectItem(2)
            // 2: `c` — the OAuth request's new version takes another connection, so the
            // upgrade is applied first and the picker offers a new id; then on to 3
            t.type("c")
            #expect(t.waitFor("n new id").ok)
            t.type("n")
            #expect(t.waitFor("new connection id:").ok, "screen was:\n\(t.capture())")
            t.type("44001"); t.send("Enter")
            t.type("Backup OAuth"); t.send("Enter")
            #expect(t.waitFor("now uses connection 44001").ok, "screen was:\n\(t.capture())")
            expectItem(3)
            t.type("y"); expectItem(4)                    // 3: apply …
            t.type("z")                                   // … and take it back
            #expect(t.waitFor("undid: Upgrade #\(ids[3] ?? -1)").ok)
            #expect(t.waitFor("Upgrade review  3 of 5").ok)
            t.type("n"); expectItem(4)                    // 3: skip after all
            t.type("e")                                   // look at 4 in the tree, then resume
            #expect(t.waitFor("R resumes here").ok)
            t.type("R")
            #expect(t.waitFor("review resumed at 4 of 5").ok)
            t.type("y"); expectItem(5)                    // 4: apply
            t.type("q")                                   // end: 5 is not reviewed
            let counts = ["Upgrade review ended", "applied               3", "skipped               1", "not reviewed          1"]
            let summary = t.wait { s in counts.allSatisfy { s.contains($0) } }   // the whole frame, not its first rows
            #expect(summary.ok, "screen was:\n\(summary.screen)")
            t.send("Enter")                               // close: cursor on the first still needing attention
            #expect(t.waitFor("review done: 3 applied, 1 skipped").ok)
            t.send("C-s")
            #expect(t.waitFor("saved").ok)
            t.type("q")
            #expect(t.waitForExit() == 0, "screen after q:\n\(t.capture())")

            #expect(Set(ids.values) == before)
            guard let first = ids[1], let second = ids[2], let fourth = ids[4] else { return }
            let applied: Set<Int> = [first, second, fourth]
            #expect(try Self.attentionIds(bin, file) == before.subtracting(applied))
            // the bytes are what the headless engine makes of the same three modules, plus
            // the connection of the second one
            let dir = (file as NSString).deletingLastPathComponent
            let up = run([bin, "upgrade", original] + applied.sorted().flatMap { ["--module", String($0)] } + ["-o", dir + "/upgraded.json"])
            #expect(up.status == 0, "scened upgrade: \(up.err)")
            let team = dir + "/team.json"
            try Data(#"{"connections": [{"id": 44001, "name": "Backup OAuth", "accountName": "oauth2"}]}"#.utf8).write(to: URL(fileURLWithPath: team))
            let set = run([bin, "connections", dir + "/upgraded.json", "--connections", team, "--set", "\(second)=44001",
                           "-o", dir + "/expected.json"])
            #expect(set.status == 0, "scened connections: \(set.err)")
            #expect(FileManager.default.contents(atPath: file) == FileManager.default.contents(atPath: dir + "/expected.json"))
            // and the inventory shows the new connection on that module
            let inv = run([bin, "connections", "--json", file])
            let json = try #require(try JSONSerialization.jsonObject(with: Data(inv.out.utf8)) as? [String: Any])
            let conns = try #require(json["connections"] as? [[String: Any]])
            let added = try #require(conns.first { ($0["id"] as? Int) == 44001 })
            #expect(added["label"] as? String == "Backup OAuth")
            #expect((added["modules"] as? [[String: Any]])?.compactMap { $0["module"] as? Int } == [second])
        }
    }
}
