// The mouse, when `set mouse = on` (off by default so the terminal's own copy and
// paste keep working): a left click selects the tree row under the pointer or
// focuses the detail pane; the wheel scrolls the pane or screen under the pointer.
// Positions are checked against where the last frame drew each pane.

extension Editor {
    /// Rows one wheel notch moves.
    public static let wheelStep = 3

    /// Handles one mouse report. Returns false when the editor wants to quit.
    @discardableResult
    public func handleMouse(_ m: MouseEvent) -> Bool {
        // A prompt or question waits for its keys; the mouse must not answer it.
        guard prompt == nil, confirm == nil else { return !wantsQuit }
        let wheel: Int? = switch m.kind {
        case .scrollUp: -Editor.wheelStep
        case .scrollDown: Editor.wheelStep
        default: nil
        }
        // The picker and the connections view: the wheel moves their cursor.
        if connectionUI.picker != nil && !helpOverPicker {
            if let d = wheel { performPicker(d < 0 ? .moveUp : .moveDown) }
            return !wantsQuit
        }
        switch screen {
        case .connections:
            if let d = wheel { performConnections(d < 0 ? .moveUp : .moveDown) }
        case .help, .diff:
            if let d = wheel { screenScroll = max(0, screenScroll + d) }
        case .review:
            if let d = wheel { reviewScroll(by: d) }
        case .main:
            let inTree = treeRect.contains(x: m.x, y: m.y)
            let inDetail = detailRect.contains(x: m.x, y: m.y)
            if let d = wheel {
                if inDetail {
                    detailScroll = max(0, detailScroll + d)
                } else if inTree {
                    selectRow(cursor + d)
                }
            } else if m.kind == .press(.left) {
                if inTree {
                    pane = .tree
                    let row = scroll + (m.y - treeRect.y)
                    if row < rows.count { selectRow(row) }
                } else if inDetail {
                    pane = .detail
                }
            }
        }
        return !wantsQuit
    }

    private func selectRow(_ row: Int) {
        guard !rows.isEmpty else { return }
        let new = max(0, min(rows.count - 1, row))
        if new != cursor { detailScroll = 0 }
        cursor = new
        message = nil
    }
}
