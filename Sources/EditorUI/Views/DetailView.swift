// The detail pane: everything about the selected module, scrollable when focused.

enum DetailView {
    static func draw(_ e: Editor, into buf: inout ScreenBuffer, rect r: Rect) {
        guard r.height > 0, r.width > 0 else { return }
        var top = r.y
        var height = r.height
        let stacked = r.x == 0
        if stacked {
            // a separator line with the pane's title
            buf.fill(x: r.x, y: r.y, width: r.width, height: 1, slot: .treeLine, char: Character(e.glyphs.hline))
            buf.put(" detail ", x: r.x + 2, y: r.y, slot: e.pane == .detail ? .heading : .treeLine, maxWidth: r.width - 2)
            top += 1; height -= 1
        }
        guard height > 0 else { return }
        let lines = e.detailLines()
        let maxScroll = max(0, lines.count - height)
        if e.detailScroll > maxScroll { e.detailScroll = maxScroll }
        let ascii = !e.glyphs.isUnicode
        for i in 0..<height {
            let li = e.detailScroll + i
            guard li < lines.count else { break }
            let segs = lines[li].segments.map { (inert($0.0, ascii: ascii), $0.1) }
            buf.draw([(" ", .normal)] + segs, x: r.x, y: top + i, width: r.width)
        }
        if lines.count > height {
            let more = "\(e.detailScroll + 1)-\(min(lines.count, e.detailScroll + height))/\(lines.count)"
            buf.put(more, x: r.x + max(0, r.width - more.count), y: top + height - 1, slot: .dim, maxWidth: more.count)
        }
    }
}

extension Editor {
    /// The detail lines for the selection, cached per selection and document generation.
    func detailLines() -> [StyledLine] {
        guard let m = selectedOrOwnerModule else {
            return [StyledLine("no module selected", .dim)]
        }
        let key = "\(m.index)/\(session.generation)/\(session.undoStack.count)"
        if key == detailCacheKey { return detailCache }
        let lines = DetailModel.lines(for: m, editor: self)
        detailCacheKey = key
        detailCache = lines
        return lines
    }
}
