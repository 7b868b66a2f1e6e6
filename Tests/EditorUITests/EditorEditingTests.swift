import Foundation
import Testing
import BlueprintKit
@testable import EditorUI

/// Upgrades, undo/redo, save and quit driven through keys, checked against the
/// headless engine that `scened upgrade` uses.
@Suite struct EditorEditingTests {
    func demo(path: String? = nil) throws -> Editor { try Editor(bytes: DemoScenario.bytes, path: path) }
    func press(_ e: Editor, _ keys: String) throws { for k in try Key.parseSequence(keys) { e.handle(k) } }

    func tempPath() -> String { NSTemporaryDirectory() + "scened-edit-\(UUID().uuidString).json" }

    @Test func upgradeOneModuleIsOneUndoableStep() throws {
        let e = try demo()
        try press(e, ":3<Enter>u")
        #expect(e.blueprint.module(id: 3)?.moduleName == "http:MakeRequest")
        #expect(e.message?.hasPrefix("upgraded #3 http:ActionSendData v3 → http:MakeRequest v4") == true)
        #expect(e.isModified)
        try press(e, "z")
        #expect(e.session.document.bytes.array == DemoScenario.bytes)
        #expect(!e.isModified)
        try press(e, "<C-r>")
        #expect(e.blueprint.module(id: 3)?.moduleName == "http:MakeRequest")
    }

    @Test func upgradingSetVariableRewritesItsReferences() throws {
        let e = try demo()
        try press(e, ":2<Enter>u")
        let text = String(decoding: e.session.document.bytes.array, as: UTF8.self)
        #expect(!text.contains("{{2.value}}"))
        #expect(text.contains("{{2.orderTotal}}"))
        #expect(e.message?.contains("3 references rewritten") == true)
    }

    @Test func upgradeAllAsksThenMatchesTheHeadlessEngine() throws {
        let e = try demo()
        try press(e, "U")
        guard case .upgradeAll(let auto, _, _) = e.confirm else { Issue.record("no confirmation"); return }
        #expect(auto == 6)
        try press(e, "y")
        #expect(e.badgeCounts[.upgradable] == nil)
        #expect(e.session.undoStack.count == 6)

        var s = EditSession(document: try JSONDocument(bytes: DemoScenario.bytes))
        _ = UpgradeEngine(catalog: .shipped).upgradeAll(in: &s)
        #expect(e.session.document.bytes.array == s.document.bytes.array)

        for _ in 0..<6 { try press(e, "z") }
        #expect(e.session.document.bytes.array == DemoScenario.bytes)
    }

    @Test func saveWritesTheDocumentAndClearsModified() throws {
        let path = tempPath()
        defer { unlink(path) }
        try Data(DemoScenario.bytes).write(to: URL(fileURLWithPath: path))
        let e = try demo(path: path)
        try press(e, ":13<Enter>u<C-s>")
        #expect(!e.isModified)
        let saved = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(saved == e.session.document.bytes.array)
        #expect(try Blueprint(bytes: saved).module(id: 13)?.moduleName == "http:MakeRequest")
    }

    @Test func quitWithChangesAsksAndCancelKeepsEditing() throws {
        let path = tempPath()
        defer { unlink(path) }
        try Data(DemoScenario.bytes).write(to: URL(fileURLWithPath: path))
        let e = try demo(path: path)
        try press(e, ":3<Enter>uq")
        #expect(e.confirm == .quit)
        try press(e, "c")
        #expect(!e.wantsQuit && e.isModified)
        try press(e, "qd")
        #expect(e.wantsQuit)
        #expect([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) == DemoScenario.bytes)
    }

    @Test func quitAndSaveWritesFirst() throws {
        let path = tempPath()
        defer { unlink(path) }
        try Data(DemoScenario.bytes).write(to: URL(fileURLWithPath: path))
        let e = try demo(path: path)
        try press(e, ":3<Enter>uqs")
        #expect(e.wantsQuit)
        #expect([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) == e.session.document.bytes.array)
    }

    @Test func savingTheDemoAsksForAPath() throws {
        let path = tempPath()
        defer { unlink(path) }
        let e = try demo()
        try press(e, "w")
        #expect(e.prompt?.kind == .saveAs)
        for k in try Key.parseSequence(path) { e.handle(k) }
        try press(e, "<Enter>")
        #expect(e.path == path)
        #expect([UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) == DemoScenario.bytes)
    }

    @Test func diffShowsPendingChanges() throws {
        let e = try demo()
        try press(e, ":12<Enter>ud")
        guard case .diff(_, let lines) = e.screen else { Issue.record("no diff screen"); return }
        #expect(lines.contains { $0.hasPrefix("-") && $0.contains("createTweet") })
        #expect(lines.contains { $0.hasPrefix("+") && $0.contains("createATweet") })
    }

    /// Golden frames of the main screen at 80×24 and 120×40, the help screen, and an ASCII run.
    @Test func goldenFrames() throws {
        let e = try demo()
        Golden.check("demo-120x40.txt", Snapshot.render(e, keys: [], width: 120, height: 40).plainText() + "\n")
        Golden.check("demo-80x24-jj.txt", Snapshot.render(try demo(), keys: try Key.parseSequence("jj"), width: 80, height: 24).plainText() + "\n")
        Golden.check("demo-80x24-help.txt", Snapshot.render(try demo(), keys: [.char("?")], width: 80, height: 24).plainText() + "\n")
        let ascii = try Editor(bytes: DemoScenario.bytes, path: nil, glyphs: .ascii)
        Golden.check("demo-100x30-ascii.txt", Snapshot.render(ascii, keys: try Key.parseSequence(":10<Enter>"), width: 100, height: 30).plainText() + "\n")
    }

    @Test func goldenFrameOfADeepCorpusFile() throws {
        guard let bytes = Corpus.file("InduArul__checkflo-Intacct-Make-Integration__flow.json") else { return }
        let e = try Editor(bytes: bytes, path: nil, displayName: "flow.json")
        Golden.check("corpus-deep-120x40.txt", Snapshot.render(e, keys: try Key.parseSequence("/Loop each<Enter>"), width: 120, height: 40).plainText() + "\n")
    }
}
