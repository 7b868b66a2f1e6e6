// The undoable edit session. Every user-visible change is one step made of one
// or more splice batches; undo replays the inverse batches in reverse order, so
// undoing every step gives back the original bytes exactly.

/// Applies edits to a document one batch at a time, recording inverses.
public struct JSONEditor: Sendable {
    public private(set) var document: JSONDocument
    var batches: [(forward: [Splice], inverse: [Splice])] = []

    public init(_ document: JSONDocument) { self.document = document }

    /// Applies non-overlapping splices computed against the current document.
    public mutating func apply(_ splices: [Splice]) throws(JSONEditError) {
        let nonEmpty = splices.filter { !($0.range.isEmpty && $0.text.isEmpty) }
        guard !nonEmpty.isEmpty else { return }
        let (doc, inv) = try document.applying(nonEmpty)
        batches.append((nonEmpty, inv))
        document = doc
    }

    public mutating func apply(_ splice: Splice) throws(JSONEditError) { try apply([splice]) }

    /// True when nothing has been applied.
    public var isEmpty: Bool { batches.isEmpty }
}

/// One undoable step.
public struct EditStep: Sendable {
    public var label: String
    var generation: Int
    var batches: [(forward: [Splice], inverse: [Splice])]
}

public struct EditSession: Sendable {
    public private(set) var document: JSONDocument
    public private(set) var undoStack: [EditStep] = []
    public private(set) var redoStack: [EditStep] = []
    /// Bumped on every change; compare with `savedGeneration`.
    public private(set) var generation = 0
    private var savedGeneration = 0
    private var nextGeneration = 1

    public init(document: JSONDocument) { self.document = document }

    public var isModified: Bool { generation != savedGeneration }
    public var canUndo: Bool { !undoStack.isEmpty }
    public var canRedo: Bool { !redoStack.isEmpty }

    /// Runs `body` against an editor; if it applied anything, that becomes one step.
    /// When `body` throws, nothing changes.
    @discardableResult
    public mutating func perform<E: Error>(_ label: String, _ body: (inout JSONEditor) throws(E) -> Void) throws(E) -> Bool {
        var ed = JSONEditor(document)
        try body(&ed)
        guard !ed.isEmpty else { return false }
        document = ed.document
        generation = nextGeneration; nextGeneration += 1
        undoStack.append(EditStep(label: label, generation: generation, batches: ed.batches))
        redoStack.removeAll()
        return true
    }

    /// Records several steps at once (upgrade-all: one step per module), each given as the
    /// splices it makes on the bytes the previous one left and their inverses, while the
    /// document itself goes to the end result in one pass: `edits` (non-overlapping, in the
    /// current document's offsets) applied to the bytes, one reparse. All or nothing.
    mutating func recordSteps(_ steps: [EditStepSplices], edits: [Splice]) throws(JSONEditError) {
        guard !steps.isEmpty else { return }
        let (doc, _) = try document.applying(edits)
        var gen = nextGeneration
        var made: [EditStep] = []
        for s in steps {
            made.append(EditStep(label: s.label, generation: gen, batches: [(s.forward, s.inverse)]))
            gen += 1
        }
        document = doc
        nextGeneration = gen
        generation = gen - 1
        undoStack += made
        redoStack.removeAll()
    }

    /// Undoes the last step; returns its label.
    @discardableResult
    public mutating func undo() -> String? {
        guard let step = undoStack.popLast() else { return nil }
        var doc = document
        for b in step.batches.reversed() {
            // Inverse splices are valid by construction; a failure would be a bug.
            guard let r = try? doc.applying(b.inverse) else { undoStack.append(step); return nil }
            doc = r.document
        }
        document = doc
        redoStack.append(step)
        generation = undoStack.last?.generation ?? 0
        return step.label
    }

    /// Redoes the last undone step; returns its label.
    @discardableResult
    public mutating func redo() -> String? {
        guard let step = redoStack.popLast() else { return nil }
        var doc = document
        for b in step.batches {
            guard let r = try? doc.applying(b.forward) else { redoStack.append(step); return nil }
            doc = r.document
        }
        document = doc
        undoStack.append(step)
        generation = step.generation
        return step.label
    }

    /// Marks the current document as what is on disk.
    public mutating func markSaved() { savedGeneration = generation }

    /// Replaces the document wholesale (e.g. after reloading from disk); clears history.
    public mutating func reset(to doc: JSONDocument) {
        document = doc
        undoStack = []; redoStack = []
        generation = 0; savedGeneration = 0; nextGeneration = 1
    }
}
