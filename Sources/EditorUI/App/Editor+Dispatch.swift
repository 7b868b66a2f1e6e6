// Key dispatch: prompts and confirmations take keys first, then the key table
// maps the key to an action for the current context.
import BlueprintKit

extension Editor {
    /// Handles one key. Returns false when the editor wants to quit.
    @discardableResult
    public func handle(_ key: Key) -> Bool {
        if key == .resize { return !wantsQuit }
        // While an upgrade-all runs, only cancel and redraw act (App/Editor+Work.swift).
        if work != nil { handleBusyKey(key); return !wantsQuit }
        // Below the minimum size nothing but "terminal too small" is drawn: only `q`
        // (and a question it asks, shown there) may act, never keys on a hidden screen.
        if terminalTooSmall { handleTooSmallKey(key); return !wantsQuit }
        if case .mouse(let m) = key { return handleMouse(m) }
        // `?` in the picker shows help over it; the picker takes keys again once help closes
        if connectionUI.picker != nil && !helpOverPicker { handlePickerKey(key); return !wantsQuit }
        if tools.picker != nil && screen == .main { handleToolPickerKey(key); return !wantsQuit }
        if prompt != nil { handlePromptKey(key); return !wantsQuit }
        if fields.edit != nil { handleFieldEditKey(key); return !wantsQuit }
        if confirm != nil { handleConfirmKey(key); return !wantsQuit }
        if screen == .connections { handleConnectionsViewKey(key); return !wantsQuit }
        message = nil
        guard let action = keyTable.action(for: key, in: keyContext) else {
            if case .main = screen, key != .escape {
                let keys = keyTable.keys(for: .help)
                setMessage("\(key.displayName) is not bound here; press \(keys.first?.displayName ?? "?") for help")
            } else if screen == .review, key != .escape {
                // e.g. w or Ctrl-R: say so rather than nothing happening
                let help = keyTable.keys(for: .help, in: .review).first?.displayName ?? "?"
                let leave = keyTable.keys(for: .reviewPause, in: .review).first?.displayName ?? "Esc"
                setMessage("\(key.displayName) does nothing in the review; \(help) lists its keys, \(leave) leaves it (R resumes)")
            }
            if key == .escape, screen != .main { closeScreen() }
            return !wantsQuit
        }
        perform(action)
        return !wantsQuit
    }

    /// A key while the terminal is too small to draw the editor (EditorView.render): `q`
    /// quits (asking first when there are unsaved changes, as everywhere), an open question
    /// or prompt (drawn on the too-small screen) takes its keys, Ctrl-L redraws; any
    /// other key does nothing, so nothing changes where it cannot be seen.
    func handleTooSmallKey(_ key: Key) {
        if case .mouse = key { return }
        if key == .ctrl("l") { wantsFullRedraw = true; return }
        if prompt != nil { handlePromptKey(key); return }
        if confirm != nil { handleConfirmKey(key); return }
        if key == .char("q") {
            if isModified { confirm = .quit } else { wantsQuit = true }
            return
        }
        setMessage("the terminal is too small: enlarge it, or press q to quit")
    }

    public func perform(_ action: Action) {
        switch action {
        case .moveDown: move(by: 1)
        case .moveUp: move(by: -1)
        case .pageDown: move(by: max(1, pageSize - 1))
        case .pageUp: move(by: -max(1, pageSize - 1))
        case .moveTop: move(to: 0)
        case .moveBottom: move(to: Int.max)
        case .toggleExpand: toggleExpand()
        case .switchPane:
            // only where the panes are on screen (Tab in the review or help used to move
            // the hidden focus, so leaving them landed in the other pane)
            guard screen == .main else {
                if screen == .review { setMessage("Tab does nothing in the review; Esc leaves it (R resumes)") }
                return
            }
            if !showsDetail { showsDetail = true }         // Tab reaches a hidden detail pane by showing it
            pane = pane == .tree ? .detail : .tree
        case .toggleDetail:
            showsDetail.toggle()
            setMessage(showsDetail ? "detail pane shown" : "detail pane hidden (D or Tab shows it)")
        case .search: prompt = Prompt(kind: .search)
        case .searchNext: searchAgain(forward: true)
        case .searchPrev: searchAgain(forward: false)
        case .gotoModule: prompt = Prompt(kind: .gotoModule)
        case .toggleAttention:
            attentionOnly.toggle()
            rebuildRows()
            setMessage(attentionOnly ? "showing \(rows.count) module\(rows.count == 1 ? "" : "s") that need attention (o shows all)" : "showing all modules")
        case .upgrade: upgradeSelected()
        case .upgradeAll: askUpgradeAll()
        case .learnUpgrade: startLearn()
        case .undo: undo()
        case .redo: redo()
        case .showDiff: showDiff()
        case .save: save()
        case .saveAs: prompt = Prompt(kind: .saveAs, text: path ?? "")
        case .quit:
            if isModified { confirm = .quit } else { wantsQuit = true }
        case .redraw: wantsFullRedraw = true
        case .help: openHelp()
        case .cancel:
            // help opened from the review or the connections view goes back to it
            if screen == .help, let back = helpReturnScreen {
                screen = back
                screenScroll = 0
            } else {
                closeScreen()
            }
            helpReturnScreen = nil
            helpOverPicker = false
        case .connectionPicker:
            guard let m = selectedModule else { setMessage("select a module to pick its connection"); return }
            openConnectionPicker(moduleIndex: m.index)
        case .connectionsView: openConnectionsView()
        case .review: startOrResumeReview()
        case .reviewConnection: reviewPickConnection()
        case .remapSource, .swapExpression, .copyMapping, .copyFilter, .highlightApp, .swapApp, .searchMode,
             .toolChoose, .toolMark, .toolFilter:
            performTool(action)
        case .reviewApply, .reviewSkip, .reviewApplyAll, .reviewMark, .reviewJump, .reviewPause, .reviewEnd, .reviewUndo:
            performReviewAction(action)
        default: performFieldAction(action)
        }
    }

    var pageSize: Int {
        switch screen {
        case .main: return pane == .tree ? viewportRows : max(1, viewportRows / 2)
        default: return viewportRows
        }
    }

    func move(by delta: Int) {
        switch screen {
        case .help, .diff, .connections:
            screenScroll = max(0, screenScroll + delta)
        case .review: reviewScroll(by: delta)
        case .main:
            if pane == .detail { detailScroll = max(0, detailScroll + delta); return }
            move(to: cursor + delta)
        }
    }

    func move(to row: Int) {
        switch screen {
        case .help, .diff, .connections:
            screenScroll = row <= 0 ? 0 : Int.max / 2
        case .review: reviewScroll(to: row)
        case .main:
            if pane == .detail { detailScroll = row <= 0 ? 0 : Int.max / 2; return }
            guard !rows.isEmpty else { return }
            let new = max(0, min(rows.count - 1, row))
            if new != cursor { detailScroll = 0 }
            cursor = new
        }
    }

    func toggleExpand() {
        guard cursor < rows.count, rows[cursor].collapsible else {
            if let m = selectedModule { setMessage("\(m.idText) has no routes, branches or error handler to collapse") }
            return
        }
        let k = TreeModel.collapseKey(rows[cursor])
        if collapsed.contains(k) { collapsed.remove(k) } else { collapsed.insert(k) }
        let keepRow = cursor
        rebuildRows(toggled: k, at: keepRow)
        cursor = min(keepRow, rows.count - 1)
    }

    // MARK: edits

    func upgradeSelected() {
        guard let m = selectedModule else { setMessage("select a module to upgrade"); return }
        let badge = badges[m.index]
        switch badge.state {
        case .current: setMessage("\(m.idText) \(m.moduleName) v\(m.version ?? 0) is current"); return
        case .unknown: setMessage("\(m.idText) \(m.moduleName) is in no catalog; nothing to upgrade to", error: true); return
        case .manual:
            setMessage("\(m.idText) needs a manual replacement: \(badge.notes.first ?? "see the detail pane")", error: true); return
        case .needsReview:
            setMessage("\(m.idText) needs review: \(badge.review.first ?? "see the detail pane") (edit or remove the field)", error: true); return
        case .upgradable: break
        }
        var s = session
        do {
            let msg = try services.upgrade(m.index, blueprint, &s)
            commit(s)
            setMessage(msg)
        } catch {
            setMessage("cannot upgrade \(m.idText): \(error)", error: true)
        }
    }

    /// `U`: the whole pass runs first, on a copy of the session (on a terminal beside the key
    /// loop, with its progress; Ctrl-C cancels it), so the question can say what it will do:
    /// "Upgrade 23 modules: 19 whole, 4 leave fields for review? (y/n)". `y` then puts the
    /// result in place at once, one undo step per module; `n` drops it.
    func askUpgradeAll() {
        let auto = badges.filter { $0.state == .upgradable }.count
        let manual = badges.filter { $0.state == .manual }.count
        if auto == 0 {
            setMessage(manual > 0 ? "nothing to upgrade automatically; \(manual) module\(manual == 1 ? "" : "s") need a manual replacement" : "every module is current")
            return
        }
        // Each upgrade sees the document as the previous one left it (UpgradeEngine.applyAll).
        startUpgradeAll(title: "preparing the upgrades:", total: auto, only: nil) { e, result in
            guard result.session != nil else { e.setMessage("upgrade-all cancelled: nothing was changed"); return }
            guard !result.plans.isEmpty else {
                e.setMessage("nothing upgraded; failed: " + result.failures.joined(separator: "; "), error: true)
                return
            }
            e.pendingUpgradeAll = result
            e.confirm = .upgradeAll(automatic: result.plans.count, manual: manual, partial: result.needingReview.count)
        }
    }

    /// `y` to the question of `U`: the prepared upgrades replace the session, one undoable step each.
    func applyPendingUpgradeAll() {
        guard let result = pendingUpgradeAll, let s = result.session else { return }
        pendingUpgradeAll = nil
        commit(s)
        let done = result.plans.count
        var msg = "upgraded \(done) module\(done == 1 ? "" : "s") (\(done) undo step\(done == 1 ? "" : "s"))"
        let review = blueprint.modules.filter { badges[$0.index].state == .needsReview }.map(\.idText)
        if !review.isEmpty { msg += "; \(review.count) need review (o shows them): " + review.prefix(8).joined(separator: " ") }
        if !result.failures.isEmpty { msg += "; failed: " + result.failures.joined(separator: "; ") }
        setMessage(msg, error: !result.failures.isEmpty)
    }

    func undo() {
        var s = session
        guard let label = s.undo() else { setMessage("nothing to undo"); return }
        commit(s)
        setMessage("undid: \(label)")
    }

    func redo() {
        var s = session
        guard let label = s.redo() else { setMessage("nothing to redo"); return }
        commit(s)
        setMessage("redid: \(label)")
    }

    /// Applies an edit made elsewhere (review, pickers, field editors) as the new session.
    public func apply(session s: EditSession, message: String) {
        commit(s)
        setMessage(message)
    }
}
