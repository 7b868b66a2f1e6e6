// The team's connections, loaded from a JSON file, to pick from and to check
// ids and types against. Two shapes are accepted:
//
//   {"connections": [{"id": 123, "name": "Sales Slack", "accountName": "slack3",
//                     "accountLabel": "Slack", "accountType": "oauth", "scoped": true, …}]}
//     (what Make's and Fusion's "list connections" API returns; `accountName` is the type)
//   [{"id": 123, "name": "Sales Slack", "type": "slack3"}]
//
// Other members are ignored. Errors carry FILE:LINE:COL.

public struct TeamConnection: Sendable, Equatable {
    /// The id as written in the file (an integer, or a string of digits).
    public var id: JSONValue
    public var name: String
    /// The connection type (`accountName` or `type`), e.g. `slack3`, `google-restricted`.
    public var type: String?
    /// The app's display name (`accountLabel`), e.g. "Slack".
    public var appLabel: String?
    /// `scoped` (OAuth scopes granted), when given.
    public var scoped: Bool?
    /// Line of the entry in the file.
    public var line: Int

    public var accountID: AccountID { AccountID(id) ?? AccountID("") }

    /// The choice that assigns this connection: integer id, its name as the label, its type.
    public var choice: ConnectionChoice {
        ConnectionChoice(id: Int(accountID.text).map { .int($0) } ?? id, label: name, type: type, scoped: scoped)
    }
}

public struct TeamConnectionsError: Error, Sendable, CustomStringConvertible {
    public var file: String
    /// 0 when the file could not be read.
    public var line: Int
    public var column: Int
    public var message: String
    /// True when the file could not be opened or read (exit 66), false when it is malformed (exit 65).
    public var isIOError: Bool

    public var description: String { isIOError ? "\(file): \(message)" : "\(file):\(line):\(column): \(message)" }
}

public struct TeamConnections: Sendable {
    public let connections: [TeamConnection]
    /// The file it came from, for messages.
    public let source: String
    private let byId: [AccountID: Int]

    public init(connections: [TeamConnection], source: String) {
        self.connections = connections
        self.source = source
        var ids: [AccountID: Int] = [:]
        for (k, c) in connections.enumerated() where ids[c.accountID] == nil { ids[c.accountID] = k }
        byId = ids
    }

    public func connection(id: AccountID) -> TeamConnection? { byId[id].map { connections[$0] } }

    /// Parses a team list; `source` names the file in errors.
    public init(bytes: [UInt8], source: String) throws(TeamConnectionsError) {
        let doc: JSONDocument
        do { doc = try JSONDocument(bytes: bytes) } catch {
            throw TeamConnectionsError(file: source, line: error.line, column: error.column, message: error.message, isIOError: false)
        }
        func fail(_ node: Int, _ message: String) -> TeamConnectionsError {
            let p = TextPosition.locate(doc.bytes, offset: doc.node(node).start)
            return TeamConnectionsError(file: source, line: p.line, column: p.column, message: message, isIOError: false)
        }
        let list: Int
        switch doc.kind(doc.root) {
        case .array: list = doc.root
        case .object:
            guard let c = doc.member(doc.root, "connections") else {
                throw fail(doc.root, "not a team connection list: expected {\"connections\": [...]} or an array of connections")
            }
            guard doc.kind(c) == .array else { throw fail(c, "\"connections\" must be an array, not \(doc.kind(c))") }
            list = c
        default:
            throw fail(doc.root, "not a team connection list: the top level is \(doc.kind(doc.root)), expected an object or an array")
        }
        var out: [TeamConnection] = []
        var firstLine: [AccountID: Int] = [:]
        for item in doc.children(list) {
            guard doc.kind(item) == .object else { throw fail(item, "a connection must be an object, not \(doc.kind(item))") }
            guard let idNode = doc.member(item, "id") else { throw fail(item, "connection has no \"id\"") }
            let id: JSONValue
            switch doc.kind(idNode) {
            case .number where doc.int(idNode) != nil && doc.int(idNode)! >= 0: id = doc.value(idNode)
            case .string where AccountID(doc.value(idNode))?.isNumeric == true: id = doc.value(idNode)
            default: throw fail(idNode, "connection \"id\" must be a non-negative integer, not \(doc.sourceText(idNode))")
            }
            guard let nameNode = doc.member(item, "name") else { throw fail(item, "connection \(doc.sourceText(idNode)) has no \"name\"") }
            guard let name = doc.string(nameNode) else { throw fail(nameNode, "connection \"name\" must be a string, not \(doc.kind(nameNode))") }
            var type: String?
            for key in ["accountName", "type"] {
                guard type == nil, let n = doc.member(item, key), !doc.isNull(n) else { continue }
                guard let t = doc.string(n), !t.isEmpty else { throw fail(n, "connection \"\(key)\" must be a non-empty string") }
                type = t
            }
            var scoped: Bool?
            if let n = doc.member(item, "scoped") {
                scoped = doc.bool(n) ?? doc.string(n).flatMap { $0 == "true" ? true : $0 == "false" ? false : nil }
                if scoped == nil && !doc.isNull(n) { throw fail(n, "connection \"scoped\" must be true or false") }
            }
            let line = TextPosition.locate(doc.bytes, offset: doc.node(item).start).line
            let aid = AccountID(id)!
            if let first = firstLine[aid] {
                throw fail(idNode, "duplicate connection id \(aid.text) (first on line \(first))")
            }
            firstLine[aid] = line
            out.append(TeamConnection(id: id, name: name, type: type,
                                      appLabel: doc.member(item, "accountLabel").flatMap { doc.string($0) },
                                      scoped: scoped, line: line))
        }
        self.init(connections: out, source: source)
    }

    /// Reads and parses a team list file.
    public static func load(path: String) throws(TeamConnectionsError) -> TeamConnections {
        let bytes: [UInt8]
        do { bytes = try FileIO.read(path) } catch {
            throw TeamConnectionsError(file: path, line: 0, column: 0, message: error.message, isIOError: true)
        }
        return try TeamConnections(bytes: bytes, source: path)
    }

    /// `$XDG_CONFIG_HOME/scened/connections.json`, else `$HOME/.config/scened/connections.json`
    /// (an empty or relative XDG_CONFIG_HOME is ignored, as the XDG spec says).
    public static func defaultPath(environment env: (String) -> String?) -> String? {
        if let x = env("XDG_CONFIG_HOME"), x.hasPrefix("/") { return x + "/scened/connections.json" }
        if let h = env("HOME"), !h.isEmpty { return (h.hasSuffix("/") ? String(h.dropLast()) : h) + "/.config/scened/connections.json" }
        return nil
    }
}
