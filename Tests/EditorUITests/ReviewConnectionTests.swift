import Foundation
import Testing
import BlueprintKit
@testable import EditorUI

/// `c` inside the upgrade review: the connection picker opens over the review for the
/// module on screen, and when it closes the review continues where it was.
@Suite struct ReviewConnectionTests {
    func fixture() throws -> Editor { try Editor(bytes: ReviewFixture.bytes, path: nil, displayName: "fixture.json") }
    func press(_ e: Editor, _ keys: String) throws { for k in try Key.parseSequence(keys) { e.handle(k) } }
    func connection(_ e: Editor, _ id: Int) -> AccountRef? {
        e.blueprint.module(id: id).flatMap { m in m.accounts.first { $0.parameter == "__IMTCONN__" } }
    }

    @Test func cOnAnUpgradeThatNeedsANewConnectionAppliesItThenPicksAndTheReviewMovesOn() throws {
        let e = try fixture()
        try press(e, "R")
        #expect(e.review?.current?.moduleId == 1)
        try press(e, "c")
        // the upgrade is applied first (one undo step), the picker is over the review
        #expect(e.connectionPicker != nil && e.keyContext == .picker && e.screen == .review)
        #expect(e.session.undoStack.count == 1)
        try press(e, "n800002<Enter>Support Gmail (new)<Enter>")
        #expect(e.connectionPicker == nil)
        #expect(connection(e, 1)?.intValue == 800002)
        // back in the review, on the next module; #1 no longer needs a connection
        #expect(e.screen == .review && e.keyContext == .review && e.review?.current?.moduleId == 2)
        #expect(e.session.undoStack.count == 2)
        try press(e, "nm")
        let s = try #require(e.review?.summary)
        #expect(s.applied.map(\.moduleId) == [1])
        #expect(s.needingConnections.isEmpty)
        #expect(s.skipped.map(\.moduleId) == [2])
    }

    @Test func cancellingThePickerLeavesTheUpgradeAppliedAndStillNeedingAConnection() throws {
        let e = try fixture()
        try press(e, "Rc<Esc>")
        #expect(e.connectionPicker == nil && e.screen == .review)
        #expect(e.review?.current?.moduleId == 2)
        try press(e, "q")
        let s = try #require(e.review?.summary)
        #expect(s.applied.map(\.moduleId) == [1])
        #expect(s.needingConnections.map(\.moduleId) == [1])
    }

    @Test func cOnAModuleWithoutAConnectionExplainsAndStaysOnIt() throws {
        let e = try fixture()
        try press(e, "Rn")          // #2 is a Set variable: no connection
        #expect(e.review?.current?.moduleId == 2)
        try press(e, "c")
        #expect(e.connectionPicker == nil && e.screen == .review && e.review?.current?.moduleId == 2)
        #expect(e.message?.contains("no connection parameter") == true)
        #expect(e.session.undoStack.isEmpty)
    }
}
