// The workspace's frame (`scened DIR`): the open scenario's editor, or the title bar,
// the scenario list / connections across scenarios / review summary / help, and the
// two status rows.
import BlueprintKit

public enum WorkspaceView {
    public static func render(_ w: Workspace, width: Int, height: Int) -> ScreenBuffer {
        if case .editor(let i) = w.mode, let e = w.entries[i].editor {
            e.workspacePosition = w.position(of: i)
            return EditorView.render(e, width: width, height: height)
        }
        var buf = ScreenBuffer(width: max(0, width), height: max(0, height), ascii: !w.glyphs.isUnicode)
        guard width >= EditorView.minWidth && height >= EditorView.minHeight else {
            let t = "terminal too small: \(width)x\(height), need \(EditorView.minWidth)x\(EditorView.minHeight)"
            if height > 0 { buf.put(t, x: 0, y: 0, slot: .warning, maxWidth: width) }
            return buf
        }
        drawTitle(w, into: &buf, width: width)
        let body = Rect(x: 0, y: 1, width: width, height: height - 3)
        switch w.mode {
        case .list, .editor: ScenarioListView.draw(w, into: &buf, rect: body)
        case .connections: WorkspaceConnectionsView.draw(w, into: &buf, rect: body)
        case .summary: WorkspaceSummaryView.draw(w, into: &buf, rect: body)
        case .help: drawHelp(w, into: &buf, rect: body)
        }
        drawStatus(w, into: &buf, y: height - 2, width: width)
        return buf
    }

    static func drawTitle(_ w: Workspace, into buf: inout ScreenBuffer, width: Int) {
        buf.clearRow(0, x: 0, width: width, slot: .title)
        var x = buf.put(" scened ", x: 0, y: 0, slot: .title, maxWidth: width)
        let n = w.entries.count
        x += buf.put("\(w.title)  \(n) scenario\(n == 1 ? "" : "s")", x: x, y: 0, slot: .title, maxWidth: width - x)
        if w.modifiedCount > 0 { x += buf.put(" [+\(w.modifiedCount)]", x: x, y: 0, slot: .titleModified, maxWidth: width - x) }
        let right = "sorted by \(w.sort.rawValue) "
        if width - TextWidth.of(right) > x + 1 { buf.put(right, x: width - TextWidth.of(right), y: 0, slot: .title) }
    }

    static func drawStatus(_ w: Workspace, into buf: inout ScreenBuffer, y: Int, width: Int) {
        buf.clearRow(y, x: 0, width: width, slot: .status)
        var s = " \(w.visible.count) of \(w.entries.count) shown  \(w.attentionCount) need attention"
        if w.brokenCount > 0 { s += "  \(w.brokenCount) broken" }
        if w.skipped > 0 { s += "  \(BlueprintInputs.skippedText(w.skipped))" }
        if w.modifiedCount > 0 { s += "  \(w.modifiedCount) unsaved" }
        if w.attentionOnly { s += "  [attention only]" }
        if !w.query.isEmpty && !w.searching { s += "  [search: \(w.query)]" }
        buf.put(s, x: 0, y: y, slot: .status, maxWidth: width)
        let y2 = y + 1
        buf.clearRow(y2, x: 0, width: width, slot: .normal)
        if w.searching {
            let used = buf.put("/" + w.query, x: 0, y: y2, slot: .normal, maxWidth: width - 1)
            buf.put(" ", x: used, y: y2, slot: .cursor, maxWidth: 1)
        } else if let t = w.connections?.swapText, w.mode == .connections {
            let used = buf.put("swap for: " + t, x: 0, y: y2, slot: .normal, maxWidth: width - 1)
            buf.put(" ", x: used, y: y2, slot: .cursor, maxWidth: 1)
        } else if w.confirmQuit {
            buf.put(w.quitQuestion, x: 0, y: y2, slot: .dialogTitle, maxWidth: width)
        } else if let m = w.message {
            buf.put(m, x: 0, y: y2, slot: w.messageIsError ? .error : .message, maxWidth: width)
        } else {
            buf.draw(keyHints(w), x: 0, y: y2, width: width)
        }
    }

    /// The key hints of the bottom row for the screen on show; looked up in the key
    /// table once per screen, not once per frame.
    static func keyHints(_ w: Workspace) -> [(String, StyleSlot)] {
        let context = w.keyContext
        if let cached = w.keyHintsCache, cached.context == context { return cached.segments }
        let actions: [Action] = switch w.mode {
        case .connections: [.moveDown, .connectionModules, .listSwap, .saveAll, .cancel, .help]
        case .summary: [.saveAll, .cancel, .help]
        default: [.listOpen, .listSort, .listAttention, .listSearch, .listReview, .listConnections, .saveAll, .help, .quit]
        }
        var segs: [(String, StyleSlot)] = []
        for a in actions {
            guard let k = w.keyTable.keys(for: a, in: context).first else { continue }
            segs.append((" \(k.displayName) ", .statusKey))
            segs.append((shortName(a) + " ", .normal))
        }
        w.keyHintsCache = (context, segs)
        return segs
    }

    static func shortName(_ a: Action) -> String {
        switch a {
        case .listOpen: return "open"
        case .listSort: return "sort"
        case .listAttention: return "attention"
        case .listSearch: return "search"
        case .listReview: return "review all"
        case .listConnections: return "connections"
        case .listSwap: return "swap everywhere"
        case .connectionModules: return "modules"
        case .saveAll: return "save all"
        case .moveDown: return "move"
        case .cancel: return "back"
        case .help: return "help"
        case .quit: return "quit"
        default: return a.rawValue
        }
    }

    static func drawHelp(_ w: Workspace, into buf: inout ScreenBuffer, rect r: Rect) {
        let lines = HelpView.lines(keyTable: w.keyTable, glyphs: w.glyphs)
        w.helpScroll = min(w.helpScroll, max(0, lines.count - r.height))
        for k in 0..<r.height where w.helpScroll + k < lines.count {
            buf.draw(lines[w.helpScroll + k].segments, x: r.x + 1, y: r.y + k, width: r.width - 1)
        }
    }
}

extension Workspace {
    /// The context whose keys the help screen starts at.
    var keyContextForHelp: KeyContext {
        switch helpReturn {
        case .connections: return .workspaceConnections
        case .summary: return .workspaceSummary
        default: return .scenarioList
        }
    }
}
