// Driving the upgrade review: start or resume with `R`, answer with y/n/a/m,
// jump to the module (pauses), undo the last answer, end with a summary.
// Each applied upgrade goes through the same plan/apply path as `u`, so it is
// one undoable step of the edit session.
import BlueprintKit

extension Editor {
    /// The module the review shows, for actions that work on it (e.g. a connection picker).
    public var reviewModuleIndex: Int? {
        guard let r = review, !r.finished, let it = r.current else { return nil }
        return moduleIndex(at: it.path)
    }

    func moduleIndex(at path: JSONPath) -> Int? { blueprint.modules.first { $0.path == path }?.index }

    /// `R`: resumes a paused review at the same module, or starts a new one.
    public func startOrResumeReview() {
        if review != nil { returnToReview(); return }
        var items: [ReviewItem] = []
        // most urgent first (nearest deadline), tree order otherwise
        let ordered = treeOrder.enumerated().sorted { a, b in
            let ra = badges[a.element].deadline, rb = badges[b.element].deadline
            switch (ra, rb) {
            case let (x?, y?) where x != y: return x < y
            case (.some, nil): return true
            case (nil, .some): return false
            default: return a.offset < b.offset
            }
        }.map(\.element)
        for i in ordered {
            let m = blueprint.modules[i]
            switch badges[i].state {
            case .upgradable: items.append(ReviewItem(kind: .upgrade, path: m.path, moduleId: m.id))
            case .manual: items.append(ReviewItem(kind: .manual, path: m.path, moduleId: m.id))
            case .current, .unknown, .needsReview: continue
            }
        }
        guard !items.isEmpty else {
            setMessage("nothing to review: no module is upgradable or needs a manual replacement")
            return
        }
        review = ReviewState(items: items)
        screen = .review
        let up = items.filter { $0.kind == .upgrade }.count
        setMessage("reviewing \(up) upgrade\(up == 1 ? "" : "s") and \(items.count - up) manual replacement\(items.count - up == 1 ? "" : "s")")
    }

    /// Marks the review as left (its state is kept). Call it before opening another screen
    /// from the review (e.g. a connection picker for `reviewModuleIndex`), and
    /// `returnToReview()` when that screen closes.
    public func pauseReview() { review?.onScreen = false }

    /// `c` in the review: a connection picker for the module on screen. When that module's
    /// upgrade must change the connection (the new version accepts other types) and is
    /// not applied yet, the upgrade is applied first (one undo step, as `y`) so that the
    /// picker offers the new version's types. When the picker closes the review catches
    /// up (Editor+ConnectionPicker.closePicker) and moves on if the item is answered.
    func reviewPickConnection() {
        guard let r = review, let it = r.current, let mi = reviewModuleIndex else {
            setMessage("the review shows no module to pick a connection for")
            return
        }
        if it.kind == .upgrade, it.answer == nil, case .success(let plan)? = reviewPlan(), plan.connection?.mustReassign == true {
            guard applyUpgrade(at: r.position) else { return }
        }
        let target = moduleIndex(at: it.path) ?? mi
        pauseReview()
        review?.pickerStart = (r.position, session.undoStack.count)
        if !openConnectionPicker(moduleIndex: target) {
            review?.pickerStart = nil
            let (text, isError) = (message, messageIsError)   // why there is no picker
            returnToReview()
            if let text { setMessage(text, error: isError) }
        }
    }

    /// Shows the paused review again (after `e`, Esc, or another screen such as a picker),
    /// first catching up with changes made meanwhile: upgrades undone in the tree lose
    /// their answer, modules upgraded elsewhere need none.
    public func returnToReview() {
        guard var r = review else { return }
        for (i, it) in r.items.enumerated() {
            guard let mi = moduleIndex(at: it.path) else { continue }
            let m = blueprint.modules[mi]
            let state = badges[mi].state
            let needs = it.kind == .upgrade ? state == .upgradable : state == .manual
            switch it.answer {
            case .applied(var a)?:
                if m.moduleName != a.to.module || m.version != a.to.version {
                    r.items[i].answer = needs ? nil : .changedElsewhere
                    r.history.removeAll { $0 == i }
                } else if let p = a.connectionParameter {
                    // a connection chosen meanwhile (or cleared again) changes "needing connections"
                    let value = m.accounts.first { $0.parameter == p }?.value
                    a.needsConnection = a.mustReassignConnection && (value == nil || value == .null)
                    r.items[i].answer = .applied(a)
                }
            case .changedElsewhere?:
                if needs { r.items[i].answer = nil }
            case nil:
                if !needs { r.items[i].answer = .changedElsewhere }
            case .skipped?, .reviewed?:
                break
            }
        }
        if r.items[r.position].answer != nil {
            if let n = r.nextUnanswered(after: r.position) { r.position = n; r.scroll = 0 } else { r.finished = true }
        }
        r.onScreen = true
        review = r
        screen = .review
        if !r.finished { setMessage("review resumed at \(r.position + 1) of \(r.items.count)") }
    }

    /// The plan for the item on screen, made against the current document (cached per generation).
    func reviewPlan() -> Result<UpgradePlan, UpgradeError>? {
        guard var r = review, let it = r.current, it.kind == .upgrade, let mi = moduleIndex(at: it.path) else { return nil }
        if let c = r.planCache, c.item == r.position, c.generation == session.generation { return c.plan }
        let plan: Result<UpgradePlan, UpgradeError>
        do { plan = .success(try services.plan(mi, blueprint)) } catch { plan = .failure(error) }
        r.planCache = (r.position, session.generation, plan)
        review = r
        return plan
    }

    func performReviewAction(_ action: Action) {
        guard review != nil else { return }
        if review?.finished == true {
            switch action {
            case .reviewUndo: reviewUndo()
            case .reviewEnd, .reviewPause, .reviewJump: closeReviewSummary()
            default: setMessage("the review is finished: Enter closes the summary, z takes back the last answer")
            }
            return
        }
        switch action {
        case .reviewApply: reviewApplyCurrent()
        case .reviewSkip: answer(.skipped, message: "skipped")
        case .reviewMark:
            guard review?.current?.kind == .manual else {
                setMessage("m marks a manual replacement as reviewed; here y applies the upgrade and n skips it"); return
            }
            answer(.reviewed, message: "marked as reviewed")
        case .reviewApplyAll: reviewApplyAll()
        case .reviewJump: reviewJump()
        case .reviewPause:
            pauseReview()
            screen = .main
            if let r = review { setMessage("review paused at \(r.position + 1) of \(r.items.count): R resumes") }
        case .reviewEnd: review?.finished = true; review?.scroll = 0
        case .reviewUndo: reviewUndo()
        default: break
        }
    }

    /// Records an answer for the item on screen and moves to the next unanswered one.
    private func answer(_ a: ReviewAnswer, message: String) {
        guard var r = review, let it = r.current else { return }
        r.items[r.position].answer = a
        r.history.append(r.position)
        advance(&r)
        review = r
        if case .applied = a { return }   // the upgrade's own message stays
        setMessage("\(it.moduleId.map { "#\($0)" } ?? "#?") \(message)")
    }

    private func advance(_ r: inout ReviewState) {
        r.scroll = 0
        if let n = r.nextUnanswered(after: r.position) { r.position = n } else { r.finished = true }
    }

    private func reviewApplyCurrent() {
        guard let it = review?.current else { return }
        if it.kind == .manual {
            setMessage("\(it.moduleId.map { "#\($0)" } ?? "#?") cannot be upgraded automatically: replace it by hand as shown, then n skips or m marks it reviewed", error: true)
            return
        }
        if applyUpgrade(at: review!.position) { advanceAfterApply() }
    }

    private func advanceAfterApply() {
        guard var r = review else { return }
        advance(&r)
        review = r
    }

    /// Applies the upgrade of item `i` as one undoable step and records the answer.
    @discardableResult
    func applyUpgrade(at i: Int) -> Bool {
        guard var r = review else { return false }
        let it = r.items[i]
        guard let mi = moduleIndex(at: it.path) else { return false }
        let planResult: Result<UpgradePlan, UpgradeError>
        if i == r.position, let p = reviewPlan() { planResult = p } else {
            do { planResult = .success(try services.plan(mi, blueprint)) } catch { planResult = .failure(error) }
        }
        var s = session
        do {
            let plan = try planResult.get()
            let outcome = try services.engine.apply(plan, to: &s)
            commit(s)
            let applied = Editor.reviewApplied(plan, undoDepth: session.undoStack.count)
            r = review ?? r
            r.items[i].answer = .applied(applied)
            r.history.append(i)
            review = r
            setMessage(UpgradeMessage.text(outcome))
            return true
        } catch {
            setMessage("cannot upgrade \(it.moduleId.map { "#\($0)" } ?? "#?"): \(error)", error: true)
            return false
        }
    }

    private func reviewJump() {
        guard let r = review, let it = r.current, let mi = moduleIndex(at: it.path) else { return }
        pauseReview()
        screen = .main
        pane = .tree
        if attentionOnly && !rows.contains(where: { $0.moduleIndex == mi }) { attentionOnly = false; rebuildRows() }
        select(moduleIndex: mi)
        setMessage("review paused at \(r.position + 1) of \(r.items.count): R resumes here")
    }

    /// The picker opened with `c` closed: the steps it made are remembered for `z`.
    func reviewPickerClosed() {
        guard var r = review, let start = r.pickerStart else { return }
        r.pickerStart = nil
        let made = session.undoStack.count - start.depth
        if made > 0 {
            r.connectionSteps.append(ReviewConnectionStep(item: start.item, afterAnswers: r.history.count,
                                                          depthBefore: start.depth, depthAfter: session.undoStack.count,
                                                          labels: session.undoStack.suffix(made).map(\.label)))
        }
        review = r
    }

    /// Takes back the last answer and shows its module again; an applied upgrade is undone
    /// (only when it is still the session's last step, so other edits are never lost).
    /// A connection chosen with `c` after that answer is taken back first: on its own when
    /// it was for a module not answered yet, together with the upgrade when `c` applied it.
    func reviewUndo() {
        guard var r = review else { return }
        var withConnection = false
        if let step = r.connectionSteps.last, step.afterAnswers == r.history.count {
            let name = r.items[step.item].moduleId.map { "#\($0)" } ?? "#?"
            if step.isIn(session.undoStack) && session.undoStack.count == step.depthAfter {
                var s = session
                for _ in step.labels { _ = s.undo() }
                commit(s)
                r = review ?? r
                r.connectionSteps.removeLast()
                if r.history.last != step.item {
                    r.position = step.item
                    r.finished = false
                    r.scroll = 0
                    review = r
                    setMessage("took back the connection chosen for \(name)")
                    return
                }
                review = r   // `c` applied this upgrade first: it is taken back below, as one answer
                withConnection = true
            } else if !step.isIn(session.undoStack) {
                r.connectionSteps.removeLast()   // already undone in the tree
                review = r
            } else {
                setMessage("cannot take back the connection chosen for \(name) here: other changes were made after it (undo them in the tree first)", error: true)
                return
            }
        }
        guard let last = r.history.last else { setMessage("no answer to take back"); return }
        let it = r.items[last]
        let name = it.moduleId.map { "#\($0)" } ?? "#?"
        if case .applied(let a)? = it.answer {
            guard session.undoStack.count == a.undoDepth, session.undoStack.last?.label == a.label else {
                setMessage("cannot take back \(name)'s upgrade here: other changes were made after it (undo them in the tree first)", error: true)
                return
            }
            var s = session
            _ = s.undo()
            commit(s)
        }
        r = review ?? r
        r.history.removeLast()
        r.items[last].answer = nil
        r.position = last
        r.finished = false
        r.scroll = 0
        review = r
        if case .applied(let a)? = it.answer { setMessage("undid: \(a.label)\(withConnection ? " and the connection chosen for it" : "")") } else { setMessage("took back the answer for \(name)") }
    }

    /// Closes the summary: the review ends and the cursor goes to the first module that
    /// still needs attention.
    func closeReviewSummary() {
        guard let r = review else { return }
        let s = r.summary
        review = nil
        screen = .main
        pane = .tree
        var msg = "review done: \(s.applied.count) applied, \(s.skipped.count) skipped, \(s.manual.count) manual, \(s.needingConnections.count) needing connections"
        if let first = s.stillNeedingAttention(in: r.items).first, let mi = moduleIndex(at: first.path) {
            if attentionOnly && !rows.contains(where: { $0.moduleIndex == mi }) { attentionOnly = false; rebuildRows() }
            select(moduleIndex: mi)
            msg += "; cursor on \(first.moduleId.map { "#\($0)" } ?? "#?"), the first that still needs attention"
        }
        setMessage(msg)
    }

    func reviewScroll(by delta: Int) {
        let s = review?.scroll ?? 0
        review?.scroll = max(0, s + delta)
    }
    func reviewScroll(to row: Int) { review?.scroll = row <= 0 ? 0 : Int.max / 2 }
}

extension Editor {
    /// `choose a connection (google-email): Gmail now uses its own connection type`.
    static func connectionSummary(_ c: ConnectionConsequence) -> String {
        let types = c.acceptedAfter.isEmpty ? "" : " (\(c.acceptedAfter.joined(separator: ", ")))"
        let what: String
        switch c.action {
        case .keep: what = "the \(c.kind.title) stays\(types)"
        case .verify: what = "check that the \(c.kind.title) fits\(types)"
        case .reassign: what = "choose a \(c.kind.title)\(types)"
        }
        return c.note.map { "\(what): \($0)" } ?? what
    }
}

extension Editor {
    /// `?`: the help screen. From the review, the connections view or the connection
    /// picker it starts at that screen's keys, and closing it goes back there (to the
    /// picker over the screen it was opened from).
    func openHelp() {
        let from: (Screen, KeyContext)? = if connectionUI.picker != nil { (screen, .picker) } else {
            switch screen {
            case .review: (.review, .review)
            case .connections: (.connections, .connections)
            default: nil
            }
        }
        helpReturnScreen = from?.0
        helpOverPicker = connectionUI.picker != nil
        screen = .help
        screenScroll = 0
        if let ctx = from?.1, let i = HelpView.lines(self).firstIndex(where: { $0.plain == ctx.title }) {
            screenScroll = i
        }
    }
}
