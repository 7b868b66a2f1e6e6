// The open field editor: opening it on the selected field, its keys (looked up in
// the lineEditor / textEditor contexts of the key table, so they can be rebound),
// commit and cancel, and the round trip through $EDITOR.
import BlueprintKit

extension Editor {
    /// Long or multi-line values open in the multi-line editor.
    static let multiLineThreshold = 120

    func beginFieldEdit() {
        guard let f = selectedField else { setMessage("no field here"); return }
        if f.isBoolean { toggleSelectedField(); return }
        guard f.isTextEditable else { setMessage(describeUneditable(f)); return }
        let text = f.editText
        let multi = text.contains("\n") || text.count > Editor.multiLineThreshold
        fields.edit = FieldEdit(field: f, owner: fieldOwnerName, mode: multi ? .text(MultiLineEditor(text)) : .line(LineEditor(text)))
    }

    func handleFieldEditKey(_ key: Key) {
        guard var ed = fields.edit else { return }
        let context: KeyContext = ed.isMultiLine ? .textEditor : .lineEditor
        let action = keyTable.exactAction(for: key, in: context)
        if action != .editCancel { ed.escapeArmed = false }
        ed.error = nil
        switch action {
        case .editCommit:
            if let refusal = commitFieldText(ed.text, for: ed.field, asJSON: ed.asJSON) {
                ed.error = refusal
                setMessage(refusal, error: true)
            } else {
                fields.edit = nil
                return
            }
        case .editCancel:
            if ed.isMultiLine && ed.text != ed.field.editText && !ed.escapeArmed {
                ed.escapeArmed = true
                setMessage("Esc again discards your changes; Ctrl-S commits them")
            } else {
                fields.edit = nil
                setMessage("edit cancelled; \(ed.field.display) unchanged")
                return
            }
        case .toggleJSONInput:
            ed.asJSON.toggle()
            setMessage(ed.asJSON ? "the text is taken as JSON: the value may change type (Ctrl-T: as typed)" : "the text is taken as typed; the type is kept")
        case .openMultiLine:
            if case .line(let l) = ed.mode { ed.mode = .text(MultiLineEditor(l.text)) }
        case .suggestNext, .suggestPrev:
            let list = ed.suggestions
            if !list.isEmpty, case .line(var l) = ed.mode {
                let cur = ed.suggestion ?? list.firstIndex(of: l.text) ?? -1
                let next = action == .suggestNext ? min(list.count - 1, cur + 1) : max(0, cur - 1)
                l.setText(list[next])
                ed.mode = .line(l)
                ed.suggestion = next
            }
            fields.edit = ed
            return
        case .some(let a):
            ed.mode = Editor.edited(ed.mode, a, width: ed.textWidth, height: ed.textHeight)
        case .none:
            switch key {
            case .char(let c): ed.mode = Editor.inserting(String(c), into: ed.mode)
            case .tab: ed.mode = Editor.inserting("\t", into: ed.mode)
            default: break
            }
        }
        // Typing filters the suggestions again.
        if case .line(let l) = ed.mode, l.text != ed.query ?? ed.field.editText { ed.query = l.text; ed.suggestion = nil }
        fields.edit = ed
    }

    /// Applies a cursor or deletion action to either editor.
    static func edited(_ mode: FieldEdit.Mode, _ a: Action, width: Int, height: Int) -> FieldEdit.Mode {
        switch mode {
        case .line(var l):
            switch a {
            case .cursorLeft: l.left()
            case .cursorRight: l.right()
            case .wordLeft: l.wordLeft()
            case .wordRight: l.wordRight()
            case .lineStart: l.home()
            case .lineEnd: l.end()
            case .deleteBack: l.deleteBackward()
            case .deleteForward: l.deleteForward()
            case .killToEnd: l.killToEnd()
            case .killToStart: l.killToStart()
            case .deleteWordBack: l.deleteWordBackward()
            default: break
            }
            return .line(l)
        case .text(var t):
            switch a {
            case .editNewline: t.newline()
            case .cursorLeft: t.left()
            case .cursorRight: t.right()
            case .cursorUp: t.moveVertically(-1, width: width)
            case .cursorDown: t.moveVertically(1, width: width)
            case .editPageUp: t.moveVertically(-max(1, height - 1), width: width)
            case .editPageDown: t.moveVertically(max(1, height - 1), width: width)
            case .wordLeft: t.wordLeft()
            case .wordRight: t.wordRight()
            case .lineStart: t.home()
            case .lineEnd: t.end()
            case .deleteBack: t.deleteBackward()
            case .deleteForward: t.deleteForward()
            case .killToEnd: t.killToEnd()
            case .killToStart: t.killToStart()
            case .deleteWordBack: t.deleteWordBackward()
            default: break
            }
            t.scrollToCursor(width: width, height: height)
            return .text(t)
        }
    }

    static func inserting(_ s: String, into mode: FieldEdit.Mode) -> FieldEdit.Mode {
        switch mode {
        case .line(var l): l.insert(s); return .line(l)
        case .text(var t): t.insert(s); return .text(t)
        }
    }

    // MARK: $EDITOR

    func editFieldExternally() {
        guard let f = selectedField else { setMessage("no field here"); return }
        guard f.isTextEditable else { setMessage(f.isBoolean ? "\(f.display) is true/false: Space flips it" : describeUneditable(f)); return }
        guard let run = runExternalEditor else {
            setMessage("no external editor in this session; Enter edits here", error: true)
            return
        }
        let original = f.editText
        wantsFullRedraw = true
        guard var edited = run(original) else {
            setMessage("the external editor failed or was cancelled; \(f.display) unchanged", error: true)
            return
        }
        // Editors add a final newline; drop one unless the value had it.
        if edited.hasSuffix("\n") && !original.hasSuffix("\n") { edited.removeLast() }
        if edited == original { setMessage("\(f.display) unchanged"); return }
        if let refusal = commitFieldText(edited, for: f, asJSON: false) {
            // Keep the person's text: reopen it in the editor with the reason.
            var ed = FieldEdit(field: f, owner: fieldOwnerName, mode: .text(MultiLineEditor(edited)))
            ed.error = refusal
            fields.edit = ed
            setMessage(refusal, error: true)
        }
    }
}
