// The detail pane's field list as lines: a title, section headings, condition
// group words, and one row per field (name column, value), with the line of
// each field so the view can scroll to the field cursor and draw the editor.
import BlueprintKit

struct FieldListModel {
    enum Line {
        case text(StyledLine)
        /// Field `index` of the list.
        case field(Int)
    }

    var lines: [Line] = []
    /// Line index of each field.
    var lineOfField: [Int] = []
    /// Width of the name column (indent included).
    var nameWidth = 8

    init(fields: [FieldRef], title: [StyledLine], elseRoute: Int?) {
        lines = title.map { .text($0) }
        var lastSection: FieldSection?
        var lastCondition: (Int, Int)?
        for (i, f) in fields.enumerated() {
            if f.section != lastSection {
                lines.append(.text(StyledLine("")))
                lines.append(.text(StyledLine(f.section.rawValue, .heading)))
                lastSection = f.section
            }
            if let c = FieldListModel.condition(of: f), c != lastCondition.map({ ($0.0, $0.1) }) ?? (-1, -1) {
                let word = c.1 > 0 ? "and" : (c.0 == 0 ? "when" : "or when")
                lines.append(.text(StyledLine("  " + word, .dim)))
                lastCondition = c
            }
            lineOfField.append(lines.count)
            lines.append(.field(i))
        }
        // Leading space, two columns per level (sections start at level 1), a space after.
        let widths = fields.map { 1 + TextWidth.of(FieldListModel.name(of: $0, elseRoute: elseRoute)) + 2 * ($0.depth + 1) + 1 }
        nameWidth = min(28, max(10, widths.max() ?? 10))
    }

    /// `(or-group, condition)` of a filter condition's field.
    static func condition(of f: FieldRef) -> (Int, Int)? {
        guard f.section == .filter, f.role != .filterName else { return nil }
        let c = f.path.components
        guard c.count >= 3, case .index(let i) = c[c.count - 3], case .index(let j) = c[c.count - 2] else { return nil }
        return (i, j)
    }

    /// The name shown for a field.
    static func name(of f: FieldRef, elseRoute: Int?) -> String {
        switch f.role {
        case .label: return "label"
        case .filterName: return "name"
        case .conditionOperator: return "operator"
        case .conditionOperand: return f.name == "a" ? "operand a" : "operand b"
        case .routeDisabled(let r): return "route \(r + 1)" + (elseRoute == r ? " (else)" : "")
        case .scenarioName: return "name"
        default: return f.name
        }
    }

    /// The value as shown in the list (one line, controls made visible by the view).
    static func valueText(of f: FieldRef) -> (String, StyleSlot) {
        if case .routeDisabled = f.role {
            return (f.value?.boolValue == true ? "disabled" : "enabled", f.value?.boolValue == true ? .warning : .detailValue)
        }
        switch f.value {
        case .none: return ("(not set)", .dim)
        case .some(.string(let s)):
            if s.isEmpty { return ("\"\"", .dim) }
            let firstLine = s.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? s
            let more = firstLine.count < s.count ? "  (\(s.count) chars, \(s.filter { $0 == "\n" }.count + 1) lines)" : ""
            return (String(firstLine.prefix(DetailModel.maxValueChars)) + more, .detailValue)
        case .some(.array(let a)):
            if f.role == .duplicateKey { return ("[\(a.count) items] (duplicate key)", .warning) }
            return (a.isEmpty ? "[]" : "[\(a.count) item\(a.count == 1 ? "" : "s")]", .dim)
        case .some(.object(let o)):
            if f.role == .duplicateKey { return ("{…} (duplicate key)", .warning) }
            return (o.isEmpty ? "{}" : "{\(o.count) field\(o.count == 1 ? "" : "s")}", .dim)
        case .some(let v):
            return (v.compactText + (f.role == .duplicateKey ? "  (duplicate key)" : ""), f.role == .duplicateKey ? .warning : .detailValue)
        }
    }

    /// `string`, `number`, `true/false`, ... for the info line.
    static func typeName(of f: FieldRef) -> String {
        if f.isBoolean { return "true/false" }
        switch f.kind {
        case .missing: return f.holdsString ? "text, not set yet" : "not set yet"
        case .bool: return "true/false"
        default: return f.kind.rawValue
        }
    }
}
