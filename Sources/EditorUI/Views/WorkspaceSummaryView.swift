// The end of a review across scenarios: per scenario what was applied, skipped, needs
// review or is manual, whether it is saved, and the key that saves every changed one.
import BlueprintKit

enum WorkspaceSummaryView {
    static func lines(_ w: Workspace) -> [StyledLine] {
        guard let r = w.crossReview else { return [] }
        var out = [StyledLine("Review across scenarios: \(r.results.count) scenario\(r.results.count == 1 ? "" : "s")", .heading), StyledLine("")]
        let nameW = min(40, max(12, r.results.map { TextWidth.of(w.entries[$0.entry].summary.title) }.max() ?? 12))
        out.append(StyledLine("  " + TextWidth.pad("scenario", to: nameW) + "  applied  skipped  needs review  manual  file", .detailKey))
        var t = ScenarioReviewResult(entry: -1)
        for res in r.results {
            let e = w.entries[res.entry]
            func n(_ v: Int, _ width: Int) -> String { TextWidth.pad("\(v)", to: width) }
            out.append(StyledLine([("  " + TextWidth.pad(TextWidth.truncate(e.summary.title, to: nameW, ellipsis: w.glyphs.ellipsis), to: nameW) + "  ", .label),
                                   (n(res.applied, 9) + n(res.skipped, 9) + n(res.needsReview, 14) + n(res.manual, 8), .normal),
                                   (w.shownPath(e.summary.path), .dim),
                                   (e.isModified ? "  unsaved" : res.applied > 0 ? "  saved" : "", e.isModified ? .titleModified : .dim)]))
            t.applied += res.applied; t.skipped += res.skipped; t.needsReview += res.needsReview; t.manual += res.manual
        }
        out.append(StyledLine("  " + TextWidth.pad("total", to: nameW) + "  " + TextWidth.pad("\(t.applied)", to: 9) + TextWidth.pad("\(t.skipped)", to: 9)
                              + TextWidth.pad("\(t.needsReview)", to: 14) + "\(t.manual)", .heading))
        out.append(StyledLine(""))
        let changed = w.modifiedCount
        let save = w.keyTable.keys(for: .saveAll, in: .workspaceSummary).first?.displayName ?? "w"
        out.append(StyledLine(changed > 0 ? "\(save) saves the \(changed) changed scenario\(changed == 1 ? "" : "s") (each file atomically); Esc returns to the list."
                                          : "Every changed scenario is saved. Esc returns to the list.", .message))
        return out
    }

    static func draw(_ w: Workspace, into buf: inout ScreenBuffer, rect r: Rect) {
        let all = lines(w)
        let scroll = min(w.crossReview?.scroll ?? 0, max(0, all.count - r.height))
        w.crossReview?.scroll = scroll
        for k in 0..<r.height where scroll + k < all.count {
            buf.draw(all[scroll + k].segments, x: r.x + 1, y: r.y + k, width: r.width - 1)
        }
    }
}
