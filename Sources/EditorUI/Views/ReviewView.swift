// The upgrade review screen (`R`): a fixed header for the module on screen, its
// scrolling details below (ReviewContent), and a scroll marker. The summary at
// the end is ReviewSummaryView.

enum ReviewView {
    /// The keys the status bar offers while reviewing.
    static let hintActions: [Action] = [.reviewApply, .reviewSkip, .reviewApplyAll, .reviewMark, .reviewConnection, .reviewJump, .reviewUndo, .reviewEnd, .help]
    static let summaryHintActions: [Action] = [.reviewJump, .reviewUndo, .moveDown, .help]

    static func shortName(_ a: Action, summary: Bool) -> String {
        switch a {
        case .reviewApply: return "apply"
        case .reviewSkip: return "skip"
        case .reviewApplyAll: return "all"
        case .reviewMark: return "reviewed"
        case .reviewConnection: return "connection"
        case .reviewJump: return summary ? "close" : "tree"
        case .reviewUndo: return "undo"
        case .reviewEnd: return "end"
        case .moveDown: return "scroll"
        case .help: return "help"
        default: return a.rawValue
        }
    }

    static func draw(_ e: Editor, into buf: inout ScreenBuffer, rect r: Rect) {
        guard let state = e.review, r.height > 0 else { return }
        if state.finished {
            ReviewSummaryView.draw(e, into: &buf, rect: r)
            return
        }
        guard let page = ReviewContent.page(e, width: r.width - 2) else { return }
        // On a short screen only the first header line (position, module) stays put;
        // the rest of the header scrolls with the body rather than leaving it no room.
        guard page.header.count + 1 <= r.height / 2 else {
            guard let first = page.header.first else { return }
            buf.draw(first.segments, x: r.x + 1, y: r.y, width: r.width - 1)
            drawScrolling(e, Array(page.header.dropFirst()) + page.body, into: &buf,
                          rect: Rect(x: r.x, y: r.y + 1, width: r.width, height: r.height - 1))
            return
        }
        var y = r.y
        for l in page.header {
            buf.draw(l.segments, x: r.x + 1, y: y, width: r.width - 1)
            y += 1
        }
        buf.fill(x: r.x, y: y, width: r.width, height: 1, slot: .treeLine, char: Character(e.glyphs.hline))
        y += 1
        drawScrolling(e, page.body, into: &buf, rect: Rect(x: r.x, y: y, width: r.width, height: r.y + r.height - y))
    }

    /// Draws `lines` from the review's scroll position, clamping it, with ▲/▼ markers
    /// in the right column when there is more above or below.
    static func drawScrolling(_ e: Editor, _ lines: [StyledLine], into buf: inout ScreenBuffer, rect r: Rect) {
        guard r.height > 0 else { return }
        // When the lines do not fit, the last row says how many more there are.
        let fits = lines.count <= r.height
        let rows = fits ? r.height : max(1, r.height - 1)
        e.viewportRows = rows
        let maxScroll = max(0, lines.count - rows)
        let scroll = min(e.review?.scroll ?? 0, maxScroll)
        e.review?.scroll = scroll
        for i in 0..<rows {
            let li = scroll + i
            guard li < lines.count else { break }
            buf.draw(lines[li].segments, x: r.x + 1, y: r.y + i, width: r.width - 2)
        }
        guard !fits else { return }
        let below = lines.count - scroll - rows
        let g = e.glyphs
        let marker = below > 0 ? "\(g.scrollDown) \(below) more (j, PgDn)" : "\(g.scrollUp) \(scroll) above (k, PgUp, g)"
        buf.put(marker, x: r.x + r.width - TextWidth.of(marker) - 1, y: r.y + r.height - 1, slot: .dim, maxWidth: TextWidth.of(marker))
    }
}
