// Connection edits: set one module's connection, swap one connection for another
// across the scenario, rename a connection's label everywhere, clear one. Each is
// one undoable step of an EditSession and touches only the parameter value and
// the module's restore entry (label, data.connection), in the key order already there.

/// What to assign: the id, and the label and type to record in the module's restore entry.
/// A nil label, type or scope leaves what the module has.
public struct ConnectionChoice: Sendable, Equatable {
    public var id: JSONValue
    public var label: String?
    public var type: String?
    public var scoped: Bool?

    public init(id: JSONValue, label: String? = nil, type: String? = nil, scoped: Bool? = nil) {
        self.id = id; self.label = label; self.type = type; self.scoped = scoped
    }

    /// From text a user typed: digits become an integer id, anything else a string.
    public init(idText: String, label: String? = nil, type: String? = nil, scoped: Bool? = nil) {
        let v: JSONValue = AccountID(idText).isNumeric ? (Int(idText).map { .int($0) } ?? .string(idText)) : .string(idText)
        self.init(id: v, label: label, type: type, scoped: scoped)
    }
}

public enum ConnectionEditError: Error, Sendable, Equatable, CustomStringConvertible {
    case noSuchModule(index: Int)
    /// The module has no account parameter of that name; `available` lists the ones it has.
    case noSuchParameter(module: String, parameter: String, available: [String])
    /// The chosen connection's type is not one the parameter accepts (pass `force` to assign it anyway).
    case typeNotAccepted(module: String, parameter: String, type: String, accepted: [String])
    case notABlueprint(String)
    case edit(String)

    public var description: String {
        switch self {
        case .noSuchModule(let i): return "there is no module at index \(i)"
        case .noSuchParameter(let m, let p, let a):
            return "\(m) has no account parameter \(p)" + (a.isEmpty ? " (it has none)" : " (it has \(a.joined(separator: ", ")))")
        case .typeNotAccepted(let m, let p, let t, let a):
            return "\(m) \(p) does not accept connection type \(t) (accepts \(a.joined(separator: ", ")))"
        case .notABlueprint(let s): return "not a scenario blueprint: \(s)"
        case .edit(let s): return s
        }
    }
}

public enum ConnectionEditor {
    /// Sets one module parameter to `choice`. Refuses a connection type the parameter does not accept unless `force`.
    public static func set(module index: Int, parameter: String, to choice: ConnectionChoice, in session: inout EditSession,
                           force: Bool = false, acceptedTypes: AcceptedTypesOverride? = nil) throws(ConnectionEditError) {
        let bp = try blueprint(session)
        let (m, ref) = try find(bp, index, parameter)
        if !force { try checkType(choice, m, ref, acceptedTypes) }
        try perform(&session, "Set \(ref.kind.title) of \(m.idText)") { doc throws(JSONEditError) in
            try splices(setting: ref, of: m, to: choice, in: doc)
        }
    }

    /// Replaces account `old` of `kind` with `choice` in every module that uses it (only in modules of
    /// `app` when given). Returns the uses it matched (empty: nothing matched, nothing changed).
    /// Checks every matched parameter's accepted types first; refuses them all unless `force`.
    @discardableResult
    public static func swap(_ kind: AccountKind = .connection, from old: AccountID, to choice: ConnectionChoice, app: String? = nil,
                            in session: inout EditSession, force: Bool = false,
                            acceptedTypes: AcceptedTypesOverride? = nil) throws(ConnectionEditError) -> [ConnectionUse] {
        let bp = try blueprint(session)
        var targets: [(Module, AccountRef)] = []
        for m in bp.modules where app == nil || m.app == app {
            for ref in m.accounts where ref.kind == kind && AccountID(ref.value) == old { targets.append((m, ref)) }
        }
        if !force { for (m, ref) in targets { try checkType(choice, m, ref, acceptedTypes) } }
        let newText = AccountID(choice.id)?.text ?? choice.id.compactText
        try perform(&session, "Swap \(kind.title) \(old.text) → \(newText)") { doc throws(JSONEditError) in
            var out: [Splice] = []
            for (m, ref) in targets { out += try splices(setting: ref, of: m, to: choice, in: doc) }
            return out
        }
        return targets.map { ConnectionInventory.use($0.0, $0.1, override: acceptedTypes) }
    }

    /// Sets the restore label of account `id` in every module that uses it and keeps a restore entry.
    /// Returns every use of the id (empty: the scenario does not use it).
    @discardableResult
    public static func rename(_ kind: AccountKind = .connection, id: AccountID, label: String,
                              in session: inout EditSession) throws(ConnectionEditError) -> [ConnectionUse] {
        let bp = try blueprint(session)
        var targets: [(Module, AccountRef)] = []
        for m in bp.modules {
            for ref in m.accounts where ref.kind == kind && AccountID(ref.value) == id { targets.append((m, ref)) }
        }
        try perform(&session, "Rename \(kind.title) \(id.text)") { doc throws(JSONEditError) in
            var out: [Splice] = []
            for (_, ref) in targets { out += try restoreSplices(ref, label: label, type: nil, scoped: nil, in: doc) }
            return out
        }
        return targets.map { ConnectionInventory.use($0.0, $0.1, override: nil) }
    }

    /// Sets the parameter to null and removes its restore entry.
    public static func clear(module index: Int, parameter: String, in session: inout EditSession) throws(ConnectionEditError) {
        let bp = try blueprint(session)
        let (m, ref) = try find(bp, index, parameter)
        try perform(&session, "Clear \(ref.kind.title) of \(m.idText)") { doc throws(JSONEditError) in
            var out: [Splice] = []
            if let v = ref.valueNode, !doc.isNull(v) { out.append(doc.replaceValue(v, with: .null)) }
            if let e = ref.restoreEntry { out.append(doc.remove(e)) }
            return out
        }
    }

    // MARK: splices

    /// The splices that point `ref` of module `m` at `choice`: the parameter value (inserted in
    /// descriptor order when absent) and the restore entry's label and `data.connection`.
    public static func splices(setting ref: AccountRef, of m: Module, to choice: ConnectionChoice,
                               in doc: JSONDocument) throws(JSONEditError) -> [Splice] {
        var out: [Splice] = []
        let newValue = value(for: choice.id, replacing: ref.value)
        if let v = ref.valueNode {
            if doc.value(v) != newValue { out.append(doc.replaceValue(v, with: newValue)) }
        } else if let params = doc.member(m.node, "parameters"), doc.kind(params) == .object {
            let before = descriptorNames(m, doc).prefix { $0 != ref.parameter }
            out.append(before.isEmpty ? try doc.insertMember(params, ref.parameter, newValue, at: 0)
                                      : try doc.setMember(params, ref.parameter, newValue, after: Array(before)))
        } else if let params = doc.member(m.node, "parameters") {
            out.append(doc.replaceValue(params, with: .object([(ref.parameter, newValue)])))
        } else {
            out.append(try doc.setMember(m.node, "parameters", .object([(ref.parameter, newValue)]), after: ["id", "module", "version"]))
        }
        out += try restoreSplices(ref, label: choice.label, type: ref.kind == .connection ? choice.type : nil,
                                  scoped: ref.kind == .connection ? choice.scoped : nil, in: doc)
        if ref.restoreEntry == nil, let label = choice.label, let rp = restoreParameters(of: m, in: doc) {
            // A module that kept no label for this parameter (e.g. just upgraded, where the
            // new version's parameter starts empty) gets one, as Make writes it when a
            // connection is chosen: data before label. Without `metadata.restore.parameters`
            // nothing is added.
            let type = ref.kind == .connection ? choice.type : nil
            let data: [(String, JSONValue)] = type.map { t in
                (choice.scoped.map { [("scoped", JSONValue.string($0 ? "true" : "false"))] } ?? []) + [("connection", .string(t))]
            } ?? []
            let entry: JSONValue = .object((data.isEmpty ? [] : [("data", .object(data))]) + [("label", .string(label))])
            out.append(try doc.setMember(rp, ref.parameter, entry))
        }
        return out
    }

    /// `metadata.restore.parameters` of a module, when it is an object.
    static func restoreParameters(of m: Module, in doc: JSONDocument) -> Int? {
        guard let md = doc.member(m.node, "metadata"), doc.kind(md) == .object,
              let r = doc.member(md, "restore"), doc.kind(r) == .object,
              let rp = doc.member(r, "parameters"), doc.kind(rp) == .object else { return nil }
        return rp
    }

    /// Updates the label (and, for connections, `data.connection` and `data.scoped`) of an existing
    /// restore entry. Nothing is added when the module has no restore entry for the parameter.
    static func restoreSplices(_ ref: AccountRef, label: String?, type: String?, scoped: Bool?,
                               in doc: JSONDocument) throws(JSONEditError) -> [Splice] {
        guard let e = ref.restoreEntry else { return [] }
        if doc.kind(e) == .string {
            guard let label, doc.string(e) != label else { return [] }
            return [doc.replaceValue(e, with: .string(label))]
        }
        guard doc.kind(e) == .object else { return [] }
        var out: [Splice] = []
        var inserts: [(String, JSONValue)] = []
        if let label {
            if let l = doc.member(e, "label") {
                if doc.string(l) != label { out.append(doc.replaceValue(l, with: .string(label))) }
            } else { inserts.append(("label", .string(label))) }
        }
        if let d = doc.member(e, "data"), doc.kind(d) == .object {
            if let type {
                if let c = doc.member(d, "connection") {
                    if doc.string(c) != type { out.append(doc.replaceValue(c, with: .string(type))) }
                } else { out.append(try doc.setMember(d, "connection", .string(type))) }
            }
            if let scoped, let s = doc.member(d, "scoped") {
                let v: JSONValue = doc.kind(s) == .string ? .string(scoped ? "true" : "false") : .bool(scoped)
                if doc.value(s) != v { out.append(doc.replaceValue(s, with: v)) }
            }
        } else if doc.member(e, "data") == nil, let type {
            // Make writes data before label (583 of 645 entries); scoped is a string there.
            let data: JSONValue = .object((scoped.map { [("scoped", JSONValue.string($0 ? "true" : "false"))] } ?? []) + [("connection", .string(type))])
            inserts.insert(("data", data), at: 0)
        }
        switch inserts.count {
        case 0: break
        case 1 where inserts[0].0 == "data": out.append(try doc.insertMember(e, "data", inserts[0].1, at: 0))
        case 1: out.append(try doc.setMember(e, inserts[0].0, inserts[0].1))
        default:
            // Neither label nor data yet: rewrite the small entry whole.
            let members = doc.children(e).map { (doc.key($0) ?? "", doc.value($0)) }
            return [doc.replaceValue(e, with: .object(members + inserts))]
        }
        return out
    }

    /// The JSON value to write: integer ids stay integers (a string of digits becomes an integer),
    /// except where the module already holds its id as a string of digits.
    public static func value(for id: JSONValue, replacing old: JSONValue?) -> JSONValue {
        var oldIsDigitString = false
        if case .string(let s)? = old { oldIsDigitString = AccountID(s).isNumeric }
        switch id {
        case .string(let s) where !oldIsDigitString && AccountID(s).isNumeric:
            return Int(s).map { .int($0) } ?? id
        case .number(let n) where oldIsDigitString && AccountID(n).isNumeric:
            return .string(n)
        default:
            return id
        }
    }

    // MARK: helpers

    static func blueprint(_ session: EditSession) throws(ConnectionEditError) -> Blueprint {
        do { return try Blueprint(document: session.document) } catch { throw .notABlueprint(error.description) }
    }

    static func find(_ bp: Blueprint, _ index: Int, _ parameter: String) throws(ConnectionEditError) -> (Module, AccountRef) {
        guard bp.modules.indices.contains(index) else { throw .noSuchModule(index: index) }
        let m = bp.modules[index]
        guard let ref = m.accounts.first(where: { $0.parameter == parameter }) else {
            throw .noSuchParameter(module: "\(m.idText) \(m.moduleName)", parameter: parameter, available: m.accounts.map(\.parameter))
        }
        return (m, ref)
    }

    static func checkType(_ choice: ConnectionChoice, _ m: Module, _ ref: AccountRef,
                          _ override: AcceptedTypesOverride?) throws(ConnectionEditError) {
        guard ref.kind == .connection, let t = choice.type else { return }
        let accepted = override?(m, ref) ?? ref.accepted
        if !accepted.isEmpty && !accepted.contains(t) {
            throw .typeNotAccepted(module: "\(m.idText) \(m.moduleName)", parameter: ref.parameter, type: t, accepted: accepted)
        }
    }

    static func descriptorNames(_ m: Module, _ doc: JSONDocument) -> [String] {
        guard let md = doc.member(m.node, "metadata"), let ps = doc.member(md, "parameters"), doc.kind(ps) == .array else { return [] }
        return doc.children(ps).compactMap { doc.kind($0) == .object ? doc.string($0, "name") : nil }
    }

    static func perform(_ session: inout EditSession, _ label: String,
                        _ make: (JSONDocument) throws(JSONEditError) -> [Splice]) throws(ConnectionEditError) {
        do {
            try session.perform(label) { (ed: inout JSONEditor) throws(JSONEditError) in
                try ed.apply(try make(ed.document))
            }
        } catch { throw .edit(error.description) }
    }
}
