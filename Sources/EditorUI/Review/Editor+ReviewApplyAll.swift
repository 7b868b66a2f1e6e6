// `a` in the upgrade review: this upgrade and every remaining one in one batched pass
// (UpgradeEngine.applyAll; on a terminal beside the key loop, Editor+Work.swift), recorded
// as one answer and one undo step per module, so `z` takes them back one at a time.
import BlueprintKit

extension Editor {
    /// `a`: this upgrade and every other unanswered one, one undo step each. They are applied
    /// in one pass (UpgradeEngine.applyAll, in tree order; on a terminal on another thread,
    /// with progress and Ctrl-C, all or nothing), then recorded as answers in that order.
    func reviewApplyAll() {
        guard let r = review else { return }
        let order = Array(r.position..<r.items.count) + Array(0..<r.position)
        let pending = order.filter { r.items[$0].kind == .upgrade && r.items[$0].answer == nil }
        let ids = pending.compactMap { r.items[$0].moduleId }
        let idSet = Set(ids)
        // The pass picks modules by id: modules without one, or sharing one, go one at a time.
        guard ids.count == pending.count, idSet.count == ids.count,
              blueprint.modules.reduce(0, { $0 + (($1.id.map(idSet.contains) ?? false) ? 1 : 0) }) == ids.count else {
            reviewApplyAllStepwise(pending)
            return
        }
        let depth = session.undoStack.count
        startUpgradeAll(title: "applying", total: pending.count, only: idSet) { e, result in
            guard let s = result.session else {
                e.setMessage("cancelled: no upgrade was applied; the review goes on")
                return
            }
            e.commit(s)
            guard var r = e.review else { return }
            var byId: [Int: Int] = [:]
            for i in pending { if let id = r.items[i].moduleId { byId[id] = i } }
            for (k, plan) in result.plans.enumerated() {
                guard let id = plan.moduleId, let i = byId[id] else { continue }
                r.items[i].answer = .applied(Editor.reviewApplied(plan, undoDepth: depth + k + 1))
                r.history.append(i)
            }
            e.finishApplyAll(&r, done: result.plans.count, failed: pending.count - result.plans.count)
        }
    }

    /// `a` one upgrade at a time (modules without a unique id).
    private func reviewApplyAllStepwise(_ pending: [Int]) {
        var done = 0
        for i in pending {
            // the plan is made against the document as the previous upgrade left it
            if applyUpgrade(at: i) { done += 1 }
        }
        guard var r = review else { return }
        finishApplyAll(&r, done: done, failed: pending.count - done)
    }

    private func finishApplyAll(_ r: inout ReviewState, done: Int, failed: Int) {
        r.finished = true
        r.scroll = 0
        review = r
        let leftManual = r.items.filter { $0.kind == .manual && $0.answer == nil }.count
        var msg = "applied \(done) upgrade\(done == 1 ? "" : "s") (\(done) undo step\(done == 1 ? "" : "s"))"
        if failed > 0 { msg += "; \(failed) failed" }
        if leftManual > 0 { msg += "; \(leftManual) manual replacement\(leftManual == 1 ? "" : "s") left" }
        setMessage(msg, error: failed > 0)
    }

    static func reviewApplied(_ plan: UpgradePlan, undoDepth: Int) -> ReviewApplied {
        let c = plan.connection
        return ReviewApplied(label: plan.label, undoDepth: undoDepth, from: plan.from, to: plan.to,
                             mustReassignConnection: c?.mustReassign ?? false, needsConnection: c?.mustReassign ?? false,
                             connectionParameter: c?.parameterAfter,
                             connectionNote: c.map(Editor.connectionSummary))
    }
}
