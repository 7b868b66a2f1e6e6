// The connection picker's behaviour: opening it for a module (from any screen; it
// sits on top and, closed, leaves that screen exactly as it was), type-ahead,
// `t` all types, `n` a new id and label, `Enter` assigns as one undoable step,
// then "apply to the N other modules using <old label>? (y/n)", which is
// `scened connections --swap OLD=NEW` as one more step.
//
// Type-ahead: a printable key that is not a picker command (j k g G t n q / ?)
// starts the filter; while the filter line is open every printable key goes
// to it, Backspace widens it (and closes it when empty), Esc clears it.
// `/` opens an empty filter line (to start with one of those letters);
// arrows, Enter, Tab, Ctrl-T and Ctrl-N keep working while filtering.
import BlueprintKit

extension Editor {
    /// The open connection picker, if any.
    public var connectionPicker: ConnectionPicker? { connectionUI.picker }

    /// The inventory of the current document with the loaded team list.
    public func connectionInventory() -> ConnectionInventory {
        ConnectionInventory(blueprint: blueprint, team: services.team)
    }

    /// Opens the connection picker for module `moduleIndex` (an index into `blueprint.modules`)
    /// on top of the current screen. `parameter` picks one of its account parameters (default:
    /// its first connection parameter, else its first account parameter). When the module has
    /// none, shows a message and returns false. When the picker closes (assigned or cancelled)
    /// the screen it was opened from is shown again, unchanged; `connectionUI.lastPickerOutcome`
    /// then says what happened.
    @discardableResult
    public func openConnectionPicker(moduleIndex: Int, parameter: String? = nil) -> Bool {
        guard blueprint.modules.indices.contains(moduleIndex) else {
            setMessage("there is no module at index \(moduleIndex)", error: true)
            return false
        }
        let m = blueprint.modules[moduleIndex]
        guard let ref = parameter.map({ p in m.accounts.first { $0.parameter == p } }) ?? m.connections.first ?? m.accounts.first else {
            if let parameter {
                setMessage("\(m.idText) \(m.moduleName) has no account parameter \(parameter)", error: true)
            } else {
                setMessage("\(m.idText) \(m.moduleName.isEmpty ? "(no module)" : m.moduleName) has no connection parameter: nothing to pick")
            }
            return false
        }
        let inv = connectionInventory()
        let current = AccountID(ref.value)
        // as the tree names it: the label, else the catalog's title (not the module name twice)
        let name = m.label.flatMap { $0.isEmpty ? nil : $0 } ?? TreeView.readableName(m, badges[moduleIndex], glyphs)
        connectionUI.picker = ConnectionPicker(
            target: .module(index: moduleIndex, parameter: ref.parameter), kind: ref.kind,
            title: [ref.kind.title.capitalizedFirst + " for \(m.idText) \(name)", m.moduleName, ref.parameter]
                .joined(separator: glyphs.isUnicode ? " · " : " - "),
            accepted: inv.acceptedTypes(module: moduleIndex, parameter: ref.parameter), current: current,
            currentLabel: (ref.label ?? current.flatMap { inv.entry(ref.kind, id: $0)?.label }).flatMap { $0.isEmpty ? nil : $0 },
            all: inv.candidates(module: moduleIndex, parameter: ref.parameter, includeRejected: true),
            parameters: m.accounts.map(\.parameter))
        connectionUI.lastPickerOutcome = nil
        message = nil
        return true
    }

    /// Opens the picker to replace account `id` in every module that uses it (connections view `s`).
    /// A candidate counts as accepted only when every one of those parameters accepts it.
    @discardableResult
    func openSwapPicker(kind: AccountKind, id: AccountID) -> Bool {
        let inv = connectionInventory()
        guard let e = inv.entry(kind, id: id), !e.users.isEmpty else {
            setMessage("no module uses \(kind.title) \(id.text)", error: true)
            return false
        }
        var order: [AccountID] = []
        var byId: [AccountID: ConnectionCandidate] = [:]
        var accepted: [String]?
        for u in e.users {
            if !u.accepted.isEmpty { accepted = accepted.map { a in a.filter(u.accepted.contains) } ?? u.accepted }
            for c in inv.candidates(module: u.moduleIndex, parameter: u.parameter, includeRejected: true) {
                guard let cid = AccountID(c.choice.id), cid != id else { continue }
                if var have = byId[cid] {
                    // Accepted only where every user accepts it; unknown when any user cannot tell.
                    have.accepted = have.accepted == false || c.accepted == false ? false
                                  : (have.accepted == nil || c.accepted == nil ? nil : true)
                    byId[cid] = have
                } else {
                    var c = c
                    c.isCurrent = false
                    order.append(cid)
                    byId[cid] = c
                }
            }
        }
        let n = e.users.count
        connectionUI.picker = ConnectionPicker(
            target: .swap(kind: kind, id: id), kind: kind,
            title: "Swap \(kind.title) \(id.text)\(e.label.map { " " + JSONWriter.quoted($0) } ?? "") in \(n) module\(n == 1 ? "" : "s")",
            accepted: accepted ?? [], current: id, currentLabel: e.label, all: order.compactMap { byId[$0] })
        connectionUI.lastPickerOutcome = nil
        return true
    }

    func closePicker(_ outcome: ConnectionPickerOutcome) {
        connectionUI.picker = nil
        connectionUI.lastPickerOutcome = outcome
        // opened from the review with `c`: the review catches up and continues,
        // keeping the picker's message
        if screen == .review, review?.onScreen == false {
            reviewPickerClosed()
            let (text, isError) = (message, messageIsError)
            returnToReview()
            if let text { setMessage(text, error: isError) }
        }
    }

    // MARK: keys

    func handlePickerKey(_ key: Key) {
        guard let p = connectionUI.picker else { return }
        switch p.stage {
        case .list: handlePickerListKey(key)
        case .newId(let text, _):
            switch LineKey.apply(key, to: text) {
            case .changed(let t): connectionUI.picker?.stage = .newId(text: t, error: nil)
            case .cancel: connectionUI.picker?.stage = .list
            case .submit:
                if let err = ConnectionPicker.validateNewId(text, kind: p.kind.title) {
                    connectionUI.picker?.stage = .newId(text: text, error: err)
                } else {
                    let id = text.trimmingCharacters(in: " ")
                    let known = connectionInventory().choice(p.kind, id: ConnectionChoice(idText: id).id).label
                    connectionUI.picker?.stage = .newLabel(id: id, text: known ?? "")
                }
            case .none: break
            }
        case .newLabel(let id, let text):
            switch LineKey.apply(key, to: text) {
            case .changed(let t): connectionUI.picker?.stage = .newLabel(id: id, text: t)
            case .cancel: connectionUI.picker?.stage = .newId(text: id, error: nil)
            case .submit:
                var choice = connectionInventory().choice(p.kind, id: ConnectionChoice(idText: id).id)
                let label = text.trimmingCharacters(in: " ")
                if !label.isEmpty { choice.label = label }
                // an id nobody knows the type of, for a parameter that takes one type: that type
                if choice.type == nil, p.kind == .connection, p.accepted.count == 1 { choice.type = p.accepted[0] }
                pickerAssign(choice, force: false)
            case .none: break
            }
        case .confirmIncompatible(let choice):
            switch yesNo(key) {
            case true?: pickerAssign(choice, force: true)
            case false?: connectionUI.picker?.stage = .list; setMessage("not assigned")
            case nil: break
            }
        case .applyToOthers(let old, let oldLabel, let count, let choice, let force):
            switch yesNo(key) {
            case true?: applyToOthers(old: old, oldLabel: oldLabel, choice: choice, force: force)
            case false?:
                closePicker(.assigned(id: AccountID(choice.id) ?? old, modules: 1))
                setMessage((message.map { $0 + "; " } ?? "") + "\(count) other module\(count == 1 ? " keeps" : "s keep") \(JSONWriter.quoted(oldLabel))")
            case nil: break
            }
        }
    }

    /// y / n (Esc, q) for the picker's questions; nil for any other key.
    func yesNo(_ key: Key) -> Bool? {
        if key == .escape { return false }
        guard case .char(let c) = key else { return nil }
        switch c.lowercased() {
        case "y": return true
        case "n", "q": return false
        default: return nil
        }
    }

    func handlePickerListKey(_ key: Key) {
        guard let p = connectionUI.picker else { return }
        if p.filter != nil {
            switch key {
            case .char(let c): connectionUI.picker?.refilter { $0.filter?.append(c) }; return
            case .backspace:
                connectionUI.picker?.refilter { if $0.filter?.isEmpty == true { $0.filter = nil } else { $0.filter?.removeLast() } }
                return
            case .ctrl("u"): connectionUI.picker?.refilter { $0.filter = "" }; return
            case .escape: connectionUI.picker?.refilter { $0.filter = nil }; return
            default: break
            }
        }
        if let action = keyTable.action(for: key, in: .picker) { performPicker(action); return }
        if case .char(let c) = key, c != " " {
            connectionUI.picker?.refilter { $0.filter = String(c) }
            return
        }
        if key == .escape { closePicker(.cancelled); return }
        setMessage("\(key.displayName) does nothing in the picker: Enter assigns, Esc closes")
    }

    func performPicker(_ action: Action) {
        guard let p = connectionUI.picker else { return }
        let page = max(1, connectionUI.pickerPage - 1)
        switch action {
        case .moveDown: connectionUI.picker?.move(to: p.cursor + 1)
        case .moveUp: connectionUI.picker?.move(to: p.cursor - 1)
        case .pageDown: connectionUI.picker?.move(to: p.cursor + page)
        case .pageUp: connectionUI.picker?.move(to: p.cursor - page)
        case .moveTop: connectionUI.picker?.move(to: 0)
        case .moveBottom: connectionUI.picker?.move(to: Int.max / 2)
        case .cancel:
            closePicker(.cancelled)
            setMessage("connection unchanged")
        case .pickerToggleAll:
            connectionUI.picker?.refilter { $0.showAll.toggle() }
        case .pickerFilter:
            if p.filter == nil { connectionUI.picker?.refilter { $0.filter = "" } }
        case .pickerNew:
            connectionUI.picker?.stage = .newId(text: "", error: nil)
        case .pickerNextParameter:
            guard case .module(let i, let param) = p.target, p.parameters.count > 1,
                  let k = p.parameters.firstIndex(of: param) else {
                setMessage("this module has no other connection, webhook or key parameter")
                return
            }
            openConnectionPicker(moduleIndex: i, parameter: p.parameters[(k + 1) % p.parameters.count])
        case .pickerAssign:
            guard let c = p.selected else {
                setMessage(p.all.isEmpty ? "no \(p.kind.title) to choose from: n enters a new id"
                                         : "nothing matches: Backspace widens the filter, t shows all types, n enters a new id")
                return
            }
            if c.isCurrent {
                closePicker(.cancelled)
                setMessage("already uses \(p.kind.title) \(AccountID(c.choice.id)?.text ?? "?"); nothing changed")
                return
            }
            var choice = connectionInventory().choice(p.kind, id: c.choice.id)
            if choice.label == nil { choice.label = c.choice.label }
            if choice.type == nil { choice.type = c.choice.type }
            if choice.scoped == nil { choice.scoped = c.choice.scoped }
            if c.accepted == false { connectionUI.picker?.stage = .confirmIncompatible(choice); return }
            pickerAssign(choice, force: false)
        case .redraw: wantsFullRedraw = true
        case .help: openHelp()
        default:
            setMessage("not available in the picker: Enter assigns, Esc closes")
        }
    }

    // MARK: edits

    /// Assigns `choice` (one undoable step); then asks about other modules using the old one.
    func pickerAssign(_ choice: ConnectionChoice, force: Bool) {
        guard let p = connectionUI.picker else { return }
        let newId = AccountID(choice.id) ?? AccountID(choice.id.compactText)
        let inv = connectionInventory()
        var s = session
        switch p.target {
        case .module(let idx, let param):
            let others = p.current.flatMap { inv.entry(p.kind, id: $0) }?.users
                .filter { !($0.moduleIndex == idx && $0.parameter == param) } ?? []
            do {
                try ConnectionEditor.set(module: idx, parameter: param, to: choice, in: &s, force: force)
            } catch {
                if error.isTypeMismatchError { connectionUI.picker?.stage = .confirmIncompatible(choice) }
                else { connectionUI.picker?.stage = .list; setMessage("not assigned: \(error)", error: true) }
                return
            }
            commit(s)
            let m = blueprint.modules[idx]
            let what = m.accounts.count > 1 ? "\(m.idText) \(param)" : m.idText
            // The label (and type) go into the module's restore entry; a module without one
            // (an old export, or one just upgraded) keeps only the id: say so.
            let kept = m.accounts.first { $0.parameter == param }
            let lost = choice.label != nil && kept?.label != choice.label
            setMessage("\(what) now uses \(p.kind.title) \(newId.text)"
                       + (lost ? " (its label \(JSONWriter.quoted(choice.label ?? "")) is not stored: \(m.idText) keeps no restore entry for \(param))"
                               : describe(choice))
                       + teamNote(p.kind, newId, inv))
            // While the question waits, the list shows the document as it is now.
            let now = connectionInventory()
            connectionUI.picker?.refilter { picker in
                picker.all = now.candidates(module: idx, parameter: param, includeRejected: true)
                picker.current = newId
                picker.currentLabel = choice.label ?? picker.currentLabel
            }
            if let old = p.current, old != newId, !others.isEmpty {
                connectionUI.picker?.stage = .applyToOthers(old: old, oldLabel: p.currentLabel ?? old.text, count: others.count,
                                                            choice: choice, force: force)
            } else {
                closePicker(.assigned(id: newId, modules: 1))
            }
        case .swap(let kind, let old):
            do {
                let used = try ConnectionEditor.swap(kind, from: old, to: choice, in: &s, force: force)
                commit(s)
                connectionUI.view.follow = (kind, newId)
                closePicker(.assigned(id: newId, modules: used.count))
                setMessage("swapped \(kind.title) \(old.text) for \(newId.text)\(describe(choice)) in \(moduleList(used))\(teamNote(kind, newId, inv))")
            } catch {
                if error.isTypeMismatchError { connectionUI.picker?.stage = .confirmIncompatible(choice) }
                else { connectionUI.picker?.stage = .list; setMessage("not swapped: \(error)", error: true) }
            }
        }
    }

    /// "apply to others": `scened connections --swap OLD=NEW` on the document, one more undoable step.
    func applyToOthers(old: AccountID, oldLabel: String, choice: ConnectionChoice, force: Bool) {
        guard let p = connectionUI.picker else { return }
        let newId = AccountID(choice.id) ?? AccountID(choice.id.compactText)
        var s = session
        do {
            let used = try ConnectionEditor.swap(p.kind, from: old, to: choice, in: &s, force: force)
            commit(s)
            closePicker(.assigned(id: newId, modules: 1 + used.count))
            setMessage("also switched \(moduleList(used)) from \(JSONWriter.quoted(oldLabel)) to \(p.kind.title) \(newId.text)\(describe(choice))")
        } catch {
            closePicker(.assigned(id: newId, modules: 1))
            setMessage("not applied to the others: \(error)", error: true)
        }
    }

    func describe(_ c: ConnectionChoice) -> String {
        var parts: [String] = []
        if let l = c.label { parts.append(JSONWriter.quoted(l)) }
        if let t = c.type { parts.append(t) }
        return parts.isEmpty ? "" : " (" + parts.joined(separator: ", ") + ")"
    }

    func moduleList(_ used: [ConnectionUse]) -> String {
        let ids = used.map { $0.moduleId.map { "#\($0)" } ?? "#?" }
        return "\(used.count) module\(used.count == 1 ? "" : "s") (\(ids.joined(separator: ", ")))"
    }

    func teamNote(_ kind: AccountKind, _ id: AccountID, _ inv: ConnectionInventory) -> String {
        guard kind == .connection, let team = inv.team, id.isNumeric, team.connection(id: id) == nil else { return "" }
        return "; not in the team list \(team.source)"
    }
}

/// Keys of the picker's and connections view's one-line prompts.
enum LineKey: Equatable {
    case changed(String), submit, cancel, none

    static func apply(_ key: Key, to text: String) -> LineKey {
        switch key {
        case .escape, .ctrl("c"), .ctrl("g"): return .cancel
        case .enter: return .submit
        case .backspace: return text.isEmpty ? .none : .changed(String(text.dropLast()))
        case .ctrl("u"): return .changed("")
        case .ctrl("w"):
            var t = text
            while t.last == " " { t.removeLast() }
            while let c = t.last, c != " " { t.removeLast() }
            return .changed(t)
        case .char(let c): return .changed(text + String(c))
        default: return .none
        }
    }
}

extension ConnectionEditError {
    var isTypeMismatchError: Bool { if case .typeNotAccepted = self { return true }; return false }
}

extension String {
    /// `connection` → `Connection`.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
