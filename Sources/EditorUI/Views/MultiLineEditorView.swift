// The multi-line editor, drawn over the whole body (tree and detail) for long
// values: a title with the field and the live reference count, the text with
// line numbers and soft-wrapped rows, unresolved references or a refusal, and
// the keys.
import BlueprintKit

enum MultiLineEditorView {
    static func draw(_ e: Editor, into buf: inout ScreenBuffer, rect r: Rect) {
        guard var ed = e.fields.edit, case .text(var t) = ed.mode, r.height >= 3, r.width >= 10 else { return }
        let ascii = !e.glyphs.isUnicode
        buf.fill(r, slot: .normal)
        let refs = ReferenceSummary(text: t.text, blueprint: e.blueprint)

        // title
        buf.clearRow(r.y, x: r.x, width: r.width, slot: .dialogTitle)
        var title = " editing \(ed.owner) \(ed.field.display)  \(FieldListModel.typeName(of: ed.field))"
        if ed.asJSON { title += "  as JSON" }
        title += "  ·  " + refs.countText
        buf.put(inert(title, ascii: ascii), x: r.x, y: r.y, slot: .dialogTitle, maxWidth: r.width)

        // footer: problems or refusal, then keys and position
        var notes: [StyledLine] = []
        if let err = ed.error { notes.append(StyledLine(err, .error)) }
        for p in refs.problems.prefix(2) { notes.append(StyledLine("! " + p, .warning)) }
        let footer = notes.count + 1
        let textTop = r.y + 1
        let textHeight = max(1, r.height - 1 - footer)

        // text area with a line-number gutter
        let gutter = String(t.lines.count).count + 1
        let textWidth = max(1, r.width - gutter - 2)   // one spare column for the cursor at a full row's end
        t.scrollToCursor(width: textWidth, height: textHeight)
        let rows = t.displayRows(width: textWidth)
        let cursor = t.cursorPosition(width: textWidth)
        for i in 0..<textHeight {
            let di = t.top + i
            guard di < rows.count else { break }
            let (line, range) = rows[di]
            let y = textTop + i
            if range.lowerBound == 0 {
                buf.put(TextWidth.pad(String(line + 1), to: gutter - 1, align: .right), x: r.x, y: y, slot: .dim, maxWidth: gutter)
            }
            let text = String(t.lines[line][range])
            buf.put(text, x: r.x + gutter + 1, y: y, slot: .normal, maxWidth: textWidth)
            if di == cursor.row {
                let cx = r.x + gutter + 1 + cursor.column
                buf.restyle(row: y, from: cx, to: cx + max(1, Int(buf[cx, y].width)), slot: .cursor)
            }
        }

        var y = textTop + textHeight
        for n in notes {
            buf.draw(n.segments.map { (inert($0.0, ascii: ascii), $0.1) }, x: r.x + 1, y: y, width: r.width - 1)
            y += 1
        }
        var hint: [(String, StyleSlot)] = [(" ", .normal)]
        for (a, name) in [(Action.editCommit, "commit"), (.editCancel, "cancel"), (.toggleJSONInput, "as JSON")] {
            guard let k = e.keyTable.bindings.first(where: { $0.context == .textEditor && $0.action == a })?.key else { continue }
            hint.append((k.displayName(ascii: ascii), .statusKey))
            hint.append((" \(name)  ", .dim))
        }
        buf.draw(hint, x: r.x, y: y, width: r.width)
        let pos = "line \(t.row + 1)/\(t.lines.count) col \(t.col + 1) "
        if TextWidth.of(pos) < r.width / 2 { buf.put(pos, x: r.maxX - TextWidth.of(pos), y: y, slot: .dim, maxWidth: r.width) }

        ed.mode = .text(t)
        ed.textWidth = textWidth
        ed.textHeight = textHeight
        e.fields.edit = ed
    }
}
