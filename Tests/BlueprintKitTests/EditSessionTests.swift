// Undo/redo of multi-step sessions: every state along the way must come back
// byte for byte, and the modified flag must follow what is on disk.
import Foundation
import Testing
@testable import BlueprintKit

@Suite struct EditSessionTests {
    static let original = "{\n    \"name\": \"S\",\n    \"flow\": [\n        {\n            \"id\": 1,\n            \"version\": 1\n        }\n    ]\n}"

    /// Step 1: bump the version; step 2 (two batches): add a module then label it;
    /// step 3: rename the scenario and remove the first module in one batch.
    func threeSteps(_ s: inout EditSession) throws -> [[UInt8]] {
        var states = [s.document.bytes.array]
        try s.perform("bump version") { (ed: inout JSONEditor) throws(JSONEditError) in
            let d = ed.document
            try ed.apply(d.replaceValue(d.node(at: ["flow", 0, "version"])!, with: .int(2)))
        }
        states.append(s.document.bytes.array)
        try s.perform("add module") { (ed: inout JSONEditor) throws(JSONEditError) in
            try ed.apply(try ed.document.insertElement(ed.document.node(at: ["flow"])!, .object([("id", .int(2))]), at: 1))
            try ed.apply(try ed.document.setMember(ed.document.node(at: ["flow", 1])!, "label", .string("new")))
        }
        states.append(s.document.bytes.array)
        try s.perform("rename and remove") { (ed: inout JSONEditor) throws(JSONEditError) in
            let d = ed.document
            try ed.apply([try d.setMember(d.root, "name", .string("T")), d.remove(d.node(at: ["flow", 0])!)])
        }
        states.append(s.document.bytes.array)
        return states
    }

    @Test func undoAndRedoWalkEveryStateByteForByte() throws {
        var s = EditSession(document: try doc(Self.original))
        let states = try threeSteps(&s)
        #expect(String(decoding: states[3], as: UTF8.self)
                == "{\n    \"name\": \"T\",\n    \"flow\": [\n        {\n            \"id\": 2,\n            \"label\": \"new\"\n        }\n    ]\n}")
        #expect(s.undoStack.map(\.label) == ["bump version", "add module", "rename and remove"])

        #expect(s.undo() == "rename and remove"); #expect(s.document.bytes.array == states[2])
        #expect(s.undo() == "add module"); #expect(s.document.bytes.array == states[1])
        #expect(s.undo() == "bump version"); #expect(s.document.bytes.array == states[0])
        #expect(s.undo() == nil); #expect(s.document.bytes.array == states[0])
        #expect(!s.canUndo && s.canRedo)

        #expect(s.redo() == "bump version"); #expect(s.document.bytes.array == states[1])
        #expect(s.redo() == "add module"); #expect(s.document.bytes.array == states[2])
        #expect(s.redo() == "rename and remove"); #expect(s.document.bytes.array == states[3])
        #expect(s.redo() == nil)
        #expect(s.canUndo && !s.canRedo)
        // the tree is rebuilt too, not only the bytes
        #expect(s.document.int(s.document.node(at: ["flow", 0])!, "id") == 2)
    }

    @Test func aNewEditAfterUndoDropsTheRedoHistory() throws {
        var s = EditSession(document: try doc(Self.original))
        let states = try threeSteps(&s)
        s.undo(); s.undo()
        try s.perform("other") { (ed: inout JSONEditor) throws(JSONEditError) in
            try ed.apply(ed.document.renameKey(ed.document.node(at: ["name"])!, to: "title")!)
        }
        #expect(!s.canRedo)
        #expect(s.redo() == nil)
        #expect(s.document.text.contains("\"title\": \"S\""))
        s.undo()
        #expect(s.document.bytes.array == states[1])
        s.undo()
        #expect(s.document.bytes.array == states[0])
    }

    @Test func modifiedFlagFollowsTheSavedState() throws {
        var s = EditSession(document: try doc(Self.original))
        #expect(!s.isModified)
        _ = try threeSteps(&s)
        #expect(s.isModified)
        s.undo()
        s.markSaved()                       // saved with two steps applied
        #expect(!s.isModified)
        s.redo(); #expect(s.isModified)
        s.undo(); #expect(!s.isModified)
        s.undo(); #expect(s.isModified)
        s.undo(); #expect(s.isModified)     // back at the original, which is not what is on disk
        s.redo(); s.redo(); #expect(!s.isModified)
    }

    @Test func undoingEverythingAfterSaveAtTheStartIsUnmodified() throws {
        var s = EditSession(document: try doc(Self.original))
        _ = try threeSteps(&s)
        s.undo(); s.undo(); s.undo()
        #expect(!s.isModified)
    }

    @Test func aFailingStepChangesNothing() throws {
        var s = EditSession(document: try doc(Self.original))
        _ = try threeSteps(&s)
        let before = s.document.bytes.array
        #expect(throws: JSONEditError.self) {
            try s.perform("bad") { (ed: inout JSONEditor) throws(JSONEditError) in
                try ed.apply(ed.document.renameKey(ed.document.node(at: ["name"])!, to: "x")!)   // succeeds…
                try ed.apply(try ed.document.insertElement(ed.document.root, .null, at: 0))        // …then fails
            }
        }
        #expect(s.document.bytes.array == before)
        #expect(s.undoStack.count == 3)
    }

    @Test func anEmptyStepIsNotRecorded() throws {
        var s = EditSession(document: try doc(Self.original))
        let changed = try s.perform("nothing") { (ed: inout JSONEditor) throws(JSONEditError) in
            try ed.apply([])
            try ed.apply(Splice(5..<5, ""))
        }
        #expect(!changed)
        #expect(!s.canUndo && !s.isModified)
    }

    @Test func resetClearsHistory() throws {
        var s = EditSession(document: try doc(Self.original))
        _ = try threeSteps(&s)
        s.reset(to: try doc("{}"))
        #expect(!s.canUndo && !s.canRedo && !s.isModified)
        #expect(s.document.text == "{}")
    }

    @Test func longSessionOnARealisticDocumentUndoesExactly() throws {
        // 60 steps of mixed edits on a CRLF, 2-space document; then undo all, redo all.
        let start = Layouts.twoSpace.replacingOccurrences(of: "\n", with: "\r\n")
        var s = EditSession(document: try doc(start))
        var states = [s.document.bytes.array]
        for k in 0..<60 {
            try s.perform("step \(k)") { (ed: inout JSONEditor) throws(JSONEditError) in
                let d = ed.document
                let flow = d.node(at: ["flow"])!
                switch k % 4 {
                case 0: try ed.apply(try d.insertElement(flow, .object([("id", .int(k + 10)), ("s", .string("é\n\(k)"))]), at: d.node(flow).count))
                case 1: try ed.apply(try d.setMember(d.node(at: ["flow", 0])!, "k\(k)", .array([.int(k)])))
                case 2: try ed.apply(d.renameKey(d.children(d.root).first { _ in true }!, to: "name\(k)")!)
                default: try ed.apply(d.remove(d.element(flow, d.node(flow).count - 1)!))
                }
            }
            states.append(s.document.bytes.array)
            #expect(s.document.style.newline == "\r\n")
        }
        for k in stride(from: 59, through: 0, by: -1) { s.undo(); #expect(s.document.bytes.array == states[k], "undo to \(k)") }
        for k in 1...60 { s.redo(); #expect(s.document.bytes.array == states[k], "redo to \(k)") }
        #expect(!String(decoding: states[60], as: UTF8.self).replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }
}
