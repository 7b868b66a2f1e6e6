import Dispatch
import Testing
import BlueprintKit
@testable import EditorUI

/// Upgrade-all beside the key loop (Editor+Work.swift): while it runs the status line shows
/// its progress and every key but cancel and redraw waits; Ctrl-C drops it whole; when it
/// ends, the document is the one the inline path makes, one undo step per module.
@Suite struct LongWorkTests {
    func press(_ e: Editor, _ keys: String) throws { for k in try Key.parseSequence(keys) { e.handle(k) } }

    /// An editor whose upgrade-all waits on the worker thread until `release` is signalled.
    func heldEditor() throws -> (Editor, DispatchSemaphore) {
        let e = try Editor(bytes: DemoScenario.bytes, path: nil)
        let release = DispatchSemaphore(value: 0)
        e.runsWorkInBackground = true
        e.workGate = { release.wait() }
        return (e, release)
    }

    func inlineUpgradeAll() throws -> Editor {
        let e = try Editor(bytes: DemoScenario.bytes, path: nil)
        try press(e, "Uy")
        return e
    }

    @Test func progressShowsAndOtherKeysWaitWhileTheUpgradeRuns() throws {
        let (e, release) = try heldEditor()
        try press(e, "U")
        #expect(e.isBusy)
        let frame = EditorView.render(e, width: 100, height: 24).plainText()
        #expect(frame.contains("preparing the upgrades: 0/6 modules"), "\(frame)")
        #expect(frame.contains("Ctrl-C cancels"))
        // keys that would change the document do nothing while it runs
        try press(e, "juxy")
        #expect(e.session.undoStack.isEmpty)
        #expect(e.session.document.bytes.array == DemoScenario.bytes)
        release.signal()
        #expect(e.pollWork(waitingUpTo: 30))
        #expect(!e.isBusy)
        // the pass is done: the question says what `y` will do, and nothing is applied yet
        #expect(e.confirm?.text.hasPrefix("Upgrade 6 modules") == true)
        #expect(e.session.undoStack.isEmpty)
        try press(e, "y")
        let inline = try inlineUpgradeAll()
        #expect(e.session.document.bytes.array == inline.session.document.bytes.array)
        #expect(e.session.undoStack.count == 6 && inline.session.undoStack.count == 6)
        #expect(e.message?.hasPrefix("upgraded 6 modules (6 undo steps)") == true)
        #expect(!EditorView.render(e, width: 100, height: 24).plainText().contains("cancels"))
    }

    @Test func ctrlCCancelsTheWholeUpgradeAndNothingIsApplied() throws {
        let (e, release) = try heldEditor()
        try press(e, "U<C-c>")
        #expect(EditorView.render(e, width: 100, height: 24).plainText().contains("cancelling"))
        release.signal()
        #expect(e.pollWork(waitingUpTo: 30))
        #expect(e.session.document.bytes.array == DemoScenario.bytes)
        #expect(e.session.undoStack.isEmpty && !e.isModified)
        #expect(e.message == "upgrade-all cancelled: nothing was changed")
        // the editor works as before: U again upgrades everything
        e.workGate = nil
        try press(e, "U")
        _ = e.pollWork(waitingUpTo: 30)
        try press(e, "y")
        #expect(e.session.undoStack.count == 6)
    }

    @Test func applyAllInTheReviewRunsBesideTheKeysAndUndoesOneAnswerAtATime() throws {
        let (e, release) = try heldEditor()
        try press(e, "Rya")          // apply #2 by hand, then the remaining five in one pass
        #expect(e.isBusy)
        release.signal()
        #expect(e.pollWork(waitingUpTo: 30))
        let inline = try inlineUpgradeAll()
        #expect(e.session.document.bytes.array == inline.session.document.bytes.array)
        let r = try #require(e.review)
        #expect(r.finished)
        #expect(r.summary.applied.map(\.moduleId) == [2, 3, 7, 8, 12, 13])
        #expect(e.message?.hasPrefix("applied 5 upgrades (5 undo steps)") == true)
        // z takes back the answers one at a time, the last applied first
        try press(e, "z")
        #expect(e.session.undoStack.count == 5)
        #expect(e.review?.current?.moduleId == 13)
    }

    @Test func cancellingTheReviewsApplyAllKeepsTheReviewWhereItWas() throws {
        let (e, release) = try heldEditor()
        try press(e, "Ra<Esc>")
        release.signal()
        #expect(e.pollWork(waitingUpTo: 30))
        #expect(e.session.undoStack.isEmpty)
        #expect(e.review?.finished == false)
        #expect(e.review?.current?.moduleId == 2)
        #expect(e.message?.contains("no upgrade was applied") == true)
    }
}
