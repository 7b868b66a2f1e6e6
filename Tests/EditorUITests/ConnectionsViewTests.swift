import Foundation
import Testing
import BlueprintKit
@testable import EditorUI

/// The connections view (`C`): sections, the modules list and jumping, rename,
/// clear and swap, each one undoable step equal to the headless edit.
@Suite struct ConnectionsViewTests {
    func press(_ e: Editor, _ keys: String) throws { for k in try Key.parseSequence(keys) { e.handle(k) } }
    func connection(_ e: Editor, _ id: Int) -> AccountRef? { e.blueprint.module(id: id)?.accounts.first }

    func headless(_ edit: (inout ConnectionScript) throws -> Void) throws -> [UInt8] { try TeamFixture.headless(edit) }

    @Test func tableHasSectionsAndTheModulesListJumpsToTheTree() throws {
        let e = try TeamFixture.editor()
        try press(e, "C")
        #expect(e.screen == .connections && e.keyContext == .connections)
        let (_, sections, flat) = e.connectionTable()
        #expect(sections.map(\.title) == ["Connections", "Webhooks"])
        #expect(flat.map { $0.id?.text ?? "-" } == ["771204", "1093344", "2210931", "530118", "48213"])
        let frame = Snapshot.render(e, keys: [], width: 80, height: 24).plainText()
        #expect(frame.contains(" Webhooks"))
        #expect(frame.contains("! not in team"))   // 530118 is not in the team list
        try press(e, "<Enter>")
        #expect(e.connectionUI.view.stage == .users(cursor: 0))
        try press(e, "j<Enter>")
        #expect(e.screen == .main && e.pane == .tree)
        #expect(e.selectedModule?.id == 8)
        try press(e, "C<Enter><Esc>")
        #expect(e.screen == .connections && e.connectionUI.view.stage == .table)
        try press(e, "q")
        #expect(e.screen == .main && !e.wantsQuit)
    }

    @Test func renameSetsTheLabelEverywhereInOneStep() throws {
        let e = try TeamFixture.editor()
        try press(e, "Cr")
        #expect(e.connectionUI.view.stage == .rename(text: "Ops Slack (ops@example.com)"))
        try press(e, "<C-u>Ops alerts<Enter>")
        #expect(connection(e, 4)?.label == "Ops alerts" && connection(e, 8)?.label == "Ops alerts")
        #expect(e.session.undoStack.count == 1 && e.screen == .connections)
        #expect(same(e.session.document.bytes.array, (try headless { try $0.addLabel("771204=Ops alerts") })))
        try press(e, "z")
        #expect(same(e.session.document.bytes.array, DemoScenario.bytes))
    }

    @Test func clearAsksThenClearsEveryUseInOneStep() throws {
        let e = try TeamFixture.editor()
        try press(e, "Cx")
        #expect(e.connectionUI.view.stage == .confirmClear)
        let frame = Snapshot.render(e, keys: [], width: 80, height: 24).plainText()
        #expect(frame.contains("clear connection 771204 from the 2 modules using it? (y/n)"))
        try press(e, "n")
        #expect(e.session.undoStack.isEmpty)
        try press(e, "xy")
        #expect(connection(e, 4)?.value == .null && connection(e, 8)?.value == .null)
        #expect(connection(e, 4)?.restoreEntry == nil && connection(e, 8)?.label == nil)
        #expect(e.session.undoStack.count == 1)
        // Now both required parameters are empty: the "not set" entry warns and cannot be swapped.
        let notSet = try #require(e.connectionTable().2.first { $0.id == nil })
        #expect(notSet.users.count == 2 && notSet.warnings.allSatisfy { $0.code == .requiredEmpty })
        try press(e, "z")
        #expect(same(e.session.document.bytes.array, DemoScenario.bytes))
    }

    @Test func swapUsesThePickerAndEqualsTheHeadlessSwap() throws {
        let e = try TeamFixture.editor()
        try press(e, "Cs")
        let p = try #require(e.connectionPicker)
        #expect(p.target == .swap(kind: .connection, id: AccountID("771204")))
        #expect(p.accepted == ["slack2", "slack3"])
        #expect(p.visible.map { AccountID($0.choice.id)?.text } == ["880011", "990001"])   // compatible, not itself
        try press(e, "t")
        #expect(e.connectionPicker?.visible.count == 6)
        try press(e, "t/sales<Enter>")
        #expect(e.connectionPicker == nil && e.screen == .connections)
        #expect(e.session.undoStack.count == 1)
        #expect(same(e.session.document.bytes.array, (try headless { try $0.addSwap("771204=880011") })))
        #expect(e.selectedConnectionEntry?.id == AccountID("880011"))
        #expect(e.connectionUI.lastPickerOutcome == .assigned(id: AccountID("880011"), modules: 2))
        try press(e, "z")
        #expect(same(e.session.document.bytes.array, DemoScenario.bytes))
    }

    @Test func webhooksCanBeRelabelledToo() throws {
        let e = try TeamFixture.editor()
        try press(e, "CGr<C-u>Orders in<Enter>")
        #expect(connection(e, 1)?.label == "Orders in")
        #expect(e.message?.contains("labelled webhook 48213") == true)
    }
}
