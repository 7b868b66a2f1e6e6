// `?`: every binding of the key table, grouped by context, plus the badge legend.
import BlueprintKit

enum HelpView {
    static func lines(_ e: Editor) -> [StyledLine] { lines(keyTable: e.keyTable, glyphs: e.glyphs) }

    static func lines(keyTable: KeyTable, glyphs g: Glyphs) -> [StyledLine] {
        var out: [StyledLine] = [StyledLine("scened keys (q or Esc closes; j/k scroll)", .heading), StyledLine("")]
        for (ctx, rows) in keyTable.grouped() {
            out.append(StyledLine(ctx.title, .heading))
            for (action, keys) in rows {
                let ks = keys.map(\.displayName).joined(separator: " ")
                out.append(StyledLine([("  " + TextWidth.pad(ks, to: 20) + " ", .statusKey), (action.help, .normal)]))
            }
            out.append(StyledLine(""))
        }
        out.append(StyledLine("Version badges", .heading))
        out.append(StyledLine([("  " + ModuleBadge(state: .current, version: 4).text(g), .badgeCurrent), ("  current (documented, or by its app version)", .normal)]))
        out.append(StyledLine([("  " + ModuleBadge(state: .current, version: 4, basis: .observed).text(g), .badgeObserved), ("  no deprecation known: only seen in public exports", .normal)]))
        out.append(StyledLine([("  " + ModuleBadge(state: .upgradable, version: 3, targetVersion: 4).text(g), .badgeUpgradable), ("  upgradable automatically", .normal)]))
        out.append(StyledLine([("  " + ModuleBadge(state: .manual, version: 1).text(g), .badgeManual), ("  deprecated, needs a manual replacement", .normal)]))
        out.append(StyledLine([("  " + ModuleBadge(state: .unknown, version: 2).text(g), .badgeUnknown), ("  not in the catalog", .normal)]))
        out.append(StyledLine([("  " + ModuleBadge(state: .manual, version: 1, urgent: true).text(g), .badgeManual), ("  stops working within \(Deadline.soonDays) days, or already did", .normal)]))
        out.append(StyledLine(""))
        out.append(StyledLine("Markers", .heading))
        out.append(StyledLine("  F  has a filter    E  has an error handler    !  has warnings", .normal))
        return out
    }

    static func draw(_ e: Editor, into buf: inout ScreenBuffer, rect r: Rect) {
        let all = lines(e)
        TextPagerView.drawLines(e, all, into: &buf, rect: r)
    }
}

enum TextPagerView {
    static func draw(_ e: Editor, title: String, lines: [String], into buf: inout ScreenBuffer, rect r: Rect) {
        var styled = [StyledLine(title + "  (q or Esc closes)", .heading)]
        for l in lines {
            let slot: StyleSlot
            if l.hasPrefix("+++") || l.hasPrefix("---") { slot = .heading }
            else if l.hasPrefix("@@") { slot = .dim }
            else if l.hasPrefix("+") { slot = .diffAdded }
            else if l.hasPrefix("-") { slot = .diffRemoved }
            else { slot = .diffContext }
            styled.append(StyledLine(l, slot))
        }
        drawLines(e, styled, into: &buf, rect: r)
    }

    static func drawLines(_ e: Editor, _ lines: [StyledLine], into buf: inout ScreenBuffer, rect r: Rect) {
        guard r.height > 0 else { return }
        let maxScroll = max(0, lines.count - r.height)
        if e.screenScroll > maxScroll { e.screenScroll = maxScroll }
        let ascii = !e.glyphs.isUnicode
        for i in 0..<r.height {
            let li = e.screenScroll + i
            guard li < lines.count else { break }
            buf.draw(lines[li].segments.map { (inert($0.0, ascii: ascii), $0.1) }, x: r.x + 1, y: r.y + i, width: r.width - 1)
        }
    }
}

enum DialogView {
    static func drawConfirm(_ c: Confirm, into buf: inout ScreenBuffer, width: Int, height: Int) {
        let text = c.text
        let w = min(width - 4, TextWidth.of(text) + 4)
        guard w > 6 else { return }
        let inner = w - 4
        // wrap the text to the box
        var lines: [String] = []
        var cur = ""
        for word in text.split(separator: " ") {
            if TextWidth.of(cur) + word.count + 1 > inner && !cur.isEmpty { lines.append(cur); cur = "" }
            cur += (cur.isEmpty ? "" : " ") + word
        }
        if !cur.isEmpty { lines.append(cur) }
        let h = lines.count + 2
        let x = (width - w) / 2, y = max(1, (height - h) / 2)
        buf.fill(x: x, y: y, width: w, height: h, slot: .dialog, char: " ")
        for (i, l) in lines.enumerated() { buf.put(l, x: x + 2, y: y + 1 + i, slot: .dialogTitle, maxWidth: inner) }
    }
}
