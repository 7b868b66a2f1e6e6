import Foundation
import Testing
import BlueprintKit
@testable import EditorUI

/// The workspace (`scened DIR`) on the fixtures in Tests/Fixtures/workspace (written for
/// these tests): golden frames of the scenario list, connections across scenarios and the
/// end of a review across scenarios; a broken file in the list; opening, leaving and
/// reopening a scenario keeps its undo history; swaps and reviews across scenarios
/// change and save exactly the files they should. UPDATE_GOLDEN=1 rewrites the goldens.
@Suite struct WorkspaceTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/workspace")
    static let services = EditorServices(today: "2026-06-01")

    /// A copy of the fixture folder (plus `extra` files) and a workspace over it.
    func workspace(extra: [String: String] = [:]) throws -> (Workspace, URL) {
        let d = FileManager.default.temporaryDirectory.appendingPathComponent("scened-ws-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: Self.fixture, to: d)
        try? FileManager.default.removeItem(at: d.appendingPathComponent("README.md"))
        for (n, t) in extra { try Data(t.utf8).write(to: d.appendingPathComponent(n)) }
        let inputs = BlueprintInputs([d.path])
        let w = Workspace(title: "ws", files: inputs.files, fromFolder: inputs.fromFolder, services: Self.services)
        return (w, d)
    }

    func press(_ w: Workspace, _ keys: String) throws {
        for k in try Key.parseSequence(keys) {
            w.handle(k)
            _ = WorkspaceView.render(w, width: 120, height: 30)
        }
    }

    @Test func listGoldenFrames() throws {
        let (w, d) = try workspace()
        defer { try? FileManager.default.removeItem(at: d) }
        #expect(w.entries.count == 4 && w.skipped == 1)
        for (cw, ch) in [(120, 20), (80, 24)] {
            let text = Snapshot.render(w, keys: [], width: cw, height: ch).plainText()
            #expect(text.contains("Payment reminders"))
            Golden.check("workspace-list-\(cw)x\(ch).txt", text + "\n")
        }
        let urgent = Snapshot.render(w, keys: [], width: 120, height: 20).plainText().split(separator: "\n")
        #expect(urgent[2].contains("Payment reminders") && urgent[2].contains("stops working 2026-07-31"))
        #expect(urgent[2].contains("1 upgradable, 2 manual"))
        let byName = Snapshot.render(w, keys: try Key.parseSequence("s"), width: 120, height: 20).plainText()
        #expect(byName.contains("sorted by name"))
        #expect(byName.split(separator: "\n")[2].contains("Invoices to Slack"))
        let attention = Snapshot.render(w, keys: try Key.parseSequence("so"), width: 120, height: 20).plainText()
        #expect(!attention.contains("Weekly digest") && attention.contains("3 of 4 shown"))
        let search = Snapshot.render(w, keys: try Key.parseSequence("o/weekly<Enter>"), width: 120, height: 20).plainText()
        #expect(search.contains("Weekly digest") && !search.contains("Invoices"))
        Golden.check("workspace-search-120x20.txt", search + "\n")
    }

    @Test func brokenFileShowsAsBrokenAndOpeningItShowsTheError() throws {
        let (w, d) = try workspace(extra: ["broken.json": "{\n  \"name\": \"Broken\",\n  \"flow\": [ 1 2 ]\n}\n"])
        defer { try? FileManager.default.removeItem(at: d) }
        #expect(w.entries.count == 5 && w.brokenCount == 1)
        let text = Snapshot.render(w, keys: [], width: 120, height: 20).plainText()
        let row = try #require(text.split(separator: "\n").first { $0.contains("broken.json") })
        #expect(row.contains("broken: 3:15: expected ',' or ']' after array element"), "\(row)")
        try press(w, "g<Enter>")        // broken files sort first
        #expect(w.mode == .list)
        #expect(w.messageIsError && w.message?.contains("broken.json:3:15:") == true, "\(w.message ?? "")")
    }

    @Test func aScenarioKeepsItsUndoHistoryWhileTheListShows() throws {
        let (w, d) = try workspace()
        defer { try? FileManager.default.removeItem(at: d) }
        try press(w, "sg<Enter>")                // by name: Invoices to Slack first
        guard case .editor(let i) = w.mode, let e = w.entries[i].editor else { Issue.record("no editor"); return }
        #expect(WorkspaceView.render(w, width: 120, height: 30).plainText().split(separator: "\n")[0].contains("1 of 4"))
        try press(w, "u")
        #expect(e.isModified)
        try press(w, "q")
        #expect(w.mode == .list && w.modifiedCount == 1)
        let list = WorkspaceView.render(w, width: 120, height: 30).plainText()
        #expect(list.contains(">+ Invoices to Slack"), "\(list)")
        #expect(list.contains("[+1]"))
        try press(w, "<Enter>z")
        #expect(w.entries[i].editor === e && !e.isModified)
        try press(w, "<C-r><Esc>q")
        #expect(w.confirmQuit && w.quitQuestion.contains("1 scenario has unsaved changes"))
        try press(w, "c")
        #expect(!w.wantsQuit)
        // nothing was written by leaving or coming back
        #expect(try Data(contentsOf: d.appendingPathComponent("billing/invoices.json")) == Data(contentsOf: Self.fixture.appendingPathComponent("billing/invoices.json")))
    }

    @Test func reviewAcrossScenariosThenSaveAll() throws {
        let (w, d) = try workspace()
        defer { try? FileManager.default.removeItem(at: d) }
        // reminders: skip the two manual ones, apply Set variable; `w` saves it; then on
        try press(w, "R")
        #expect(WorkspaceView.render(w, width: 120, height: 30).plainText().contains("Scenario 1 of 3: Payment reminders"))
        try press(w, "nynw")
        let reminders = try String(contentsOf: d.appendingPathComponent("billing/reminders.json"), encoding: .utf8)
        #expect(reminders.contains("util:SetVariable2"))
        try press(w, "<Enter>y<Enter>n<Enter>")
        #expect(w.mode == .summary)
        let summary = WorkspaceView.render(w, width: 120, height: 30).plainText()
        Golden.check("workspace-review-summary-120x30.txt", summary + "\n")
        #expect(summary.contains("w saves the 1 changed scenario"))
        let rows = summary.split(separator: "\n")
        #expect(rows.contains { $0.contains("Support escalations") && $0.contains("0        1") })
        try press(w, "w")
        #expect(w.modifiedCount == 0)
        #expect(try String(contentsOf: d.appendingPathComponent("billing/invoices.json"), encoding: .utf8).contains("util:SetVariable2"))
        #expect(try !String(contentsOf: d.appendingPathComponent("support/escalations.json"), encoding: .utf8).contains("util:SetVariable2"))
        try press(w, "<Esc>")
        #expect(w.mode == .list && w.crossReview == nil)
    }

    @Test func connectionsAcrossScenariosSwapEverywhere() throws {
        let (w, d) = try workspace()
        defer { try? FileManager.default.removeItem(at: d) }
        try press(w, "C")
        let table = WorkspaceView.render(w, width: 120, height: 20).plainText()
        #expect(table.contains("connection 5001  \"Finance Slack\"  [slack3]  used by 3 modules in 3 scenarios"))
        Golden.check("workspace-connections-120x20.txt", table + "\n")
        try press(w, "<Enter>")
        let users = WorkspaceView.render(w, width: 120, height: 20).plainText()
        #expect(users.contains("Support escalations  support/escalations.json"))
        try press(w, "s5003<Enter>")
        #expect(w.modifiedCount == 3, "\(w.message ?? "")")
        #expect(w.message?.contains("swapped connection 5001 for 5003 in 3 scenarios") == true)
        for e in w.openEditors { #expect(e.session.undoStack.count == 1) }
        try press(w, "w")
        for f in ["billing/invoices.json", "billing/reminders.json", "support/escalations.json"] {
            let bp = try Blueprint(bytes: Array(try Data(contentsOf: d.appendingPathComponent(f))))
            let ids = ConnectionInventory(blueprint: bp).entries(of: .connection).compactMap(\.id?.text)
            #expect(ids.contains("5003") && !ids.contains("5001"), "\(f): \(ids)")
        }
    }

    @Test func scannerCachesByStamp() throws {
        let (w, d) = try workspace()
        defer { try? FileManager.default.removeItem(at: d) }
        let files = BlueprintInputs([d.path])
        _ = w.scanner.scan(files.files, fromFolder: files.fromFolder)
        #expect(w.scanner.lastRead == 0)
        let f = d.appendingPathComponent("support/weekly.json")
        let text = try String(contentsOf: f, encoding: .utf8).replacingOccurrences(of: "Weekly digest", with: "Weekly digest (renamed)")
        try text.write(to: f, atomically: true, encoding: .utf8)
        let again = w.scanner.scan(files.files, fromFolder: files.fromFolder)
        #expect(w.scanner.lastRead == 1 && w.scanner.lastParsed == 1)
        #expect(again.contains(.scenario(ScenarioSummary(path: f.path, name: "Weekly digest (renamed)", moduleCount: 1, counts: [.current: 1],
                                                         connectionCount: 1, stamp: try FileStamp.of(f.path)))))
    }
}
