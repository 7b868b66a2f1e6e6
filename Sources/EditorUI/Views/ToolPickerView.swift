// The scenario tools' picker (r, M, F, a), drawn over the main screen's body:
// heading, filter line, one row per module or app (marks for several targets),
// a count line and the keys.
import BlueprintKit

enum ToolPickerView {
    static func draw(_ e: Editor, _ p: ToolPicker, into buf: inout ScreenBuffer, rect r: Rect) {
        guard r.height >= 3, r.width > 10 else { return }
        let g = e.glyphs
        let ascii = !g.isUnicode
        let w = r.width - 1
        let x = r.x + 1
        buf.fill(r, slot: .normal)
        let compact = r.height < 6
        buf.put(inert(p.title, ascii: ascii), x: x, y: r.y, slot: .heading, maxWidth: w)
        if let f = p.filter {
            let used = buf.draw([("filter: ", .statusKey), (inert(f, ascii: ascii), .normal)], x: x, y: r.y + 1, width: w - 1)
            buf.put(" ", x: x + used, y: r.y + 1, slot: .cursor, maxWidth: 1)
        } else if !compact {
            buf.put("type to filter", x: x, y: r.y + 1, slot: .dim, maxWidth: w)
        }
        let visible = p.visible
        let listTop = r.y + 2
        let listH = max(1, r.height - (compact ? 3 : 4))
        var scroll = p.scroll
        if p.cursor < scroll { scroll = p.cursor }
        if p.cursor >= scroll + listH { scroll = p.cursor - listH + 1 }
        scroll = max(0, min(scroll, max(0, visible.count - listH)))
        e.tools.picker?.scroll = scroll
        if visible.isEmpty {
            buf.put("nothing matches \(JSONWriter.quoted(p.filter ?? "")); Backspace widens the filter", x: x + 2, y: listTop, slot: .dim, maxWidth: w - 2)
        }
        let textW = min(max(12, visible.map { TextWidth.of(p.all[$0].text) }.max() ?? 12), max(12, w * 3 / 5))
        for line in 0..<listH {
            let i = scroll + line
            guard i < visible.count else { break }
            let item = p.all[visible[i]]
            let mark = p.multiple ? (p.marked.contains(visible[i]) ? "[x] " : "[ ] ") : ""
            let text = TextWidth.pad(TextWidth.truncate(inert(item.text, ascii: ascii), to: textW, ellipsis: g.ellipsis), to: textW)
            let y = listTop + line
            buf.draw([(mark, .marker), (text, item.moduleId != nil ? .label : .appName), ("  ", .normal),
                      (inert(item.detail, ascii: ascii), .dim)], x: x, y: y, width: w)
            if i == p.cursor { buf.restyle(row: y, from: r.x, to: r.x + r.width, slot: .selected) }
        }
        if !compact {
            var count = "\(visible.count) of \(p.all.count) shown"
            if !p.marked.isEmpty { count += " \(g.bullet) \(p.marked.count) marked" }
            buf.put(inert(count, ascii: ascii), x: x, y: r.y + r.height - 2, slot: .dim, maxWidth: w)
        }
        var keys: [(Action, String)] = [(.toolChoose, p.marked.isEmpty ? "choose" : "apply to the marked"), (.toolFilter, "filter"), (.cancel, "cancel")]
        if p.multiple { keys.insert((.toolMark, "mark"), at: 1) }
        if p.purpose == .app { keys.insert((.swapApp, "swap app"), at: 1) }
        buf.draw(keyHints(e, keys, in: .toolPicker), x: x, y: r.y + r.height - 1, width: w)
    }
}
