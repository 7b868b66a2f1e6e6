// The scenario list of a workspace: one row per blueprint with its name, file, module
// count, badge summary, nearest deadline, connection count and an unsaved mark;
// broken files show why. Only the rows on screen are drawn (1,000 scenarios scroll
// as fast as 10).
import BlueprintKit

enum ScenarioListView {
    struct Columns {
        var name: Int, file: Int, modules: Int, badges: Int, deadline: Int, connections: Int
    }

    /// Column widths for `width` (the name and the file take what is left).
    static func columns(_ width: Int, widest: (name: Int, file: Int) = (0, 0)) -> Columns {
        let modules = 8, connections = 6
        let deadline = width >= 90 ? 25 : 0
        let badges = width >= 70 ? min(30, width / 5) : 14
        let rest = max(10, width - 3 - modules - badges - deadline - connections - 5)
        // the name gets what the paths leave, but at least half (and no more than it needs)
        let name = max(8, min(max(rest / 2, rest - widest.file), max(widest.name, 8)))
        return Columns(name: name, file: rest - name, modules: modules, badges: badges, deadline: deadline, connections: connections)
    }

    static func draw(_ w: Workspace, into buf: inout ScreenBuffer, rect r: Rect) {
        guard r.height > 1 else { return }
        let c = columns(r.width, widest: w.widest)
        let ell = w.glyphs.ellipsis
        func cell(_ s: String, _ n: Int) -> String { TextWidth.fit(s, to: n, ellipsis: ell) }
        var head = "   " + cell("scenario", c.name) + " " + cell("file", c.file) + " " + cell("modules", c.modules) + " "
            + cell("status", c.badges) + " "
        if c.deadline > 0 { head += cell("nearest deadline", c.deadline) + " " }
        head += "conns"
        buf.put(head, x: r.x, y: r.y, slot: .heading, maxWidth: r.width)
        let rows = r.height - 1
        w.viewportRows = rows
        if w.cursor < w.scroll { w.scroll = w.cursor }
        if w.cursor >= w.scroll + rows { w.scroll = w.cursor - rows + 1 }
        w.scroll = max(0, min(w.scroll, max(0, w.visible.count - rows)))
        if w.visible.isEmpty {
            let why = w.entries.isEmpty ? "no scenario blueprints here" : "no scenario matches (Esc shows all)"
            buf.put("   " + why, x: r.x, y: r.y + 1, slot: .dim, maxWidth: r.width)
            return
        }
        let today = w.services.today
        for k in 0..<rows {
            let at = w.scroll + k
            guard at < w.visible.count else { break }
            let i = w.visible[at]
            let e = w.entries[i]
            let s = e.summary
            let y = r.y + 1 + k
            let selected = at == w.cursor
            if selected { buf.fill(x: r.x, y: y, width: r.width, height: 1, slot: .selected) }
            func slot(_ normal: StyleSlot) -> StyleSlot { selected ? .selected : normal }
            var segs: [(String, StyleSlot)] = [((selected ? ">" : " ") + (e.isModified ? "+ " : "  "), slot(.titleModified)),
                                               (cell(s.title, c.name) + " ", slot(.label)),
                                               (cell(w.shownPath(s.path), c.file) + " ", slot(.dim))]
            if let err = s.error {
                segs.append(("broken: " + err.description, slot(.error)))
                buf.draw(segs, x: r.x, y: y, width: r.width)
                continue
            }
            segs.append((cell("\(s.moduleCount)", c.modules) + " ", slot(.normal)))
            let badgeSlot: StyleSlot = s.count(.manual) > 0 ? .badgeManual : s.count(.upgradable) + s.count(.needsReview) > 0
                ? .badgeUpgradable : s.count(.unknown) > 0 ? .badgeUnknown : .badgeCurrent
            segs.append((cell(s.badgeText, c.badges) + " ", slot(badgeSlot)))
            if c.deadline > 0 {
                let d = s.deadline.map { deadlineText($0, today: today) } ?? ""
                segs.append((cell(d, c.deadline) + " ", slot(s.deadline?.isUrgent(today) == true ? .warning : .dim)))
            }
            segs.append(("\(s.connectionCount)", slot(.connection)))
            buf.draw(segs, x: r.x, y: y, width: r.width)
        }
    }

    /// `stops working 2026-07-31`, `stopped working on 2026-05-01`, `unsupported after …`.
    static func deadlineText(_ d: Deadline, today: String) -> String {
        let past = d.isPast(today)
        switch d.kind {
        case .stopsWorking: return past ? "stopped working \(d.date)" : "stops working \(d.date)"
        case .unsupportedAfter: return past ? "unsupported since \(d.date)" : "unsupported after \(d.date)"
        }
    }
}
