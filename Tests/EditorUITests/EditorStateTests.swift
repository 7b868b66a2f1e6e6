import Testing
import BlueprintKit
@testable import EditorUI

/// Key-sequence tests that drive the editor's state machine on the built-in demo.
@Suite struct EditorStateTests {
    func demo() throws -> Editor {
        try Editor(bytes: DemoScenario.bytes, path: nil, displayName: DemoScenario.displayName)
    }

    func press(_ e: Editor, _ keys: String) throws {
        for k in try Key.parseSequence(keys) { e.handle(k) }
    }

    @Test func demoOpensWithEveryModuleAndContainerHeader() throws {
        let e = try demo()
        #expect(e.blueprint.modules.count == 14)
        let headers = e.rows.compactMap { r -> String? in
            if case .header(_, _, let t) = r.kind { return t }; return nil
        }
        #expect(headers == ["on error", "route 1", "route 2", "route 3 (else)"])
        #expect(e.selectedModule?.id == 1)
    }

    @Test func navigationMovesAndClamps() throws {
        let e = try demo()
        try press(e, "jj")
        #expect(e.selectedModule?.id == 3)
        try press(e, "k")
        #expect(e.selectedModule?.id == 2)
        try press(e, "kkkk")
        #expect(e.cursor == 0)
        try press(e, "G")
        #expect(e.selectedModule?.id == 14)
        try press(e, "g")
        #expect(e.selectedModule?.id == 1)
        try press(e, "<Down><Down><Up>")
        #expect(e.selectedModule?.id == 2)
    }

    @Test func collapsingTheRouterHidesItsRoutes() throws {
        let e = try demo()
        try press(e, ":6<Enter>")
        #expect(e.selectedModule?.id == 6)
        let before = e.rows.count
        try press(e, "<Enter>")
        #expect(e.rows.count == before - 11)   // 3 route headers + 8 modules
        #expect(e.rows[e.cursor].collapsed)
        try press(e, "<Space>")
        #expect(e.rows.count == before)
    }

    @Test func searchFindsLabelsModuleNamesAndIdsAndWraps() throws {
        let e = try demo()
        try press(e, "/slack<Enter>")
        #expect(e.selectedModule?.id == 4)
        try press(e, "n")
        #expect(e.selectedModule?.id == 8)
        try press(e, "n")
        #expect(e.selectedModule?.id == 4)
        #expect(e.message?.contains("wrapped") == true)
        try press(e, "N")
        #expect(e.selectedModule?.id == 8)
        try press(e, "/#12<Enter>")
        #expect(e.selectedModule?.id == 12)
        try press(e, "/no such thing<Enter>")
        #expect(e.selectedModule?.id == 12)
        #expect(e.message?.contains("no match") == true)
    }

    @Test func searchExpandsCollapsedAncestors() throws {
        let e = try demo()
        try press(e, ":6<Enter><Enter>g")
        try press(e, "/Brag<Enter>")
        #expect(e.selectedModule?.id == 12)
    }

    @Test func gotoUnknownIdExplains() throws {
        let e = try demo()
        try press(e, ":999<Enter>")
        #expect(e.message == "no module #999 in this scenario")
        try press(e, ":abc<Enter>")
        #expect(e.message?.contains("not a module id") == true)
    }

    @Test func escapeCancelsAPrompt() throws {
        let e = try demo()
        try press(e, "/sla<Esc>")
        #expect(e.prompt == nil)
        #expect(e.selectedModule?.id == 1)
    }

    @Test func quitWithoutChangesQuitsAtOnce() throws {
        let e = try demo()
        let keepGoing = e.handle(.char("q"))
        #expect(!keepGoing)
        #expect(e.wantsQuit)
    }

    @Test func helpScreenListsEveryBoundActionAndCloses() throws {
        let e = try demo()
        try press(e, "?")
        #expect(e.screen == .help)
        let text = HelpView.lines(e).map(\.plain).joined(separator: "\n")
        for b in KeyTable.default.bindings { #expect(text.contains(b.action.help)) }
        try press(e, "q")
        #expect(e.screen == .main)
        #expect(!e.wantsQuit)
    }
}

/// `D` hides the detail pane: the tree takes the whole width; Tab and `S` bring the
/// pane back because they need it; mouse clicks land on the tree.
@Suite struct DetailPaneToggleTests {
    @Test func hidingTheDetailPaneGivesTheTreeTheWholeWidth() throws {
        let e = try Editor(bytes: DemoScenario.bytes, path: nil, displayName: DemoScenario.displayName)
        let shown = EditorView.render(e, width: 120, height: 40).plainText()
        #expect(shown.contains("│ #1 "), "the detail pane starts shown, beside the tree")
        e.handle(.char("D"))
        #expect(!e.showsDetail)
        #expect(e.message == "detail pane hidden (D or Tab shows it)")
        let hidden = EditorView.render(e, width: 120, height: 40)
        #expect(e.treeRect.width == 120 && e.detailRect == .zero)
        #expect(!hidden.plainText().contains("current version"), "no detail text")
        Golden.check("demo-120x40-detail-hidden.txt", hidden.plainText() + "\n")
        e.handle(.char("j"))
        #expect(e.selectedModule?.id == 2, "moving works without the pane")
        e.handle(.char("D"))
        #expect(e.showsDetail)
        e.handle(.char("D"))
        e.handle(.tab)
        #expect(e.showsDetail && e.pane == .detail, "Tab shows the hidden pane and focuses it")
        e.handle(.char("D"))                              // in the detail context D is not bound
        e.handle(.tab)
        #expect(e.pane == .tree)
        e.handle(.char("D"))
        #expect(!e.showsDetail)
        e.handle(.char("S"))
        #expect(e.showsDetail && e.pane == .detail, "scenario settings are edited in the detail pane")
    }

    @Test func hidingItWhileTheDetailPaneHasTheFocusReturnsToTheTree() throws {
        let e = try Editor(bytes: DemoScenario.bytes, path: nil, displayName: DemoScenario.displayName)
        e.handle(.tab)
        #expect(e.pane == .detail)
        e.showsDetail = false                              // `set detail = off`, or D from the tree
        #expect(e.pane == .tree)
        #expect(e.keyContext == .tree)
    }
}

@Suite struct SearchFoldTests {
    /// The search keys fold case as `lowercased()` does, also for names that are not ASCII.
    @Test func foldsLikeLowercased() {
        for s in ["HTTP › Make a Request", "Gmail › Send an EMAIL", "Ärger › ÜBER", "plain", "İstanbul", "", "A\u{1}B›C"] {
            #expect(Editor.searchFold(s) == s.lowercased(), "\(s)")
        }
    }
}
