// The module tree: one row per module or container header. Each module row:
// version badge, tree glyphs, id, label (or App › Module), connection label,
// and markers (F filter, E error handler, ! warnings).
import BlueprintKit

enum TreeView {

    static func draw(_ e: Editor, into buf: inout ScreenBuffer, rect r: Rect) {
        guard r.height > 0, r.width > 0 else { return }
        let active = e.pane == .tree
        let rows = e.rows
        // keep the cursor visible
        var scroll = e.scroll
        if e.cursor < scroll { scroll = e.cursor }
        if e.cursor >= scroll + r.height { scroll = e.cursor - r.height + 1 }
        scroll = max(0, min(scroll, max(0, rows.count - r.height)))
        e.scroll = scroll
        if rows.isEmpty {
            buf.put(e.attentionOnly ? "  every module is current (o shows all)" : "  this scenario has no modules",
                    x: r.x, y: r.y, slot: .dim, maxWidth: r.width)
            return
        }
        for line in 0..<r.height {
            let ri = scroll + line
            guard ri < rows.count else { break }
            let y = r.y + line
            drawRow(e, rows[ri], into: &buf, x: r.x, y: y, width: r.width)
            if ri == e.cursor {
                buf.restyle(row: y, from: r.x, to: r.x + r.width, slot: active ? .selected : .selectedInactive)
            }
        }
    }

    static func readableName(_ m: Module, _ badge: ModuleBadge, _ g: Glyphs) -> String {
        if let t = badge.title { return t }
        if m.moduleName.isEmpty { return "(no module)" }
        return m.name.isEmpty ? m.app : "\(m.app) \(g.separator) \(m.name)"
    }

    /// The label keeps this many columns (or all of it) before the connection gets any.
    static let labelMinimum = 16
    /// A connection column narrower than this is left out.
    static let connectionMinimum = 8
    static let connectionMaximum = 24

    /// How `room` columns (after the id, before the markers) split between the label and
    /// the connection column (which takes one more column for the space before it): the
    /// label first gets up to `labelMinimum`, then the connection up to
    /// `connectionMaximum`, then the label the rest. On a narrow tree the connection
    /// shrinks first and is left out below `connectionMinimum`.
    static func columns(label: Int, connection: Int, room: Int) -> (label: Int, connection: Int) {
        let room = max(0, room)
        guard connection > 0 else { return (min(label, room), 0) }
        let wanted = min(connection, connectionMaximum)
        if label + 1 + wanted <= room { return (label, wanted) }
        let conn = min(wanted, room - min(label, labelMinimum) - 1)
        guard conn >= min(wanted, connectionMinimum) else { return (min(label, room), 0) }
        return (room - conn - 1, conn)
    }

    static func drawRow(_ e: Editor, _ row: TreeRow, into buf: inout ScreenBuffer, x: Int, y: Int, width: Int) {
        let g = e.glyphs
        let ascii = !g.isUnicode
        switch row.kind {
        case .header(let owner, let key, let title):
            var text = title
            if let owner, key.hasPrefix("route") {
                // The route's condition is the filter of its first module.
                let router = e.blueprint.modules[owner]
                let k = Int(key.dropFirst("route".count)) ?? -1
                if let first = router.childIndices.map({ e.blueprint.modules[$0] }).first(where: {
                    if case .route(_, let i, _) = $0.container { return i == k }; return false
                }), let f = first.filterName, !f.isEmpty {
                    text += " \(g.separator) " + inert(f, ascii: ascii)
                }
            }
            let mark = row.collapsed ? " " + g.collapsed : ""
            buf.draw([(String(repeating: " ", count: e.badgeColumn), .normal), (row.prefix, .treeLine), (text, .heading), (mark, .marker)],
                     x: x, y: y, width: width)
        case .module(let i):
            let m = e.blueprint.modules[i]
            let badge = e.badges[i]
            let badgeText = TextWidth.pad(badge.text(g), to: e.badgeColumn - 1) + " "
            var segs: [(String, StyleSlot)] = [(badgeText, badge.slot), (row.prefix, .treeLine)]
            if row.collapsible { segs.append(((row.collapsed ? g.collapsed : g.expanded) + " ", .marker)) }
            segs.append((m.idText + " ", .moduleId))
            let label = m.label.flatMap { $0.isEmpty ? nil : inert($0, ascii: ascii) } ?? inert(readableName(m, badge, g), ascii: ascii)
            let fixedW = segs.reduce(0) { $0 + TextWidth.of($1.0) }
            // right side, before a one-column margin: connection label and markers
            var markers = ""
            if m.hasFilter { markers += "F" }
            if m.hasErrorHandler { markers += "E" }
            if e.hasWarnings(i) { markers += "!" }
            let conn = m.connections.first.flatMap { $0.label }.map { inert($0, ascii: ascii) } ?? ""
            let markersW = markers.isEmpty ? 0 : markers.count + 1
            let cols = columns(label: TextWidth.of(label), connection: TextWidth.of(conn),
                               room: width - 1 - fixedW - markersW)
            segs.append((TextWidth.truncate(label, to: cols.label, ellipsis: g.ellipsis), m.label == nil ? .appName : .label))
            buf.draw(segs, x: x, y: y, width: width)
            if cols.connection > 0 {
                buf.put(TextWidth.truncate(conn, to: cols.connection, ellipsis: g.ellipsis), x: x + width - 1 - markersW - cols.connection,
                        y: y, slot: .connection, maxWidth: cols.connection)
            }
            if !markers.isEmpty, fixedW + markersW < width {
                buf.put(markers, x: x + width - 1 - markers.count, y: y, slot: markers.contains("!") ? .warning : .marker, maxWidth: markers.count)
            }
        }
    }
}
