// The connection inventory: every connection, webhook, key, data store, data
// structure and device a scenario uses, grouped by id, with the modules that
// use each one, its label and type, and the warnings a user should see.

/// The identity of an account reference's value. Integer ids and numeric strings
/// with the same digits are the same account; `nil` (see `init`) means "not set".
public struct AccountID: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The digits of a numeric id, or the string's text.
    public let text: String

    /// Nil for a missing value, `null`, `""`, or a container (never an id).
    public init?(_ v: JSONValue?) {
        switch v {
        case .some(.number(let t)): text = t
        case .some(.string(let s)) where !s.isEmpty: text = s
        default: return nil
        }
    }

    public init(_ text: String) { self.text = text }

    /// All digits (an id Make or Fusion can resolve).
    public var isNumeric: Bool { !text.isEmpty && text.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }
    /// An IML expression such as `{{var.input.conn}}` (a dynamic connection bound at run time).
    public var isDynamic: Bool { text.hasPrefix("{{") && text.hasSuffix("}}") }
    /// A sanitisation placeholder or other text that cannot be an id.
    public var isPlaceholder: Bool { !isNumeric && !isDynamic }

    public var description: String { text }

    public static func < (a: AccountID, b: AccountID) -> Bool {
        if a.isNumeric && b.isNumeric && a.text.count != b.text.count { return a.text.count < b.text.count }
        return a.text < b.text
    }
}

/// Overrides a module parameter's accepted types (e.g. from the module catalog, when a
/// newer module version needs another connection type). Return nil to keep the descriptor's.
public typealias AcceptedTypesOverride = @Sendable (_ module: Module, _ ref: AccountRef) -> [String]?

/// One module parameter that uses an account.
public struct ConnectionUse: Sendable, Equatable {
    /// Index into `Blueprint.modules`.
    public var moduleIndex: Int
    public var moduleId: Int?
    /// `app:Name`.
    public var moduleName: String
    public var app: String
    public var parameter: String
    /// The value as written (an integer, a string, null), or nil when the parameter is absent.
    public var value: JSONValue?
    /// Accepted types: the catalog override when given, else the descriptor's (`account:a,b`).
    public var accepted: [String]
    public var required: Bool
    /// This module's restore label and `data.connection` type.
    public var label: String?
    public var type: String?
    /// Whether the module has a restore entry for this parameter (labels can be updated).
    public var hasRestoreEntry: Bool

    /// `#5 slack:CreateMessage`
    public var moduleText: String { "\(moduleId.map { "#\($0)" } ?? "#?") \(moduleName.isEmpty ? "(no module)" : moduleName)" }
}

/// One account (connection, webhook, …) and everything that uses it.
public struct ConnectionEntry: Sendable, Equatable {
    public var kind: AccountKind
    /// Nil for the group of parameters that are not set (missing, null or "").
    public var id: AccountID?
    /// The most common restore label among its users (the team list's name when loaded and no label is kept).
    public var label: String?
    /// The connection type: the team list's when loaded, else the most common restore type.
    public var type: String?
    public var users: [ConnectionUse]
    /// The team-list connection with this id, when a team list is loaded.
    public var team: TeamConnection?
    public var warnings: [ConnectionWarning]

    /// The different labels its users keep (more than one means they disagree).
    public var labels: [String] { distinct(users.compactMap(\.label)) }
    /// `connection 123`, `webhook (not set)`.
    public var title: String { "\(kind.title) \(id?.text ?? "(not set)")" }
}

/// A connection the user can pick for a module parameter.
public struct ConnectionCandidate: Sendable, Equatable {
    public var choice: ConnectionChoice
    /// Module parameters in the scenario that use it now.
    public var usedBy: Int
    public var inScenario: Bool
    public var inTeam: Bool
    /// The parameter uses it now.
    public var isCurrent: Bool
    /// Whether its type is accepted; nil when its type or the accepted list is unknown.
    public var accepted: Bool?
}

public struct ConnectionInventory: Sendable {
    public let blueprint: Blueprint
    public let team: TeamConnections?
    /// Connections first, then webhooks, keys, data stores, data structures and devices;
    /// within a kind, in order of first use in the module tree; "not set" last.
    public let entries: [ConnectionEntry]
    private let override: AcceptedTypesOverride?

    public init(blueprint: Blueprint, team: TeamConnections? = nil, acceptedTypes: AcceptedTypesOverride? = nil) {
        self.blueprint = blueprint
        self.team = team
        self.override = acceptedTypes
        struct Key: Hashable { var kind: AccountKind; var id: AccountID? }
        var order: [Key] = []
        var groups: [Key: [ConnectionUse]] = [:]
        for m in blueprint.modules {
            for ref in m.accounts {
                let key = Key(kind: ref.kind, id: AccountID(ref.value))
                if groups[key] == nil { order.append(key) }
                groups[key, default: []].append(ConnectionInventory.use(m, ref, override: acceptedTypes))
            }
        }
        let kindRank = Dictionary(uniqueKeysWithValues: AccountKind.allCases.enumerated().map { ($1, $0) })
        let rank = { (k: Key) in (kindRank[k.kind]!, k.id == nil ? 1 : 0) }
        order = order.enumerated().sorted { a, b in
            let ra = rank(a.element), rb = rank(b.element)
            return ra != rb ? ra < rb : a.offset < b.offset
        }.map(\.element)
        entries = order.map { key in
            let users = groups[key]!
            let t = key.kind == .connection ? key.id.flatMap { team?.connection(id: $0) } : nil
            var e = ConnectionEntry(kind: key.kind, id: key.id, label: mostCommon(users.compactMap(\.label)) ?? t?.name,
                                    type: t?.type ?? mostCommon(users.compactMap(\.type)), users: users, team: t, warnings: [])
            e.warnings = ConnectionWarnings.check(e, team: team)
            return e
        }
    }

    static func use(_ m: Module, _ ref: AccountRef, override: AcceptedTypesOverride?) -> ConnectionUse {
        ConnectionUse(moduleIndex: m.index, moduleId: m.id, moduleName: m.moduleName, app: m.app, parameter: ref.parameter,
                      value: ref.value, accepted: override?(m, ref) ?? ref.accepted, required: ref.required,
                      label: ref.label, type: ref.connectionType, hasRestoreEntry: ref.restoreEntry != nil)
    }

    /// Every warning, in module order.
    public var warnings: [ConnectionWarning] {
        entries.flatMap(\.warnings).sorted { ($0.moduleIndex, $0.parameter) < ($1.moduleIndex, $1.parameter) }
    }

    /// Every use, in entry order.
    public var uses: [ConnectionUse] { entries.flatMap(\.users) }

    public func entries(of kind: AccountKind) -> [ConnectionEntry] { entries.filter { $0.kind == kind } }

    /// The entry of `kind` with this id.
    public func entry(_ kind: AccountKind = .connection, id: AccountID?) -> ConnectionEntry? {
        entries.first { $0.kind == kind && $0.id == id }
    }

    /// The account parameters of one module.
    public func uses(module index: Int) -> [ConnectionUse] {
        uses.filter { $0.moduleIndex == index }.sorted { a, b in
            let refs = blueprint.modules[index].accounts.map(\.parameter)
            return (refs.firstIndex(of: a.parameter) ?? 0) < (refs.firstIndex(of: b.parameter) ?? 0)
        }
    }

    /// The types a module parameter accepts (empty: any, or unknown).
    public func acceptedTypes(module index: Int, parameter: String) -> [String] {
        guard blueprint.modules.indices.contains(index),
              let ref = blueprint.modules[index].accounts.first(where: { $0.parameter == parameter }) else { return [] }
        return override?(blueprint.modules[index], ref) ?? ref.accepted
    }

    /// What the parameter could be set to: the scenario's accounts of the same kind, then the team
    /// list's connections not used yet (connections only), without those of a type it does not accept
    /// unless `includeRejected`.
    public func candidates(module index: Int, parameter: String, includeRejected: Bool = false) -> [ConnectionCandidate] {
        guard blueprint.modules.indices.contains(index),
              let ref = blueprint.modules[index].accounts.first(where: { $0.parameter == parameter }) else { return [] }
        let accepted = acceptedTypes(module: index, parameter: parameter)
        let current = AccountID(ref.value)
        var out: [ConnectionCandidate] = []
        var seen = Set<AccountID>()
        for e in entries where e.kind == ref.kind {
            guard let id = e.id, !id.isPlaceholder else { continue }
            seen.insert(id)
            let ok: Bool?
            if let types = possibleTypes(e), !accepted.isEmpty { ok = !types.isDisjoint(with: accepted) } else { ok = nil }
            out.append(ConnectionCandidate(
                choice: ConnectionChoice(id: e.team?.id ?? valueOf(e), label: e.label, type: e.type, scoped: e.team?.scoped),
                usedBy: e.users.count, inScenario: true, inTeam: e.team != nil, isCurrent: id == current, accepted: ok))
        }
        if ref.kind == .connection, let team {
            for t in team.connections.sorted(by: { $0.name.lowercased() < $1.name.lowercased() }) where !seen.contains(t.accountID) {
                out.append(ConnectionCandidate(choice: t.choice, usedBy: 0, inScenario: false, inTeam: true,
                                               isCurrent: false, accepted: t.type.flatMap { accepted.isEmpty ? nil : accepted.contains($0) }))
            }
        }
        return includeRejected ? out : out.filter { $0.accepted != false }
    }

    /// A choice for `id` with the label, type and scope the scenario or the team list knows
    /// (the team list wins). Nil fields are left untouched by the edits.
    public func choice(_ kind: AccountKind = .connection, id: JSONValue) -> ConnectionChoice {
        guard let aid = AccountID(id) else { return ConnectionChoice(id: id) }
        let e = entry(kind, id: aid)
        let t = kind == .connection ? team?.connection(id: aid) : nil
        return ConnectionChoice(id: id, label: t?.name ?? e?.label, type: t?.type ?? e?.type, scoped: t?.scoped)
    }

    /// The types an account can have: its known type, else the types every one of its users
    /// accepts (nil when unknown).
    func possibleTypes(_ e: ConnectionEntry) -> Set<String>? {
        if let t = e.type { return [t] }
        var out: Set<String>?
        for u in e.users where !u.accepted.isEmpty { out = out.map { $0.intersection(u.accepted) } ?? Set(u.accepted) }
        return out
    }

    private func valueOf(_ e: ConnectionEntry) -> JSONValue {
        e.users.first(where: { $0.value?.kind == .number })?.value ?? e.users.first?.value ?? .string(e.id?.text ?? "")
    }
}

func mostCommon(_ xs: [String]) -> String? {
    var counts: [String: Int] = [:]
    for x in xs where !x.isEmpty { counts[x, default: 0] += 1 }
    // ties go to the first seen
    var best: String?
    for x in xs where !x.isEmpty { if best == nil || counts[x]! > counts[best!]! { best = x } }
    return best
}

func distinct(_ xs: [String]) -> [String] {
    var seen = Set<String>()
    return xs.filter { seen.insert($0).inserted }
}
