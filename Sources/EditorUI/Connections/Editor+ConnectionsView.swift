// The connections view's behaviour (`C`): move over the table, `Enter` lists the
// modules using the selected entry (and `Enter` there goes to one in the tree),
// `s` swaps it everywhere through the picker, `r` renames its label, `x` clears
// it from every module (after y/n). Each edit is one undoable step.
import BlueprintKit

extension Editor {
    /// Opens the connections view (`C`).
    public func openConnectionsView() {
        connectionUI.view = ConnectionsViewState()
        screen = .connections
        screenScroll = 0
    }

    /// The table's entries in display order (section by section), with the inventory.
    func connectionTable() -> (ConnectionInventory, [ConnectionSection], [ConnectionEntry]) {
        let inv = connectionInventory()
        let sections = ConnectionSection.sections(inv)
        let flat = sections.flatMap(\.entries)
        var v = connectionUI.view
        if let f = v.follow, let i = flat.firstIndex(where: { $0.kind == f.kind && $0.id == f.id }) { v.cursor = i }
        v.follow = nil
        v.cursor = max(0, min(v.cursor, flat.count - 1))
        connectionUI.view = v
        return (inv, sections, flat)
    }

    /// The entry under the cursor of the connections view.
    public var selectedConnectionEntry: ConnectionEntry? {
        let (_, _, flat) = connectionTable()
        return flat.indices.contains(connectionUI.view.cursor) ? flat[connectionUI.view.cursor] : nil
    }

    func handleConnectionsViewKey(_ key: Key) {
        switch connectionUI.view.stage {
        case .rename(let text):
            switch LineKey.apply(key, to: text) {
            case .changed(let t): connectionUI.view.stage = .rename(text: t)
            case .cancel: connectionUI.view.stage = .table; setMessage("label unchanged")
            case .submit: connectionUI.view.stage = .table; renameSelectedConnection(to: text)
            case .none: break
            }
            return
        case .confirmClear:
            switch yesNo(key) {
            case true?: connectionUI.view.stage = .table; clearSelectedConnection()
            case false?: connectionUI.view.stage = .table; setMessage("nothing cleared")
            case nil: break
            }
            return
        case .table, .users: break
        }
        message = nil
        guard let action = keyTable.action(for: key, in: .connections) else {
            if key != .escape { setMessage("\(key.displayName) is not bound in the connections view; press ? for help") }
            else { performConnections(.cancel) }
            return
        }
        performConnections(action)
    }

    func performConnections(_ action: Action) {
        let (_, _, flat) = connectionTable()
        let v = connectionUI.view
        let entry = flat.indices.contains(v.cursor) ? flat[v.cursor] : nil
        let page = max(1, viewportRows - 1)
        func move(_ to: Int) {
            if case .users = v.stage {
                let n = entry?.users.count ?? 0
                connectionUI.view.stage = .users(cursor: n == 0 ? 0 : max(0, min(n - 1, to)))
            } else {
                connectionUI.view.cursor = flat.isEmpty ? 0 : max(0, min(flat.count - 1, to))
            }
        }
        let at: Int = { if case .users(let c) = v.stage { return c }; return v.cursor }()
        switch action {
        case .moveDown: move(at + 1)
        case .moveUp: move(at - 1)
        case .pageDown: move(at + page)
        case .pageUp: move(at - page)
        case .moveTop: move(0)
        case .moveBottom: move(Int.max / 2)
        case .cancel:
            if case .users = v.stage { connectionUI.view.stage = .table } else { screen = .main }
        case .connectionModules:
            guard let entry else { setMessage("this scenario uses no connections"); return }
            if case .users(let c) = v.stage {
                guard entry.users.indices.contains(c) else { return }
                let mi = entry.users[c].moduleIndex
                screen = .main
                pane = .tree
                if attentionOnly && !rows.contains(where: { $0.moduleIndex == mi }) { attentionOnly = false; rebuildRows() }
                select(moduleIndex: mi)
                connectionUI.view.stage = .table
            } else {
                connectionUI.view.stage = .users(cursor: 0)
            }
        case .connectionSwap:
            guard let entry, let id = usable(entry, "swap") else { return }
            openSwapPicker(kind: entry.kind, id: id)
        case .connectionRename:
            guard let entry, usable(entry, "rename") != nil else { return }
            guard entry.users.contains(where: \.hasRestoreEntry) else {
                setMessage("no module keeps a label for \(entry.title): nothing to rename", error: true)
                return
            }
            connectionUI.view.stage = .rename(text: entry.label ?? "")
        case .connectionClear:
            guard let entry, usable(entry, "clear") != nil else { return }
            connectionUI.view.stage = .confirmClear
        case .help, .undo, .redo, .save: perform(action)
        case .redraw: wantsFullRedraw = true
        default: setMessage("not available in the connections view")
        }
    }

    /// The entry's id, or nil (with a message) for the "not set" group.
    private func usable(_ e: ConnectionEntry, _ verb: String) -> AccountID? {
        guard let id = e.id else {
            setMessage("these modules have no \(e.kind.title) to \(verb): Enter lists them, then c on a module picks one", error: true)
            return nil
        }
        return id
    }

    func renameSelectedConnection(to text: String) {
        guard let e = selectedConnectionEntry, let id = e.id else { return }
        let label = text.trimmingCharacters(in: " ")
        guard !label.isEmpty else { setMessage("label unchanged: a label cannot be empty", error: true); return }
        var s = session
        do {
            let used = try ConnectionEditor.rename(e.kind, id: id, label: label, in: &s)
            if s.undoStack.count == session.undoStack.count { setMessage("\(e.title) is already labelled \(JSONWriter.quoted(label))"); return }
            commit(s)
            connectionUI.view.follow = (e.kind, id)
            setMessage("labelled \(e.title) \(JSONWriter.quoted(label)) in \(moduleList(used.filter(\.hasRestoreEntry)))")
        } catch {
            setMessage("not renamed: \(error)", error: true)
        }
    }

    func clearSelectedConnection() {
        guard let e = selectedConnectionEntry, let id = e.id else { return }
        var s = session
        do {
            let used = try ConnectionEditor.clear(e.kind, id: id, in: &s)
            commit(s)
            setMessage("cleared \(e.title) from \(moduleList(used)); c on a module picks a new one")
        } catch {
            setMessage("not cleared: \(error)", error: true)
        }
    }
}
