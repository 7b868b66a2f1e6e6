// Carrying out plans: each module upgrade is one undoable step of the edit
// session (its module edit and its reference rewrites in one splice batch),
// and upgrade-all is a sequence of such steps.

extension UpgradeEngine {
    /// Applies a plan made for the session's current document as one undoable step.
    @discardableResult
    public func apply(_ plan: UpgradePlan, to session: inout EditSession) throws(UpgradeError) -> UpgradeOutcome {
        guard session.document.bytes == plan.base.bytes else { throw .stalePlan }
        do {
            try session.perform(plan.label) { (ed: inout JSONEditor) throws(JSONEditError) in try ed.apply(plan.splices) }
        } catch {
            throw .edit(error)
        }
        return UpgradeOutcome(plan: plan)
    }

    /// Upgrades every upgradable module (or only those with the given ids), in tree order,
    /// one undoable step each. Modules whose plan cannot be made are reported in `failures`.
    public func upgradeAll(in session: inout EditSession, only ids: Set<Int>? = nil) -> [UpgradeOutcome] {
        var failures: [(Int?, UpgradeError)] = []
        return upgradeAll(in: &session, only: ids, failures: &failures)
    }

    public func upgradeAll(in session: inout EditSession, only ids: Set<Int>? = nil,
                           failures: inout [(Int?, UpgradeError)]) -> [UpgradeOutcome] {
        applyAll(in: &session, only: ids, failures: &failures).map { UpgradeOutcome(plan: $0) }
    }

    /// Upgrade-all that returns the plans it applied (for a detailed report).
    ///
    /// Same result as upgrading one module after another, each planned against the document
    /// the previous one left (`applyAllStepwise`), but without rebuilding the model after every
    /// module: all remaining modules are planned against one model, and the longest run of
    /// plans whose edits are apart from each other (not overlapping, not touching) is applied
    /// at once, one undo step each, with one reparse. Planning one of them after the others'
    /// edits would give the same edit, shifted. The first plan that touches an earlier one's
    /// edit starts the next run, planned against the updated document.
    public func applyAll(in session: inout EditSession, only ids: Set<Int>? = nil,
                         failures: inout [(Int?, UpgradeError)]) -> [UpgradePlan] {
        var applied: [UpgradePlan] = []
        guard var bp = try? Blueprint(document: session.document) else { return [] }
        var index = 0
        while index < bp.modules.count {
            var run: [UpgradePlan] = []
            var taken: [Range<Int>] = []
            var i = index
            planning: while i < bp.modules.count {
                let m = bp.modules[i]
                if let ids, !(m.id.map { ids.contains($0) } ?? false) { i += 1; continue }
                guard catalog.status(of: m, in: bp.document).state == .upgradable else { i += 1; continue }
                let plan: UpgradePlan
                do { plan = try makePlan(for: m, in: bp) } catch {
                    if run.isEmpty { failures.append((m.id, error)); i += 1; continue }
                    break planning                           // plan it again after this run's edits
                }
                for r in plan.splices.map(\.range) where taken.contains(where: { r.lowerBound <= $0.upperBound && $0.lowerBound <= r.upperBound }) {
                    break planning
                }
                run.append(plan)
                taken += plan.splices.map(\.range)
                i += 1
            }
            guard !run.isEmpty else { break }
            // Each plan's splices, shifted by what the earlier plans of the run inserted or removed before them.
            var steps: [(label: String, splices: [Splice])] = []
            var earlier: [Splice] = []
            for plan in run {
                let shifted = plan.splices.map { s -> Splice in
                    let d = earlier.reduce(0) { $1.range.upperBound <= s.range.lowerBound ? $0 + $1.text.count - $1.range.count : $0 }
                    return Splice((s.range.lowerBound + d)..<(s.range.upperBound + d), s.text)
                }
                steps.append((plan.label, shifted))
                earlier += plan.splices
            }
            do { try session.performSteps(steps) } catch {
                // Not expected (the plans were checked apart); finish one module at a time.
                return applied + applyAllStepwise(in: &session, only: ids, from: index, failures: &failures)
            }
            applied += run.map { $0.releasingBase() }
            index = i
            // the module count and tree order do not change, so `index` stays valid
            guard let next = try? Blueprint(document: session.document) else { break }
            bp = next
        }
        return applied
    }

    /// Upgrade-all one module at a time, rebuilding the model after each (the reference
    /// behaviour for `applyAll`; also its fallback), starting at module index `from`.
    func applyAllStepwise(in session: inout EditSession, only ids: Set<Int>? = nil, from start: Int = 0,
                          failures: inout [(Int?, UpgradeError)]) -> [UpgradePlan] {
        var applied: [UpgradePlan] = []
        guard var bp = try? Blueprint(document: session.document) else { return [] }
        var index = start
        while index < bp.modules.count {
            let m = bp.modules[index]
            index += 1
            if let ids, !(m.id.map { ids.contains($0) } ?? false) { continue }
            guard catalog.status(of: m, in: bp.document).state == .upgradable else { continue }
            do {
                let plan = try makePlan(for: m, in: bp)
                try apply(plan, to: &session)
                applied.append(plan.releasingBase())
                // the module count and tree order do not change, so `index` stays valid
                guard let next = try? Blueprint(document: session.document) else { break }
                bp = next
            } catch {
                failures.append((m.id, error))
            }
        }
        return applied
    }
}

extension UpgradeOutcome {
    public init(plan p: UpgradePlan) {
        self.init(moduleId: p.moduleId, from: p.from, to: p.to, referencesRewritten: p.rewrites.count,
                  flaggedFields: p.flagged.count, danglingReferences: p.dangling.count,
                  referencesToReview: p.referencesToReview.count,
                  connectionMustBeReassigned: p.connection?.mustReassign ?? false,
                  connectionToVerify: p.connection?.action == .verify)
    }
}
