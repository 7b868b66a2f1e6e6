// Problems with a scenario's account references that a user should fix before
// importing it: wrong connection type, required connection not set, sanitised
// placeholders instead of ids, ids the team does not have.

public struct ConnectionWarning: Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable, CaseIterable {
        /// The connection's type (team list, else restore `data.connection`) is not among the accepted types.
        case typeNotAccepted = "type-not-accepted"
        /// A required parameter is missing, null or "".
        case requiredEmpty = "required-empty"
        /// A string that is not an id: `CONNECTION_PLACEHOLDER`, `<CONN_02>`, `YOUR_CONNECTION_ID`, …
        case placeholder
        /// A team list is loaded and does not have this connection id.
        case notInTeam = "not-in-team"
    }

    public var code: Code
    public var kind: AccountKind
    public var moduleIndex: Int
    public var moduleId: Int?
    public var moduleName: String
    public var parameter: String
    public var message: String

    /// `#5 slack:CreateMessage __IMTCONN__: connection type slack is not accepted (accepts slack2, slack3)`
    public var description: String {
        "\(moduleId.map { "#\($0)" } ?? "#?") \(moduleName.isEmpty ? "(no module)" : moduleName) \(parameter): \(message)"
    }
}

enum ConnectionWarnings {
    static func check(_ e: ConnectionEntry, team: TeamConnections?) -> [ConnectionWarning] {
        var out: [ConnectionWarning] = []
        for u in e.users {
            func warn(_ code: ConnectionWarning.Code, _ message: String) {
                out.append(ConnectionWarning(code: code, kind: e.kind, moduleIndex: u.moduleIndex, moduleId: u.moduleId,
                                             moduleName: u.moduleName, parameter: u.parameter, message: message))
            }
            guard let id = e.id else {
                if u.required { warn(.requiredEmpty, "required \(e.kind.title) is not set") }
                continue
            }
            if id.isPlaceholder {
                warn(.placeholder, "\(e.kind.title) is the placeholder \(JSONWriter.quoted(id.text)), not an id")
                continue
            }
            guard e.kind == .connection, !id.isDynamic else { continue }
            if let team, e.team == nil {
                warn(.notInTeam, "connection \(id.text) is not in the team list \(team.source)")
            }
            if let type = e.team?.type ?? u.type, !u.accepted.isEmpty, !u.accepted.contains(type) {
                warn(.typeNotAccepted, "connection type \(type) is not accepted here (accepts \(u.accepted.joined(separator: ", ")))")
            }
        }
        return out
    }
}
