// A batch of connection edits as `scened connections` takes them on the command
// line (`--clear 5`, `--set 5=123`, `--swap 123=456`, `--label 456=Text`), applied
// to an edit session in that fixed order, each one undoable step. The team list,
// when given, checks ids and types and supplies labels.

public enum ConnectionScriptError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Malformed argument (exit 64).
    case usage(String)
    /// The request does not fit the file: no such module, wrong connection type, unknown id (exit 65).
    case refused(String)
    /// A swap or label matched nothing; nothing should be written (exit 1).
    case nothingMatched(String)

    public var description: String {
        switch self { case .usage(let s), .refused(let s), .nothingMatched(let s): return s }
    }
}

/// `5` or `5.__IMTCONN__`: a module id and optionally one of its parameters.
public struct ModuleParameterSpec: Sendable, Equatable {
    public var moduleId: Int
    public var parameter: String?

    public init(moduleId: Int, parameter: String? = nil) { self.moduleId = moduleId; self.parameter = parameter }

    /// `argument` names the whole command-line argument in messages (default: `s`).
    public init(parsing s: String, option: String, argument: String? = nil) throws(ConnectionScriptError) {
        let arg = argument ?? s
        let parts = s.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let idText = parts[0].hasPrefix("#") ? parts[0].dropFirst() : parts[0]
        guard let id = Int(idText) else { throw .usage("\(option) \(arg): expected a module id such as 5 or 5.__IMTCONN__") }
        moduleId = id
        if parts.count == 2 {
            guard !parts[1].isEmpty else { throw .usage("\(option) \(arg): missing parameter name after '.'") }
            parameter = String(parts[1])
        }
    }

    public var text: String { "#\(moduleId)" + (parameter.map { ".\($0)" } ?? "") }
}

public struct ConnectionScript: Sendable {
    public var kind: AccountKind = .connection
    /// Limits swaps to modules of this app (like the DevTool's "same app").
    public var app: String?
    /// Assign connections of a type the parameter does not accept, or ids the team list lacks.
    public var force = false
    public var clears: [ModuleParameterSpec] = []
    public var sets: [(ModuleParameterSpec, String)] = []
    public var swaps: [(String, String)] = []
    public var labels: [(String, String)] = []

    public init() {}

    public var isEmpty: Bool { clears.isEmpty && sets.isEmpty && swaps.isEmpty && labels.isEmpty }

    /// Splits `LEFT=RIGHT` at the first `=`; both sides non-empty (the right may be empty when `allowEmptyRight`).
    public static func assignment(_ s: String, option: String, allowEmptyRight: Bool = false) throws(ConnectionScriptError) -> (String, String) {
        guard let eq = s.firstIndex(of: "=") else { throw .usage("\(option) \(s): expected LEFT=RIGHT") }
        let l = String(s[..<eq]), r = String(s[s.index(after: eq)...])
        guard !l.isEmpty, allowEmptyRight || !r.isEmpty else { throw .usage("\(option) \(s): both sides of '=' must be given") }
        return (l, r)
    }

    public mutating func addSet(_ s: String) throws(ConnectionScriptError) {
        let (l, r) = try Self.assignment(s, option: "--set")
        sets.append((try ModuleParameterSpec(parsing: l, option: "--set", argument: s), r))
    }

    public mutating func addSwap(_ s: String) throws(ConnectionScriptError) { swaps.append(try Self.assignment(s, option: "--swap")) }
    public mutating func addLabel(_ s: String) throws(ConnectionScriptError) { labels.append(try Self.assignment(s, option: "--label", allowEmptyRight: true)) }
    public mutating func addClear(_ s: String) throws(ConnectionScriptError) { clears.append(try ModuleParameterSpec(parsing: s, option: "--clear")) }

    /// Applies every edit; returns one human-readable line per edit. On error the session
    /// may hold the edits made before it (the caller writes nothing then).
    public func run(on session: inout EditSession, team: TeamConnections?,
                    acceptedTypes: AcceptedTypesOverride? = nil) throws(ConnectionScriptError) -> [String] {
        var notes: [String] = []
        func inventory() throws(ConnectionScriptError) -> ConnectionInventory {
            do { return ConnectionInventory(blueprint: try Blueprint(document: session.document), team: team, acceptedTypes: acceptedTypes) }
            catch { throw .refused("not a scenario blueprint: \(error)") }
        }
        for spec in clears {
            let inv = try inventory()
            let (m, ref) = try resolve(spec, in: inv.blueprint, option: "--clear \(spec.text)")
            try edit { () throws(ConnectionEditError) in try ConnectionEditor.clear(module: m.index, parameter: ref.parameter, in: &session) }
            notes.append("cleared \(ref.kind.title) of \(m.idText) \(ref.parameter)")
        }
        for (spec, idText) in sets {
            let inv = try inventory()
            let (m, ref) = try resolve(spec, in: inv.blueprint, option: "--set \(spec.text)=\(idText)")
            let choice = try choose(idText, kind: ref.kind, inv, option: "--set \(spec.text)=\(idText)")
            try edit { () throws(ConnectionEditError) in
                try ConnectionEditor.set(module: m.index, parameter: ref.parameter, to: choice, in: &session, force: force, acceptedTypes: acceptedTypes)
            }
            notes.append("set \(m.idText) \(ref.parameter) to \(ref.kind.title) \(idText)\(Self.describe(choice))")
        }
        for (oldText, newText) in swaps {
            let inv = try inventory()
            let choice = try choose(newText, kind: kind, inv, option: "--swap \(oldText)=\(newText)")
            var used: [ConnectionUse] = []
            try edit { () throws(ConnectionEditError) in
                used = try ConnectionEditor.swap(kind, from: AccountID(oldText), to: choice, app: app, in: &session,
                                                 force: force, acceptedTypes: acceptedTypes)
            }
            guard !used.isEmpty else {
                throw .nothingMatched("--swap \(oldText)=\(newText): no module uses \(kind.title) \(oldText)\(app.map { " in app \($0)" } ?? "")")
            }
            notes.append("swapped \(kind.title) \(oldText) for \(newText)\(Self.describe(choice)) in \(Self.modules(used))")
            if choice.label == nil && used.contains(where: \.hasRestoreEntry) && !labels.contains(where: { $0.0 == newText }) {
                notes.append("the label of \(kind.title) \(newText) is unknown: modules keep the old label (give --label \(newText)=TEXT or --connections)")
            }
        }
        for (idText, label) in labels {
            var used: [ConnectionUse] = []
            let before = session.undoStack.count
            try edit { () throws(ConnectionEditError) in used = try ConnectionEditor.rename(kind, id: AccountID(idText), label: label, in: &session) }
            guard !used.isEmpty else { throw .nothingMatched("--label \(idText)=\(label): no module uses \(kind.title) \(idText)") }
            let withEntry = used.filter(\.hasRestoreEntry)
            if withEntry.isEmpty {
                notes.append("\(kind.title) \(idText): no module keeps a restore label for it; nothing to rename")
            } else {
                notes.append("labelled \(kind.title) \(idText) \(JSONWriter.quoted(label)) in \(Self.modules(withEntry))"
                             + (session.undoStack.count == before ? " (unchanged)" : ""))
            }
        }
        return notes
    }

    /// The module parameter a spec names. Without `.PARAM`: the module's only parameter of `kind`,
    /// or its only account parameter.
    /// `option` is the whole argument, for messages (`--set #5=123`).
    func resolve(_ spec: ModuleParameterSpec, in bp: Blueprint, option: String) throws(ConnectionScriptError) -> (Module, AccountRef) {
        guard let m = bp.module(id: spec.moduleId) else { throw .refused("\(option): there is no module #\(spec.moduleId)") }
        let names = m.accounts.map(\.parameter)
        if let p = spec.parameter {
            guard let ref = m.accounts.first(where: { $0.parameter == p }) else {
                throw .refused("\(option): \(m.idText) \(m.moduleName) has no account parameter \(p)"
                               + (names.isEmpty ? "" : " (it has \(names.joined(separator: ", ")))"))
            }
            return (m, ref)
        }
        let ofKind = m.accounts.filter { $0.kind == kind }
        if ofKind.count == 1 { return (m, ofKind[0]) }
        if ofKind.isEmpty && m.accounts.count == 1 { return (m, m.accounts[0]) }
        if m.accounts.isEmpty { throw .refused("\(option): \(m.idText) \(m.moduleName) has no connection or other account parameter") }
        throw .refused("\(option): \(m.idText) \(m.moduleName) has several account parameters (\(names.joined(separator: ", "))); "
                       + "name one as \(spec.moduleId).PARAM")
    }

    /// The choice for a new id, with label and type from the team list or the scenario. Refuses an id the
    /// loaded team list lacks (unless `force`).
    func choose(_ idText: String, kind: AccountKind, _ inv: ConnectionInventory, option: String) throws(ConnectionScriptError) -> ConnectionChoice {
        let c = ConnectionChoice(idText: idText)
        let id = AccountID(idText)
        if kind == .connection, let team = inv.team, id.isNumeric, team.connection(id: id) == nil, !force {
            throw .refused("\(option): connection \(idText) is not in the team list \(team.source) (use --force to assign it anyway)")
        }
        return inv.choice(kind, id: c.id)
    }

    private func edit(_ body: () throws(ConnectionEditError) -> Void) throws(ConnectionScriptError) {
        do { try body() } catch { throw .refused(error.description + (error.isTypeMismatch ? " (use --force to assign it anyway)" : "")) }
    }

    static func describe(_ c: ConnectionChoice) -> String {
        var parts: [String] = []
        if let l = c.label { parts.append(JSONWriter.quoted(l)) }
        if let t = c.type { parts.append(t) }
        return parts.isEmpty ? "" : " (" + parts.joined(separator: ", ") + ")"
    }

    static func modules(_ uses: [ConnectionUse]) -> String {
        "\(uses.count) module parameter\(uses.count == 1 ? "" : "s") (" + uses.map { $0.moduleId.map { "#\($0)" } ?? "#?" }.joined(separator: ", ") + ")"
    }
}

extension ConnectionEditError {
    var isTypeMismatch: Bool { if case .typeNotAccepted = self { return true }; return false }
}
