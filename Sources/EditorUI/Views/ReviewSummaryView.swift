// The end of the upgrade review: how many upgrades were applied, skipped, left
// as manual replacements, which applied ones need a connection and which left fields for review; closing it
// puts the cursor on the first module that still needs attention.
import BlueprintKit

enum ReviewSummaryView {
    static func lines(_ e: Editor, width: Int) -> [StyledLine] {
        guard let r = e.review else { return [] }
        let s = r.summary
        let g = e.glyphs
        var w = Wrapper(width: width, ascii: !g.isUnicode)
        let ended = !s.notReviewed.isEmpty || r.items.contains { $0.kind == .manual && $0.answer == nil }
        if let sc = e.reviewScenario { w.add([(sc, .heading)]) }
        w.add([("Upgrade review \(ended ? "ended" : "finished"): \(r.items.count) module\(r.items.count == 1 ? "" : "s")", .heading)])
        w.add([("", .normal)])
        func count(_ label: String, _ n: Int, _ slot: StyleSlot) {
            w.add([("  " + TextWidth.pad(label, to: 22), .detailKey), ("\(n)", n > 0 ? slot : .dim)])
        }
        count("applied", s.applied.count, .badgeCurrent)
        count("skipped", s.skipped.count, .badgeUpgradable)
        count("manual", s.manual.count, .badgeManual)
        count("needing connections", s.needingConnections.count, .warning)
        // applied upgrades that left fields the new version does not have (the shape check)
        let leftOver: [(ReviewItem, [ShapeIssue])] = s.applied.compactMap { it in
            guard let mi = e.moduleIndex(at: it.path), e.badges[mi].state == .needsReview else { return nil }
            let m = e.blueprint.modules[mi]
            return (it, e.services.catalog.status(of: m, in: e.blueprint.document).shapeIssues)
        }
        if !leftOver.isEmpty { count("left for review", leftOver.count, .warning) }
        if !s.notReviewed.isEmpty { count("not reviewed", s.notReviewed.count, .badgeUpgradable) }
        if !s.changedElsewhere.isEmpty { count("changed outside review", s.changedElsewhere.count, .dim) }

        func row(_ it: ReviewItem, _ extra: [(String, StyleSlot)]) {
            guard let mi = e.moduleIndex(at: it.path) else { return }
            let m = e.blueprint.modules[mi]
            w.add([("  " + m.idText + " ", .moduleId), ((m.label ?? e.badges[mi].title ?? m.moduleName) + "  ", .label)] + extra, indent: 6)
        }
        if !s.applied.isEmpty {
            w.heading("Applied (\(s.applied.count))")
            for it in s.applied {
                guard case .applied(let a)? = it.answer else { continue }
                row(it, [("\(a.from) \(g.arrow) \(a.to)", .dim)])
            }
        }
        if !leftOver.isEmpty {
            w.heading("Left for review (\(leftOver.count)): fix or remove these fields (x in the detail pane)", slot: .warning)
            for (it, issues) in leftOver {
                let n = issues.count
                row(it, [("leaves \(n) field\(n == 1 ? "" : "s"): " + issues.map(\.field).joined(separator: ", "), .warning)])
            }
        }
        if !s.needingConnections.isEmpty {
            w.heading("Needing connections (\(s.needingConnections.count))", slot: .warning)
            for it in s.needingConnections {
                guard case .applied(let a)? = it.answer else { continue }
                row(it, [(a.connectionNote ?? "choose a connection", .warning)])
            }
        }
        if !s.skipped.isEmpty {
            w.heading("Skipped (\(s.skipped.count))")
            for it in s.skipped { row(it, [("still \(badge(e, it))", .dim)]) }
        }
        if !s.manual.isEmpty {
            w.heading("Manual replacements (\(s.manual.count))", slot: .badgeManual)
            for it in s.manual {
                let state: String
                switch it.answer {
                case .reviewed?: state = "marked reviewed"
                case .skipped?: state = "skipped"
                case .changedElsewhere?: state = "changed outside the review"
                default: state = "not reviewed"
                }
                row(it, [(state + "; replace it by hand", .dim)])
            }
        }
        if !s.notReviewed.isEmpty {
            w.heading("Not reviewed (\(s.notReviewed.count))")
            for it in s.notReviewed { row(it, [("still \(badge(e, it))", .dim)]) }
        }
        w.add([("", .normal)])
        if e.reviewScenario != nil {
            w.add([(e.isModified ? "w saves this scenario now; Enter goes on to the next scenario (the last summary saves all)."
                                 : "Saved. Enter goes on to the next scenario.", .message)])
        }
        if let first = s.stillNeedingAttention(in: r.items).first {
            let name = first.moduleId.map { "#\($0)" } ?? "#?"
            w.add([("Enter, q or Esc closes and puts the cursor on \(name), the first module that still needs attention; z takes back the last answer.", .dim)])
        } else {
            w.add([("Every reviewed module is upgraded. Enter, q or Esc closes; z takes back the last answer.", .dim)])
        }
        return w.take()
    }

    static func badge(_ e: Editor, _ it: ReviewItem) -> String {
        guard let mi = e.moduleIndex(at: it.path) else { return "" }
        return e.badges[mi].text(e.glyphs)
    }

    static func draw(_ e: Editor, into buf: inout ScreenBuffer, rect r: Rect) {
        ReviewView.drawScrolling(e, lines(e, width: r.width - 2), into: &buf, rect: r)
    }
}
