// One module of a scenario, wherever it lives in the blueprint.

/// Where a module sits.
public enum Container: Sendable, Equatable, CustomStringConvertible {
    /// The scenario's main flow.
    case main
    /// Route `index` (0-based) of the router `router`; `isElse` for the fallback route.
    case route(router: Int?, index: Int, isElse: Bool)
    /// The error-handler route of module `owner`.
    case onError(owner: Int?)
    /// Branch `index` of an If-else module, with its label.
    case branch(owner: Int?, index: Int, label: String)
    /// An AI-agent tool's flow.
    case tool(owner: Int?, index: Int, name: String)
    /// A disconnected fragment in `metadata.designer.orphans` (0-based).
    case orphan(fragment: Int)

    public var description: String {
        func ref(_ id: Int?) -> String { id.map { "#\($0)" } ?? "#?" }
        switch self {
        case .main: return "main"
        case .route(let r, let i, let e): return "route \(i + 1)\(e ? " (else)" : "") of \(ref(r))"
        case .onError(let o): return "error handler of \(ref(o))"
        case .branch(let o, let i, let l): return "branch \(i + 1)\(l.isEmpty ? "" : " \"\(l)\"") of \(ref(o))"
        case .tool(let o, let i, let n): return "tool \(i + 1)\(n.isEmpty ? "" : " \"\(n)\"") of \(ref(o))"
        case .orphan(let f): return "orphan fragment \(f + 1)"
        }
    }

    /// A short name for JSON output: main, route, onerror, branch, tool, orphan.
    public var kindName: String {
        switch self {
        case .main: return "main"
        case .route: return "route"
        case .onError: return "onerror"
        case .branch: return "branch"
        case .tool: return "tool"
        case .orphan: return "orphan"
        }
    }
}

/// What kind of account-like thing a parameter points at.
public enum AccountKind: String, Sendable, CaseIterable {
    case connection, webhook, keychain, dataStore = "datastore", dataStructure = "datastructure", device

    /// Classifies a descriptor type such as `account:slack2`, `hook:gateway-webhook`, `udt`.
    public init?(descriptorType t: String) {
        if t == "account" || t.hasPrefix("account:") { self = .connection }
        else if t == "hook" || t.hasPrefix("hook:") { self = .webhook }
        else if t == "keychain" || t.hasPrefix("keychain:") { self = .keychain }
        else if t == "datastore" || t.hasPrefix("datastore:") { self = .dataStore }
        else if t == "udt" || t.hasPrefix("udt:") { self = .dataStructure }
        else if t == "device" || t.hasPrefix("device:") { self = .device }
        else { return nil }
    }

    public var title: String {
        switch self {
        case .connection: return "connection"
        case .webhook: return "webhook"
        case .keychain: return "key"
        case .dataStore: return "data store"
        case .dataStructure: return "data structure"
        case .device: return "device"
        }
    }
}

/// A parameter of a module that refers to a connection, webhook, key, data store, …
public struct AccountRef: Sendable, Equatable {
    public var kind: AccountKind
    /// The parameter name, e.g. `__IMTCONN__`, `account`, `hook`.
    public var parameter: String
    /// The parameter's value node in `parameters`, when present.
    public var valueNode: Int?
    /// The value (an integer id, a string placeholder, null), when present.
    public var value: JSONValue?
    /// Accepted types from the descriptor: `account:slack2,slack3` gives `["slack2", "slack3"]`.
    public var accepted: [String]
    /// Whether the descriptor marks it required.
    public var required: Bool
    /// The label shown in the UI (`metadata.restore.parameters.<name>.label`, or a bare string there).
    public var label: String?
    /// The connection type (`metadata.restore.parameters.<name>.data.connection`).
    public var connectionType: String?
    /// The restore entry node (`metadata.restore.parameters.<name>`, or `metadata.restore.<name>`
    /// in the oldest exports): an object with `label`/`data`, or a bare label string.
    public var restoreEntry: Int? = nil

    /// The id as an integer, when it is one.
    public var intValue: Int? { value?.intValue }

    /// The value as display text.
    public var valueText: String {
        switch value {
        case .none: return ""
        case .some(.string(let s)): return s
        case .some(let v): return v.compactText
        }
    }
}

public struct Module: Sendable {
    /// Position in `Blueprint.modules` (tree order).
    public var index: Int
    /// The JSON node of the module object.
    public var node: Int
    public var path: JSONPath
    /// Container nesting depth: 0 in the main flow and orphans, +1 per route/branch/handler.
    public var depth: Int
    public var container: Container
    /// Index of the module that owns the container (router, failing module, If-else), if any.
    public var parentIndex: Int?
    public var id: Int?
    /// `app:Name`, e.g. `http:ActionSendData` ("" when missing).
    public var moduleName: String
    public var version: Int?
    /// The user's label (`metadata.designer.name`).
    public var label: String?
    /// The filter on the incoming link: nil when absent or null.
    public var filterName: String?
    public var hasFilter: Bool
    public var accounts: [AccountRef]
    /// Indices of the modules nested directly in this one (routes, error handler, branches, tools).
    public var childIndices: [Int] = []
    public var hasErrorHandler: Bool

    public var app: String {
        guard let c = moduleName.firstIndex(of: ":") else { return moduleName }
        return String(moduleName[..<c])
    }

    public var name: String {
        guard let c = moduleName.firstIndex(of: ":") else { return "" }
        return String(moduleName[moduleName.index(after: c)...])
    }

    /// `#12` or `#?` for a module without an id.
    public var idText: String { id.map { "#\($0)" } ?? "#?" }

    /// The connection parameters only.
    public var connections: [AccountRef] { accounts.filter { $0.kind == .connection } }
}
