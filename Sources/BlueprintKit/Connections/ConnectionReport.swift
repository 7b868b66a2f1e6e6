// The inventory as text for a terminal and as JSON for scripts (`scened connections
// FILE [--json]`). The JSON shape is documented in README.md (Connections).

public enum ConnectionReport {
    /// One block per account: id, label, type, the modules using it, their warnings.
    public static func text(_ inv: ConnectionInventory, file: String) -> String {
        var out = "\(inv.blueprint.name ?? "(unnamed scenario)") (\(file))"
        if let t = inv.team { out += ", team list \(t.source) (\(t.connections.count) connection\(t.connections.count == 1 ? "" : "s"))" }
        out += "\n"
        if inv.entries.isEmpty { return out + "no connections or other account references\n" }
        for e in inv.entries {
            var head = "\n\(e.title)"
            if let l = e.label { head += "  \(JSONWriter.quoted(l))" }
            if let t = e.type { head += "  [\(t)]" }
            if inv.team != nil && e.kind == .connection && e.id?.isNumeric == true { head += e.team == nil ? "  (not in team list)" : "  (team)" }
            head += "  used by \(e.users.count)"
            out += head + "\n"
            if e.labels.count > 1 { out += "    labels differ: \(e.labels.map { JSONWriter.quoted($0) }.joined(separator: ", "))\n" }
            for u in e.users {
                var line = "    \(u.moduleText)  \(u.parameter)"
                if !u.accepted.isEmpty { line += "  accepts \(u.accepted.joined(separator: ","))" }
                if u.required { line += "  required" }
                out += line + "\n"
            }
            // One line per distinct message, naming the modules it applies to.
            var order: [String] = []
            var where_: [String: [String]] = [:]
            for w in e.warnings {
                if where_[w.message] == nil { order.append(w.message) }
                where_[w.message, default: []].append("\(w.moduleId.map { "#\($0)" } ?? "#?") \(w.parameter)")
            }
            for msg in order { out += "    ! \(msg): \(where_[msg]!.joined(separator: ", "))\n" }
        }
        let uses = inv.uses.count, ws = inv.warnings.count
        let conns = inv.entries(of: .connection).filter { $0.id != nil }.count
        out += "\n\(conns) connection\(conns == 1 ? "" : "s"), \(uses) account reference\(uses == 1 ? "" : "s"), \(ws) warning\(ws == 1 ? "" : "s")\n"
        return out
    }

    public static func json(_ inv: ConnectionInventory, file: String) -> JSONValue {
        func opt(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }
        func warning(_ w: ConnectionWarning) -> JSONValue {
            .object([("code", .string(w.code.rawValue)), ("kind", .string(w.kind.rawValue)),
                     ("module", w.moduleId.map { .int($0) } ?? .null), ("moduleIndex", .int(w.moduleIndex)),
                     ("parameter", .string(w.parameter)), ("message", .string(w.message))])
        }
        let entries: [JSONValue] = inv.entries.map { e in
            let inTeam: JSONValue = inv.team == nil || e.kind != .connection || e.id == nil ? .null : .bool(e.team != nil)
            let id: JSONValue = e.id.map { $0.isNumeric ? (Int($0.text).map { JSONValue.int($0) } ?? .string($0.text)) : .string($0.text) } ?? .null
            let users: [JSONValue] = e.users.map { u in
                .object([("module", u.moduleId.map { .int($0) } ?? .null), ("moduleIndex", .int(u.moduleIndex)),
                         ("moduleName", .string(u.moduleName)), ("parameter", .string(u.parameter)), ("value", u.value ?? .null),
                         ("accepted", .array(u.accepted.map { .string($0) })), ("required", .bool(u.required)),
                         ("label", opt(u.label)), ("type", opt(u.type)), ("hasRestoreEntry", .bool(u.hasRestoreEntry))])
            }
            return .object([("kind", .string(e.kind.rawValue)), ("id", id), ("label", opt(e.label)), ("type", opt(e.type)),
                            ("inTeam", inTeam), ("placeholder", .bool(e.id?.isPlaceholder ?? false)),
                            ("dynamic", .bool(e.id?.isDynamic ?? false)), ("usedBy", .int(e.users.count)),
                            ("modules", .array(users)), ("warnings", .array(e.warnings.map(warning)))])
        }
        return .object([("file", .string(file)), ("scenario", opt(inv.blueprint.name)), ("team", opt(inv.team?.source)),
                        ("connections", .array(entries)), ("warnings", .array(inv.warnings.map(warning)))])
    }
}
