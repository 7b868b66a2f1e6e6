import Foundation
import Testing
import BlueprintKit
@testable import EditorUI

/// The upgrade review (`R`) as a state machine driven by keys: the answers produce
/// exactly the upgrades chosen (byte-identical to the headless engine applied to
/// those modules), the summary counts them, and undo takes answers back one at a time.
@Suite struct ReviewStateTests {
    func demo() throws -> Editor { try Editor(bytes: DemoScenario.bytes, path: nil) }
    func fixture() throws -> Editor { try Editor(bytes: ReviewFixture.bytes, path: nil, displayName: "fixture.json") }
    func press(_ e: Editor, _ keys: String) throws { for k in try Key.parseSequence(keys) { e.handle(k) } }

    /// The headless engine (`scened upgrade --module …`) applied to just these modules.
    func engineBytes(_ bytes: [UInt8], only ids: Set<Int>) throws -> [UInt8] {
        var s = EditSession(document: try JSONDocument(bytes: bytes))
        var failures: [(Int?, UpgradeError)] = []
        let done = UpgradeEngine(catalog: .shipped).upgradeAll(in: &s, only: ids, failures: &failures)
        #expect(done.count == ids.count && failures.isEmpty)
        return s.document.bytes.array
    }

    func currentId(_ e: Editor) -> Int? { e.review?.current?.moduleId }

    @Test func reviewWalksUpgradableModulesInTreeOrder() throws {
        let e = try demo()
        try press(e, "R")
        #expect(e.screen == .review)
        #expect(e.keyContext == .review)
        #expect(e.review?.items.map(\.moduleId) == [2, 3, 7, 8, 12, 13])
        #expect(e.review?.items.allSatisfy { $0.kind == .upgrade } == true)
        let f = try fixture()
        try press(f, "R")
        #expect(f.review?.items.map(\.moduleId) == [1, 2, 4])
        #expect(f.review?.items.map(\.kind) == [.upgrade, .upgrade, .manual])
    }

    @Test func mixedAnswersThenQuitApplyExactlyTheChosenUpgrades() throws {
        let e = try demo()
        try press(e, "Ryny")   // apply #2, skip #3, apply #7
        #expect(currentId(e) == 8)
        try press(e, "q")      // end: #8, #12, #13 not reviewed
        #expect(e.review?.finished == true)
        #expect(e.session.document.bytes.array == (try engineBytes(DemoScenario.bytes, only: [2, 7])))
        #expect(e.session.undoStack.count == 2)
        let s = try #require(e.review?.summary)
        #expect(s.applied.map(\.moduleId) == [2, 7])
        #expect(s.skipped.map(\.moduleId) == [3])
        #expect(s.manual.isEmpty)
        #expect(s.needingConnections.map(\.moduleId) == [7])   // Gmail needs a google-email connection
        #expect(s.notReviewed.map(\.moduleId) == [8, 12, 13])
        // closing the summary puts the cursor on the first module that still needs attention
        try press(e, "<Enter>")
        #expect(e.review == nil && e.screen == .main)
        #expect(e.selectedModule?.id == 3)
        #expect(e.message?.contains("2 applied, 1 skipped, 0 manual, 1 needing connections") == true)
    }

    @Test func applyAllAppliesThisAndEveryRemainingUpgrade() throws {
        let e = try demo()
        try press(e, "Rnya")   // skip #2, apply #3, then #7 #8 #12 #13
        #expect(e.review?.finished == true)
        #expect(e.session.document.bytes.array == (try engineBytes(DemoScenario.bytes, only: [3, 7, 8, 12, 13])))
        #expect(e.session.undoStack.count == 5)
        let s = try #require(e.review?.summary)
        #expect(s.applied.map(\.moduleId) == [3, 7, 8, 12, 13])
        #expect(s.skipped.map(\.moduleId) == [2])
        #expect(s.needingConnections.map(\.moduleId) == [7, 12])
        #expect(s.notReviewed.isEmpty)
        try press(e, "q")
        #expect(e.selectedModule?.id == 2)
    }

    @Test func undoInTheReviewStepsBackOneAnswerAtATime() throws {
        let e = try demo()
        try press(e, "R")
        var after: [[UInt8]] = [e.session.document.bytes.array]
        for k in ["y", "n", "y", "a"] {
            try press(e, k)
            after.append(e.session.document.bytes.array)
        }
        // `a` applied #8, #12 and #13: three answers, three undo steps
        #expect(e.review?.history.count == 6)
        #expect(e.session.undoStack.count == 5)
        let expectedAfterA = try engineBytes(DemoScenario.bytes, only: [2, 7, 8, 12, 13])
        #expect(after[4] == expectedAfterA)
        let afterY12 = try engineBytes(DemoScenario.bytes, only: [2, 7, 8, 12])
        let afterY8 = try engineBytes(DemoScenario.bytes, only: [2, 7, 8])
        // each z takes back one answer and shows its module again
        let steps: [(Int, [UInt8])] = [(13, afterY12), (12, afterY8), (8, after[3]), (7, after[2]), (3, after[1]), (2, after[0])]
        for (id, bytes) in steps {
            try press(e, "z")
            #expect(e.screen == .review && e.review?.finished == false)
            #expect(currentId(e) == id)
            #expect(e.session.document.bytes.array == bytes)
        }
        #expect(e.session.document.bytes.array == DemoScenario.bytes)
        #expect(!e.isModified)
        try press(e, "z")
        #expect(e.message == "no answer to take back")
        // answering again after undo works from there
        try press(e, "ny")
        #expect(e.session.document.bytes.array == (try engineBytes(DemoScenario.bytes, only: [3])))
    }

    @Test func treeUndoAfterTheReviewStepsBackOneUpgradeAtATime() throws {
        let e = try demo()
        try press(e, "Ryyn")
        let afterTwo = e.session.document.bytes.array
        try press(e, "yq<Enter>")   // apply #8, end, close the summary
        #expect(e.review == nil)
        try press(e, "z")
        #expect(e.session.document.bytes.array == afterTwo)
        try press(e, "zz")
        #expect(e.session.document.bytes.array == DemoScenario.bytes)
    }

    @Test func manualModulesExplainAndTakeNOrM() throws {
        let e = try fixture()
        try press(e, "Ryy")
        #expect(currentId(e) == 4)
        let before = e.session.document.bytes.array
        try press(e, "y")
        #expect(e.messageIsError && e.message?.contains("cannot be upgraded automatically") == true)
        #expect(e.session.document.bytes.array == before && currentId(e) == 4)
        try press(e, "m")
        #expect(e.review?.finished == true)
        #expect(e.review?.items[2].answer == .reviewed)
        let s = try #require(e.review?.summary)
        #expect(s.applied.map(\.moduleId) == [1, 2])
        #expect(s.manual.map(\.moduleId) == [4])
        #expect(s.needingConnections.map(\.moduleId) == [1])
        #expect(e.session.document.bytes.array == (try engineBytes(ReviewFixture.bytes, only: [1, 2])))
        try press(e, "q")
        #expect(e.selectedModule?.id == 1)   // its connection must be chosen
    }

    @Test func mOnAnUpgradeIsRefusedAndNOnAManualSkipsIt() throws {
        let e = try fixture()
        try press(e, "Rm")
        #expect(currentId(e) == 1 && e.review?.items[0].answer == nil)
        try press(e, "nnn")
        let s = try #require(e.review?.summary)
        #expect(s.skipped.map(\.moduleId) == [1, 2])
        #expect(e.review?.items[2].answer == .skipped)
        #expect(e.session.document.bytes.array == ReviewFixture.bytes)
    }

    @Test func jumpPausesAndRResumesAtTheSameModule() throws {
        let e = try demo()
        try press(e, "Ryn")
        #expect(currentId(e) == 7)
        try press(e, "e")
        #expect(e.screen == .main && e.keyContext == .tree)
        #expect(e.selectedModule?.id == 7)
        #expect(e.message?.contains("R resumes") == true)
        try press(e, "jj")   // move around the tree meanwhile
        try press(e, "R")
        #expect(e.screen == .review && currentId(e) == 7)
        #expect(e.review?.history == [0, 1])
        try press(e, "<Esc>")   // Esc pauses too
        #expect(e.screen == .main && e.review != nil)
        try press(e, "R")
        #expect(currentId(e) == 7)
        // help opened from the review returns to it
        try press(e, "?")
        #expect(e.screen == .help)
        try press(e, "q")
        #expect(e.screen == .review)
    }

    @Test func resumingCatchesUpWithChangesMadeInTheTree() throws {
        let e = try demo()
        try press(e, "Ry<Esc>")       // #2 applied, paused at #3
        try press(e, ":13<Enter>u")   // #13 upgraded outside the review
        try press(e, "R")
        #expect(currentId(e) == 3)
        #expect(e.review?.items[5].answer == .changedElsewhere)
        // the last step is #13's upgrade, not the review's: z refuses rather than lose it
        try press(e, "z")
        #expect(e.messageIsError)
        #expect(e.review?.history == [0])
        try press(e, "<Esc>z")        // undo #13 in the tree
        try press(e, "z")             // and #2's upgrade too
        try press(e, "R")
        #expect(e.review?.items[0].answer == nil)
        #expect(e.review?.items[5].answer == nil)
        #expect(currentId(e) == 3)
        // answering the rest wraps round to #2, which needs an answer again
        try press(e, "nnnnn")
        #expect(currentId(e) == 2)
        try press(e, "y")
        #expect(e.review?.finished == true)
        #expect(e.session.document.bytes.array == (try engineBytes(DemoScenario.bytes, only: [2])))
    }

    /// What a connection picker opened from the review does: set the connection, come back.
    @Test func aConnectionChosenWhilePausedNoLongerNeedsOne() throws {
        let e = try fixture()
        try press(e, "Ry<Esc>")
        guard case .applied(let a)? = e.review?.items[0].answer else { Issue.record("#1 not applied"); return }
        #expect(a.needsConnection && a.connectionParameter == "__IMTCONN__")
        var s = e.session
        try ConnectionEditor.set(module: 0, parameter: "__IMTCONN__",
                                 to: ConnectionChoice(idText: "800002", label: "Support Gmail (new)", type: "google-email"), in: &s)
        e.apply(session: s, message: "connection set")
        e.returnToReview()
        #expect(e.screen == .review && currentId(e) == 2)
        try press(e, "ym")
        let summary = try #require(e.review?.summary)
        #expect(summary.applied.map(\.moduleId) == [1, 2])
        #expect(summary.needingConnections.isEmpty)
        // z takes back the mark and #2's upgrade (the connection step came before it)
        try press(e, "zz")
        #expect(currentId(e) == 2)
        try press(e, "z")   // #1's upgrade is followed by the connection step: refused
        #expect(e.messageIsError && currentId(e) == 2)
        try press(e, "ymq")
        #expect(e.selectedModule?.id == 4)   // the manual replacement is what still needs attention
    }

    @Test func undoFromTheSummaryGoesBackToTheLastItem() throws {
        let e = try fixture()
        try press(e, "Rynm")
        #expect(e.review?.finished == true)
        try press(e, "y")
        #expect(e.message?.contains("the review is finished") == true)
        try press(e, "z")
        #expect(e.review?.finished == false && currentId(e) == 4)
        try press(e, "z")
        #expect(currentId(e) == 2)
        try press(e, "y")
        #expect(currentId(e) == 4)
    }

    @Test func rWithNothingToReviewSaysSo() throws {
        let e = try demo()
        try press(e, "Uy")   // upgrade everything first
        try press(e, "R")
        #expect(e.screen == .main && e.review == nil)
        #expect(e.message?.hasPrefix("nothing to review") == true)
    }

    @Test func longContentScrolls() throws {
        let e = try fixture()
        _ = Snapshot.render(e, keys: try Key.parseSequence("R"), width: 80, height: 24)
        let top = EditorView.render(e, width: 80, height: 24).plainText()
        #expect(top.contains("▼ 40 more (j, PgDn)"))
        #expect(!top.contains("v4 interface 7/7"))
        let bottom = Snapshot.render(e, keys: try Key.parseSequence("G"), width: 80, height: 24).plainText()
        #expect(bottom.contains("v4 interface 7/7"))
        #expect(bottom.contains("▲ 40 above"))
        let back = Snapshot.render(e, keys: try Key.parseSequence("g<PageDown>"), width: 80, height: 24).plainText()
        #expect(back != top && back != bottom)
    }
}
