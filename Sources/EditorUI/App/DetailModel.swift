// The detail pane's content for one module, as styled lines: module, version and
// status, connections, filter, mapper fields, used by / uses, warnings.
import BlueprintKit

public struct StyledLine: Sendable, Equatable {
    public var segments: [(String, StyleSlot)]
    public init(_ segments: [(String, StyleSlot)]) { self.segments = segments }
    public init(_ text: String, _ slot: StyleSlot = .normal) { segments = [(text, slot)] }

    public static func == (a: StyledLine, b: StyledLine) -> Bool {
        a.segments.count == b.segments.count && zip(a.segments, b.segments).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    }

    public var plain: String { segments.map(\.0).joined() }
}

enum DetailModel {
    static let maxValueChars = 160

    static func lines(for m: Module, editor e: Editor) -> [StyledLine] {
        let bp = e.blueprint
        let doc = bp.document
        let badge = e.badges[m.index]
        let g = e.glyphs
        var out: [StyledLine] = []
        func heading(_ t: String) { out.append(StyledLine("")); out.append(StyledLine(t, .heading)) }
        func kv(_ k: String, _ v: String, _ slot: StyleSlot = .detailValue) {
            out.append(StyledLine([("  " + k + "  ", .detailKey), (v, slot)]))
        }

        out.append(StyledLine([(m.idText + " ", .moduleId), (m.label ?? badge.title ?? m.moduleName, .label)]))
        out.append(StyledLine([(m.moduleName + " ", .appName), (badge.text(g), badge.slot)]))
        switch badge.state {
        case .current:
            switch badge.basis {
            case .observed: out.append(StyledLine("no deprecation known (only seen in public exports)", .badgeObserved))
            case .appVersion: out.append(StyledLine("current: its app version is documented as current", .dim))
            default: out.append(StyledLine("current (documented)", .dim))
            }
        case .upgradable:
            if let v = badge.valueChange {
                out.append(StyledLine([("retired value: ", .normal), (v, .badgeUpgradable), ("  (u upgrades)", .dim)]))
            } else {
                out.append(StyledLine([("upgradable to ", .normal),
                                       ("\(badge.targetModule ?? m.moduleName) v\(badge.targetVersion.map(String.init) ?? "?")", .badgeUpgradable),
                                       ("  (u upgrades)", .dim)]))
            }
        case .manual:
            let to = badge.targetModule.map { " by \($0)\(badge.targetVersion.map { " v\($0)" } ?? "")" }
                ?? badge.targetVersion.map { " by a module of app version v\($0)" } ?? ""
            out.append(StyledLine("deprecated: needs a manual replacement" + to, .badgeManual))
            if let v = badge.valueChange { out.append(StyledLine("retired value: " + v, .badgeManual)) }
        case .unknown: out.append(StyledLine("not in the catalog (unknown version status)", .badgeUnknown))
        case .needsReview:
            out.append(StyledLine("needs review: does not match the shape of its version", .warning))
            for r in badge.review { out.append(StyledLine("  " + r, .warning)) }
        }
        if let d = badge.deadline { out.append(StyledLine(d.text(today: e.today), badge.urgent ? .warning : .dim)) }
        if badge.state != .unknown { out.append(StyledLine("basis: \(badge.basisText)", .dim)) }
        if let t = badge.title { out.append(StyledLine(t, .dim)) }
        for n in badge.notes { out.append(StyledLine("note: " + n, .warning)) }
        for p in badge.provenance.prefix(3) { out.append(StyledLine("source: " + p, .dim)) }
        out.append(StyledLine([("in ", .dim), (m.container == .main ? "the main flow" : m.container.description, .normal)]))

        if !m.accounts.isEmpty {
            heading("Connections")
            for a in m.accounts {
                var v = a.label ?? "(no label)"
                if !a.valueText.isEmpty { v += "  id \(a.valueText)" } else { v += "  (empty)" }
                if let t = a.connectionType { v += "  [\(t)]" }
                kv("\(a.kind.title) \(a.parameter)", v, .connection)
                if !a.accepted.isEmpty { out.append(StyledLine("      accepts: " + a.accepted.joined(separator: ", "), .dim)) }
            }
        }

        if m.hasFilter, let f = doc.member(m.node, "filter") {
            heading("Filter" + (m.filterName.map { ": \($0)" } ?? ""))
            out += filterLines(doc, f)
        }

        for section in ["parameters", "mapper"] {
            guard let obj = doc.member(m.node, section), doc.kind(obj) == .object, doc.node(obj).count > 0 else { continue }
            heading(section == "mapper" ? "Mapper" : "Parameters")
            for c in doc.children(obj) {
                kv(doc.key(c) ?? "?", summary(doc, c))
            }
        }

        if let id = m.id {
            let users = bp.references(to: id)
            heading("Used by (\(users.count))")
            if users.isEmpty { out.append(StyledLine("  no module maps this module's outputs", .dim)) }
            for r in users.prefix(200) {
                let src = bp.modules[r.moduleIndex]
                out.append(StyledLine([("  " + src.idText + " ", .moduleId), (r.location + "  ", .detailKey), ("{{\(r.text)}}", .detailValue)]))
            }
        }
        let uses = bp.references(from: m.index)
        if !uses.isEmpty {
            heading("Uses (\(uses.count))")
            var seen = Set<String>()
            for r in uses where seen.insert(r.text).inserted {
                out.append(StyledLine([("  {{\(r.text)}}", r.dangling ? .error : .detailValue),
                                       (r.dangling ? "  no module #\(r.targetId)" : "", .error)]))
            }
        }
        let warnings = e.warnings(for: m.index)
        if !warnings.isEmpty {
            heading("Warnings (\(warnings.count))")
            for w in warnings { out.append(StyledLine("  ! " + w, .warning)) }
        }
        return out
    }

    static func filterLines(_ doc: JSONDocument, _ f: Int) -> [StyledLine] {
        guard doc.kind(f) == .object, let conds = doc.member(f, "conditions"), doc.kind(conds) == .array else {
            return [StyledLine("  (no conditions)", .dim)]
        }
        var out: [StyledLine] = []
        for (oi, andList) in doc.children(conds).enumerated() {
            if oi > 0 { out.append(StyledLine("  OR", .heading)) }
            guard doc.kind(andList) == .array else { continue }
            for (ai, c) in doc.children(andList).enumerated() where doc.kind(c) == .object {
                let a = doc.member(c, "a").map { scalarText(doc, $0) } ?? ""
                let o = doc.string(c, "o") ?? "?"
                let b = doc.member(c, "b").map { " " + scalarText(doc, $0) } ?? ""
                out.append(StyledLine([(ai == 0 ? "  " : "  AND ", .dim), (a + " ", .detailValue), (o, .detailKey), (b, .detailValue)]))
            }
        }
        if out.isEmpty { out.append(StyledLine("  (no conditions: everything passes)", .dim)) }
        return out
    }

    static func scalarText(_ doc: JSONDocument, _ n: Int) -> String {
        if let s = doc.string(n) { return s }
        return doc.value(n).compactText
    }

    /// A one-line summary of a value: strings as text, containers by size.
    static func summary(_ doc: JSONDocument, _ n: Int) -> String {
        switch doc.kind(n) {
        case .string:
            let s = doc.string(n) ?? ""
            return s.count > maxValueChars ? String(s.prefix(maxValueChars)) + "…" : s
        case .array:
            let c = doc.node(n).count
            if c == 0 { return "[]" }
            let text = doc.value(n).compactText
            return text.count <= 60 ? text : "[\(c) item\(c == 1 ? "" : "s")]"
        case .object:
            let c = doc.node(n).count
            if c == 0 { return "{}" }
            let text = doc.value(n).compactText
            return text.count <= 60 ? text : "{\(c) field\(c == 1 ? "" : "s")}"
        default:
            return doc.sourceText(n)
        }
    }
}
