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
    /// the previous one left (`applyAllStepwise`), in one pass: every module is planned against
    /// one model, with the earlier upgrades' reference rewrites inside it applied to its text
    /// first (`UpgradeBatch`), and all edits are applied together, one undo step per module,
    /// with one copy of the bytes and one reparse. Only a module whose text an earlier
    /// module's edit touches, or a plan that reads or writes a module upgraded earlier in
    /// the pass (a reference pointing forward), needs the new model: what is planned so far
    /// is applied there, and the rest is planned against the updated document.
    /// `progress` is called with (modules done, modules to do) after each module.
    /// `cancelled` is asked before each module: when it says yes the pass stops and returns
    /// nil, and `session` may hold part of the work, so a caller that cancels works on a
    /// copy and drops it (all or nothing: the editor's Ctrl-C during `U`).
    public func applyAll(in session: inout EditSession, only ids: Set<Int>? = nil,
                         failures: inout [(Int?, UpgradeError)],
                         cancelled: () -> Bool, progress: ((Int, Int) -> Void)? = nil) -> [UpgradePlan]? {
        var stopped = false
        let plans = applyAll(in: &session, only: ids, failures: &failures, stop: { if cancelled() { stopped = true }; return stopped }, progress: progress)
        return stopped ? nil : plans
    }

    public func applyAll(in session: inout EditSession, only ids: Set<Int>? = nil,
                         failures: inout [(Int?, UpgradeError)],
                         progress: ((Int, Int) -> Void)? = nil) -> [UpgradePlan] {
        applyAll(in: &session, only: ids, failures: &failures, stop: { false }, progress: progress)
    }

    private func applyAll(in session: inout EditSession, only ids: Set<Int>?,
                          failures: inout [(Int?, UpgradeError)],
                          stop: () -> Bool, progress: ((Int, Int) -> Void)?) -> [UpgradePlan] {
        var applied: [UpgradePlan] = []
        guard var bp = try? Blueprint(document: session.document) else { return [] }
        func wanted(_ m: Module) -> Bool {
            if let ids, !(m.id.map { ids.contains($0) } ?? false) { return false }
            return catalog.status(of: m, in: bp.document).state == .upgradable
        }
        let total = bp.modules.reduce(0) { wanted($1) ? $0 + 1 : $0 }
        var done = 0
        var index = 0
        while index < bp.modules.count {
            var batch = UpgradeBatch(blueprint: bp)
            let first = index, failedBefore = failures.count
            planning: while index < bp.modules.count {
                let m = bp.modules[index]
                guard wanted(m) else { index += 1; continue }
                if stop() { return applied }
                guard batch.canPlan(m) else { break planning }
                let pending = batch.pending(in: m)
                do {
                    let plan = try makePlan(for: m, in: bp, pending: batch.pendingSplices(pending))
                    // the batch keeps no base document or preview text (a file's worth for 5,000 modules)
                    guard batch.add(plan.releasingBase(), for: m, pending: pending) else { break planning }
                } catch {
                    failures.append((m.id, error))
                }
                index += 1
                done += 1
                progress?(done, total)
            }
            guard !batch.isEmpty else { continue }
            let (steps, edits) = batch.finish()
            do { try session.recordSteps(steps, edits: edits) } catch {
                // Not expected (the batch keeps its edits apart); finish one module at a time.
                failures.removeSubrange(failedBefore...)
                return applied + applyAllStepwise(in: &session, only: ids, from: first, failures: &failures)
            }
            applied += batch.plans
            // the module count and tree order do not change, so `index` stays valid
            guard index < bp.modules.count, let next = try? Blueprint(document: session.document) else { break }
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
