// Long work off the key loop: upgrade-all (`U`, and `a` in the review) runs on a copy of
// the edit session on another thread while the screen keeps drawing, and the status line
// shows how far it got ("upgrading 1,200/4,626 modules · 2.1 s · Ctrl-C cancels").
// Ctrl-C (or Esc) cancels it: the copy is dropped, so either every step of it is applied
// (each still its own undo step) or none is. Work that ends within a tenth of a second
// never shows the busy state; without a terminal (tests, `scened snapshot`) it runs inline.
import BlueprintKit
import Synchronization

/// Progress of one piece of long work, shared between the worker and the key loop.
public final class WorkProgress: Sendable {
    private struct State { var done = 0, total = 0, cancelled = false }
    private let state = Mutex(State())
    /// "upgrading", "applying the remaining upgrades".
    public let title: String
    public let started = ContinuousClock.now

    public init(title: String, total: Int = 0) {
        self.title = title
        state.withLock { $0.total = total }
    }

    public func report(done: Int, total: Int) { state.withLock { $0.done = done; $0.total = total } }
    public func cancel() { state.withLock { $0.cancelled = true } }
    public var isCancelled: Bool { state.withLock { $0.cancelled } }
    public var counts: (done: Int, total: Int) { state.withLock { ($0.done, $0.total) } }

    /// The status line while the work runs.
    public func line(cancelKey: String) -> String {
        let (done, total) = counts
        let d = (ContinuousClock.now - started).components
        let secs = Double(d.seconds) + Double(d.attoseconds) / 1e18
        var s = "\(title) \(WorkProgress.grouped(done))/\(WorkProgress.grouped(total)) modules · \(WorkProgress.seconds(secs))"
        if done > 0 && done < total && secs > 0.2 { s += " · about \(WorkProgress.seconds(secs / Double(done) * Double(total - done))) left" }
        return s + (isCancelled ? " · cancelling…" : " · \(cancelKey) cancels")
    }

    static func grouped(_ n: Int) -> String {
        let digits = Array(String(n))
        var out = ""
        for (i, d) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(d)
        }
        return out
    }

    static func seconds(_ s: Double) -> String { s < 10 ? "\(Double(Int(s * 10)) / 10) s" : "\(Int(s)) s" }
}

/// What an upgrade-all pass returns to the key loop.
struct UpgradeAllResult: Sendable {
    /// The session with every upgrade applied; nil when the work was cancelled.
    var session: EditSession?
    var plans: [UpgradePlan]
    var failures: [String]
    /// Ids of upgraded modules that need review afterwards (fields their new version does not have).
    var needingReview: [Int] = []
}

/// Work in progress: its progress, the worker, and what to do with the result (on the key loop).
public struct LongWork {
    public let progress: WorkProgress
    let job: Background<UpgradeAllResult>
    let finish: (Editor, UpgradeAllResult) -> Void
}

extension Editor {
    /// Long work is running: keys other than cancel and redraw wait, and the loop polls.
    public var isBusy: Bool { work != nil }

    /// The status line of the running work, if any.
    public var workLine: String? {
        guard let w = work else { return nil }
        let key = keyTable.bindings.first { $0.context == .busy && $0.action == .cancelWork }?.key.displayName ?? "Ctrl-C"
        return w.progress.line(cancelKey: key)
    }

    /// Runs an upgrade-all pass over a copy of the session: inline without a terminal, else on
    /// another thread (`runsWorkInBackground`), waiting a tenth of a second before showing progress.
    func startUpgradeAll(title: String, total: Int, only ids: Set<Int>?, finish: @escaping (Editor, UpgradeAllResult) -> Void) {
        let progress = WorkProgress(title: title, total: total)
        let services = self.services, start = self.session, gate = self.workGate
        let work: @Sendable () -> UpgradeAllResult = {
            gate?()
            var s = start
            var failures: [(Int?, UpgradeError)] = []
            let plans = services.engine.applyAll(in: &s, only: ids, failures: &failures, cancelled: { progress.isCancelled },
                                                 progress: { progress.report(done: $0, total: $1) })
            let failed = failures.map { "\($0.0.map { "#\($0)" } ?? "#?"): \($0.1)" }
            guard let plans else { return UpgradeAllResult(session: nil, plans: [], failures: failed) }
            // which upgraded modules are left needing review (whole or visibly partial)
            var review: [Int] = []
            if !plans.isEmpty, let bp = try? Blueprint(document: s.document, scanReferences: false) {
                let upgraded = Set(plans.compactMap(\.moduleId))
                for m in bp.modules where m.id.map(upgraded.contains) ?? false {
                    if services.catalog.status(of: m, in: bp.document).state == .needsReview, let id = m.id { review.append(id) }
                }
            }
            return UpgradeAllResult(session: s, plans: plans, failures: failed, needingReview: review)
        }
        guard runsWorkInBackground else { finish(self, work()); return }
        let job = Background(work)
        if job.wait(seconds: 0.1) { finish(self, job.value); return }
        self.work = LongWork(progress: progress, job: job, finish: finish)
    }

    /// Called by the key loop while busy: finishes the work once its thread is done.
    /// Returns true when something changed (the work ended).
    @discardableResult
    public func pollWork(waitingUpTo seconds: Double = 0) -> Bool {
        guard let w = work, w.job.wait(seconds: seconds) else { return false }
        work = nil
        w.finish(self, w.job.value)
        return true
    }

    /// Says what is being done and draws that frame at once, before work on the key loop
    /// that takes a moment (saving a large file). Without a terminal it only sets the message.
    func announce(_ text: String) {
        setMessage(text)
        drawNow?()
    }

    /// Files from this size on say "saving …" / "opening …" before the work.
    public static let announceAbove = 4 << 20

    /// A key while the work runs: cancel and redraw act, the rest says what is going on.
    func handleBusyKey(_ key: Key) {
        guard let w = work else { return }
        let action = keyTable.bindings.first { $0.context == .busy && $0.key == key }?.action
            ?? (keyTable.action(for: key, in: .generic) == .redraw ? .redraw : nil)
        switch action {
        case .cancelWork?:
            w.progress.cancel()
            setMessage("cancelling \(w.progress.title): nothing of it will be applied")
        case .redraw?:
            wantsFullRedraw = true
        default:
            if case .mouse = key { return }
            setMessage("\(w.progress.title) is still running: wait, or cancel it")
        }
    }
}
