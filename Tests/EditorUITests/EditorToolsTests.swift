import Foundation
import Testing
import BlueprintKit
@testable import EditorUI

/// The scenario tools driven through keys on the built-in demo, each checked
/// against the headless tool (`scened remap`, `swap-expr`, `copy-mapping`, …).
@Suite struct EditorToolsTests {
    func demo() throws -> Editor { try Editor(bytes: DemoScenario.bytes, path: nil) }
    func press(_ e: Editor, _ keys: String) throws { for k in try Key.parseSequence(keys) { e.handle(k) } }
    func text(_ e: Editor) -> String { String(decoding: e.session.document.bytes, as: UTF8.self) }

    @Test func remapTakesOverTheReferencesOfThePickedModule() throws {
        let e = try demo()
        try press(e, ":7<Enter>r")
        let p = try #require(e.tools.picker)
        #expect(p.title.hasPrefix("#7 ") && p.title.hasSuffix("take over the references of …"))
        // type-ahead narrows to #9 (the feeder), Enter remaps as one step
        try press(e, "#9")
        #expect(e.tools.picker?.visible.count == 1)
        try press(e, "<Enter>")
        #expect(e.tools.picker == nil)
        #expect(e.message?.contains("now point at #7") == true)
        #expect(e.session.undoStack.count == 1)
        var s = EditSession(document: try JSONDocument(bytes: DemoScenario.bytes))
        try RemapSource.apply(try RemapSource.plan(try Blueprint(document: s.document), from: 9, to: 7), to: &s)
        #expect(e.session.document.bytes == s.document.bytes)
        #expect(e.blueprint.references(to: 9).allSatisfy { e.blueprint.modules[$0.moduleIndex].id == 7 })
        try press(e, "z")
        #expect(e.session.document.bytes == DemoScenario.bytes)
    }

    @Test func remapPickerEscChangesNothing() throws {
        let e = try demo()
        try press(e, ":7<Enter>r<Esc>")
        #expect(e.tools.picker == nil && !e.isModified)
        // Esc while filtering only clears the filter
        try press(e, "r/zz<Esc>")
        #expect(e.tools.picker?.filter == nil && e.tools.picker != nil)
        try press(e, "q")
        #expect(e.tools.picker == nil && !e.wantsQuit)
    }

    @Test func highlightAppFiltersTheTreeAndSaysSo() throws {
        let e = try demo()
        try press(e, "a/slack<Enter>")
        #expect(e.tools.appFilter == AppFilter(app: "slack"))
        #expect(e.rows.compactMap(\.moduleIndex).map { e.blueprint.modules[$0].app } == ["slack", "slack"])
        let screen = EditorView.render(e, width: 100, height: 22).plainText()
        #expect(screen.contains("[app: slack]"))
        // one version only, then every app again
        try press(e, "a/v3<Enter>")
        #expect(e.tools.appFilter?.version == 3)
        try press(e, "ag<Enter>")
        #expect(e.tools.appFilter == nil && e.rows.count > 14)
    }

    @Test func valueSearchWalksTheMatchingValues() throws {
        let e = try demo()
        try press(e, "/<Tab>customer<Enter>")
        let found = FindValues.find("customer", in: e.blueprint)
        #expect(e.message?.contains("match 1 of \(found.count)") == true)
        #expect(e.selectedModule?.index == found[0].moduleIndex)
        try press(e, "n")
        #expect(e.message?.contains("match 2 of \(found.count)") == true)
        try press(e, "N")
        #expect(e.message?.contains("match 1 of \(found.count)") == true)
        // the detail pane's field cursor is on the matching value
        let here = FindValues.find("customer", in: e.blueprint)[0]
        #expect(e.currentFields()[e.fields.cursor].display == here.path)
        // Tab again: back to names
        try press(e, "/<Tab><Tab>tell<Enter>")
        #expect(e.message?.hasPrefix("/tell") == true)
    }

    @Test func swapExpressionAsksForBothAndIsOneStep() throws {
        let e = try demo()
        try press(e, "X1.customer.email<Enter>")
        #expect(e.prompt?.label == "replace {{1.customer.email}} with: ")
        try press(e, "{{1.email}}<Enter>")
        #expect(e.message == "{{1.customer.email}} → {{1.email}}: 2 occurrences in 2 modules")
        #expect(!text(e).contains("{{1.customer.email}}") && e.session.undoStack.count == 1)
        try press(e, "Xnope<Enter>x<Enter>")
        #expect(e.messageIsError && e.session.undoStack.count == 1)
    }

    @Test func copyFilterToSeveralMarkedModules() throws {
        let e = try demo()
        try press(e, ":7<Enter>F")
        let p = try #require(e.tools.picker)
        #expect(p.multiple)
        try press(e, "/#10<Enter>")   // the filter leaves one entry; Enter chooses it
        #expect(e.tools.picker == nil)
        #expect(e.blueprint.module(id: 10)?.hasFilter == true)
        #expect(e.session.undoStack.count == 1)
        try press(e, "z:7<Enter>F<Space><Space><Enter>")
        #expect(e.session.undoStack.count == 1)
        #expect(e.message?.contains("to 2 modules") == true)
    }

    @Test func copyMappingOffersOnlyTheSameKind() throws {
        let e = try demo()
        // #8 is the only Slack v3: nothing to copy to
        try press(e, ":8<Enter>M")
        #expect(e.tools.picker == nil && e.message?.contains("no other slack:CreateMessage v3") == true)
        // #3 and #13 are both HTTP v3
        try press(e, ":3<Enter>M")
        let p = try #require(e.tools.picker)
        #expect(p.all.map(\.moduleId) == [13])
        try press(e, "<Enter>")
        let doc = e.blueprint.document
        let a = e.blueprint.module(id: 3)!, b = e.blueprint.module(id: 13)!
        #expect(doc.member(b.node, "mapper").map { doc.value($0) } == doc.member(a.node, "mapper").map { doc.value($0) })
        #expect(b.label == "Audit unpaid order" && e.session.undoStack.count == 1)
    }

    @Test func swapAppListsThenAsks() throws {
        let e = try demo()
        try press(e, "a")
        let rows = e.tools.picker!.all
        let k = try #require(rows.firstIndex { $0.app == AppFilter(app: "slack", version: 3) })
        try press(e, "g" + String(repeating: "j", count: k) + "s")
        #expect(e.prompt?.kind == .swapAppTarget(from: AppFilter(app: "slack", version: 3)))
        try press(e, "<C-u>slack@4<Enter>")
        guard case .swapApp(let listing) = e.confirm else { Issue.record("no question: \(e.message ?? "")"); return }
        #expect(listing.contains("by the catalog's rules"))
        try press(e, "y")
        #expect(e.blueprint.modules.filter { $0.moduleName == "slack:CreateMessage" }.allSatisfy { $0.version == 4 })
        #expect(e.session.undoStack.count == 1)
    }
}
