// Prompts (search, go to id, save as), one-key confirmations, and search.
import BlueprintKit

extension Editor {
    func handlePromptKey(_ key: Key) {
        guard var p = prompt else { return }
        switch key {
        case .escape, .ctrl("c"), .ctrl("g"):
            prompt = nil
            quitAfterSave = false
            setMessage("cancelled")
            return
        case .enter:
            prompt = nil
            submit(p)
            return
        case .backspace:
            if p.text.isEmpty { prompt = nil; return }
            p.text.removeLast()
        case _ where p.kind == .search && keyTable.action(for: key, in: .searchLine) == .searchMode:
            p.values.toggle()
        case .ctrl("u"): p.text = ""
        case .ctrl("w"):
            while p.text.last == " " { p.text.removeLast() }
            while let c = p.text.last, c != " " { p.text.removeLast() }
        case .char(let c): p.text.append(c)
        default: break
        }
        prompt = p
    }

    func submit(_ p: Prompt) {
        switch p.kind {
        case .search:
            if p.text.isEmpty {
                if lastSearch != nil && tools.searchValues == p.values { searchAgain(forward: true) }
                return
            }
            lastSearch = p.text
            tools.searchValues = p.values
            if p.values { valueSearch(p.text, forward: true, includeCurrent: true) }
            else { search(p.text, from: cursor, forward: true, includeCurrent: true) }
        case .swapOld, .swapNew, .swapAppTarget:
            submitToolPrompt(p)
        case .learnAfter(let index):
            learn(moduleIndex: index, afterPath: p.text.trimmingCharacters(in: " "))
        case .gotoModule:
            let t = p.text.trimmingCharacters(in: " #")
            guard let id = Int(t) else { setMessage("'\(p.text)' is not a module id", error: true); return }
            guard let m = blueprint.module(id: id) else { setMessage("no module #\(id) in this scenario", error: true); return }
            revealFiltered(m.index)
            select(moduleIndex: m.index)
            pane = .tree
        case .saveAs:
            let t = p.text.trimmingCharacters(in: " ")
            guard !t.isEmpty else { quitAfterSave = false; setMessage("not saved: no file name given", error: true); return }
            // quit → save on the demo asks for a name first, then quits once saved
            let quit = quitAfterSave
            if save(to: t) {
                quitAfterSave = false
                if quit { wantsQuit = true }
            } else if confirm == nil {
                quitAfterSave = false
            }
        }
    }

    func handleConfirmKey(_ key: Key) {
        guard let c = confirm else { return }
        let ch: Character? = { if case .char(let x) = key { return Character(x.lowercased()) }; return nil }()
        switch c {
        case .upgradeAll:
            if ch == "y" { confirm = nil; applyPendingUpgradeAll() }
            else if ch == "n" || key == .escape || ch == "q" { confirm = nil; pendingUpgradeAll = nil; setMessage("nothing upgraded") }
        case .quit:
            if ch == "s" || ch == "y" || ch == "w" {
                confirm = nil
                quitAfterSave = true
                if save() { wantsQuit = true }
                if confirm == nil && prompt == nil { quitAfterSave = false }   // saved or failed (a name or an answer still to come)
            } else if ch == "d" {
                confirm = nil; wantsQuit = true
            } else if ch == "c" || ch == "n" || key == .escape {
                confirm = nil; setMessage("quit cancelled")
            }
        case .recover: handleRecoverKey(ch, key)
        case .externalChange: handleExternalChangeKey(ch, key)
        case .overwriteOther: handleOverwriteOtherKey(ch, key)
        case .swapApp:
            if ch == "y" { confirm = nil; applyPendingSwapApp() }
            else if ch == "n" || key == .escape || ch == "q" { confirm = nil; tools.pendingSwapApp = nil; setMessage("nothing swapped") }
        case .learnSave(_, let path, let text):
            if ch == "y" { confirm = nil; saveLearned(text, to: path) }
            else if ch == "n" || key == .escape || ch == "q" { confirm = nil; setMessage("nothing learned") }
        }
    }

    // MARK: search

    func matches(_ m: Module, _ q: String) -> Bool {
        let q = q.lowercased()
        if let id = m.id, q == "#\(id)" || q == "\(id)" { return true }
        return searchKeys[m.index].contains(q)
    }

    /// The matches of `q` in tree order, computed once per query and tree: `n`/`N` on
    /// 10,000 modules must not rescan every module (refreshDerived drops the cache).
    func searchMatches(_ q: String) -> SearchMatches {
        if let c = searchCache, c.query == q { return c }
        var positionOf = [Int](repeating: -1, count: blueprint.modules.count)
        var positions: [Int] = []
        for (k, mi) in treeOrder.enumerated() {
            positionOf[mi] = k
            if matches(blueprint.modules[mi], q) { positions.append(k) }
        }
        let c = SearchMatches(query: q, positions: positions, positionOf: positionOf)
        searchCache = c
        return c
    }

    func search(_ q: String, from start: Int, forward: Bool, includeCurrent: Bool) {
        // Search every module in tree order, not only visible rows.
        let order = treeOrder
        guard !order.isEmpty else { return }
        let found = searchMatches(q)
        let p = found.positions
        guard !p.isEmpty else { setMessage("/\(q): no match", error: true); return }
        let n = order.count
        let pos = selectedModule.map { found.positionOf[$0.index] }.flatMap { $0 >= 0 ? $0 : nil } ?? (forward ? -1 : n)
        // The first match at or after `from` (forward) or at or before it (backward), wrapping.
        let from = forward ? (includeCurrent ? max(pos, 0) : pos + 1) : (includeCurrent ? pos : pos - 1)
        var lo = 0, hi = p.count                      // first index with p[i] >= from (or > from backward)
        while lo < hi { let mid = (lo + hi) / 2; if forward ? p[mid] < from : p[mid] <= from { lo = mid + 1 } else { hi = mid } }
        let i = forward ? (lo < p.count ? lo : 0) : (lo > 0 ? lo - 1 : p.count - 1)
        let k = p[i], mi = order[k]
        let step = ((forward ? k - from : from - k) % n + n) % n
        revealFiltered(mi)
        select(moduleIndex: mi)
        let wrapped = forward ? (k < pos) : (k > pos)
        setMessage("/\(q): match \(i + 1) of \(p.count)\(wrapped && step > 0 ? " (wrapped)" : "")")
    }

    /// Shows every module again when a filter (attention only, one app) hides module `mi`.
    func revealFiltered(_ mi: Int) {
        guard (attentionOnly || tools.appFilter != nil), !rows.contains(where: { $0.moduleIndex == mi }) else { return }
        attentionOnly = false
        tools.appFilter = nil
        rebuildRows()
    }

    func searchAgain(forward: Bool) {
        guard let q = lastSearch else { setMessage("no previous search; press / to search"); return }
        if tools.searchValues { valueSearch(q, forward: forward, includeCurrent: false); return }
        search(q, from: cursor, forward: forward, includeCurrent: false)
    }
}

/// Tree-order positions of one query's matches (see `Editor.searchMatches`).
struct SearchMatches {
    var query: String
    /// Positions in `treeOrder` of the matching modules, ascending.
    var positions: [Int]
    /// Module index → position in `treeOrder` (-1 for none).
    var positionOf: [Int]
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var s = Substring(self)
        while let f = s.first, set.contains(f) { s = s.dropFirst() }
        while let l = s.last, set.contains(l) { s = s.dropLast() }
        return String(s)
    }
}
