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
    public func applyAll(in session: inout EditSession, only ids: Set<Int>? = nil,
                         failures: inout [(Int?, UpgradeError)]) -> [UpgradePlan] {
        var applied: [UpgradePlan] = []
        guard var bp = try? Blueprint(document: session.document) else { return [] }
        var index = 0
        while index < bp.modules.count {
            let m = bp.modules[index]
            index += 1
            if let ids, !(m.id.map { ids.contains($0) } ?? false) { continue }
            guard catalog.status(of: m).state == .upgradable else { continue }
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
