// Field editing in the detail pane: the field list of the selection (or of the
// scenario), the field cursor, opening editors, and the edits that need no
// editor (toggle, array items). Every change is one undoable step made by
// BlueprintKit's FieldEditor and committed with `apply(session:message:)`.
import BlueprintKit

extension Editor {
    /// True when the detail pane shows the field list (it has the focus).
    public var showsFieldList: Bool { pane == .detail && screen == .main }

    /// The fields the detail pane lists now, cached per owner and document generation.
    public func currentFields() -> [FieldRef] {
        let owner: String
        switch fields.target {
        case .scenario: owner = "scenario"
        case .module: owner = selectedOrOwnerModule.map { "m\($0.path)" } ?? "none"
        }
        if owner != fields.ownerKey {
            fields.ownerKey = owner
            fields.cursor = 0; fields.scroll = 0
        }
        let key = "\(owner)/\(session.generation)/\(session.undoStack.count)"
        if key == fields.cacheKey { return fields.cache }
        let list: [FieldRef]
        switch fields.target {
        case .scenario: list = FieldList.scenarioFields(in: blueprint.document)
        case .module: list = selectedOrOwnerModule.map { FieldList.fields(for: $0, in: blueprint.document) } ?? []
        }
        fields.cacheKey = key
        fields.cache = list
        fields.cursor = max(0, min(fields.cursor, list.count - 1))
        return list
    }

    /// The field under the field cursor.
    public var selectedField: FieldRef? {
        let list = currentFields()
        return fields.cursor < list.count ? list[fields.cursor] : nil
    }

    /// `#3` for a module, `scenario` for scenario settings.
    var fieldOwnerName: String {
        fields.target == .scenario ? "scenario" : (selectedOrOwnerModule?.idText ?? "#?")
    }

    func performFieldAction(_ action: Action) {
        switch action {
        case .fieldDown: moveField(by: 1)
        case .fieldUp: moveField(by: -1)
        case .fieldFirst: moveField(to: 0)
        case .fieldLast: moveField(to: Int.max / 2)
        case .fieldPageDown: moveField(by: max(1, fields.viewportLines - 1))
        case .fieldPageUp: moveField(by: -max(1, fields.viewportLines - 1))
        case .editField: beginFieldEdit()
        case .editFieldExternal: editFieldExternally()
        case .toggleField: toggleSelectedField()
        case .addItem: arrayEdit { (f, s) throws(FieldError) in try FieldEditor.addItem(f, in: &s) }
        case .deleteItem:
            if let f = selectedField, removeLeftOverField(f) { break }     // a field left for review (Review/Editor+LeftOvers.swift)
            arrayEdit { (f, s) throws(FieldError) in try FieldEditor.deleteItem(f, in: &s) }
        case .moveItemDown: arrayEdit { (f, s) throws(FieldError) in try FieldEditor.moveItem(f, by: 1, in: &s) }
        case .moveItemUp: arrayEdit { (f, s) throws(FieldError) in try FieldEditor.moveItem(f, by: -1, in: &s) }
        case .scenarioSettings:
            if pane == .detail && fields.target == .scenario {
                fields.target = .module
                setMessage("fields of \(fieldOwnerName)")
            } else {
                fields.target = .scenario
                showsDetail = true                       // the settings are edited there
                pane = .detail
                setMessage("scenario name and settings (S goes back to the module, Tab to the tree)")
            }
        case .leaveFields:
            pane = .tree
            fields.target = .module
        default:
            // Editor keys arrive here only when no editor is open.
            break
        }
    }

    func moveField(by delta: Int) { moveField(to: fields.cursor + delta) }

    func moveField(to index: Int) {
        let n = currentFields().count
        guard n > 0 else { return }
        fields.cursor = max(0, min(n - 1, index))
    }

    /// Puts the field cursor on the field at `path` (after an edit rebuilt the list).
    func selectField(path: JSONPath) {
        let list = currentFields()
        if let i = list.firstIndex(where: { $0.path == path }) { fields.cursor = i }
    }

    // MARK: edits without an editor

    func toggleSelectedField() {
        guard let f = selectedField else { return }
        guard f.isBoolean else {
            setMessage(f.isTextEditable ? "\(f.display) is not true/false: Enter edits it" : describeUneditable(f))
            return
        }
        var s = session
        do {
            try FieldEditor.toggle(f, in: &s, label: "\(fieldOwnerName) \(f.display)")
            let now = s.document.node(at: f.path).flatMap { s.document.bool($0) } ?? false
            apply(session: s, message: toggleMessage(f, now: now))
            selectField(path: f.path)
        } catch {
            setMessage(error.message, error: true)
        }
    }

    private func toggleMessage(_ f: FieldRef, now: Bool) -> String {
        if case .routeDisabled(let r) = f.role {
            return "route \(r + 1) of \(fieldOwnerName) \(now ? "disabled" : "enabled") (z undoes)"
        }
        return "\(fieldOwnerName) \(f.display) = \(now) (z undoes)"
    }

    func arrayEdit(_ body: (FieldRef, inout EditSession) throws(FieldError) -> JSONPath) {
        guard let f = selectedField else { return }
        var s = session
        do {
            let path = try body(f, &s)
            let label = s.undoStack.last?.label ?? "edit"
            apply(session: s, message: "\(label) (z undoes)")
            selectField(path: path)
        } catch {
            setMessage(error.message, error: true)
        }
    }

    func describeUneditable(_ f: FieldRef) -> String {
        switch f.role {
        case .duplicateKey: return "\(f.display) appears more than once in its object; fix the duplicate in a text editor"
        case .container where f.kind == .array: return "\(f.display) is a list: a adds an item; its items follow"
        case .container: return "\(f.display) is an object: its fields follow"
        default: return "\(f.display) cannot be edited"
        }
    }

    // MARK: commits from editors

    /// Writes `text` into `f`; returns the refusal message when the value does not fit.
    func commitFieldText(_ text: String, for f: FieldRef, asJSON: Bool) -> String? {
        let value: JSONValue
        do { value = try FieldEditor.value(from: text, for: f, input: asJSON ? .json : .typed) } catch {
            return error.message + (error.kind == .refused && !asJSON && !f.holdsString ? " (Ctrl-T takes it as JSON)" : "")
        }
        var s = session
        do {
            let changed = try FieldEditor.set(f, to: value, in: &s, label: "\(fieldOwnerName) \(f.display)")
            guard changed else { setMessage("\(f.display) unchanged"); return nil }
            var msg = "set \(fieldOwnerName) \(f.display)"
            if case .string(let str) = value {
                let refs = ReferenceSummary(text: str, blueprint: blueprint)
                if !refs.references.isEmpty { msg += " · " + refs.countText }
            }
            apply(session: s, message: msg + " (z undoes)")
            selectField(path: f.path)
            return nil
        } catch {
            return error.message
        }
    }
}
