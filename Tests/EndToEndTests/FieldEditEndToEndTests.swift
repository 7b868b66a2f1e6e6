// Field editing in the real binary inside tmux: edit a label and a mapper field from
// the keyboard, save, and check the result with `scened list --json`.
import Foundation
import Testing

extension EndToEnd {
    @Suite(.serialized) struct FieldEditEndToEndTests {
        @Test func editLabelAndMapperFieldThenSave() throws {
            guard let bin = scenedBinary() else { print("skip: scened binary not built"); return }
            guard which("tmux") != nil else { print("skip: tmux is not installed"); return }
            let file = NSTemporaryDirectory() + "scened-e2e-fields-\(UUID().uuidString).json"
            try SetCommandTests.fixture.write(toFile: file, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(atPath: file) }
            guard let t = Tmux(width: 120, height: 40, command: "\(shellQuote(bin)) \(shellQuote(file))") else {
                Issue.record("tmux did not start"); return
            }
            #expect(t.waitFor("Set fixture").ok)
            t.type(":3"); t.send("Enter")
            t.send("Tab")
            #expect(t.waitFor("operand a").ok)              // the field list of #3
            t.send("Enter"); t.send("C-u")                  // label: replace the text
            t.type("Renamed in tmux 注文"); t.send("Enter")
            #expect(t.waitFor("set #3 metadata.designer.name").ok)
            t.type("jjjjj"); t.send("Enter"); t.send("End")  // mapper.url
            t.type("/{{1.extra}}")
            #expect(t.waitFor("1 reference").ok)              // live count while typing
            t.send("Enter")
            #expect(t.waitFor("set #3 mapper.url").ok)
            t.type("w")
            #expect(t.waitFor("saved").ok)
            t.type("q")
            let status = t.waitForExit()
            #expect(status == 0, "screen after q:\n\(t.capture())")

            let list = run([bin, "list", file, "--json"])
            #expect(list.status == 0)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(list.out.utf8)) as? [[String: Any]])
            let m3 = try #require(json.first { ($0["id"] as? Int) == 3 })
            #expect(m3["label"] as? String == "Renamed in tmux 注文")
            let refs = (m3["references"] as? [[String: Any]]) ?? []
            #expect(refs.contains { ($0["location"] as? String) == "mapper.url" && ($0["field"] as? String) == "extra" })
            // Only the two edited lines changed on disk.
            let saved = try String(contentsOfFile: file, encoding: .utf8)
            let a = SetCommandTests.fixture.split(separator: "\n"), b = saved.split(separator: "\n")
            #expect(a.count == b.count)
            #expect(zip(a, b).filter { $0 != $1 }.count == 2)
        }
    }
}
