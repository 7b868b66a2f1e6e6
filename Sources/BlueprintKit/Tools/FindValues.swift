// Find by mapping (the DevTool's "Find module(s) by mapping"): the values of
// parameters, mapper and filter (If-else conditions included) that contain a text,
// case-insensitively, with each value's path inside its module. Strings are matched
// as decoded text, numbers and booleans as written.

public struct ValueMatch: Sendable, Equatable {
    public var moduleIndex: Int
    public var moduleId: Int?
    /// The value's path inside the module: `mapper.url`, `filter.conditions[0][0].a`.
    public var path: String
    /// The value as text (decoded string, or the JSON text of a number or boolean).
    public var value: String
}

public enum FindValues {
    /// The parts a search looks at.
    static let parts: Set<String> = ["parameters", "mapper", "filter", "branches"]

    /// Every match in module order (tree order), then document order inside a module.
    public static func find(_ text: String, in bp: Blueprint) -> [ValueMatch] {
        let q = text.lowercased()
        guard !q.isEmpty else { return [] }
        let doc = bp.document
        var out: [ValueMatch] = []
        for m in bp.modules {
            for v in ToolScope.values(of: m.node, in: doc, include: parts) {
                guard let s = FindValues.text(v.node, doc), s.lowercased().contains(q) else { continue }
                out.append(ValueMatch(moduleIndex: m.index, moduleId: m.id, path: v.path, value: s))
            }
        }
        return out
    }

    /// A scalar's text: decoded for a string, as written for a number or boolean; nil for null.
    static func text(_ n: Int, _ doc: JSONDocument) -> String? {
        switch doc.kind(n) {
        case .string: return doc.string(n)
        case .null, .object, .array: return nil
        default: return doc.sourceText(n)
        }
    }

    /// `[{"id": 3, "path": "mapper.url", "value": "…"}, …]`, one match a line.
    public static func json(_ matches: [ValueMatch]) -> String {
        if matches.isEmpty { return "[]\n" }
        let rows = matches.map { m in
            JSONWriter.render(.object([("id", m.moduleId.map { .int($0) } ?? .null), ("path", .string(m.path)),
                                       ("value", .string(m.value))]), style: .compact)
        }
        return "[\n    " + rows.joined(separator: ",\n    ") + "\n]\n"
    }
}
