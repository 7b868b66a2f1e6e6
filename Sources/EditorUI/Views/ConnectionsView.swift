// The connections view (`C`): the inventory as a table (id, label, type, used-by
// count, warnings) with connections, webhooks, keys, data stores, data structures
// and devices in sections of their own; the selected entry's users or warnings
// below; the list of modules using it after `Enter`; the rename prompt and the
// clear question on the last line.
import BlueprintKit

enum ConnectionsView {
    static func draw(_ e: Editor, into buf: inout ScreenBuffer, rect r: Rect) {
        guard r.height >= 3, r.width > 10 else { return }
        let (inv, sections, flat) = e.connectionTable()
        let v = e.connectionUI.view
        let g = e.glyphs
        let ascii = !g.isUnicode
        let x = r.x + 1, w = r.width - 1
        buf.fill(r, slot: .normal)
        // On a short terminal (down to the 40x8 minimum) only the table and the last line.
        let compact = r.height < 8
        if compact {
            let entry = flat.indices.contains(v.cursor) ? flat[v.cursor] : nil
            e.viewportRows = max(1, r.height - 2)
            if case .users(let c) = v.stage, let entry {
                drawUsers(e, entry, cursor: c, into: &buf, x: x, y: r.y, width: w, height: r.height - 1)
            } else {
                drawTable(e, sections, flat, cursor: v.cursor, into: &buf, x: x, y: r.y, width: w, height: r.height - 1)
            }
            drawStage(e, entry, into: &buf, x: x, y: r.y + r.height - 1, width: w)
            return
        }
        buf.put(inert("Connections of " + (inv.blueprint.name ?? "(unnamed scenario)"), ascii: ascii), x: x, y: r.y, slot: .heading, maxWidth: w)
        var summary = sections.map { s in
            let n = s.entries.filter { $0.id != nil }.count
            return "\(n) \(n == 1 ? s.kind.title : plural(s.kind))"
        }.joined(separator: ", ")
        if summary.isEmpty { summary = "no connections or other account references" }
        let nw = inv.warnings.count
        summary += " \(g.bullet) \(inv.uses.count) reference\(inv.uses.count == 1 ? "" : "s") \(g.bullet) \(nw) warning\(nw == 1 ? "" : "s")"
        if let t = inv.team { summary += " \(g.bullet) team list \(t.source) (\(t.connections.count))" }
        buf.put(inert(summary, ascii: ascii), x: x, y: r.y + 1, slot: .dim, maxWidth: w)

        let listH = r.height - 5
        e.viewportRows = max(1, listH)
        let entry = flat.indices.contains(v.cursor) ? flat[v.cursor] : nil
        if case .users(let c) = v.stage, let entry {
            drawUsers(e, entry, cursor: c, into: &buf, x: x, y: r.y + 2, width: w, height: listH + 1)
        } else {
            drawTable(e, sections, flat, cursor: v.cursor, into: &buf, x: x, y: r.y + 2, width: w, height: listH + 1)
        }

        // The selected entry: its warnings, else who uses it.
        var below = ""
        if let entry {
            if let wn = entry.warnings.first {
                below = "\(g.warning) \(wn.description)" + (entry.warnings.count > 1 ? " (+\(entry.warnings.count - 1) more)" : "")
            } else {
                below = "used by " + entry.users.map { u in
                    let m = e.blueprint.modules[u.moduleIndex]
                    return m.idText + " " + (m.label.flatMap { $0.isEmpty ? nil : $0 } ?? u.moduleName)
                }.joined(separator: ", ")
            }
        }
        buf.put(inert(below, ascii: ascii), x: x, y: r.y + r.height - 2, slot: entry?.warnings.isEmpty == false ? .warning : .dim, maxWidth: w)
        drawStage(e, entry, into: &buf, x: x, y: r.y + r.height - 1, width: w)
    }

    static func plural(_ k: AccountKind) -> String {
        switch k {
        case .keychain: return "keys"
        default: return k.title + "s"
        }
    }

    static func warningText(_ e: ConnectionEntry) -> String {
        guard let first = e.warnings.first else { return "" }
        let short: String
        switch first.code {
        case .typeNotAccepted: short = "wrong type"
        case .requiredEmpty: short = "not set"
        case .placeholder: short = "placeholder"
        case .notInTeam: short = "not in team"
        }
        return "! \(short)" + (e.warnings.count > 1 ? " +\(e.warnings.count - 1)" : "")
    }

    static func drawTable(_ e: Editor, _ sections: [ConnectionSection], _ flat: [ConnectionEntry], cursor: Int,
                          into buf: inout ScreenBuffer, x: Int, y: Int, width w: Int, height: Int) {
        let ascii = !e.glyphs.isUnicode
        let idW = min(14, max(9, flat.map { TextWidth.of($0.id?.text ?? "") }.max() ?? 9))
        let typeW = min(18, max(4, flat.map { TextWidth.of($0.displayType.text) }.max() ?? 4))
        let usedW = 7
        let rest = max(20, w - 2 - idW - typeW - usedW - 8)
        let labelW = rest * 3 / 5, warnW = rest - labelW
        func cells(_ cols: [(String, Int, StyleSlot)]) -> [(String, StyleSlot)] {
            [("  ", .normal)] + cols.map { (TextWidth.pad($0.0, to: $0.1) + "  ", $0.2) }
        }
        buf.draw(cells([("id", idW, .dim), ("label", labelW, .dim), ("type", typeW, .dim), ("used by", usedW, .dim), ("warnings", warnW, .dim)]),
                 x: x, y: y, width: w)
        // One line per heading and entry; `entryLine[i]` is the line of flat entry i.
        var lines: [(ConnectionEntry?, String)] = []
        var entryLine: [Int] = []
        for s in sections {
            lines.append((nil, s.title))
            for en in s.entries { entryLine.append(lines.count); lines.append((en, "")) }
        }
        let listH = height - 1
        guard listH > 0 else { return }
        let cl = entryLine.indices.contains(cursor) ? entryLine[cursor] : 0
        var scroll = e.connectionUI.view.scroll
        // Keep the cursor visible, with its section heading when that fits.
        let want = cl > 0 && lines[cl - 1].0 == nil ? cl - 1 : cl
        if want < scroll { scroll = want }
        if cl >= scroll + listH { scroll = cl - listH + 1 }
        scroll = max(0, min(scroll, max(0, lines.count - listH)))
        e.connectionUI.view.scroll = scroll
        for k in 0..<listH {
            let li = scroll + k
            guard li < lines.count else { break }
            let row = y + 1 + k
            guard let en = lines[li].0 else {
                buf.put(lines[li].1, x: x, y: row, slot: .heading, maxWidth: w)
                continue
            }
            let t = en.displayType
            let ws = warningText(en)
            buf.draw(cells([(en.id?.text ?? "(not set)", idW, en.id == nil ? .warning : .moduleId),
                            (TextWidth.truncate(inert(en.displayLabel, ascii: ascii), to: labelW, ellipsis: ascii ? "..." : "…"),
                             labelW, en.label == nil ? .dim : .label),
                            (t.text, typeW, t.inferred ? .dim : .connection),
                            (String(en.users.count), usedW, .normal),
                            (ws, warnW, .warning)]), x: x, y: row, width: w)
            if li == cl { buf.restyle(row: row, from: x - 1, to: x + w, slot: .selected) }
        }
    }

    static func drawUsers(_ e: Editor, _ en: ConnectionEntry, cursor: Int,
                          into buf: inout ScreenBuffer, x: Int, y: Int, width w: Int, height: Int) {
        let ascii = !e.glyphs.isUnicode
        let head = "Modules using \(en.title)" + (en.label.map { " " + JSONWriter.quoted($0) } ?? "")
        buf.put(inert(head, ascii: ascii), x: x, y: y, slot: .heading, maxWidth: w)
        let listH = height - 1
        guard listH > 0 else { return }
        let scroll = max(0, cursor - listH + 1)
        for k in 0..<listH {
            let i = scroll + k
            guard i < en.users.count else { break }
            let u = en.users[i]
            let m = e.blueprint.modules[u.moduleIndex]
            let name = m.label.flatMap { $0.isEmpty ? nil : $0 } ?? e.badges[u.moduleIndex].title ?? u.moduleName
            var segs: [(String, StyleSlot)] = [("  " + TextWidth.pad(m.idText, to: 5), .moduleId),
                                               (TextWidth.pad(inert(name, ascii: ascii), to: 28) + "  ", m.label == nil ? .appName : .label),
                                               (u.moduleName + "  ", .appName), (u.parameter, .dim)]
            if let wn = en.warnings.first(where: { $0.moduleIndex == u.moduleIndex && $0.parameter == u.parameter }) {
                segs.append(("  ! " + wn.message, .warning))
            }
            if !u.accepted.isEmpty { segs.append(("  accepts " + u.accepted.joined(separator: ","), .dim)) }
            let row = y + 1 + k
            buf.draw(segs.map { (inert($0.0, ascii: ascii), $0.1) }, x: x, y: row, width: w)
            if i == cursor { buf.restyle(row: row, from: x - 1, to: x + w, slot: .selected) }
        }
    }

    static func drawStage(_ e: Editor, _ entry: ConnectionEntry?, into buf: inout ScreenBuffer, x: Int, y: Int, width w: Int) {
        let ascii = !e.glyphs.isUnicode
        switch e.connectionUI.view.stage {
        case .rename(let text):
            let used = buf.draw([("label for \(entry?.title ?? "?"): ", .dialogTitle), (inert(text, ascii: ascii), .normal)], x: x, y: y, width: w - 1)
            buf.put(" ", x: x + used, y: y, slot: .cursor, maxWidth: 1)
        case .confirmClear:
            let n = entry?.users.count ?? 0
            buf.put(inert("clear \(entry?.title ?? "?") from the \(n) module\(n == 1 ? "" : "s") using it? (y/n)", ascii: ascii),
                    x: x, y: y, slot: .dialogTitle, maxWidth: w)
        case .table, .users:
            let users: Bool = { if case .users = e.connectionUI.view.stage { return true }; return false }()
            let keys: [(Action, String)] = users
                ? [(.connectionModules, "go to module"), (.cancel, "back")]
                : [(.connectionModules, "modules"), (.connectionSwap, "swap"), (.connectionRename, "rename"),
                   (.connectionClear, "clear"), (.cancel, "close")]
            var segs: [(String, StyleSlot)] = []
            for (a, name) in keys {
                guard let k = e.keyTable.keys(for: a, in: .connections).first else { continue }
                segs.append((k.displayName(ascii: ascii), .statusKey))
                segs.append((" \(name)  ", .dim))
            }
            buf.draw(segs, x: x, y: y, width: w)
        }
    }
}
