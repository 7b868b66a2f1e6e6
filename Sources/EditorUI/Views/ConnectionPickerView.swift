// The connection picker (`c`), drawn over the body of whatever screen opened it:
// heading, accepted types and the current connection, the filter line, one row
// per candidate (label, id, type, "used by N modules"; current •, type not
// accepted ✗), a count line, and the prompt, question or key hints.
import BlueprintKit

enum ConnectionPickerView {
    static func draw(_ e: Editor, _ p: ConnectionPicker, into buf: inout ScreenBuffer, rect r: Rect) {
        guard r.height >= 3, r.width > 10 else { return }
        let g = e.glyphs
        let ascii = !g.isUnicode
        let w = r.width - 1
        let x = r.x + 1
        buf.fill(r, slot: .normal)
        // On a short terminal (down to the 40x8 minimum) only the title (or the filter),
        // the list and the last line are drawn.
        let compact = r.height < 8
        if compact, let f = p.filter {
            let used = buf.draw([("filter: ", .statusKey), (inert(f, ascii: ascii), .normal)], x: x, y: r.y, width: w - 1)
            if p.stage == .list { buf.put(" ", x: x + used, y: r.y, slot: .cursor, maxWidth: 1) }
        } else {
            buf.put(inert(p.title, ascii: ascii), x: x, y: r.y, slot: .heading, maxWidth: w)
        }

        var info = p.accepted.isEmpty ? "accepts any type" : "accepts " + p.accepted.joined(separator: ", ")
        switch p.target {
        case .module:
            if let c = p.current {
                info += " \(g.bullet) now \(c.text)" + (p.currentLabel.map { " " + JSONWriter.quoted($0) } ?? "")
            } else {
                info += " \(g.bullet) not set"
            }
        case .swap: info += " (every module using it)"
        }
        if !compact { buf.put(inert(info, ascii: ascii), x: x, y: r.y + 1, slot: .dim, maxWidth: w) }

        if compact {
        } else if let f = p.filter {
            let used = buf.draw([("filter: ", .statusKey), (inert(f, ascii: ascii), .normal)], x: x, y: r.y + 2, width: w - 1)
            if p.stage == .list { buf.put(" ", x: x + used, y: r.y + 2, slot: .cursor, maxWidth: 1) }
        } else {
            buf.put("type to filter", x: x, y: r.y + 2, slot: .dim, maxWidth: w)
        }
        let shownTypes = p.showAll ? "all types (t: accepted only)" : "accepted types (t: all)"
        let sw = TextWidth.of(shownTypes)
        if sw + 20 < w && !compact { buf.put(shownTypes, x: x + w - sw, y: r.y + 2, slot: .dim, maxWidth: sw) }

        let visible = p.visible
        // columns: marker, label, id, type, used by
        let idW = min(12, max(4, visible.map { TextWidth.of(idText($0)) }.max() ?? 4))
        let typeW = min(20, max(4, visible.map { TextWidth.of($0.choice.type ?? "") }.max() ?? 4))
        let usedW = 17
        let tagW = w >= 100 ? 14 : 0
        let labelW = max(8, w - 2 - idW - typeW - usedW - tagW - 6)
        func row(_ cols: [(String, Int, StyleSlot)]) -> [(String, StyleSlot)] {
            cols.enumerated().map { i, c in (TextWidth.pad(c.0, to: c.1) + (i == cols.count - 1 ? "" : "  "), c.2) }
        }
        if !compact {
            buf.draw([("  ", .dim)] + row([("label", labelW, .dim), ("id", idW, .dim), ("type", typeW, .dim), ("in use", usedW, .dim)]),
                     x: x, y: r.y + 3, width: w)
        }

        let listTop = compact ? r.y + 1 : r.y + 4
        let listH = compact ? r.height - 2 : r.height - 6
        e.connectionUI.pickerPage = max(1, listH)
        var scroll = p.scroll
        if p.cursor < scroll { scroll = p.cursor }
        if p.cursor >= scroll + listH { scroll = p.cursor - listH + 1 }
        scroll = max(0, min(scroll, max(0, visible.count - listH)))
        e.connectionUI.picker?.scroll = scroll
        if visible.isEmpty {
            let why: String
            if p.all.isEmpty { why = "no \(p.kind.title) in this scenario\(e.services.team == nil ? "" : " or the team list") to choose from; n enters a new id" }
            else if p.filter?.isEmpty == false { why = "nothing matches \(JSONWriter.quoted(p.filter ?? "")); Backspace widens the filter" }
            else { why = "no \(p.kind.title) of an accepted type; t shows all types, n enters a new id" }
            buf.put(why, x: x + 2, y: listTop, slot: .dim, maxWidth: w - 2)
        }
        for line in 0..<listH {
            let i = scroll + line
            guard i < visible.count else { break }
            let c = visible[i]
            let y = listTop + line
            let bad = c.accepted == false
            let mark = c.isCurrent ? g.bullet : bad ? g.cross : " "
            let used = "used by \(c.usedBy) module\(c.usedBy == 1 ? "" : "s")"
            var tag = c.isCurrent ? "current" : c.inTeam && !c.inScenario ? "team" : ""
            if bad { tag = "not accepted" }
            var segs: [(String, StyleSlot)] = [(TextWidth.pad(mark, to: 2), bad ? .warning : .marker)]
            let label = TextWidth.truncate(inert(c.choice.label ?? "(no label)", ascii: ascii), to: labelW, ellipsis: ascii ? "..." : "…")
            segs += row([(label, labelW, c.choice.label == nil ? .dim : .label),
                         (idText(c), idW, .moduleId), (c.choice.type ?? "", typeW, bad ? .warning : .connection),
                         (used, usedW, .dim)] + (tagW > 0 ? [(tag, tagW, bad ? .warning : .dim)] : []))
            buf.draw(segs, x: x, y: y, width: w)
            if i == p.cursor { buf.restyle(row: y, from: r.x, to: r.x + r.width, slot: .selected) }
        }

        var count = "\(visible.count) of \(p.all.count) shown"
        if p.hiddenIncompatible > 0 { count += " \(g.bullet) \(p.hiddenIncompatible) of other types hidden (t shows them)" }
        if p.showAll && p.all.contains(where: { $0.accepted == false }) { count += " \(g.bullet) \(g.cross) type not accepted here" }
        if let team = e.services.team { count += " \(g.bullet) team list \(team.connections.count)" }
        if !compact { buf.put(inert(count, ascii: ascii), x: x, y: r.y + r.height - 2, slot: .dim, maxWidth: w) }
        drawStage(e, p, into: &buf, x: x, y: r.y + r.height - 1, width: w)
    }

    static func idText(_ c: ConnectionCandidate) -> String { AccountID(c.choice.id)?.text ?? c.choice.id.compactText }

    static func drawStage(_ e: Editor, _ p: ConnectionPicker, into buf: inout ScreenBuffer, x: Int, y: Int, width w: Int) {
        let ascii = !e.glyphs.isUnicode
        func prompt(_ label: String, _ text: String, _ note: String?) {
            let used = buf.draw([(label, .dialogTitle), (inert(text, ascii: ascii), .normal)], x: x, y: y, width: w - 1)
            buf.put(" ", x: x + used, y: y, slot: .cursor, maxWidth: 1)
            if let note { buf.put("  " + note, x: x + used + 1, y: y, slot: .error, maxWidth: max(0, w - used - 1)) }
        }
        switch p.stage {
        case .list:
            let keys: [(Action, String)] = [(.pickerAssign, "assign"), (.pickerToggleAll, "all types"), (.pickerNew, "new id"),
                                             (.pickerFilter, "filter"), (.cancel, "cancel")]
                + (p.parameters.count > 1 ? [(.pickerNextParameter, "next parameter")] : [])
            buf.draw(keyHints(e, keys, in: .picker), x: x, y: y, width: w)
        case .newId(let text, let error):
            prompt("new \(p.kind.title) id: ", text, error)
        case .newLabel(let id, let text):
            prompt("label for \(id): ", text, nil)
        case .confirmIncompatible(let c):
            let t = c.type.map { "type \($0)" } ?? "its type"
            buf.put(inert("\(t) is not accepted here (accepts \(p.accepted.joined(separator: ", "))): assign anyway? (y/n)", ascii: ascii),
                    x: x, y: y, slot: .dialogTitle, maxWidth: w)
        case .applyToOthers(_, let oldLabel, let count, _, _):
            buf.put(inert("apply to the \(count) other module\(count == 1 ? "" : "s") using \(oldLabel)? (y/n)", ascii: ascii),
                    x: x, y: y, slot: .dialogTitle, maxWidth: w)
        }
    }
}
