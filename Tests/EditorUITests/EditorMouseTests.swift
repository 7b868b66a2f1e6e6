import BlueprintKit
import Testing
@testable import EditorUI

/// `set mouse = on`: clicks select what was drawn under the pointer, the wheel scrolls.
@Suite struct EditorMouseTests {
    func demo(width: Int = 120, height: Int = 30) throws -> (Editor, ScreenBuffer) {
        let e = try Editor(bytes: DemoScenario.bytes, path: nil, displayName: DemoScenario.displayName)
        return (e, EditorView.render(e, width: width, height: height))
    }

    func click(_ e: Editor, x: Int, y: Int) { e.handle(.mouse(MouseEvent(kind: .press(.left), x: x, y: y))) }

    @Test(arguments: [(120, 30), (80, 30)])
    func clickingATreeRowSelectsTheModuleDrawnThere(_ w: Int, _ h: Int) throws {
        let (e, buf) = try demo(width: w, height: h)
        let y = try #require(buf.lines.firstIndex { $0.contains("#5 ") })
        click(e, x: 20, y: y)
        #expect(e.selectedModule?.id == 5)
        let after = EditorView.render(e, width: w, height: h)
        #expect(after.styleMask(.selected)[y].hasPrefix("####"), "the clicked row is drawn selected")
    }

    @Test func clickingTheDetailPaneFocusesItAndATreeRowFocusesTheTree() throws {
        let (e, _) = try demo()
        click(e, x: e.detailRect.x + 3, y: e.detailRect.y + 1)
        #expect(e.pane == .detail)
        click(e, x: 2, y: e.treeRect.y + 1)
        #expect(e.pane == .tree && e.cursor == 1)
    }

    @Test func clicksOutsideThePanesAndBelowTheLastRowChangeNothing() throws {
        let (e, _) = try demo(width: 120, height: 60)
        e.handle(.char("j"))
        click(e, x: 5, y: 0)                                  // title bar
        click(e, x: 5, y: e.treeRect.maxY - 1)                // empty rows under the tree
        #expect(e.cursor == 1 && e.pane == .tree)
    }

    @Test func wheelMovesTheSelectionInTheTreeAndScrollsTheDetailAndHelp() throws {
        let (e, _) = try demo()
        e.handle(.mouse(MouseEvent(kind: .scrollDown, x: 3, y: e.treeRect.y + 2)))
        #expect(e.cursor == Editor.wheelStep)
        e.handle(.mouse(MouseEvent(kind: .scrollUp, x: 3, y: e.treeRect.y + 2)))
        #expect(e.cursor == 0)
        e.handle(.mouse(MouseEvent(kind: .scrollDown, x: e.detailRect.x + 2, y: e.detailRect.y + 2)))
        #expect(e.detailScroll == Editor.wheelStep && e.cursor == 0)
        e.handle(.char("?"))
        _ = EditorView.render(e, width: 120, height: 30)
        e.handle(.mouse(MouseEvent(kind: .scrollDown, x: 3, y: 5)))
        #expect(e.screenScroll == Editor.wheelStep)
    }

    @Test func theMouseNeverAnswersAQuestionOrAPrompt() throws {
        let (e, _) = try demo()
        e.handle(.char("/"))
        click(e, x: 2, y: e.treeRect.y + 4)
        #expect(e.prompt != nil && e.cursor == 0)
        #expect(e.message == nil, "no 'Mouse is not bound' complaint")
    }
}
