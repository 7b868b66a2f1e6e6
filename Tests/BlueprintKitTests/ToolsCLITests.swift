// The scenario-tool commands as a user runs them: output options, exit codes and
// messages (remap, swap-expr, copy-mapping, copy-filter, find, swap-app).
import Foundation
import Testing
@testable import BlueprintKit

@Suite struct ToolsCLITests {
    func fixture() throws -> (dir: URL, file: String) {
        let dir = try makeTempDir()
        let file = dir.appendingPathComponent("tools.json").path
        try ToolsFixture.text.write(toFile: file, atomically: true, encoding: .utf8)
        return (dir, file)
    }

    @Test func remapInPlaceAndItsMessages() throws {
        let (dir, file) = try fixture()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scened.run(["remap", file, "--from", "5", "--to", "6", "-i"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("#7 filter.conditions[0][0].a: {{5.statusCode}} → {{6.statusCode}}"))
        #expect(r.stderr.contains("#9 parameters.feeder: 5 → 6"))
        #expect(r.stderr.contains("missing output: {{6.`File Name`}} in #7 mapper.text"))
        #expect(r.stderr.contains("#6 outputs (catalog): data, statusCode, headers"))
        #expect(r.stderr.contains("left {{5.data}} in #6 mapper.url"))
        let after = try Blueprint(bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: file))))
        #expect(after.references(to: 5).count == 1)
        // again: only #6's own reference is left, so there is nothing to do
        let again = try Scened.run(["remap", file, "--from", "5", "--to", "6", "-i"])
        #expect(again.status == 1 && again.stderr.contains("no reference to #5 to remap; nothing written"))
    }

    @Test func remapRefusals() throws {
        let (dir, file) = try fixture()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try Scened.run(["remap", file, "--from", "5"]).status == 64)
        #expect(try Scened.run(["remap", file, "--from", "5", "--to", "x"]).status == 64)
        #expect(try Scened.run(["remap", file, "--from", "5", "--to", "6", "--field", "data"]).status == 64)
        #expect(try Scened.run(["remap", "-", "--from", "5", "--to", "6", "-i"]).status == 64)
        #expect(try Scened.run(["remap", file, "--from", "5", "--to", "6", "--force"]).status == 64)
        let missing = try Scened.run(["remap", file, "--from", "5", "--to", "99"])
        #expect(missing.status == 65 && missing.stderr.contains("no module #99 in this scenario"))
        let broken = try Scened.run(["remap", "-", "--from", "1", "--to", "2"], stdin: Array("{\"flow\": [".utf8))
        #expect(broken.status == 65 && broken.stderr.hasPrefix("<stdin>:1:"))
        // stdout, and a dry run that writes nothing
        let out = try Scened.run(["remap", file, "--from", "5", "--to", "6"])
        #expect(out.status == 0 && out.out.contains("{{6.statusCode}}"))
        let dry = try Scened.run(["remap", file, "--from", "5", "--to", "6", "--dry-run"])
        let lines = dry.out.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("-") && $0.contains("{{5.statusCode}}") })
        #expect(lines.contains { $0.hasPrefix("+") && $0.contains("{{6.statusCode}}") })
        #expect(try String(contentsOfFile: file, encoding: .utf8) == ToolsFixture.text)
    }

    @Test func swapExprCommand() throws {
        let (dir, file) = try fixture()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out.json").path
        let r = try Scened.run(["swap-expr", file, "{{3.email}}", "{{3.emails[1]}}", "-o", out])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("{{3.email}} → {{3.emails[1]}}: 3 occurrences in 3 modules"))
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(text.contains("{{3.emailAddress}} and {{lower(3.email)}}") && !text.contains("{{3.email}}"))
        #expect(try Scened.run(["swap-expr", file, "{{9.none}}", "{{9.x}}"]).status == 1)
        #expect(try Scened.run(["swap-expr", file, "{{1.a}} {{1.b}}", "x"]).status == 64)
        #expect(try Scened.run(["swap-expr", file, "{{1.a}}"]).status == 64)
    }

    @Test func copyCommands() throws {
        let (dir, file) = try fixture()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scened.run(["copy-mapping", file, "--from", "7", "--to", "8", "-i"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("copied the mapping of #7 to 1 module; kept their own connections (#8 __IMTCONN__)"))
        let bp = try Blueprint(bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: file))))
        #expect(bp.module(id: 8)?.connections.first?.value == .int(4002))
        #expect(try Scened.run(["copy-mapping", file, "--from", "7", "--to", "8", "-i"]).status == 1)
        let other = try Scened.run(["copy-mapping", file, "--from", "5", "--to", "6,7"])
        #expect(other.status == 65 && other.stderr.contains("is not the same module and version"))
        #expect(try Scened.run(["copy-mapping", file, "--from", "7", "--to", "8,x"]).status == 64)
        let f = try Scened.run(["copy-filter", file, "--from", "7", "--to", "9,#12"])
        #expect(f.status == 0 && f.stderr.contains("copied the filter of #7 to 2 modules"))
        #expect(f.out.contains("\"name\": \"Has data\""))
        #expect(try Scened.run(["copy-filter", file, "--from", "8", "--to", "9"]).status == 65)
    }

    @Test func findCommand() throws {
        let (dir, file) = try fixture()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Scened.run(["find", file, "c0"])
        #expect(r.status == 0)
        #expect(r.out == "#7  mapper.channel  C01\n#8  mapper.channel  C02\n2 matches in 2 modules\n")
        let j = try Scened.run(["find", file, "5.DATA", "--json"])
        let list = try #require(try JSONSerialization.jsonObject(with: Data(j.stdout)) as? [[String: Any]])
        #expect(list.count == 6 && list.allSatisfy { Set($0.keys) == ["id", "path", "value"] })
        #expect(list.first?["id"] as? Int == 6 && list.first?["path"] as? String == "mapper.url")
        let none = try Scened.run(["find", file, "no such text", "--json"])
        #expect(none.status == 1 && none.out == "[]\n")
        #expect(try Scened.run(["find", file]).status == 64)
    }

    @Test func swapAppListsUntilYes() throws {
        let (dir, file) = try fixture()
        defer { try? FileManager.default.removeItem(at: dir) }
        let ask = try Scened.run(["swap-app", file, "slack@4", "--to", "slack@5", "-i"])
        #expect(ask.status == 1)
        #expect(ask.stderr.contains("#7  slack:CreateMessage v4 → slack:CreateMessage v5  (by name)"))
        #expect(ask.stderr.contains("nothing written: run again with --yes"))
        #expect(try String(contentsOfFile: file, encoding: .utf8) == ToolsFixture.text)
        let yes = try Scened.run(["swap-app", file, "http@3", "--to", "http@4", "--yes", "-i"])
        #expect(yes.status == 0, "\(yes.stderr)")
        #expect(yes.stderr.contains("#5  http:ActionSendData v3 → http:MakeRequest v4  (catalog rules)"))
        #expect(try Blueprint(bytes: [UInt8](try Data(contentsOf: URL(fileURLWithPath: file)))).module(id: 5)?.version == 4)
        let none = try Scened.run(["swap-app", file, "http@3", "--to", "http@4", "--yes"])
        #expect(none.status == 65 && none.stderr.contains("no module of http@3 in this scenario (http is there as v4)"))
        #expect(try Scened.run(["swap-app", file, "a:b", "--to", "x"]).status == 64)
    }
}
