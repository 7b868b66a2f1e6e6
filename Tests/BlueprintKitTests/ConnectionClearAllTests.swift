import Foundation
import Testing
@testable import BlueprintKit

/// `ConnectionEditor.clear(_:id:in:)`: every use of one id cleared in one undoable
/// step, with the same bytes as clearing each module in turn.
@Suite struct ConnectionClearAllTests {
    @Test func clearsEveryUseInOneStepLikeOneByOne() throws {
        let bp = try ConnFixture.blueprint()
        var all = try ConnFixture.session()
        let used = try ConnectionEditor.clear(.connection, id: AccountID("2545853"), in: &all)
        let ids = used.compactMap(\.moduleId)
        #expect(ids.count >= 2)
        #expect(all.undoStack.map(\.label) == ["Clear connection 2545853"])

        var one = try ConnFixture.session()
        for u in used { try ConnectionEditor.clear(module: u.moduleIndex, parameter: u.parameter, in: &one) }
        #expect(all.document.bytes.array == one.document.bytes.array)

        let after = try Blueprint(document: all.document)
        #expect(!after.modules.flatMap(\.accounts).contains { AccountID($0.value) == AccountID("2545853") })
        #expect(bp.modules.count == after.modules.count)
        #expect(all.undo() != nil)
        #expect(all.document.bytes.array == ConnFixture.bytes)
    }

    @Test func anIdNobodyUsesChangesNothing() throws {
        var s = try ConnFixture.session()
        #expect(try ConnectionEditor.clear(.connection, id: AccountID("42"), in: &s).isEmpty)
        #expect(s.undoStack.isEmpty)
    }
}
