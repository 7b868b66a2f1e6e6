// What the review screen shows for one module, as styled lines wrapped to the
// screen width: a fixed header (position, module, versions, target, catalog
// provenance) and a scrolling body (the module's before → after changes, the
// references rewritten or left dangling, the connection consequence, notes).
import BlueprintKit

enum ReviewContent {
    struct Page {
        var header: [StyledLine]
        var body: [StyledLine]
    }

    static func page(_ e: Editor, width: Int) -> Page? {
        guard let r = e.review, let it = r.current, let mi = e.moduleIndex(at: it.path) else { return nil }
        var w = Wrapper(width: width, ascii: !e.glyphs.isUnicode)
        let m = e.blueprint.modules[mi]
        let g = e.glyphs
        let status = e.services.catalog.status(of: m, in: e.blueprint.document)

        // header
        if let sc = e.reviewScenario { w.add([(sc, .heading)]) }
        var head: [(String, StyleSlot)] = [("Upgrade review  ", .heading), ("\(r.position + 1) of \(r.items.count)  ", .heading),
                                            (m.idText + " ", .moduleId), (m.label ?? status.title, .label)]
        if let a = it.answer { head.append(("  (\(answerText(a)))", .dim)) }
        w.add(head)
        let target = status.target
        let vFrom = m.version.map { "v\($0)" } ?? "v-"
        if it.kind == .upgrade {
            w.add([(e.badges[mi].text(g) + "  ", .badgeUpgradable), ("\(status.key.module) \(g.arrow) \(target?.module ?? "?")", .appName)])
        } else {
            w.add([("\(vFrom) \(g.cross) manual replacement  ", .badgeManual),
                   ("\(status.key.module) \(g.arrow) \(target.map { "\($0.module) \($0.versionText)" } ?? "no replacement recorded")", .appName)])
        }
        w.add([(status.title + " \(g.arrow) ", .dim), (status.targetTitle ?? "?", .normal)])
        var prov = status.provenance
        for p in e.services.catalog.upgradePath(for: m, status: status)?.provenance ?? [] where !prov.contains(p) { prov.append(p) }
        if let d = status.deprecatedSince { prov.insert("deprecated since \(d)", at: 0) }
        if let d = status.deadline { prov.insert(d.text(today: e.today), at: 0) }
        prov.insert("basis: \(status.basisText)", at: 0)
        let plan = it.kind == .upgrade ? e.reviewPlan() : nil
        if case .success(let p)? = plan { w.add(glance(p, separator: g.isUnicode ? " · " : ", ")) }
        let shape = it.kind == .upgrade ? verdict(e, m, it, plan) : nil
        if let shape { w.add(shape.line, maxLines: 1) }
        if it.kind == .manual, let id = m.id {
            let n = e.blueprint.references(to: id).count
            w.add([("replace by hand; \(n) mapping\(n == 1 ? "" : "s") of its outputs to redo", .badgeManual)])
        }
        w.add([("rule: ", .dim), (prov.isEmpty ? "no provenance recorded" : prov.joined(separator: "; "), .dim)], maxLines: 1)
        let header = w.take()

        if it.kind == .manual {
            manualBody(e, m, status, &w)
        } else {
            switch plan {
            case .success(let plan)?: upgradeBody(e, plan, &w)
            case .failure(let err)?: w.add([("cannot plan this upgrade: \(err)", .error)], indent: 2)
            case nil: break
            }
        }
        if let shape, !shape.issues.isEmpty {
            w.heading("Left for review in \(shape.target) (\(shape.issues.count))", slot: .warning)
            for i in shape.issues {
                w.add([("  \(g.warning) " + i.field, .warning), (": " + i.reason, .dim)], indent: 6)
            }
            w.add([("  after applying, fix or remove these fields (x on the field in the detail pane removes it); the module shows \(g.warning) until they are gone", .dim)], indent: 4)
        }
        if !prov.isEmpty {
            w.heading("Catalog")
            for p in prov { w.add([("  \(g.bullet) " + p, .dim)], indent: 4) }
        }
        return Page(header: header, body: w.take())
    }

    /// One line of consequences: `1 reference rewritten · 1 dangling · connection to reassign`.
    static func glance(_ p: UpgradePlan, separator: String) -> [(String, StyleSlot)] {
        var parts: [(String, StyleSlot)] = []
        func add(_ t: String, _ slot: StyleSlot) {
            if !parts.isEmpty { parts.append((separator, .dim)) }
            parts.append((t, slot))
        }
        let n = p.rewrites.count
        add("\(n) reference\(n == 1 ? "" : "s") rewritten", .normal)
        if !p.dangling.isEmpty { add("\(p.dangling.count) dangling", .error) }
        if !p.referencesToReview.isEmpty { add("\(p.referencesToReview.count) to check", .warning) }
        if !p.flagged.isEmpty { add("\(p.flagged.count) field\(p.flagged.count == 1 ? "" : "s") to check", .warning) }
        switch p.connection?.action {
        case .reassign?: add("connection to reassign", .warning)
        case .verify?: add("connection to verify", .warning)
        case .keep?, nil: add("connection kept", .normal)
        }
        return parts
    }

    /// The shape verdict for the upgraded module: what `check` will say once it is applied.
    struct Verdict {
        var target: ModuleKey
        var issues: [ShapeIssue]
        var line: [(String, StyleSlot)]
    }

    /// "whole" or "leaves 2 fields for review: …", from the module as applied or as the plan
    /// writes it; nil when the catalog has no shape for the new version (nothing is claimed).
    static func verdict(_ e: Editor, _ m: Module, _ it: ReviewItem, _ plan: Result<UpgradePlan, UpgradeError>?) -> Verdict? {
        let c = e.services.catalog
        let key: ModuleKey
        let issues: [ShapeIssue]
        if case .applied(let a)? = it.answer {
            key = a.to
            issues = c.shapeIssues(moduleNode: m.node, in: e.blueprint.document, key: ModuleKey(m.moduleName, m.version))
        } else if case .success(let p)? = plan {
            key = p.to
            issues = e.services.shapeVerdict(p)
        } else { return nil }
        guard c.shapes[key] != nil else { return nil }
        if issues.isEmpty {
            return Verdict(target: key, issues: [], line: [("whole: ", .badgeCurrent), ("matches the fields real \(key) modules have", .dim)])
        }
        let n = issues.count
        return Verdict(target: key, issues: issues,
                       line: [("leaves \(n) field\(n == 1 ? "" : "s") for review: ", .warning),
                              (issues.map(\.field).joined(separator: ", "), .warning)])
    }

    static func answerText(_ a: ReviewAnswer) -> String {
        switch a {
        case .applied: return "applied"
        case .skipped: return "skipped"
        case .reviewed: return "marked reviewed"
        case .changedElsewhere: return "changed outside the review"
        }
    }

    static func refName(_ e: Editor, _ index: Int, _ id: Int?) -> String { id.map { "#\($0)" } ?? e.blueprint.modules[index].idText }

    static func upgradeBody(_ e: Editor, _ p: UpgradePlan, _ w: inout Wrapper) {
        let g = e.glyphs
        let name = p.moduleId.map { "#\($0)" } ?? "#?"
        w.heading("Changes to \(name)")
        // only what changes: a version that stays the same (a new module name at v1) is left out
        for c in p.changes where !(c.kind == .changed && c.before == c.after && c.keyBefore == c.keyAfter) { change(c, &w, g) }
        if !p.metadataChanges.isEmpty {
            // restore labels, descriptors and interface entries: one line, they follow the fields
            let keys = p.metadataChanges.map { c in
                let k = c.keyBefore ?? c.keyAfter ?? ""
                return k.hasPrefix("metadata.") ? String(k.dropFirst(9)) : k
            }
            w.add([("  ~ \(p.metadataChanges.count) metadata entr\(p.metadataChanges.count == 1 ? "y follows" : "ies follow") the fields: ", .dim),
                   (keys.joined(separator: ", "), .dim)], indent: 6, maxLines: 2)
        }

        w.heading("References rewritten (\(p.rewrites.count))")
        if p.rewrites.isEmpty { w.add([("  none: no downstream mapping uses a renamed output", .dim)], indent: 4) }
        for rw in p.rewrites {
            w.add([("  " + refName(e, rw.moduleIndex, rw.moduleId) + " ", .moduleId), (rw.location + "  ", .detailKey),
                   ("{{\(rw.oldText)}}", .diffRemoved), (" \(g.arrow) ", .dim), ("{{\(rw.newText)}}", .diffAdded)], indent: 6)
        }
        if !p.dangling.isEmpty {
            w.heading("References that would dangle (\(p.dangling.count))", slot: .warning)
            for d in p.dangling { issue(e, d, .error, &w) }
        }
        if !p.referencesToReview.isEmpty {
            w.heading("References to check (\(p.referencesToReview.count))", slot: .warning)
            for d in p.referencesToReview { issue(e, d, .warning, &w) }
        }

        w.heading("Connection")
        if let c = p.connection {
            connection(c, &w, g)
        } else {
            w.add([("  kept: the upgrade does not change the module's connections", .normal)], indent: 4)
        }

        if !p.notes.isEmpty {
            w.heading("Notes (\(p.notes.count))")
            for n in p.notes { w.add([("  \(g.bullet) " + n, .normal)], indent: 4) }
        }
    }

    /// `- mapper.qs: []` / `+ mapper.queryParameters: []`, with the rule's note.
    static func change(_ c: PlanChange, _ w: inout Wrapper, _ g: Glyphs) {
        switch c.kind {
        case .added:
            w.add([("  + " + (c.keyAfter ?? "?") + ": " + (c.after ?? "null"), .diffAdded)], indent: 6)
        case .removed:
            w.add([("  - " + (c.keyBefore ?? "?") + ": " + (c.before ?? "null"), .diffRemoved)], indent: 6)
        case .flagged where c.after == c.before && c.keyAfter == c.keyBefore:
            w.add([("  \(g.warning) " + (c.keyBefore ?? "?") + ": " + (c.before ?? "(absent)") + "  (kept; check it)", .warning)], indent: 6)
        case .changed, .renamed, .flagged:
            if let b = c.keyBefore { w.add([("  - " + b + ": " + (c.before ?? "(absent)"), .diffRemoved)], indent: 6) }
            if let a = c.keyAfter ?? c.keyBefore {
                w.add([("  + " + a + ": " + (c.after ?? "(absent)"), c.kind == .flagged ? .warning : .diffAdded)], indent: 6)
            }
        }
        if let n = c.note { w.add([("      " + n, c.kind == .flagged ? .warning : .dim)], indent: 6) }
    }

    static func issue(_ e: Editor, _ d: ReferenceIssue, _ slot: StyleSlot, _ w: inout Wrapper) {
        w.add([("  " + refName(e, d.moduleIndex, d.moduleId) + " ", .moduleId), (d.location + "  ", .detailKey), ("{{\(d.text)}}", slot)], indent: 6)
        w.add([("      " + d.reason, .dim)], indent: 6)
    }

    static func connection(_ c: ConnectionConsequence, _ w: inout Wrapper, _ g: Glyphs) {
        let kind = c.kind.title
        let after = c.acceptedAfter.isEmpty ? "" : c.acceptedAfter.joined(separator: ", ")
        let before = c.acceptedBefore.isEmpty || c.acceptedBefore == c.acceptedAfter
            ? "" : " (the current one is \(c.acceptedBefore.joined(separator: ", ")))"
        switch c.action {
        case .reassign:
            w.add([("  must be reassigned: ", .warning),
                   ("the new version accepts \(after.isEmpty ? "another type" : after)\(before)", .warning)], indent: 4)
        case .verify:
            w.add([("  kept, to verify: ", .warning), ("the new version accepts \(after.isEmpty ? "?" : after)\(before)", .normal)], indent: 4)
        case .keep:
            w.add([("  kept", .normal), (after.isEmpty ? "" : ": the new version accepts \(after)", .normal)], indent: 4)
        }
        var cur = "  \(kind) \(c.parameterBefore)"
        if c.parameterAfter != c.parameterBefore { cur += " \(g.arrow) \(c.parameterAfter)" }
        cur += ": " + (c.label ?? "(no label)")
        if let v = c.valueBefore { cur += "  id \(v)" }
        w.add([(cur, .connection)], indent: 4)
        if let n = c.note { w.add([("  " + n, .dim)], indent: 4) }
        if c.mustReassign { w.add([("  after applying, choose a \(kind) for it (the module will have none)", .dim)], indent: 4) }
    }

    static func manualBody(_ e: Editor, _ m: Module, _ s: ModuleStatus, _ w: inout Wrapper) {
        let g = e.glyphs
        let target = s.target.map { "\(s.targetTitle ?? $0.module) (\($0.module) \($0.versionText))" } ?? "a current module"
        w.heading("What to do", slot: .badgeManual)
        w.add([("  scened cannot upgrade \(m.idText) automatically. Replace it with \(target) in Make or Fusion, then map its fields again:", .normal)], indent: 2)
        if s.notes.isEmpty { w.add([("  \(g.bullet) the catalog has no notes for this module", .dim)], indent: 4) }
        for n in s.notes { w.add([("  \(g.bullet) " + n, .normal)], indent: 4) }
        w.add([("  n skips it, m marks it reviewed; it stays deprecated until replaced", .dim)], indent: 2)

        if let id = m.id {
            let users = e.blueprint.references(to: id)
            w.heading("Mappings of #\(id)'s outputs to redo after replacing it (\(users.count))")
            if users.isEmpty { w.add([("  none: no module maps this module's outputs", .dim)], indent: 4) }
            for ref in users {
                w.add([("  " + e.blueprint.modules[ref.moduleIndex].idText + " ", .moduleId), (ref.location + "  ", .detailKey),
                       ("{{\(ref.text)}}", .detailValue)], indent: 6)
            }
        }
        w.heading("Connection")
        if m.accounts.isEmpty { w.add([("  none", .dim)], indent: 4) }
        for a in m.accounts {
            var v = "  \(a.kind.title) \(a.parameter): \(a.label ?? "(no label)")"
            if !a.valueText.isEmpty { v += "  id \(a.valueText)" }
            w.add([(v, .connection)], indent: 4)
            if !a.accepted.isEmpty { w.add([("    accepts: " + a.accepted.joined(separator: ", "), .dim)], indent: 6) }
        }
        w.add([("  the replacement may need another connection type: choose one when you add it", .dim)], indent: 4)
    }
}

/// Builds styled lines wrapped to a width, made inert on the way (blueprint text is untrusted).
struct Wrapper {
    let width: Int
    let ascii: Bool
    private var lines: [StyledLine] = []

    init(width: Int, ascii: Bool) {
        self.width = max(10, width)
        self.ascii = ascii
    }

    mutating func take() -> [StyledLine] { defer { lines = [] }; return lines }

    mutating func heading(_ t: String, slot: StyleSlot = .heading) {
        lines.append(StyledLine(""))
        add([(t, slot)])
    }

    /// Adds one logical line; continuation lines start `indent` columns in. At most
    /// `maxLines` lines are kept (the last one then ends in an ellipsis).
    mutating func add(_ segments: [(String, StyleSlot)], indent: Int = 2, maxLines: Int = .max) {
        var cells: [(Character, StyleSlot)] = []
        for (text, slot) in segments { for ch in SafeText.inert(text, ascii: ascii) { cells.append((ch, slot)) } }
        var out: [[(Character, StyleSlot)]] = []
        var cur: [(Character, StyleSlot)] = []
        var used = 0
        var lastSpace: Int?
        let pad = min(indent, width / 2)
        for cell in cells {
            let cw = TextWidth.of(cell.0)
            if used + cw > width {
                if let sp = lastSpace, sp > pad {
                    let rest = Array(cur[(sp + 1)...])
                    out.append(Array(cur[..<sp]))
                    cur = Array(repeating: (" ", rest.first?.1 ?? cell.1), count: pad) + rest
                } else {
                    out.append(cur)
                    cur = Array(repeating: (" ", cell.1), count: pad)
                }
                used = cur.reduce(0) { $0 + TextWidth.of($1.0) }
                lastSpace = cur.indices.last { $0 > pad && cur[$0].0 == " " }
            }
            if cell.0 == " " && cur.count > pad { lastSpace = cur.count }
            cur.append(cell)
            used += cw
        }
        out.append(cur)
        if out.count > maxLines {
            out = Array(out.prefix(maxLines))
            var last = out[maxLines - 1]
            // The glyph set's ellipsis over the last cells: "…", or "..." in ASCII.
            let marker: [Character] = ascii ? [".", ".", "."] : ["…"]
            for (k, ch) in marker.enumerated().reversed() {
                let at = last.count - marker.count + k
                if at >= 0 && TextWidth.of(last[at].0) == 1 { last[at] = (ch, last[at].1) }
            }
            out[maxLines - 1] = last
        }
        for l in out { lines.append(StyledLine(group(l))) }
    }

    private func group(_ cells: [(Character, StyleSlot)]) -> [(String, StyleSlot)] {
        var segs: [(String, StyleSlot)] = []
        for (ch, slot) in cells {
            if let last = segs.last, last.1 == slot { segs[segs.count - 1].0.append(ch) } else { segs.append((String(ch), slot)) }
        }
        return segs
    }
}
