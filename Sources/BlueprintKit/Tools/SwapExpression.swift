// Swap variable (the DevTool's "Swap variable"): one IML expression, such as
// `{{3.email}}`, replaced by another wherever it occurs as a whole `{{…}}` block in
// a value: "Hi {{3.email}}" changes, `{{3.emailAddress}}`, `{{lower(3.email)}}` and the
// plain text `3.email` do not. Blocks are found as the reference scanner finds them
// (from `{{` to the next `}}` inside one JSON string), so each match is one splice.

public struct ExpressionMatch: Sendable, Equatable {
    public var moduleIndex: Int
    public var moduleId: Int?
    /// The value's path inside the module (`mapper.to`).
    public var location: String
    /// Byte range of the whole `{{…}}` block in the document.
    public var range: Range<Int>
}

public struct SwapExpressionPlan: Sendable {
    public var old: String
    public var new: String
    public var matches: [ExpressionMatch]
    public var splices: [Splice]
    public var label: String { "swap \(old) for \(new)" }
    public var summary: String {
        let n = matches.count
        let mods = Set(matches.map(\.moduleIndex)).count
        return "\(old) → \(new): \(n) occurrence\(n == 1 ? "" : "s") in \(mods) module\(mods == 1 ? "" : "s")"
    }
}

public enum SwapExpression {
    /// `{{3.email}}` as given, or `3.email` wrapped in braces. Nil when it is not one block.
    public static func normalize(_ text: String) -> String? {
        let t = text.hasPrefix("{{") ? text : "{{" + text + "}}"
        guard t.hasSuffix("}}"), t.count > 4 else { return nil }
        let inner = t.dropFirst(2).dropLast(2)
        guard !inner.contains("{{"), !inner.contains("}}") else { return nil }
        return t
    }

    public static func plan(_ bp: Blueprint, old: String, new: String) throws(ToolError) -> SwapExpressionPlan {
        guard let o = normalize(old) else {
            throw ToolError("OLD must be one IML expression such as {{3.email}} (got '\(old)')")
        }
        // NEW may be any text: an expression (braces added like OLD's) or a literal
        let n = new.hasPrefix("{{") || new.isEmpty ? new : (normalize(new) ?? new)
        guard o != n else { throw ToolError("OLD and NEW are the same expression") }
        let newRaw = Array(JSONWriter.quoted(n).utf8.dropFirst().dropLast())
        let doc = bp.document
        var matches: [ExpressionMatch] = []
        var splices: [Splice] = []
        for m in bp.modules {
            for v in ToolScope.values(of: m.node, in: doc) where doc.kind(v.node) == .string {
                for r in blocks(in: v.node, doc) where decode(ArraySlice(doc.bytes[r])) == o {
                    matches.append(ExpressionMatch(moduleIndex: m.index, moduleId: m.id, location: v.path, range: r))
                    splices.append(Splice(r, newRaw))
                }
            }
        }
        return SwapExpressionPlan(old: o, new: n, matches: matches, splices: splices)
    }

    /// The byte ranges of the `{{…}}` blocks of a JSON string node (raw, escapes not decoded).
    static func blocks(in node: Int, _ doc: JSONDocument) -> [Range<Int>] {
        let b = doc.bytes
        let s = doc.node(node).start + 1, e = doc.node(node).end - 1
        var out: [Range<Int>] = []
        var i = s
        while i + 1 < e {
            guard b[i] == 0x7B && b[i + 1] == 0x7B else { i += 1; continue }
            var j = i + 2
            while j + 1 < e && !(b[j] == 0x7D && b[j + 1] == 0x7D) { j += 1 }
            guard j + 1 < e else { break }
            out.append(i..<(j + 2))
            i = j + 2
        }
        return out
    }

    private static func decode(_ raw: ArraySlice<UInt8>) -> String {
        if !raw.contains(0x5C) { return String(decoding: raw, as: UTF8.self) }
        return JSONStringDecoder.decode([0x22] + raw + [0x22])
    }

    @discardableResult
    public static func apply(_ plan: SwapExpressionPlan, to session: inout EditSession) throws(ToolError) -> Bool {
        try session.performTool(plan.label, plan.splices)
    }
}
