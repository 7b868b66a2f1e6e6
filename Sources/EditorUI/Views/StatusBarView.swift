// The two bottom rows: module counts by badge state, then a prompt, a message,
// or a hint line of the most useful keys (taken from the key table).
import BlueprintKit

enum StatusBarView {
    static let hintActions: [Action] = [.moveDown, .upgrade, .upgradeAll, .search, .toggleAttention, .showDiff, .save, .help, .quit]

    static func draw(_ e: Editor, into buf: inout ScreenBuffer, y: Int, width: Int) {
        buf.clearRow(y, x: 0, width: width, slot: .status)
        let c = e.badgeCounts
        let n = e.blueprint.modules.count
        var segs: [(String, StyleSlot)] = [(" \(n) module\(n == 1 ? "" : "s")  ", .status)]
        let observed = e.observedCount
        segs.append(("\(c[.current] ?? 0) current", .status))
        if observed > 0 { segs.append((" (\(observed) observed only)", .status)) }
        segs.append(("  \(c[.upgradable] ?? 0) upgradable", .status))
        segs.append(("  \(c[.manual] ?? 0) manual", .status))
        segs.append(("  \(c[.unknown] ?? 0) unknown", .status))
        if let r = c[.needsReview], r > 0 {
            // which ones, as far as they fit (o lists them all, first)
            let ids = e.blueprint.modules.lazy.filter { e.badges[$0.index].state == .needsReview }.prefix(3).map(\.idText)
            segs.append(("  \(r) need\(r == 1 ? "s" : "") review (\(ids.joined(separator: " "))\(r > 3 ? " " + e.glyphs.ellipsis : ""))", .warning))
        }
        if e.urgentCount > 0 {
            let n = e.urgentCount
            segs.append(("  \(n) stop\(n == 1 ? "s" : "") working within \(Deadline.soonDays) days", .warning))
        }
        if e.attentionOnly { segs.append(("  [attention only]", .status)) }
        if let f = e.tools.appFilter { segs.append(("  [app: \(inert(f.text, ascii: !e.glyphs.isUnicode))]", .status)) }
        buf.draw(segs, x: 0, y: y, width: width)
        // where the keys go: the tree's or detail pane's row, or the screen on top
        var right: String
        switch e.screen {
        case .main where e.tools.picker != nil: right = "picker "
        case .main: right = "\(e.rows.isEmpty ? 0 : e.cursor + 1)/\(e.rows.count) \(e.pane == .tree ? "tree" : "detail") "
        case .review: right = e.review.map { $0.finished ? "review summary " : "review \($0.position + 1)/\($0.items.count) " } ?? "review "
        case .help: right = "help "
        case .diff: right = "diff "
        case .connections: right = "connections "
        }
        if TextWidth.of(right) < width / 3 { buf.put(right, x: width - TextWidth.of(right), y: y, slot: .status, maxWidth: width) }

        let y2 = y + 1
        buf.clearRow(y2, x: 0, width: width, slot: .normal)
        if let p = e.prompt {
            let text = p.label + p.text
            let used = buf.put(text, x: 0, y: y2, slot: .normal, maxWidth: width - 1)
            buf.put(" ", x: used, y: y2, slot: .cursor, maxWidth: 1)
            return
        }
        if let c = e.confirm {
            buf.put(c.text, x: 0, y: y2, slot: .dialogTitle, maxWidth: width)
            return
        }
        // Upgrade-all running on another thread: its progress and how to cancel it.
        if let w = e.workLine {
            buf.put(inert(w, ascii: !e.glyphs.isUnicode), x: 0, y: y2, slot: .message, maxWidth: width)
            return
        }
        if let m = e.message {
            buf.put(inert(m, ascii: !e.glyphs.isUnicode), x: 0, y: y2, slot: e.messageIsError ? .error : .message, maxWidth: width)
            return
        }
        // The picker and the connections view show their own keys.
        if e.connectionUI.picker != nil || e.tools.picker != nil || e.screen == .connections { return }
        var hint: [(String, StyleSlot)] = []
        // Help and diff pages only scroll and close: the tree's keys do nothing there.
        let pager: KeyContext? = switch e.screen {
        case .help: .help
        case .diff: .diff
        default: nil
        }
        if let pager {
            for (a, name) in [(Action.moveDown, "scroll"), (.moveUp, "back"), (.cancel, "close")] {
                guard let k = e.keyTable.keys(for: a, in: pager).first else { continue }
                hint.append((k.displayName, .statusKey))
                hint.append((" \(name)  ", .dim))
            }
            buf.draw(hint, x: 0, y: y2, width: width)
            return
        }
        let inReview = e.screen == .review
        let actions = inReview ? (e.review?.finished == true ? ReviewView.summaryHintActions : ReviewView.hintActions) : hintActions
        for a in actions {
            guard let k = e.keyTable.keys(for: a, in: inReview ? .review : .tree).first else { continue }
            hint.append((k.displayName, .statusKey))
            hint.append((" \(inReview ? ReviewView.shortName(a, summary: e.review?.finished == true) : shortName(a))  ", .dim))
        }
        buf.draw(hint, x: 0, y: y2, width: width)
    }

    static func shortName(_ a: Action) -> String {
        switch a {
        case .moveDown: return "move"
        case .upgrade: return "upgrade"
        case .upgradeAll: return "all"
        case .search: return "search"
        case .toggleAttention: return "attention"
        case .showDiff: return "diff"
        case .save: return "save"
        case .help: return "help"
        case .quit: return "quit"
        default: return a.rawValue
        }
    }
}
