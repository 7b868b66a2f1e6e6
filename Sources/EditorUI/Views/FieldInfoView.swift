// The footer of the field list: what the selected field is (path, type), the live
// count of {{id.field}} references in its text and the ones that do not resolve,
// why a commit was refused, operator suggestions, and the keys that apply.
import BlueprintKit

enum FieldInfoView {
    static func lines(_ e: Editor, fields: [FieldRef], width: Int) -> [StyledLine] {
        guard e.fields.cursor < fields.count else { return [hint(e, editing: false)] }
        let ed = e.fields.edit
        let f = ed?.field ?? fields[e.fields.cursor]
        var out: [StyledLine] = []
        var head: [(String, StyleSlot)] = [(ed == nil ? "" : "editing ", .heading), (f.display, .detailKey),
                                          ("  " + FieldListModel.typeName(of: f), .dim)]
        if ed?.asJSON == true { head.append(("  as JSON", .warning)) }
        var problems: [String] = []
        let text: String? = ed.map(\.text) ?? (f.kind == .string ? f.value?.stringValue : nil)
        out.append(StyledLine(head))
        if let text, f.holdsString || ed != nil, f.role != .conditionOperator {
            let refs = ReferenceSummary(text: text, blueprint: e.blueprint)
            out.append(StyledLine(refs.countText, refs.problems.isEmpty ? .dim : .warning))
            problems = refs.problems
        }
        for p in problems.prefix(3) { out.append(StyledLine("! " + p, .warning)) }
        if problems.count > 3 { out.append(StyledLine("! … and \(problems.count - 3) more", .warning)) }
        if let err = ed?.error { out.append(StyledLine(err, .error)) }
        if let ed, !ed.suggestions.isEmpty {
            var segs: [(String, StyleSlot)] = [("↑↓ ", .statusKey)]
            var used = 3
            for (i, s) in ed.suggestions.enumerated() {
                guard used + s.count + 2 <= width else { segs.append(("…", .dim)); break }
                segs.append((s, s == ed.text || i == ed.suggestion ? .match : .normal))
                segs.append(("  ", .normal))
                used += s.count + 2
            }
            out.append(StyledLine(segs))
        }
        out.append(hint(e, editing: ed != nil))
        return out
    }

    static func hint(_ e: Editor, editing: Bool) -> StyledLine {
        let items: [(Action, String, KeyContext)] = editing
            ? [(.editCommit, "commit", .lineEditor), (.editCancel, "cancel", .lineEditor),
               (.toggleJSONInput, "as JSON", .lineEditor), (.openMultiLine, "multi-line", .lineEditor)]
            : [(.editField, "edit", .detail), (.editFieldExternal, "$EDITOR", .detail), (.toggleField, "flip", .detail),
               (.addItem, "add", .detail), (.deleteItem, "delete", .detail), (.scenarioSettings, "scenario", .detail),
               (.leaveFields, "tree", .detail)]
        var segs: [(String, StyleSlot)] = []
        for (a, name, ctx) in items {
            guard let k = e.keyTable.bindings.first(where: { $0.context == ctx && $0.action == a })?.key else { continue }
            segs.append((k.displayName(ascii: !e.glyphs.isUnicode), .statusKey))
            segs.append((" \(name)  ", .dim))
        }
        return StyledLine(segs)
    }
}
