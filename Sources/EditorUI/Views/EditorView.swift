// The whole frame: title bar, tree and detail panes (side by side on wide
// terminals, stacked on narrow ones), status bar, and any screen or dialog on top.

public enum EditorView {
    public static let minWidth = 40
    public static let minHeight = 8
    /// At this width and above the detail pane sits to the right of the tree.
    public static let sideBySideWidth = 100

    public static func render(_ e: Editor, width: Int, height: Int) -> ScreenBuffer {
        var buf = ScreenBuffer(width: max(0, width), height: max(0, height), ascii: !e.glyphs.isUnicode)
        e.terminalTooSmall = !(width >= minWidth && height >= minHeight)
        guard !e.terminalTooSmall else {
            TooSmallView.draw(e, into: &buf, width: width, height: height)
            return buf
        }
        TitleBarView.draw(e, into: &buf, width: width)
        let bodyTop = 1
        let bodyHeight = height - 3
        e.treeRect = .zero
        e.detailRect = .zero
        switch e.screen {
        case .help:
            HelpView.draw(e, into: &buf, rect: Rect(x: 0, y: bodyTop, width: width, height: bodyHeight))
        case .connections:
            ConnectionsView.draw(e, into: &buf, rect: Rect(x: 0, y: bodyTop, width: width, height: bodyHeight))
        case .review:
            ReviewView.draw(e, into: &buf, rect: Rect(x: 0, y: bodyTop, width: width, height: bodyHeight))
        case .diff(let title, let lines):
            TextPagerView.draw(e, title: title, lines: lines, into: &buf, rect: Rect(x: 0, y: bodyTop, width: width, height: bodyHeight))
        case .main:
            if !e.showsDetail {
                e.viewportRows = bodyHeight
                e.treeRect = Rect(x: 0, y: bodyTop, width: width, height: bodyHeight)
                TreeView.draw(e, into: &buf, rect: e.treeRect)
            } else if width >= sideBySideWidth {
                let treeW = width * 55 / 100
                e.viewportRows = bodyHeight
                e.treeRect = Rect(x: 0, y: bodyTop, width: treeW, height: bodyHeight)
                e.detailRect = Rect(x: treeW + 1, y: bodyTop, width: width - treeW - 1, height: bodyHeight)
                TreeView.draw(e, into: &buf, rect: e.treeRect)
                buf.fill(x: treeW, y: bodyTop, width: 1, height: bodyHeight, slot: .treeLine, char: Character(e.glyphs.vline))
                DetailView.draw(e, into: &buf, rect: e.detailRect)
            } else {
                let treeH = max(3, bodyHeight * 3 / 5)
                e.viewportRows = treeH
                e.treeRect = Rect(x: 0, y: bodyTop, width: width, height: treeH)
                e.detailRect = Rect(x: 0, y: bodyTop + treeH, width: width, height: bodyHeight - treeH)
                TreeView.draw(e, into: &buf, rect: e.treeRect)
                DetailView.draw(e, into: &buf, rect: e.detailRect)
            }
        }
        if e.fields.edit?.isMultiLine == true, e.screen == .main {
            MultiLineEditorView.draw(e, into: &buf, rect: Rect(x: 0, y: bodyTop, width: width, height: bodyHeight))
        }
        if let p = e.tools.picker, e.screen == .main {
            ToolPickerView.draw(e, p, into: &buf, rect: Rect(x: 0, y: bodyTop, width: width, height: bodyHeight))
        }
        if let p = e.connectionUI.picker, !e.helpOverPicker {
            ConnectionPickerView.draw(e, p, into: &buf, rect: Rect(x: 0, y: bodyTop, width: width, height: bodyHeight))
        }
        StatusBarView.draw(e, into: &buf, y: height - 2, width: width)
        if let c = e.confirm { DialogView.drawConfirm(c, into: &buf, width: width, height: height) }
        return buf
    }
}

enum TooSmallView {
    /// "terminal too small"; a question or prompt that is open (e.g. after `q` with unsaved
    /// changes) is shown instead, word-wrapped, since it is what the keys answer.
    static func draw(_ e: Editor, into buf: inout ScreenBuffer, width: Int, height: Int) {
        guard width > 0 && height > 0 else { return }
        let ascii = !e.glyphs.isUnicode
        var lines: [(String, StyleSlot)]
        if let p = e.prompt {
            // the end of the text, where the cursor is
            let text = p.label + inert(p.text, ascii: ascii)
            let w = TextWidth.of(text)
            lines = [(w < width ? text : String(text.suffix(max(1, width - 1))), .normal)]
        } else if let c = e.confirm {
            lines = wrap(inert(c.text, ascii: ascii), width: width).map { ($0, .dialogTitle) }
        } else {
            lines = [("terminal too small", .warning), ("\(width)x\(height), need \(EditorView.minWidth)x\(EditorView.minHeight)", .dim),
                     ("enlarge or press q", .dim)]
        }
        if lines.count > height { lines = Array(lines.suffix(height)) }
        let top = max(0, (height - lines.count) / 2)
        for (i, l) in lines.enumerated() where top + i < height {
            let w = TextWidth.of(l.0)
            buf.put(l.0, x: max(0, (width - w) / 2), y: top + i, slot: l.1, maxWidth: width)
        }
    }

    /// Words of `text` in lines of at most `width` columns (a longer word is cut).
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var cur = ""
        for word in text.split(separator: " ") {
            let word = TextWidth.truncate(String(word), to: width, ellipsis: false)
            if !cur.isEmpty && TextWidth.of(cur) + 1 + TextWidth.of(word) > width { lines.append(cur); cur = "" }
            cur += (cur.isEmpty ? "" : " ") + word
        }
        if !cur.isEmpty { lines.append(cur) }
        return lines
    }
}
