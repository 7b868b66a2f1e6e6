// `L` in the tree: learn an upgrade from an "after" export, see its verification,
// save it to the user catalog folder with `y`, and `u` upgrades with it at once.
import Foundation
import Testing
import BlueprintKit
@testable import EditorUI

@Suite struct LearnKeyTests {
    static func scenario(_ module: String, _ consumer: String) -> String {
        """
        { "name": "Orders", "flow": [
            { "id": 1, "module": "gateway:CustomWebHook", "version": 1, "parameters": { "hook": 5 }, "metadata": { "designer": { "x": 0, "y": 0 } } },
            \(module),
            { "id": 4, "module": "slack:CreateMessage", "version": 4, "mapper": { "text": "\(consumer)" }, "metadata": { "designer": { "x": 600, "y": 0 } } }
          ], "metadata": { "zone": "eu1.make.com" } }
        """
    }

    static let before = scenario("{ \"id\": 3, \"module\": \"acme:OldThing\", \"version\": 1, \"mapper\": { \"url\": \"{{1.u}}\", \"from\": \"\" }, \"metadata\": { \"designer\": { \"x\": 300, \"y\": 0 } } }", "{{3.html}}")
    static let after = scenario("{ \"id\": 7, \"module\": \"acme:NewThing\", \"version\": 2, \"mapper\": { \"address\": \"{{1.u}}\" }, \"metadata\": { \"designer\": { \"x\": 310, \"y\": 0 } } }", "{{7.htmlBody}}")

    func press(_ e: Editor, _ keys: String) throws {
        for k in try Key.parseSequence(keys) { e.handle(k) }
    }

    @Test func learnSaveApplyAndUpgrade() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("scened-learn-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let afterPath = dir.appendingPathComponent("after.json").path
        try Data(LearnKeyTests.after.utf8).write(to: URL(fileURLWithPath: afterPath))
        let catalogDir = dir.appendingPathComponent("config/scened/catalog.d").path
        let e = try Editor(bytes: Array(LearnKeyTests.before.utf8), path: nil, displayName: "before.json",
                           services: EditorServices(catalog: .shipped, today: "2026-12-03", userCatalogDirectory: catalogDir))
        try press(e, ":3<Enter>")
        #expect(e.selectedModule?.id == 3 && e.badges[e.selectedModule!.index].state == .unknown)
        try press(e, "L")
        #expect(e.prompt?.label == "export after the upgrade (path): ")
        try press(e, afterPath + "<Enter>")
        guard case .learnSave(let summary, let path, _) = e.confirm else {
            Issue.record("no question after L: \(e.message ?? "")")
            return
        }
        #expect(summary == "Learned acme:OldThing v1 → acme:NewThing v2 (2 rules): reproduces the example: yes.")
        #expect(path == catalogDir + "/learned-acme-OldThing-v1.json")
        try press(e, "y")
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(e.badges[e.selectedModule!.index].state == .upgradable)
        #expect(e.message?.hasPrefix("saved \(path): 1 module upgradable now") == true)
        // the saved file is a user catalog the loader accepts, from catalog.d
        let loaded = try Catalog.load(files: [], environment: ["XDG_CONFIG_HOME": dir.appendingPathComponent("config").path])
        #expect(loaded.entry(module: "acme:OldThing", version: 1)?.replacement?.key == ModuleKey("acme:NewThing", 2))
        try press(e, "u")
        let text = e.session.document.text
        #expect(text.contains("\"acme:NewThing\"") && text.contains("\"address\": \"{{1.u}}\"") && text.contains("{{3.htmlBody}}"))
    }

    @Test func refusedOnAnUpgradableModuleAndForABrokenFile() throws {
        let e = try Editor(bytes: DemoScenario.bytes, path: nil, displayName: DemoScenario.displayName,
                           services: EditorServices(catalog: .shipped, today: "2026-12-03", userCatalogDirectory: "/nonexistent"))
        let up = try #require(e.blueprint.modules.first { e.badges[$0.index].state == .upgradable })
        try press(e, ":\(up.id!)<Enter>L")
        #expect(e.prompt == nil && e.messageIsError)
        #expect(e.message?.contains("is upgradable already") == true)
        let cur = try #require(e.blueprint.modules.first { e.badges[$0.index].state == .current && $0.id != nil })
        try press(e, ":\(cur.id!)<Enter>L/does/not/exist.json<Enter>")
        #expect(e.confirm == nil && e.messageIsError && e.message?.hasPrefix("nothing learned: /does/not/exist.json") == true)
    }
}
