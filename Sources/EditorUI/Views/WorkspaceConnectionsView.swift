// Connections across scenarios (`C` on the list): each account with "used by 14
// modules in 5 scenarios"; Enter shows the modules of the selected one by scenario.
import BlueprintKit

enum WorkspaceConnectionsView {
    static func lines(_ w: Workspace) -> (lines: [StyledLine], cursorLine: Int) {
        guard let c = w.connections else { return ([], 0) }
        var out: [StyledLine] = [StyledLine("Connections across scenarios  (Enter lists the modules, s swaps everywhere, Esc returns)", .heading)]
        var cursorLine = 0
        if c.accounts.isEmpty { out.append(StyleLineEmpty.none) }
        for (k, a) in c.accounts.enumerated() {
            let sc = a.users.count, mc = a.moduleCount
            var segs: [(String, StyleSlot)] = [("\(a.kind.title) \(a.id.text)", .connection)]
            if let l = a.label { segs.append(("  \"\(l)\"", .label)) }
            if let t = a.type { segs.append(("  [\(t)]", .dim)) }
            segs.append(("  used by \(mc) module\(mc == 1 ? "" : "s") in \(sc) scenario\(sc == 1 ? "" : "s")", .normal))
            if k == c.cursor { cursorLine = out.count; segs = segs.map { ($0.0, .selected) } }
            out.append(StyledLine([(k == c.cursor ? "> " : "  ", k == c.cursor ? .selected : .normal)] + segs))
            if k == c.cursor && c.showUsers {
                for u in a.users {
                    let s = w.entries[u.entry].summary
                    out.append(StyledLine([("      " + s.title, .label), ("  " + w.shownPath(s.path), .dim),
                                           (w.entries[u.entry].isModified ? "  [+]" : "", .titleModified)]))
                    for m in u.modules { out.append(StyledLine("          " + m, .moduleId)) }
                }
            }
        }
        return (out, cursorLine)
    }

    static func draw(_ w: Workspace, into buf: inout ScreenBuffer, rect r: Rect) {
        guard r.height > 0 else { return }
        let (all, cur) = lines(w)
        w.viewportRows = r.height
        var scroll = w.connections?.scroll ?? 0
        if cur < scroll + 1 { scroll = max(0, cur - 1) }
        if cur >= scroll + r.height { scroll = cur - r.height + 1 }
        w.connections?.scroll = scroll
        for k in 0..<r.height where scroll + k < all.count {
            let line = all[scroll + k]
            if line.segments.first?.1 == .selected { buf.fill(x: r.x, y: r.y + k, width: r.width, height: 1, slot: .selected) }
            buf.draw(line.segments, x: r.x + 1, y: r.y + k, width: r.width - 1)
        }
    }
}

enum StyleLineEmpty {
    static let none = StyledLine("  no scenario uses a connection, webhook, key or data store", .dim)
}
