// `R` on the list: the upgrade review across scenarios. Every scenario with an
// upgradable or manual module, in list order, is opened and reviewed on the usual
// review screen (its name in the header); `w` there saves it; closing its summary goes
// on to the next. The end summary lists per scenario what was applied, skipped, needs
// review or is manual, and `w` saves every changed scenario.
import BlueprintKit

/// What the review across scenarios did to one scenario.
public struct ScenarioReviewResult: Sendable, Equatable {
    public var entry: Int
    public var applied = 0
    public var skipped = 0
    public var needsReview = 0
    public var manual = 0
}

public struct CrossReview: Sendable, Equatable {
    /// Entry indices, in list order when the review started.
    public internal(set) var order: [Int]
    public internal(set) var position = 0
    public internal(set) var results: [ScenarioReviewResult] = []
    public internal(set) var finished = false
    /// The last summary of the scenario on screen, taken while it shows.
    var lastSummary: ReviewSummary?
    var scroll = 0
}

extension Workspace {
    /// Upgradable and manual modules of entry `i`: from its editor when open, else its scan.
    func reviewable(_ i: Int) -> Int {
        if let e = entries[i].editor { return (e.badgeCounts[.upgradable] ?? 0) + (e.badgeCounts[.manual] ?? 0) }
        return entries[i].summary.reviewable
    }

    func startCrossReview() {
        if let r = crossReview, !r.finished {
            let i = r.order[r.position]
            guard let e = editor(i) else { return }
            mode = .editor(i)
            if e.review != nil { e.returnToReview() } else { beginScenario() }
            return
        }
        let order = visible.filter { !entries[$0].summary.isBroken && reviewable($0) > 0 }
        guard !order.isEmpty else { say("nothing to review: no scenario has an upgradable module or a manual replacement"); return }
        crossReview = CrossReview(order: order)
        beginScenario()
    }

    /// Opens the scenario at the review's position and starts its review; moves on past
    /// scenarios that cannot be opened or have nothing left to review.
    func beginScenario() {
        while var r = crossReview, !r.finished {
            guard r.position < r.order.count else { finishCrossReview(); return }
            let i = r.order[r.position]
            if let e = editor(i) {
                e.workspacePosition = position(of: i)
                e.reviewScenario = "Scenario \(r.position + 1) of \(r.order.count): \(entries[i].summary.title)  (\(shownPath(entries[i].summary.path)))"
                e.startOrResumeReview()
                if e.review != nil {
                    mode = .editor(i)
                    return
                }
                e.reviewScenario = nil
            }
            r.position += 1
            crossReview = r
        }
    }

    /// After each key of the editor of entry `i`: notes its summary while it shows, and
    /// once it is closed records the scenario's result and opens the next.
    func reviewFollow(_ i: Int, _ e: Editor) {
        guard var r = crossReview, !r.finished, r.position < r.order.count, r.order[r.position] == i else { return }
        if let rs = e.review {
            if rs.finished { r.lastSummary = rs.summary }
            crossReview = r
            return
        }
        guard let s = r.lastSummary, e.reviewScenario != nil else { return }   // paused and left: nothing yet
        r.results.append(ScenarioReviewResult(entry: i, applied: s.applied.count, skipped: s.skipped.count + s.notReviewed.count,
                                              needsReview: e.badgeCounts[.needsReview] ?? 0, manual: s.manual.count))
        r.lastSummary = nil
        r.position += 1
        crossReview = r
        e.reviewScenario = nil
        refreshSummary(i)
        beginScenario()
    }

    func finishCrossReview() {
        crossReview?.finished = true
        crossReview?.scroll = 0
        mode = .summary
        rebuild()
        let n = crossReview?.results.count ?? 0
        say("review across \(n) scenario\(n == 1 ? "" : "s") done: w saves every changed scenario, Esc returns to the list")
    }
}
