import Foundation
import Testing
@testable import BlueprintKit

/// Every kind of field edit on the demo scenario: the saved bytes differ from the
/// original in exactly that value's lines, and undo gives the original bytes back.
@Suite struct FieldEditTests {
    let original = DemoScenario.bytes

    func load() throws -> (Blueprint, EditSession) {
        let bp = try Blueprint(bytes: original)
        return (bp, EditSession(document: bp.document))
    }

    func field(_ s: EditSession, _ id: Int, _ path: String) throws -> FieldRef {
        let bp = try Blueprint(document: s.document)
        let m = try #require(bp.module(id: id))
        return try FieldList.field(path, module: m, in: s.document)
    }

    /// Lines removed from `old` and added in `new`, in order.
    func changes(_ old: [UInt8], _ new: [UInt8]) -> (removed: [String], added: [String]) {
        let ops = UnifiedDiff.lines(UnifiedDiff.splitLines(old), UnifiedDiff.splitLines(new))
        return (ops.filter { $0.op == .removed }.map { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) },
                ops.filter { $0.op == .added }.map { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) })
    }

    func expectUndoRestores(_ s: EditSession, steps: Int = 1) {
        var u = s
        for _ in 0..<steps { u.undo() }
        #expect(u.document.bytes.array == original, "undo did not give the original bytes back")
        #expect(!u.isModified)
    }

    @Test func labelEditChangesOnlyThatLine() throws {
        var (_, s) = try load()
        let f = try field(s, 3, "label")
        #expect(f.display == "metadata.designer.name" && f.value == .string("Create ERP order"))
        let v = try FieldEditor.value(from: "Create ERP order — v2", for: f, input: .typed)
        #expect(try FieldEditor.set(f, to: v, in: &s))
        let c = changes(original, s.document.bytes.array)
        #expect(c.removed == ["\"name\": \"Create ERP order\""])
        #expect(c.added == ["\"name\": \"Create ERP order — v2\""])
        #expect(try Blueprint(document: s.document).module(id: 3)?.label == "Create ERP order — v2")
        expectUndoRestores(s)
    }

    @Test func missingLabelIsAddedAfterXAndY() throws {
        var (_, s) = try load()
        let f = try field(s, 11, "metadata.designer.name")
        #expect(f.kind == .missing)
        try FieldEditor.set(f, to: try FieldEditor.value(from: "Join SKUs", for: f, input: .typed), in: &s)
        let c = changes(original, s.document.bytes.array)
        #expect(c.removed == ["\"y\": 0"])
        #expect(c.added == ["\"y\": 0,", "\"name\": \"Join SKUs\""])
        let doc = s.document
        let desPath = try #require(JSONPath(parsing: "flow[3].routes[1].flow[2].metadata.designer"))
        let des = try #require(doc.node(at: desPath))
        #expect(doc.children(des).map { doc.key($0) ?? "" } == ["x", "y", "name"])
        expectUndoRestores(s)
    }

    @Test func stringWithIMLKeepsTheTextAndCountsReferences() throws {
        var (_, s) = try load()
        let f = try field(s, 3, "mapper.url")
        let text = "https://erp.example.com/api/{{1.shop}}/orders?total={{2.value}}&x={{99.nope}}"
        let refs = Reference.scan(text: text)
        #expect(refs.map(\.text) == ["1.shop", "2.value", "99.nope"])
        let bp = try Blueprint(document: s.document)
        #expect(refs.map { bp.problem(with: $0) } == [nil, nil, .noModule])
        try FieldEditor.set(f, to: try FieldEditor.value(from: text, for: f, input: .typed), in: &s)
        let c = changes(original, s.document.bytes.array)
        #expect(c.removed == ["\"url\": \"https://erp.example.com/api/orders\","])
        #expect(c.added == ["\"url\": \"\(text)\","])
        #expect(try Blueprint(document: s.document).references(from: 2).contains { $0.targetId == 99 && $0.dangling })
        expectUndoRestores(s)
    }

    @Test func typingDigitsIntoAStringFieldKeepsAString() throws {
        var (_, s) = try load()
        let f = try field(s, 3, "mapper.timeout")
        #expect(f.kind == .string)
        for input in [ValueInput.typed, .auto] {
            #expect(try FieldEditor.value(from: "3", for: f, input: input) == .string("3"))
            #expect(try FieldEditor.value(from: "true", for: f, input: input) == .string("true"))
        }
        #expect(try FieldEditor.value(from: "3", for: f, input: .json) == .number("3"))
        try FieldEditor.set(f, to: try FieldEditor.value(from: "30", for: f, input: .typed), in: &s)
        #expect(changes(original, s.document.bytes.array).added == ["\"timeout\": \"30\","])
        expectUndoRestores(s)
    }

    @Test func numberStaysANumberAndRefusesWords() throws {
        var (_, s) = try load()
        let f = try field(s, 1, "parameters.maxResults")
        #expect(f.kind == .number)
        #expect(throws: FieldError.self) { try FieldEditor.value(from: "ten", for: f, input: .typed) }
        #expect(throws: FieldError.self) { try FieldEditor.value(from: "\"5\"", for: f, input: .auto) }
        #expect(try FieldEditor.value(from: "ten", for: f, input: .string) == .string("ten"))
        try FieldEditor.set(f, to: try FieldEditor.value(from: " 25 ", for: f, input: .typed), in: &s)
        let c = changes(original, s.document.bytes.array)
        #expect(c.removed == ["\"maxResults\": 1"])
        #expect(c.added == ["\"maxResults\": 25"])
        expectUndoRestores(s)
    }

    @Test func booleanToggles() throws {
        var (_, s) = try load()
        let f = try field(s, 3, "mapper.gzip")
        #expect(f.isBoolean)
        #expect(throws: FieldError.self) { try FieldEditor.value(from: "maybe", for: f, input: .typed) }
        #expect(try FieldEditor.toggle(f, in: &s))
        let c = changes(original, s.document.bytes.array)
        #expect(c.removed == ["\"gzip\": true,"])
        #expect(c.added == ["\"gzip\": false,"])
        expectUndoRestores(s)
    }

    @Test func settingTheSameValueRecordsNothing() throws {
        var (_, s) = try load()
        let f = try field(s, 3, "mapper.method")
        #expect(try !FieldEditor.set(f, to: .string("post"), in: &s))
        #expect(!s.canUndo)
    }

    @Test func arrayItemAddDeleteMove() throws {
        var (_, s) = try load()
        let headers = try field(s, 3, "mapper.headers")
        #expect(headers.role == .container)
        // add after the first header: a blank copy of its shape
        let item = try field(s, 3, "mapper.headers[0].value")
        let newPath = try FieldEditor.addItem(item, in: &s)
        #expect(newPath.description.hasSuffix("mapper.headers[1]"))
        var c = changes(original, s.document.bytes.array)
        // Only the new item's lines (and the comma after the first item's brace) differ.
        #expect(c.removed == [])
        #expect(c.added == ["},", "{", "\"name\": \"\",", "\"value\": \"\""])
        #expect(try field(s, 3, "mapper.headers").value == .array([
            .object([("name", .string("X-Shop")), ("value", .string("{{1.shop}}"))]),
            .object([("name", .string("")), ("value", .string(""))]),
        ]))
        let afterAdd = s.document.bytes.array
        // move the new (second) header up: only the two items' lines change
        try FieldEditor.moveItem(try field(s, 3, "mapper.headers[1].name"), by: -1, in: &s)
        c = changes(afterAdd, s.document.bytes.array)
        let itemLines: Set<String> = ["{", "}", "},", "\"name\": \"\",", "\"value\": \"\"", "\"name\": \"X-Shop\",", "\"value\": \"{{1.shop}}\""]
        #expect(Set(c.removed).isSubset(of: itemLines) && Set(c.added).isSubset(of: itemLines))
        #expect(c.added.count == c.removed.count)
        #expect(try field(s, 3, "mapper.headers[1].name").value == .string("X-Shop"))
        #expect(throws: FieldError.self) { try FieldEditor.moveItem(try field(s, 3, "mapper.headers[0].name"), by: -1, in: &s) }
        // delete the blank one (now first)
        try FieldEditor.deleteItem(try field(s, 3, "mapper.headers[0]"), in: &s)
        var back = s
        back.undo(); back.undo()
        #expect(back.document.bytes.array == afterAdd)
        // deleting the blank header gives the original back, line for line
        #expect(s.document.bytes.array == original)
        expectUndoRestores(s, steps: 3)
    }

    @Test func addingToAnEmptyArrayUsesTheSpecOrAString() throws {
        var (_, s) = try load()
        try FieldEditor.addItem(try field(s, 3, "mapper.qs"), in: &s)
        let qs = try field(s, 3, "mapper.qs")
        #expect(qs.value == .array([.string("")]))   // the demo has no spec for qs
        let c = changes(original, s.document.bytes.array)
        #expect(c.removed == ["\"qs\": [],"])
        expectUndoRestores(s)
        #expect(throws: FieldError.self) { try FieldEditor.addItem(try field(s, 3, "mapper.url"), in: &s) }
    }

    @Test func filterNameOperandAndOperator() throws {
        var (_, s) = try load()
        try FieldEditor.set(try field(s, 7, "filter.name"), to: .string("Paid or settled"), in: &s)
        #expect(changes(original, s.document.bytes.array).added == ["\"name\": \"Paid or settled\","])
        expectUndoRestores(s)

        (_, s) = try load()
        try FieldEditor.set(try field(s, 7, "filter.conditions[0][0].b"), to: .string("settled"), in: &s)
        var c = changes(original, s.document.bytes.array)
        #expect(c.removed == ["\"b\": \"paid\","] && c.added == ["\"b\": \"settled\","])
        expectUndoRestores(s)

        (_, s) = try load()
        let op = try field(s, 7, "filter.conditions[0][0].o")
        #expect(op.role == .conditionOperator)
        try FieldEditor.set(op, to: .string("text:notequal"), in: &s)
        c = changes(original, s.document.bytes.array)
        #expect(c.removed == ["\"o\": \"text:equal\""] && c.added == ["\"o\": \"text:notequal\""])
        expectUndoRestores(s)

        // a unary operator drops b in the same step; back to binary adds an empty b
        (_, s) = try load()
        try FieldEditor.set(try field(s, 7, "filter.conditions[0][0].o"), to: .string("exist"), in: &s)
        c = changes(original, s.document.bytes.array)
        #expect(c.removed == ["\"b\": \"paid\",", "\"o\": \"text:equal\""] && c.added == ["\"o\": \"exist\""])
        #expect(s.undoStack.count == 1)
        #expect(throws: FieldError.self) { try field(s, 7, "filter.conditions[0][0].b") }
        try FieldEditor.set(try field(s, 7, "filter.conditions[0][1].o"), to: .string("text:equal"), in: &s)
        #expect(try field(s, 7, "filter.conditions[0][1].b").value == .string(""))
        expectUndoRestores(s, steps: 2)
    }

    @Test func routeDisabledIsInsertedBeforeFlowAndRemovedWhenEnabled() throws {
        var (_, s) = try load()
        let f = try field(s, 6, "routes[1].disabled")
        #expect(f.kind == .missing && f.isBoolean)
        try FieldEditor.toggle(f, in: &s)
        let c = changes(original, s.document.bytes.array)
        #expect(c.removed == [] && c.added == ["\"disabled\": true,"])
        let routePath = try #require(JSONPath(parsing: "flow[3].routes[1]"))
        let route = try #require(s.document.node(at: routePath))
        #expect(s.document.children(route).map { s.document.key($0) ?? "" } == ["disabled", "flow"])
        let on = try field(s, 6, "routes[1].disabled")
        #expect(on.value == .bool(true))
        try FieldEditor.toggle(on, in: &s)
        #expect(s.document.bytes.array == original)
        expectUndoRestores(s, steps: 2)
        #expect(throws: FieldError.self) { try field(s, 3, "routes[0].disabled") }
    }

    @Test func scenarioNameAndSettings() throws {
        var (_, s) = try load()
        let seq = try FieldList.scenarioField("sequential", in: s.document)
        #expect(seq.display == "metadata.scenario.sequential")
        try FieldEditor.toggle(seq, in: &s)
        var c = changes(original, s.document.bytes.array)
        #expect(c.removed == ["\"sequential\": false,"] && c.added == ["\"sequential\": true,"])
        let maxErrors = try FieldList.scenarioField("metadata.scenario.maxErrors", in: s.document)
        try FieldEditor.set(maxErrors, to: try FieldEditor.value(from: "10", for: maxErrors, input: .auto), in: &s)
        let name = try FieldList.scenarioField("name", in: s.document)
        try FieldEditor.set(name, to: .string("Orders v2"), in: &s)
        c = changes(original, s.document.bytes.array)
        #expect(c.added.sorted() == ["\"maxErrors\": 10,", "\"name\": \"Orders v2\",", "\"sequential\": true,"])
        #expect(c.removed.count == 3)
        let slots = try FieldList.scenarioField("slots", in: s.document)
        #expect(slots.kind == .null)
        #expect(try FieldEditor.value(from: "2", for: slots, input: .typed) == .number("2"))
        expectUndoRestores(s, steps: 3)
        #expect(throws: FieldError.self) { try FieldList.scenarioField("nonsense", in: s.document) }
    }

    @Test func unknownPathsExplainThemselves() throws {
        let (bp, s) = try load()
        let m = try #require(bp.module(id: 3))
        do { _ = try FieldList.field("mapper.ur", module: m, in: s.document); Issue.record("no error") } catch {
            #expect(error.kind == .notFound)
            #expect(error.message.contains("has no field 'mapper.ur'") && error.message.contains("mapper.url"))
        }
        do { _ = try FieldList.field("version", module: m, in: s.document); Issue.record("no error") } catch {
            #expect(error.message.contains("not an editable field"))
        }
        do { _ = try FieldList.field("filter.name", module: m, in: s.document); Issue.record("no error") } catch {
            #expect(error.message == "module #3 has no filter")
        }
        do { _ = try FieldList.field("mapper[", module: m, in: s.document); Issue.record("no error") } catch {
            #expect(error.message.contains("not a field path"))
        }
    }

    @Test func fieldListOrderAndSections() throws {
        let (bp, s) = try load()
        let fields = FieldList.fields(for: try #require(bp.module(id: 7)), in: s.document)
        #expect(fields.map(\.section).first == .label)
        #expect(fields.prefix(6).map(\.display) == [
            "metadata.designer.name", "filter.name", "filter.conditions[0][0].a", "filter.conditions[0][0].o",
            "filter.conditions[0][0].b", "filter.conditions[0][1].a",
        ])
        // the unary condition offers no b
        #expect(!fields.contains { $0.display == "filter.conditions[0][1].b" })
        #expect(fields.contains { $0.display == "mapper.to[0]" && $0.arrayItem?.index == 0 })
    }
}

@Suite struct FieldDuplicateKeyTests {
    @Test func duplicateKeysAreShownButNeverWritten() throws {
        let text = #"{"name":"x","flow":[{"id":1,"module":"a:b","version":1,"mapper":{"k":"first","k":"second","ok":"y"},"metadata":{"designer":{"x":0,"y":0}}}],"metadata":{}}"#
        let bp = try Blueprint(bytes: Array(text.utf8))
        let fields = FieldList.fields(for: bp.modules[0], in: bp.document)
        let dups = fields.filter { $0.role == .duplicateKey }
        #expect(dups.map(\.value) == [.string("first"), .string("second")])
        var s = EditSession(document: bp.document)
        #expect(throws: FieldError.self) { try FieldEditor.set(dups[1], to: .string("z"), in: &s) }
        #expect(!s.canUndo)
        let ok = try FieldList.field("mapper.ok", module: bp.modules[0], in: bp.document)
        try FieldEditor.set(ok, to: .string("z"), in: &s)
        #expect(s.document.text.contains(#""ok":"z""#))
    }
}
