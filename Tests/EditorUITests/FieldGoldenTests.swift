import Testing
import BlueprintKit
@testable import EditorUI

/// Golden frames of field editing: the detail pane with the one-line editor open
/// (live reference count, an unresolved reference) and the multi-line editor.
/// Each golden holds the text, then the rows where the cursor style landed.
@Suite struct FieldGoldenTests {
    func frame(_ keys: String, width: Int, height: Int, setup: (Editor) -> Void = { _ in }) throws -> String {
        let e = try Editor(bytes: DemoScenario.bytes, path: nil, displayName: DemoScenario.displayName)
        setup(e)
        let buf = Snapshot.render(e, keys: try Key.parseSequence(keys), width: width, height: height)
        var out = buf.plainText() + "\n--- cursor\n"
        for (y, row) in buf.styleMask(.cursor).enumerated() where row.contains("#") { out += "\(y): \(row)\n" }
        return out
    }

    @Test func detailPaneInEditMode() throws {
        let text = try frame(":3<Enter><Tab>jjjjj<Enter><C-w><C-w>{{1.shop}}/orders/{{99.id}}", width: 110, height: 30)
        #expect(text.contains("1 unresolved"))
        Golden.check("field-edit-detail-110x30.txt", text)
    }

    @Test func operatorSuggestions() throws {
        let text = try frame(":7<Enter><Tab>jjj<Enter><C-u>text", width: 100, height: 26)
        #expect(text.contains("text:equal"))
        Golden.check("field-edit-operator-100x26.txt", text)
    }

    @Test func multiLineEditor() throws {
        let text = try frame(":11<Enter><Tab>jj<Enter><End>{{9.sku}} 注文<Enter>line three with {{77.gone}}<Up>", width: 80, height: 20)
        #expect(text.contains("editing #11 parameters.rowSeparator"))
        Golden.check("field-edit-multiline-80x20.txt", text)
    }
}
