import Testing
import BlueprintKit
@testable import EditorUI

/// Field editing through `Editor.handle`, key by key, on the built-in demo: every
/// kind of edit, the bytes it leaves, and undo back to the original bytes.
@Suite struct FieldEditingStateTests {
    let original = DemoScenario.bytes

    func demo() throws -> Editor {
        let e = try Editor(bytes: original, path: nil, displayName: DemoScenario.displayName)
        _ = EditorView.render(e, width: 120, height: 40)
        return e
    }

    func press(_ e: Editor, _ keys: String) throws {
        for k in try Key.parseSequence(keys) {
            e.handle(k)
            _ = EditorView.render(e, width: 120, height: 40)
        }
    }

    /// Opens module `id` and puts the field cursor on `display`.
    func focus(_ e: Editor, _ id: Int, _ display: String) throws {
        if e.pane == .detail { try press(e, "<Esc>") }
        try press(e, ":\(id)<Enter><Tab>")
        let i = try #require(e.currentFields().firstIndex { $0.display == display }, "no field \(display)")
        try press(e, "g" + String(repeating: "j", count: i))
        #expect(e.selectedField?.display == display)
    }

    func changes(_ e: Editor) -> (removed: [String], added: [String]) {
        let ops = UnifiedDiff.lines(UnifiedDiff.splitLines(original), UnifiedDiff.splitLines(e.session.document.bytes.array))
        func clean(_ s: String) -> String { String(s.drop { $0 == " " }.dropLast(s.hasSuffix("\n") ? 1 : 0)) }
        return (ops.filter { $0.op == .removed }.map { clean($0.text) }, ops.filter { $0.op == .added }.map { clean($0.text) })
    }

    func expectUndoToOriginal(_ e: Editor, steps: Int = 1) throws {
        try press(e, String(repeating: "z", count: steps))
        let same = e.session.document.bytes.array == original
        #expect(same, "undo did not restore the original bytes")
        #expect(!e.isModified)
    }

    @Test func tabFocusesTheFieldsAndJKMoveOverThem() throws {
        let e = try demo()
        try press(e, ":3<Enter>")
        #expect(!e.showsFieldList)
        try press(e, "<Tab>")
        #expect(e.showsFieldList && e.selectedField?.display == "metadata.designer.name")
        try press(e, "jj")
        #expect(e.selectedField?.display == "parameters.useNewZLibDeCompress")
        try press(e, "k")
        #expect(e.selectedField?.display == "parameters.handleErrors")
        #expect(e.selectedModule?.id == 3)   // the tree cursor stays
        try press(e, "G")
        #expect(e.selectedField?.display == "mapper.followAllRedirects")
        try press(e, "<Esc>")
        #expect(e.pane == .tree && e.selectedModule?.id == 3)
    }

    @Test func labelEditIsOneUndoableStep() throws {
        let e = try demo()
        try focus(e, 3, "metadata.designer.name")
        try press(e, "<Enter>")
        #expect(e.fields.edit != nil)
        try press(e, "<C-w><C-w>sales order<Enter>")
        #expect(e.fields.edit == nil)
        #expect(e.blueprint.module(id: 3)?.label == "Create sales order")
        let c = changes(e)
        #expect(c.removed == ["\"name\": \"Create ERP order\""] && c.added == ["\"name\": \"Create sales order\""])
        #expect(e.session.undoStack.count == 1)
        #expect(e.message?.contains("set #3 metadata.designer.name") == true)
        try expectUndoToOriginal(e)
    }

    @Test func escapeCancelsWithoutAChange() throws {
        let e = try demo()
        try focus(e, 3, "mapper.url")
        try press(e, "e<C-u>oops<Esc>")
        let same = e.session.document.bytes.array == original
        #expect(e.fields.edit == nil && !e.isModified && same)
    }

    @Test func stringWithIMLShowsALiveReferenceCount() throws {
        let e = try demo()
        try focus(e, 3, "mapper.url")
        try press(e, "<Enter><End>/{{1.id}}?x={{42.nothing}}")
        let ed = try #require(e.fields.edit)
        let refs = ReferenceSummary(text: ed.text, blueprint: e.blueprint)
        #expect(refs.countText == "2 references, 1 unresolved")
        #expect(refs.problems == ["{{42.nothing}}: no module #42"])
        let frame = EditorView.render(e, width: 120, height: 40).plainText()
        #expect(frame.contains("2 references, 1 unresolved") && frame.contains("! {{42.nothing}}: no module #42"))
        try press(e, "<Enter>")
        #expect(changes(e).added == ["\"url\": \"https://erp.example.com/api/orders/{{1.id}}?x={{42.nothing}}\","])
        #expect(e.warnings(for: e.blueprint.module(id: 3)!.index).contains { $0.contains("#42") })
        try expectUndoToOriginal(e)
    }

    @Test func typingDigitsIntoAStringKeepsAStringAndNumbersStayNumbers() throws {
        let e = try demo()
        try focus(e, 3, "mapper.timeout")
        try press(e, "<Enter>30<Enter>")
        #expect(changes(e).added == ["\"timeout\": \"30\","])
        try press(e, "z")
        try focus(e, 1, "parameters.maxResults")
        try press(e, "<Enter><C-u>ten<Enter>")
        #expect(e.fields.edit?.error?.contains("not a number") == true)   // refused, editor stays open
        #expect(!e.isModified)
        try press(e, "<C-u>10<Enter>")
        #expect(e.fields.edit == nil)
        #expect(changes(e).removed == ["\"maxResults\": 1"] && changes(e).added == ["\"maxResults\": 10"])
        try expectUndoToOriginal(e)
    }

    @Test func ctrlTChangesTheTypeOnPurpose() throws {
        let e = try demo()
        try focus(e, 3, "mapper.timeout")
        try press(e, "<Enter>30<C-t><Enter>")
        #expect(changes(e).added == ["\"timeout\": 30,"])
        try expectUndoToOriginal(e)
    }

    @Test func spaceTogglesABoolean() throws {
        let e = try demo()
        try focus(e, 3, "mapper.gzip")
        try press(e, "<Space>")
        #expect(changes(e).removed == ["\"gzip\": true,"] && changes(e).added == ["\"gzip\": false,"])
        #expect(e.selectedField?.display == "mapper.gzip")
        try expectUndoToOriginal(e)
    }

    @Test func arrayItemsAddDeleteMove() throws {
        let e = try demo()
        try focus(e, 3, "mapper.headers[0].value")
        try press(e, "a")
        #expect(e.selectedField?.display == "mapper.headers[1]")
        #expect(changes(e).added == ["},", "{", "\"name\": \"\",", "\"value\": \"\""])
        try press(e, "j<Enter>X-Total<Enter>")          // name of the new header
        try press(e, "K")                              // move it above the first
        #expect(e.selectedField?.display == "mapper.headers[0]")
        let headers = try #require(e.currentFields().first { $0.display == "mapper.headers" })
        #expect(headers.value == .array([
            .object([("name", .string("X-Total")), ("value", .string(""))]),
            .object([("name", .string("X-Shop")), ("value", .string("{{1.shop}}"))]),
        ]))
        try press(e, "x")
        #expect(try #require(e.currentFields().first { $0.display == "mapper.headers" }).value?.arrayValue?.count == 1)
        #expect(e.session.undoStack.count == 4)
        try expectUndoToOriginal(e, steps: 4)
    }

    @Test func filterConditionOperandAndOperator() throws {
        let e = try demo()
        try focus(e, 7, "filter.conditions[0][0].b")
        try press(e, "<Enter><C-u>settled<Enter>")
        #expect(changes(e).removed == ["\"b\": \"paid\","] && changes(e).added == ["\"b\": \"settled\","])
        try press(e, "z")
        try focus(e, 7, "filter.conditions[0][0].o")
        try press(e, "<Enter><C-u>text:not")
        #expect(e.fields.edit?.suggestions.first == "text:notequal")
        try press(e, "<Down><Enter>")
        #expect(changes(e).removed == ["\"o\": \"text:equal\""] && changes(e).added == ["\"o\": \"text:notequal\""])
        try expectUndoToOriginal(e)
    }

    @Test func routeDisabledToggles() throws {
        let e = try demo()
        try focus(e, 6, "routes[1].disabled")
        try press(e, "<Space>")
        #expect(changes(e).removed == [] && changes(e).added == ["\"disabled\": true,"])
        #expect(e.message == "route 2 of #6 disabled (z undoes)")
        try press(e, "<Enter>")            // Enter flips it back: the key goes away
        let same = e.session.document.bytes.array == original
        #expect(same)
        try expectUndoToOriginal(e, steps: 2)
    }

    @Test func scenarioSettings() throws {
        let e = try demo()
        try press(e, "S")
        #expect(e.showsFieldList && e.fields.target == .scenario)
        #expect(e.selectedField?.display == "name")
        let i = try #require(e.currentFields().firstIndex { $0.display == "metadata.scenario.sequential" })
        try press(e, String(repeating: "j", count: i) + "<Space>")
        #expect(changes(e).removed == ["\"sequential\": false,"] && changes(e).added == ["\"sequential\": true,"])
        try press(e, "gj<Enter><C-u>7<Enter>")   // roundtrips
        #expect(changes(e).added.contains("\"roundtrips\": 7,"))
        try press(e, "S")
        #expect(e.fields.target == .module)
        try expectUndoToOriginal(e, steps: 2)
    }

    @Test func longValuesOpenTheMultiLineEditor() throws {
        let e = try demo()
        try focus(e, 11, "parameters.rowSeparator")   // "\n": multi-line
        try press(e, "<Enter>")
        #expect(e.fields.edit?.isMultiLine == true)
        try press(e, "<Esc>")
        #expect(e.fields.edit == nil)
        try focus(e, 3, "mapper.data")
        try press(e, "<Enter>")
        #expect(e.fields.edit?.isMultiLine == false)    // short: one line first
        try press(e, "<C-o>")                           // continue in the multi-line editor
        #expect(e.fields.edit?.isMultiLine == true)
        try press(e, "<C-e><Enter>extra<Esc>")
        #expect(e.fields.edit != nil && e.message?.contains("Esc again") == true)
        try press(e, "<C-s>")
        #expect(e.fields.edit == nil)
        let data = try #require(e.currentFields().first { $0.display == "mapper.data" }).value?.stringValue
        #expect(data?.hasSuffix("\"}\nextra") == true)
        #expect(UnifiedDiff.changedLineCount(old: original, new: e.session.document.bytes.array) == 2)
        try expectUndoToOriginal(e)
    }

    @Test func externalEditorRoundTrip() throws {
        let e = try demo()
        try focus(e, 3, "mapper.method")
        try press(e, "E")
        #expect(e.message?.contains("no external editor") == true && !e.isModified)
        var seen: String?
        e.runExternalEditor = { text in seen = text; return "put\n" }
        try press(e, "E")
        #expect(seen == "post")
        #expect(changes(e).added == ["\"method\": \"put\","])
        e.runExternalEditor = { _ in nil }
        try press(e, "E")
        #expect(e.message?.contains("failed or was cancelled") == true)
        try focus(e, 1, "parameters.maxResults")
        e.runExternalEditor = { _ in "many\n" }
        try press(e, "E")
        #expect(e.fields.edit?.error?.contains("not a number") == true)   // kept for fixing
        try press(e, "<Esc><Esc>")
        try expectUndoToOriginal(e)
    }

    @Test func containersAndTreeKeysBehave() throws {
        let e = try demo()
        try focus(e, 3, "mapper.headers")
        try press(e, "<Enter>")
        #expect(e.fields.edit == nil && e.message?.contains("a adds an item") == true)
        try press(e, "x")
        #expect(e.messageIsError && !e.isModified)
        try press(e, "<Tab>jj")
        #expect(e.pane == .tree && e.selectedModule?.id == 4)   // j moves the tree again (past the "on error" header)
    }
}
