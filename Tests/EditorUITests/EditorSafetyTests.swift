// The editor's safety wiring, driven through keys against real files in a scratch
// folder: the recovery question on open (recover / diff / discard / decide later),
// the recovery writer following every edit, undo and redo, the external-change
// question on save (overwrite / diff / cancel), and failed saves (EIO through
// SafeSave's fault seam) that keep the editor and every edit.
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import BlueprintKit
@testable import EditorUI

@Suite struct EditorSafetyTests {
    func press(_ e: Editor, _ keys: String) throws { for k in try Key.parseSequence(keys) { e.handle(k) } }

    func scratch() -> String {
        let d = NSTemporaryDirectory() + "scened-safety-\(UUID().uuidString)"
        mkdir(d, 0o755)
        return d
    }

    func read(_ p: String) -> [UInt8]? { FileManager.default.contents(atPath: p).map { Array($0) } }
    func write(_ p: String, _ b: [UInt8]) { _ = FileManager.default.createFile(atPath: p, contents: Data(b)) }
    func exists(_ p: String) -> Bool { FileManager.default.fileExists(atPath: p) }

    /// The demo with module #3 upgraded: what the "edits" are in these tests.
    func edited() throws -> [UInt8] {
        let e = try Editor(bytes: DemoScenario.bytes, path: nil)
        try press(e, ":3<Enter>u")
        return e.session.document.bytes.array
    }

    /// Opens `path` the way `scened FILE` does (stamp, recovery writer, recovery question).
    func open(_ path: String) throws -> Editor {
        let r = try FileStamp.read(path)
        let e = try Editor(bytes: r.bytes, path: path, stamp: r.stamp)
        e.enableRecovery()
        if let found = Recovery.find(for: path) { e.offerRecovery(found) }
        return e
    }

    /// A recovery file for `path` holding `document`, based on `base` (the file's version).
    func leaveRecoveryFile(for path: String, document: [UInt8], base: [UInt8], time: Int = 1_764_000_000) {
        let header = RecoveryHeader(originalPath: Recovery.absoluteTarget(path), originalStamp: FileStamp(bytes: base),
                                    time: time, pid: 4242, length: document.count)
        write(Recovery.path(for: path), header.line + document)
    }

    // MARK: recovery on open

    @Test func recoverLoadsTheEditsAsOneUndoableChangeAndSavingRemovesTheFile() throws {
        let dir = scratch(); defer { try? FileManager.default.removeItem(atPath: dir) }
        let f = "\(dir)/a.json", edits = try edited()
        write(f, DemoScenario.bytes)
        leaveRecoveryFile(for: f, document: edits, base: DemoScenario.bytes)
        let rec = Recovery.path(for: f)
        let e = try open(f)
        #expect(e.confirm == .recover(when: "2025-11-24 16:00:00 UTC", file: ".a.json.scened-recover", fileChanged: false))
        #expect(e.confirm?.text.contains("(r)ecover / (d)iff / (x) discard / (q)uit") == true)
        #expect(!e.isModified)

        // d: the diff screen shows file → recovered; closing it asks again.
        try press(e, "d")
        guard case .diff(let title, let lines) = e.screen else { Issue.record("no diff screen"); return }
        #expect(title.hasPrefix("recovery file vs a.json"))
        #expect(lines.contains("-            \"module\": \"http:ActionSendData\","))
        #expect(lines.contains("+            \"module\": \"http:MakeRequest\","))
        #expect(e.confirm == nil)
        try press(e, "q")
        #expect(e.screen == .main)
        #expect(e.confirm == .recover(when: "2025-11-24 16:00:00 UTC", file: ".a.json.scened-recover", fileChanged: false))

        // r: the recovered document, unsaved; the recovery file stays until it is saved.
        try press(e, "r")
        #expect(e.confirm == nil)
        #expect(e.session.document.bytes.array == edits)
        #expect(e.isModified)
        #expect(e.blueprint.module(id: 3)?.moduleName == "http:MakeRequest")
        #expect(e.message?.hasPrefix("recovered the unsaved edits") == true)
        #expect(exists(rec))
        // z goes back to the file's bytes; Ctrl-R brings the recovery back.
        try press(e, "z")
        #expect(e.session.document.bytes.array == DemoScenario.bytes && !e.isModified)
        try press(e, "<C-r>")
        #expect(e.session.document.bytes.array == edits)
        // Saving writes the edits and removes the recovery file.
        try press(e, "<C-s>")
        #expect(read(f) == edits)
        #expect(!e.isModified)
        #expect(!exists(rec))
        #expect(e.stamp == FileStamp(bytes: edits, mtime: (e.stamp!.mtimeSec, e.stamp!.mtimeNsec)))
    }

    @Test func discardRemovesTheRecoveryFileAndKeepsTheFile() throws {
        let dir = scratch(); defer { try? FileManager.default.removeItem(atPath: dir) }
        let f = "\(dir)/a.json"
        write(f, DemoScenario.bytes)
        leaveRecoveryFile(for: f, document: try edited(), base: DemoScenario.bytes)
        let e = try open(f)
        try press(e, "x")
        #expect(e.confirm == nil && !e.isModified)
        #expect(e.session.document.bytes.array == DemoScenario.bytes)
        #expect(!exists(Recovery.path(for: f)))
        #expect(e.message == "discarded the recovery file .a.json.scened-recover")
        #expect(Recovery.find(for: f) == nil)
    }

    @Test func quitAtTheQuestionKeepsTheRecoveryFileForLater() throws {
        let dir = scratch(); defer { try? FileManager.default.removeItem(atPath: dir) }
        let f = "\(dir)/a.json"
        write(f, DemoScenario.bytes)
        leaveRecoveryFile(for: f, document: try edited(), base: DemoScenario.bytes)
        let e = try open(f)
        #expect(e.handle(.char("q")) == false)
        e.finishRecovery()   // what a clean quit does
        #expect(exists(Recovery.path(for: f)), "an unanswered question must not lose the recovery file")
        #expect(Recovery.find(for: f) != nil)
    }

    @Test func aRecoveryBasedOnAnOlderVersionSaysSo() throws {
        let dir = scratch(); defer { try? FileManager.default.removeItem(atPath: dir) }
        let f = "\(dir)/a.json", edits = try edited()
        let older = Array(DemoScenario.bytes.dropLast(1)) + [0x0A, 0x0A]
        write(f, DemoScenario.bytes)
        leaveRecoveryFile(for: f, document: edits, base: older)
        let e = try open(f)
        guard case .recover(_, _, true) = e.confirm else { Issue.record("expected fileChanged, got \(String(describing: e.confirm))"); return }
        #expect(e.confirm?.text.contains("The file was saved by someone else since: recovering replaces their change.") == true)
        try press(e, "r")
        #expect(e.session.document.bytes.array == edits)
        try press(e, "z")
        #expect(e.session.document.bytes.array == DemoScenario.bytes, "undo goes back to the file as it is now")
    }

    @Test func identicalOrDamagedRecoveryFiles() throws {
        let dir = scratch(); defer { try? FileManager.default.removeItem(atPath: dir) }
        let f = "\(dir)/a.json"
        write(f, DemoScenario.bytes)
        // Identical to the file: removed without asking.
        leaveRecoveryFile(for: f, document: DemoScenario.bytes, base: DemoScenario.bytes)
        var e = try open(f)
        #expect(e.confirm == nil)
        #expect(e.message == "removed a recovery file identical to a.json")
        #expect(!exists(Recovery.path(for: f)))
        // Cut short: not offered, left in place, and the editor says where.
        let edits = try edited()
        leaveRecoveryFile(for: f, document: edits, base: DemoScenario.bytes)
        let rec = Recovery.path(for: f)
        write(rec, Array(read(rec)!.dropLast(100)))
        e = try open(f)
        #expect(e.confirm == nil)
        #expect(e.messageIsError)
        #expect(e.message == "found a recovery file that cannot be used (incomplete recovery file: \(edits.count - 100) of \(edits.count) document bytes); it was left at \(rec)")
        e.finishRecovery()
        #expect(exists(rec))
        // A recovered document that is not a blueprint is refused, the file kept.
        leaveRecoveryFile(for: f, document: Array("{\"flow\": [".utf8), base: DemoScenario.bytes)
        e = try open(f)
        try press(e, "r")
        #expect(e.message?.hasPrefix("cannot recover: the recovered document does not load (line 1, column 11") == true)
        #expect(e.session.document.bytes.array == DemoScenario.bytes && !e.isModified)
        #expect(exists(rec))
    }

    // MARK: the writer follows the session

    @Test func theWriterSnapshotsOnlyWhenTheDocumentChanges() throws {
        let dir = scratch(); defer { try? FileManager.default.removeItem(atPath: dir) }
        let f = "\(dir)/a.json"
        write(f, DemoScenario.bytes)
        let e = try open(f)
        let w = try #require(e.recoveryWriter)
        #expect(w.recoveryPath == Recovery.path(for: f))
        try press(e, "jjjkkG/slack<Enter>nN<Tab><Tab>?q")
        #expect(w.snapshots == 0, "moving around must not copy the document")
        try press(e, ":3<Enter>u")
        #expect(w.snapshots == 1 && e.recoveryGeneration == e.session.generation)
        try press(e, "jjkkjj/http<Enter>n")
        #expect(w.snapshots == 1)
        try press(e, "z")
        #expect(e.recoveryGeneration == nil, "unmodified again: nothing for a signal to write")
        #expect(!w.writeNow())
        try press(e, "<C-r>")
        #expect(w.snapshots == 2)
        try press(e, "<C-s>")
        #expect(e.recoveryGeneration == nil && !e.isModified)
        #expect(!exists(Recovery.path(for: f)))
    }

    // MARK: external changes

    @Test func anExternalChangeAsksOverwriteDiffOrCancel() throws {
        let dir = scratch(); defer { try? FileManager.default.removeItem(atPath: dir) }
        let f = "\(dir)/a.json"
        write(f, DemoScenario.bytes)
        let e = try open(f)
        try press(e, ":3<Enter>u")
        let mine = e.session.document.bytes.array
        let colleague = Array(String(decoding: DemoScenario.bytes, as: UTF8.self)
            .replacingOccurrences(of: "\"version\": 3,", with: "\"version\": 3, \"note\": \"colleague\",").utf8)
        write(f, colleague)
        try press(e, "<C-s>")
        guard case .externalChange(let what) = e.confirm else { Issue.record("no question"); return }
        #expect(what.hasPrefix("size \(DemoScenario.bytes.count) → \(colleague.count) bytes"))
        #expect(e.confirm?.text.hasSuffix("(o)verwrite / (d)iff / (c)ancel") == true)
        #expect(read(f) == colleague, "nothing written before the answer")
        // d: disk vs buffer, then back to the question.
        try press(e, "d")
        guard case .diff(_, let lines) = e.screen else { Issue.record("no diff"); return }
        #expect(lines.first == "--- a/a.json (on disk now)" && lines.dropFirst().first == "+++ b/a.json (your edits)")
        #expect(lines.contains { $0.hasPrefix("-") && $0.contains("colleague") })
        try press(e, "<Esc>")
        #expect(e.screen == .main)
        guard case .externalChange = e.confirm else { Issue.record("the question must come back"); return }
        // c: nothing written, edits kept.
        try press(e, "c")
        #expect(e.confirm == nil && e.isModified && read(f) == colleague)
        #expect(e.message == "not saved: the file on disk was left as it is; your edits are kept (W saves elsewhere)")
        // Ask again and overwrite.
        try press(e, "<C-s>o")
        #expect(read(f) == mine && !e.isModified)
        #expect(e.stamp?.sameContent(as: FileStamp(bytes: mine)) == true)
        // The stamp follows the save: the next save does not ask.
        try press(e, ":2<Enter>u<C-s>")
        #expect(e.confirm == nil && !e.isModified)
        #expect(read(f) == e.session.document.bytes.array)
    }

    /// The editor keeps its own copy of the file (never a mapping of it): a file cut short by
    /// another program while it is open changes nothing on screen, and saving asks first.
    @Test func aFileTruncatedWhileOpenIsNoticedOnSaveAndNothingCrashes() throws {
        let dir = scratch(); defer { try? FileManager.default.removeItem(atPath: dir) }
        let f = "\(dir)/a.json"
        write(f, DemoScenario.bytes)
        let e = try open(f)
        #expect(truncate(f, 10) == 0)
        // every module is still there and can be upgraded and drawn
        try press(e, "Uy")
        #expect(e.session.undoStack.count == 6)
        _ = EditorView.render(e, width: 100, height: 30)
        try press(e, "<C-s>")
        guard case .externalChange(let what) = e.confirm else { Issue.record("no question"); return }
        #expect(what.hasPrefix("size \(DemoScenario.bytes.count) → 10 bytes"))
        #expect(read(f)?.count == 10, "nothing written before the answer")
        try press(e, "o")
        #expect(read(f) == e.session.document.bytes.array && !e.isModified)
    }

    @Test func quitSaveOverwriteQuits() throws {
        let dir = scratch(); defer { try? FileManager.default.removeItem(atPath: dir) }
        let f = "\(dir)/a.json"
        write(f, DemoScenario.bytes)
        let e = try open(f)
        try press(e, ":3<Enter>u")
        write(f, Array("{\"flow\": []}".utf8))
        try press(e, "qs")
        guard case .externalChange = e.confirm else { Issue.record("no question"); return }
        #expect(!e.wantsQuit)
        #expect(e.handle(.char("o")) == false, "overwriting finishes the quit")
        #expect(read(f) == e.session.document.bytes.array)
    }

    // MARK: what the questions look like

    @Test func questionFramesAt80x24() throws {
        let dir = scratch(); defer { try? FileManager.default.removeItem(atPath: dir) }
        let f = "\(dir)/a.json"
        write(f, DemoScenario.bytes)
        leaveRecoveryFile(for: f, document: try edited(), base: Array(DemoScenario.bytes.dropLast()))
        let e = try open(f)
        Golden.check("safety-recover-question-80x24.txt", Snapshot.render(e, keys: [], width: 80, height: 24).plainText() + "\n")
        try press(e, "x:3<Enter>u")
        write(f, Array(DemoScenario.bytes.dropLast()))
        var times = [timeval(tv_sec: 1_764_000_000, tv_usec: 0), timeval(tv_sec: 1_764_000_000, tv_usec: 0)]
        utimes(f, &times)   // a fixed mtime: the question shows it
        Golden.check("safety-external-change-80x24.txt", Snapshot.render(e, keys: [.ctrl("s")], width: 80, height: 24).plainText() + "\n")
    }

    // MARK: failed saves

    @Test(arguments: [SaveStep.write, .fsync, .rename])
    func anIOErrorKeepsTheEditorTheEditsAndTheFile(step: SaveStep) throws {
        let dir = scratch(); defer { try? FileManager.default.removeItem(atPath: dir) }
        let f = "\(dir)/a.json", other = "\(dir)/b.json"
        write(f, DemoScenario.bytes)
        let e = try open(f)
        try press(e, ":3<Enter>u")
        let mine = e.session.document.bytes.array
        SaveFaults.inject(step, errno: EIO, target: f)
        defer { SaveFaults.clear(target: f) }
        #expect(e.handle(.ctrl("s")))
        #expect(e.isModified && e.session.document.bytes.array == mine)
        #expect(read(f) == DemoScenario.bytes)
        #expect(e.messageIsError)
        #expect(e.message?.hasPrefix("not saved: \(f): cannot ") == true)
        #expect(e.message?.hasSuffix(": Input/output error — the file is unchanged and your edits are kept; W saves elsewhere") == true)
        #expect(!(try FileManager.default.contentsOfDirectory(atPath: dir)).contains { $0.contains(".scened-") && !$0.hasSuffix("recover") })
        // Save as elsewhere works, and the recovery writer follows the new file.
        try press(e, "W<C-u>\(other)<Enter>")
        #expect(read(other) == mine && !e.isModified && e.path == other)
        #expect(e.recoveryWriter?.recoveryPath == Recovery.path(for: other))
    }

    @Test func aFailedDirectorySyncIsShownButTheSaveCounts() throws {
        let dir = scratch(); defer { try? FileManager.default.removeItem(atPath: dir) }
        let f = "\(dir)/a.json"
        write(f, DemoScenario.bytes)
        let e = try open(f)
        try press(e, ":3<Enter>u")
        SaveFaults.inject(.directorySync, errno: EIO, target: f)
        defer { SaveFaults.clear(target: f) }
        try press(e, "<C-s>")
        #expect(read(f) == e.session.document.bytes.array && !e.isModified)
        #expect(e.messageIsError && e.message?.contains("could not be synced to disk, so the save may not survive a crash") == true)
    }
}
