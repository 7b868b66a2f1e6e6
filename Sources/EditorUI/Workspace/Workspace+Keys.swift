// Key dispatch of the workspace: the open editor takes its keys, except `q` and Esc
// in its tree, which come back to the list; the list, the connections across
// scenarios and the review summary go through the key table (WorkspaceKeys.swift).
import BlueprintKit

extension Workspace {
    public var keyContext: KeyContext {
        switch mode {
        case .list: return .scenarioList
        case .connections: return .workspaceConnections
        case .summary: return .workspaceSummary
        case .help: return .help
        case .editor(let i): return entries[i].editor?.keyContext ?? .tree
        }
    }

    /// Handles one key. Returns false when the program should end.
    @discardableResult
    public func handle(_ key: Key) -> Bool {
        if key == .resize { return !wantsQuit }
        if case .editor(let i) = mode, let e = entries[i].editor {
            handleEditorKey(key, i, e)
            return !wantsQuit
        }
        if case .mouse = key { return !wantsQuit }
        if confirmQuit { handleQuitAnswer(key); return !wantsQuit }
        if searching { handleSearchKey(key); return !wantsQuit }
        if mode == .connections, connections?.swapText != nil { handleSwapKey(key); return !wantsQuit }
        message = nil
        guard let action = keyTable.action(for: key, in: keyContext) else {
            if mode == .help && key == .escape { perform(.cancel) }
            else if key != .escape { say("\(key.displayName) is not bound here; press ? for help") }
            return !wantsQuit
        }
        perform(action)
        return !wantsQuit
    }

    /// A key for the open editor: `q`/Esc in its tree (nothing else open) leave it for the list.
    func handleEditorKey(_ key: Key, _ i: Int, _ e: Editor) {
        let idle = !e.isBusy && e.screen == .main && e.prompt == nil && e.confirm == nil && e.fields.edit == nil
            && e.connectionUI.picker == nil && e.tools.picker == nil && e.keyContext == .tree
        if idle && !e.terminalTooSmall && (key == .escape || keyTable.action(for: key, in: .tree) == .quit) {
            leaveEditor(i)
            return
        }
        e.handle(key)
        if e.wantsQuit { leaveEditor(i) }         // a quit the editor answered itself (e.g. too small)
        if e.wantsFullRedraw { wantsFullRedraw = true; e.wantsFullRedraw = false }
        reviewFollow(i, e)
    }

    /// The open scenario's editor runs an upgrade-all (Editor+Work.swift).
    public var isBusy: Bool {
        if case .editor(let i) = mode { return entries[i].editor?.isBusy ?? false }
        return false
    }

    /// While busy: finishes the editor's work once it is done; true when it ended.
    @discardableResult
    public func pollWork(waitingUpTo seconds: Double = 0) -> Bool {
        guard case .editor(let i) = mode, let e = entries[i].editor, e.pollWork(waitingUpTo: seconds) else { return false }
        reviewFollow(i, e)
        return true
    }

    /// Back to the list; the scenario stays open (its undo history, its recovery file).
    func leaveEditor(_ i: Int) {
        refreshSummary(i)
        mode = .list
        rebuild()
        if let at = visible.firstIndex(of: i) { cursor = at }
        let e = entries[i].editor
        say(e?.isModified == true ? "\(entries[i].summary.title): unsaved changes kept (w saves every changed scenario)" : "back to the list")
        if crossReview != nil && crossReview?.finished == false { message! += "; R resumes the review across scenarios" }
    }

    public func perform(_ action: Action) {
        switch action {
        case .moveDown: moveCursor(by: 1)
        case .moveUp: moveCursor(by: -1)
        case .pageDown: moveCursor(by: max(1, viewportRows - 1))
        case .pageUp: moveCursor(by: -max(1, viewportRows - 1))
        case .moveTop: moveCursor(to: 0)
        case .moveBottom: moveCursor(to: Int.max / 2)
        case .listOpen: open()
        case .listSort:
            let all = ListSort.allCases
            sort = all[(all.firstIndex(of: sort)! + 1) % all.count]
            rebuild()
            say("sorted by \(sort.rawValue)")
        case .listAttention:
            attentionOnly.toggle()
            rebuild()
            say(attentionOnly ? "showing \(visible.count) scenario\(visible.count == 1 ? "" : "s") that need attention (o shows all)" : "showing all scenarios")
        case .listSearch: searching = true
        case .listReview: startCrossReview()
        case .listConnections: openConnections()
        case .connectionModules: connections?.showUsers.toggle()
        case .listSwap: beginSwap()
        case .saveAll: saveAll()
        case .redraw: wantsFullRedraw = true
        case .help:
            helpReturn = mode
            helpScroll = HelpView.lines(keyTable: keyTable, glyphs: glyphs).firstIndex { $0.segments.first?.0 == keyContextForHelp.title } ?? 0
            mode = .help
        case .cancel:
            switch mode {
            case .help: mode = helpReturn
            case .connections:
                if connections?.showUsers == true { connections?.showUsers = false } else { connections = nil; mode = .list }
            case .summary: crossReview = nil; mode = .list
            default:
                if !query.isEmpty || attentionOnly { query = ""; attentionOnly = false; rebuild(); say("showing all scenarios") }
            }
        case .quit:
            if mode == .help { mode = helpReturn; return }
            if modifiedCount > 0 { confirmQuit = true } else { wantsQuit = true }
        default:
            say("not available in the scenario list")
        }
    }

    func moveCursor(by delta: Int) {
        switch mode {
        case .help: helpScroll = max(0, helpScroll + delta)
        case .connections: connections?.move(by: delta)
        case .summary: let s = crossReview?.scroll ?? 0; crossReview?.scroll = max(0, s + delta)
        default: moveCursor(to: cursor + delta)
        }
    }

    func moveCursor(to row: Int) {
        switch mode {
        case .help: helpScroll = row <= 0 ? 0 : Int.max / 2
        case .connections: connections?.move(to: row)
        case .summary: crossReview?.scroll = row <= 0 ? 0 : Int.max / 2
        default: cursor = visible.isEmpty ? 0 : max(0, min(visible.count - 1, row))
        }
    }

    /// `Enter`: the scenario under the cursor in the editor; a broken file shows its error.
    func open() {
        guard let i = selected else { say("no scenario here"); return }
        if let err = entries[i].summary.error, entries[i].editor == nil {
            fail("cannot open: \(err.text(file: entries[i].summary.path))")
            return
        }
        if entries[i].editor == nil, let size = entries[i].summary.stamp?.size, size >= Editor.announceAbove {
            say("opening \(entries[i].summary.title) (\(Editor.megabytes(size)))…")
            drawNow?()
        }
        guard editor(i) != nil else { rebuild(); return }
        mode = .editor(i)
    }

    /// `N of M` for the title bar of the editor of entry `i`.
    func position(of i: Int) -> String {
        let at = visible.firstIndex(of: i).map { $0 + 1 } ?? (i + 1)
        return "\(at) of \(visible.isEmpty ? entries.count : visible.count)"
    }

    var quitQuestion: String {
        let n = modifiedCount
        return "\(n) scenario\(n == 1 ? " has" : "s have") unsaved changes: (s)ave all and quit / (d)iscard and quit / (c)ancel"
    }

    func handleQuitAnswer(_ key: Key) {
        switch key {
        case .char("s"), .char("S"):
            confirmQuit = false
            saveAll()
            if modifiedCount == 0 { wantsQuit = true }
        case .char("d"), .char("D"):
            confirmQuit = false
            wantsQuit = true
        case .char("c"), .char("C"), .escape, .ctrl("c"), .ctrl("g"):
            confirmQuit = false
            say("not quitting")
        default: break
        }
    }

    func handleSearchKey(_ key: Key) {
        switch LineKey.apply(key, to: query) {
        case .changed(let t): query = t; cursor = 0; rebuild()
        case .cancel: searching = false; query = ""; rebuild(); say("search cleared")
        case .submit:
            searching = false
            say(query.isEmpty ? "showing all scenarios" : "\(visible.count) scenario\(visible.count == 1 ? "" : "s") match \"\(query)\" (Esc clears)")
        case .none: break
        }
    }
}
