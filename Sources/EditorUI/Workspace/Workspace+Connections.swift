// `C` on the list: every connection, webhook, key and data store of every scenario,
// "used by 14 modules in 5 scenarios"; `Enter` lists the modules by scenario; `s`
// swaps one for another id in every scenario using it (one undo step per scenario,
// saved with `w`). Scenarios not open are parsed for this, side by side, and dropped.
import BlueprintKit

/// One account across the workspace.
public struct WorkspaceAccount: Sendable, Equatable {
    public var kind: AccountKind
    public var id: AccountID
    public var label: String?
    public var type: String?
    /// Per scenario (entry index) the modules using it: `#2 slack:CreateMessage`.
    public var users: [(entry: Int, modules: [String])]
    public var moduleCount: Int { users.reduce(0) { $0 + $1.modules.count } }

    public static func == (a: WorkspaceAccount, b: WorkspaceAccount) -> Bool {
        a.kind == b.kind && a.id == b.id && a.users.map(\.entry) == b.users.map(\.entry) && a.users.map(\.modules) == b.users.map(\.modules)
    }
}

public struct WorkspaceConnections: Sendable, Equatable {
    public internal(set) var accounts: [WorkspaceAccount]
    public internal(set) var cursor = 0
    public internal(set) var showUsers = false
    /// The swap line (`s`): the new id being typed.
    public internal(set) var swapText: String?
    var scroll = 0

    mutating func move(by d: Int) { move(to: cursor + d) }
    mutating func move(to row: Int) { cursor = accounts.isEmpty ? 0 : max(0, min(accounts.count - 1, row)) }
    public var selected: WorkspaceAccount? { accounts.indices.contains(cursor) ? accounts[cursor] : nil }
}

extension Workspace {
    func openConnections() {
        connections = WorkspaceConnections(accounts: gatherAccounts())
        mode = .connections
        let n = connections!.accounts.count
        say("\(n) connection\(n == 1 ? "" : "s"), webhook\(n == 1 ? "" : "s"), key\(n == 1 ? "" : "s") and data store\(n == 1 ? "" : "s") across \(entries.count) scenarios")
    }

    /// The accounts of every readable scenario: open ones from their editors (with unsaved
    /// edits), the others parsed from disk in parallel.
    func gatherAccounts() -> [WorkspaceAccount] {
        let closed = entries.indices.filter { entries[$0].editor == nil && !entries[$0].summary.isBroken }
        let paths = closed.map { entries[$0].summary.path }
        let parsed = Parallel.map(paths) { p -> Blueprint? in
            guard let bytes = try? FileIO.readBytes(p) else { return nil }
            return try? Blueprint(bytes: bytes, scanReferences: false)
        }
        var blueprints: [Int: Blueprint] = [:]
        for (k, i) in closed.enumerated() { if let b = parsed[k] { blueprints[i] = b } }
        for (i, e) in entries.enumerated() { if let ed = e.editor { blueprints[i] = ed.blueprint } }
        var order: [String] = []
        var byKey: [String: WorkspaceAccount] = [:]
        for i in entries.indices {
            guard let bp = blueprints[i] else { continue }
            var mine: [String: [String]] = [:]
            var mineOrder: [String] = []
            for m in bp.modules {
                for a in m.accounts {
                    guard let id = AccountID(a.value) else { continue }
                    let key = "\(a.kind.rawValue)\u{1}\(id.text)"
                    if byKey[key] == nil {
                        order.append(key)
                        byKey[key] = WorkspaceAccount(kind: a.kind, id: id, label: a.label, type: a.connectionType, users: [])
                    }
                    if byKey[key]!.label == nil { byKey[key]!.label = a.label }
                    if byKey[key]!.type == nil { byKey[key]!.type = a.connectionType }
                    if mine[key] == nil { mineOrder.append(key) }
                    mine[key, default: []].append("\(m.idText) \(m.moduleName)")
                }
            }
            for k in mineOrder { byKey[k]!.users.append((i, mine[k]!)) }
        }
        return order.map { byKey[$0]! }.sorted { a, b in
            a.users.count != b.users.count ? a.users.count > b.users.count
                : a.moduleCount != b.moduleCount ? a.moduleCount > b.moduleCount : (a.kind.rawValue, a.id) < (b.kind.rawValue, b.id)
        }
    }

    func beginSwap() {
        guard let a = connections?.selected else { say("no connection to swap"); return }
        connections?.swapText = ""
        say("swap \(a.kind.title) \(a.id.text) in \(a.users.count) scenario\(a.users.count == 1 ? "" : "s") for (new id, Enter swaps, Esc cancels):")
    }

    func handleSwapKey(_ key: Key) {
        guard let text = connections?.swapText else { return }
        switch LineKey.apply(key, to: text) {
        case .changed(let t): connections?.swapText = t
        case .cancel: connections?.swapText = nil; say("nothing swapped")
        case .submit:
            connections?.swapText = nil
            let t = text.trimmingSpaces
            guard !t.isEmpty else { say("nothing swapped"); return }
            swapSelected(to: t)
        case .none: break
        }
    }

    /// Swaps the selected account for `newId` in every scenario using it: one undo step
    /// in each scenario's editor (opened for it); nothing is saved until `w`.
    public func swapSelected(to newId: String) {
        guard let a = connections?.selected else { return }
        var changed: [String] = []
        var problems: [String] = []
        for (i, _) in a.users {
            guard let e = editor(i) else { problems.append(shownPath(entries[i].summary.path) + ": cannot be opened"); continue }
            var script = ConnectionScript()
            script.kind = a.kind
            script.swaps = [(a.id.text, newId)]
            var s = e.session
            do {
                let notes = try script.run(on: &s, team: services.team)
                e.apply(session: s, message: notes.first ?? "swapped \(a.id.text) for \(newId)")
                changed.append(shownPath(entries[i].summary.path))
                refreshSummary(i)
            } catch {
                problems.append("\(shownPath(entries[i].summary.path)): \(error)")
            }
        }
        let cursorKey = (a.kind, newId)
        connections?.accounts = gatherAccounts()
        if let at = connections?.accounts.firstIndex(where: { $0.kind == cursorKey.0 && $0.id.text == cursorKey.1 }) { connections?.cursor = at }
        connections?.move(by: 0)
        rebuild()
        var msg = "swapped \(a.kind.title) \(a.id.text) for \(newId) in \(changed.count) scenario\(changed.count == 1 ? "" : "s")"
        if !changed.isEmpty { msg += " (" + changed.joined(separator: ", ") + "; not saved yet: w saves all, z in a scenario undoes it there)" }
        if problems.isEmpty { say(msg) } else { fail(msg + "; not swapped: " + problems.joined(separator: "; ")) }
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
