// Writes learned entries as a user catalog file (format 1, read by CatalogLoader):
// entries in (module, version) order, one rule, output or connection per line,
// a `when` over a few lines. The same input always gives the same text.

enum LearnWriter {
    /// One line, with a space after `:` and `,` (and inside braces) for reading.
    static func line(_ v: JSONValue) -> String {
        switch v {
        case .object(let o):
            if o.isEmpty { return "{}" }
            return "{ " + o.map { JSONWriter.quoted($0.0) + ": " + line($0.1) }.joined(separator: ", ") + " }"
        case .array(let a):
            return "[" + a.map(line).joined(separator: ", ") + "]"
        default:
            return v.compactText
        }
    }

    static func rule(_ r: LearnedRule, indent: String) -> String {
        guard r.op == "when" else { return indent + line(r.json) }
        let head = r.json.objectValue!.filter { $0.0 != "then" && $0.0 != "else" }
        var s = indent + "{ " + head.map { JSONWriter.quoted($0.0) + ": " + line($0.1) }.joined(separator: ", ") + ",\n"
        s += indent + "  \"then\": " + (r.then.isEmpty ? "[]" : "[\n" + r.then.map { rule($0, indent: indent + "      ") }.joined(separator: ",\n") + "\n" + indent + "  ]")
        if !r.otherwise.isEmpty {
            s += ",\n" + indent + "  \"else\": [\n" + r.otherwise.map { rule($0, indent: indent + "      ") }.joined(separator: ",\n") + "\n" + indent + "  ]"
        }
        return s + " }"
    }

    static func list(_ key: String, _ items: [String], indent: String) -> String {
        "\(indent)\"\(key)\": [\n" + items.joined(separator: ",\n") + "\n\(indent)]"
    }

    static func strings(_ key: String, _ items: [String], indent: String) -> String {
        items.count == 1 ? "\(indent)\"\(key)\": [\(JSONWriter.quoted(items[0]))]"
                         : list(key, items.map { indent + "    " + JSONWriter.quoted($0) }, indent: indent)
    }

    /// The whole file. `head` holds each entry's own members (module, version, status, dates, provenance, notes).
    static func file(description: String, entries: [(head: [(String, JSONValue)], entry: MergedEntry?)]) -> String {
        var out = "{\n    \"scenedCatalog\": 1,\n    \"description\": \(JSONWriter.quoted(description)),\n    \"entries\": [\n"
        var parts: [String] = []
        for (head, e) in entries {
            let i = "        "
            var members: [String] = []
            for (k, v) in head {
                if let a = v.arrayValue, a.allSatisfy({ $0.stringValue != nil }) { members.append(strings(k, a.map { $0.stringValue! }, indent: i + "  ")) }
                else { members.append("\(i)  \(JSONWriter.quoted(k)): \(line(v))") }
            }
            if let e { members.append(replacement(e, indent: i + "  ")) }
            var text = members.joined(separator: ",\n")
            text = i + "{" + text.dropFirst(i.count + 1) + " }"
            parts.append(text)
        }
        out += parts.joined(separator: ",\n") + "\n    ]\n}\n"
        return out
    }

    static func replacement(_ e: MergedEntry, indent i: String) -> String {
        let j = i + "    "
        var m: [String] = ["\(j)\"module\": \(JSONWriter.quoted(e.newKey.module)), \"version\": \(e.newKey.version ?? 0), \"mode\": \"automatic\""]
        if !e.rules.isEmpty { m.append(list("rules", e.rules.map { rule($0, indent: j + "    ") }, indent: j)) }
        if !e.outputs.isEmpty { m.append(list("outputs", e.outputs.map { j + "    " + line($0.json) }, indent: j)) }
        if let c = e.connection { m.append("\(j)\"connection\": \(line(c.json))") }
        if !e.metadataRemove.isEmpty { m.append("\(j)\"metadata\": { \"remove\": \(line(.array(e.metadataRemove.map { .string($0) }))) }") }
        if !e.notes.isEmpty { m.append(strings("notes", e.notes, indent: j)) }
        m.append(strings("provenance", e.evidences.map(\.evidence), indent: j))
        return "\(i)\"replacement\": {\n" + m.joined(separator: ",\n") + "\n\(i)}"
    }
}
