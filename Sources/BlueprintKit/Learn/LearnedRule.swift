// The pieces of a learned catalog entry before they are written: field rules,
// output rules and the connection rule as JSON members in the catalog format
// (CatalogLoader.swift reads them back), each with the evidence it came from.

/// One rule in the catalog's rule language, as the JSON members it is written with.
struct LearnedRule: Sendable {
    /// What the rule is about: the old field (`mapper.url`), or `+mapper.x` for an added one.
    var subject: String
    /// The operation and its arguments, without `review`, `note` and `provenance`.
    var body: [(String, JSONValue)]
    var review: String?
    var note: String?
    /// Evidence texts (one per example the rule was seen in).
    var evidence: [String]
    /// For a merged disagreement: the rule is a `when` with these branches.
    var then: [LearnedRule] = []
    var otherwise: [LearnedRule] = []

    var op: String { body.first?.0 ?? "" }

    /// The rule without its evidence, for telling whether two examples agree.
    var signature: String { JSONValue.object(body).compactText + (review ?? "") }

    var json: JSONValue {
        var o = body
        if let review { o.append(("review", .string(review))) }
        if let note { o.append(("note", .string(note))) }
        if !evidence.isEmpty { o.append(("provenance", .string(evidence.joined(separator: "; ")))) }
        if op == "when" {
            o.append(("then", .array(then.map(\.json))))
            if !otherwise.isEmpty { o.append(("else", .array(otherwise.map(\.json)))) }
        }
        return .object(o)
    }
}

/// An output of the old module and what downstream references show it became.
struct LearnedOutput: Sendable {
    var field: String
    /// The new name, or nil when every reference to it was removed.
    var to: String?
    var review: Bool = false
    var note: String?
    var evidence: [String]

    var signature: String { "\(field)→\(to ?? "-")" }

    var json: JSONValue {
        var o: [(String, JSONValue)] = [("field", .string(field))]
        if review { o.append(("review", .bool(true))) } else if let to { o.append(("to", .string(to))) } else { o.append(("removed", .bool(true))) }
        if let note { o.append(("note", .string(note))) }
        o.append(("provenance", .string(evidence.joined(separator: "; "))))
        return .object(o)
    }
}

/// The connection (or key) parameter before and after.
struct LearnedConnection: Sendable {
    var parameter: String
    var to: String
    var kind: AccountKind
    var accepted: [String]
    var action: ConnectionRule.Action
    var descriptorType: String?
    var note: String?
    var evidence: [String]

    var signature: String { "\(parameter)→\(to) \(kind.rawValue) \(accepted) \(action.rawValue) \(descriptorType ?? "")" }

    var json: JSONValue {
        var o: [(String, JSONValue)] = [("parameter", .string(parameter))]
        if to != parameter { o.append(("to", .string(to))) }
        if kind != .connection { o.append(("kind", .string(kind.rawValue))) }
        if !accepted.isEmpty { o.append(("accepted", .array(accepted.map { .string($0) }))) }
        o.append(("action", .string(action.rawValue)))
        if let descriptorType { o.append(("descriptorType", .string(descriptorType))) }
        if let note { o.append(("note", .string(note))) }
        o.append(("provenance", .string(evidence.joined(separator: "; "))))
        return .object(o)
    }
}
