// The detail pane when it has the focus: the editable fields of the selected
// module (or of the scenario) with the field cursor, the one-line editor drawn in
// place of the selected value, and an info footer (type, live {{…}} reference
// count, unresolved references, suggestions, keys).
import BlueprintKit

enum FieldListView {
    static func draw(_ e: Editor, into buf: inout ScreenBuffer, rect r: Rect) {
        guard r.height > 0, r.width > 0 else { return }
        let fields = e.currentFields()
        let model = FieldListModel(fields: fields, title: title(e), elseRoute: elseRoute(e))
        let footer = FieldInfoView.lines(e, fields: fields, width: r.width - 1)
        let footerHeight = r.height >= 8 ? min(footer.count + 1, r.height / 2) : 0
        let listHeight = r.height - footerHeight
        e.fields.viewportLines = max(1, listHeight)
        var scroll = e.fields.scroll
        if let line = fields.isEmpty ? nil : model.lineOfField[min(e.fields.cursor, fields.count - 1)] {
            if e.fields.cursor == 0 { scroll = 0 }
            if line < scroll { scroll = line }
            if line >= scroll + listHeight { scroll = line - listHeight + 1 }
        }
        scroll = max(0, min(scroll, max(0, model.lines.count - listHeight)))
        e.fields.scroll = scroll
        let ascii = !e.glyphs.isUnicode
        for i in 0..<listHeight {
            let li = scroll + i
            guard li < model.lines.count else { break }
            let y = r.y + i
            switch model.lines[li] {
            case .text(let l):
                buf.draw([(" ", .normal)] + l.segments.map { (inert($0.0, ascii: ascii), $0.1) }, x: r.x, y: y, width: r.width)
            case .field(let fi):
                drawField(e, fields[fi], selected: fi == e.fields.cursor, model: model, into: &buf, x: r.x, y: y, width: r.width)
            }
        }
        if fields.isEmpty {
            buf.put(" no editable fields", x: r.x, y: r.y + min(model.lines.count, listHeight - 1), slot: .dim, maxWidth: r.width)
        }
        guard footerHeight > 0 else { return }
        let fy = r.y + listHeight
        buf.fill(x: r.x, y: fy, width: r.width, height: 1, slot: .treeLine, char: Character(e.glyphs.hline))
        for (k, l) in footer.prefix(footerHeight - 1).enumerated() {
            buf.draw([(" ", .normal)] + l.segments.map { (inert($0.0, ascii: ascii), $0.1) }, x: r.x, y: fy + 1 + k, width: r.width)
        }
    }

    static func drawField(_ e: Editor, _ f: FieldRef, selected: Bool, model: FieldListModel,
                          into buf: inout ScreenBuffer, x: Int, y: Int, width: Int) {
        let ascii = !e.glyphs.isUnicode
        let indent = String(repeating: "  ", count: f.depth + 1)
        let name = TextWidth.pad(" " + indent + FieldListModel.name(of: f, elseRoute: elseRoute(e)), to: model.nameWidth - 1) + " "
        var used = buf.put(name, x: x, y: y, slot: .detailKey, maxWidth: width)
        if selected, let ed = e.fields.edit, ed.field.path == f.path, case .line(let l) = ed.mode {
            let room = max(1, width - used - 1)
            let (text, col) = l.window(width: room)
            buf.put(text, x: x + used, y: y, slot: .normal, maxWidth: room)
            let cx = x + used + col
            buf.restyle(row: y, from: x + used, to: x + width, slot: .dialog)
            buf.restyle(row: y, from: cx, to: cx + max(1, Int(buf[cx, y].width)), slot: .cursor)
            return
        }
        let (value, slot) = FieldListModel.valueText(of: f)
        used += buf.put(inert(value, ascii: ascii), x: x + used, y: y, slot: slot, maxWidth: width - used)
        if selected {
            buf.restyle(row: y, from: x, to: x + width, slot: e.fields.edit == nil ? .selected : .selectedInactive)
        }
    }

    static func title(_ e: Editor) -> [StyledLine] {
        switch e.fields.target {
        case .scenario:
            return [StyledLine([("Scenario ", .heading), (e.blueprint.name ?? "(unnamed)", .label)])]
        case .module:
            guard let m = e.selectedOrOwnerModule else { return [StyledLine("no module selected", .dim)] }
            let badge = e.badges[m.index]
            return [StyledLine([(m.idText + " ", .moduleId), (m.label ?? badge.title ?? m.moduleName, .label)]),
                    StyledLine(m.moduleName, .appName)]
        }
    }

    static func elseRoute(_ e: Editor) -> Int? {
        guard e.fields.target == .module, let m = e.selectedOrOwnerModule else { return nil }
        let doc = e.blueprint.document
        return doc.member(m.node, "parameters").flatMap { doc.int($0, "else") }
    }
}
