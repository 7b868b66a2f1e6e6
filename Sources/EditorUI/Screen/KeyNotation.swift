// Vim-style key notation: `jj<Enter><C-s><Down>:12<Esc>`. Used by key-binding files,
// `scened snapshot --keys`, tests, and the generated key reference (`notation`).

public struct KeyNotationError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Reason: Equatable, Sendable { case unterminated, unknownName(String), empty }
    public var reason: Reason
    /// Character offset of the offending `<` in the parsed text.
    public var offset: Int

    public var description: String {
        switch reason {
        case .unterminated: return "unterminated '<' at position \(offset + 1) (write <lt> for a literal '<')"
        case .unknownName(let n): return "unknown key <\(n)> at position \(offset + 1)"
        case .empty: return "empty key name <> at position \(offset + 1)"
        }
    }
}

extension Key {
    /// Names accepted inside `<…>` (case-insensitive), first spelling is the canonical one.
    static let namedKeys: [(String, Key)] = [
        ("Enter", .enter), ("CR", .enter), ("Return", .enter),
        ("Esc", .escape), ("Escape", .escape),
        ("Tab", .tab), ("S-Tab", .backTab), ("BackTab", .backTab),
        ("BS", .backspace), ("Backspace", .backspace),
        ("Del", .delete), ("Delete", .delete),
        ("Up", .up), ("Down", .down), ("Left", .left), ("Right", .right),
        ("Home", .home), ("End", .end),
        ("PageUp", .pageUp), ("PgUp", .pageUp), ("PageDown", .pageDown), ("PgDn", .pageDown),
        ("Insert", .insert), ("Ins", .insert),
        ("Space", .char(" ")), ("lt", .char("<")), ("gt", .char(">")), ("Bar", .char("|")), ("Bslash", .char("\\")),
        ("Resize", .resize),
    ]

    /// Parses a key sequence. Plain characters stand for themselves; `<…>` names a key:
    /// `<Enter>` `<CR>` `<Esc>` `<Tab>` `<S-Tab>` `<BS>` `<Del>` `<Up>` `<Down>` `<Left>`
    /// `<Right>` `<Home>` `<End>` `<PageUp>` `<PageDown>` `<PgUp>` `<PgDn>` `<Insert>`
    /// `<Space>` `<lt>` `<Bar>` `<F1>`…`<F63>` `<C-x>` (Ctrl) `<M-x>`/`<A-x>` (Alt).
    /// A `<` that does not start a valid name is an error (write `<lt>`).
    public static func parseSequence(_ text: String) throws(KeyNotationError) -> [Key] {
        var keys: [Key] = []
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            guard c == "<" else {
                keys.append(c.isNewline ? .enter : (c == "\t" ? .tab : .char(c)))
                i += 1
                continue
            }
            guard let close = chars[(i + 1)...].firstIndex(of: ">") else {
                throw KeyNotationError(reason: .unterminated, offset: i)
            }
            let name = String(chars[(i + 1)..<close])
            guard !name.isEmpty else { throw KeyNotationError(reason: .empty, offset: i) }
            guard let key = named(name) else { throw KeyNotationError(reason: .unknownName(name), offset: i) }
            keys.append(key)
            i = close + 1
        }
        return keys
    }

    /// Parses exactly one key (`j`, `<C-s>`, `<F5>`); nil if `text` is not one key.
    public static func parse(_ text: String) -> Key? {
        guard let keys = try? parseSequence(text), keys.count == 1 else { return nil }
        return keys[0]
    }

    private static func named(_ name: String) -> Key? {
        let lower = name.lowercased()
        if let hit = namedKeys.first(where: { $0.0.lowercased() == lower }) { return hit.1 }
        if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...63).contains(n) { return .function(n) }
        if lower.hasPrefix("key#"), let n = Int(lower.dropFirst(4)) { return .unknown(n) }
        // Modifier forms: C-x, M-x, A-x, where x is one character or a key name (<C-Space>).
        let parts = name.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 1, !parts[1].isEmpty else { return nil }
        let base: Character
        if parts[1].count == 1, let c = parts[1].first {
            base = c
        } else if case .char(let c)? = named(String(parts[1])) {
            base = c
        } else {
            return nil
        }
        switch parts[0].lowercased() {
        case "c": return ctrlKey(base)
        case "m", "a": return .alt(base)
        default: return nil
        }
    }

    /// Ctrl combinations that terminals send as other keys are normalised to those keys
    /// (Ctrl-I is Tab, Ctrl-M is Enter, Ctrl-[ is Esc), letters are stored in lower case.
    private static func ctrlKey(_ c: Character) -> Key {
        switch c.lowercased() {
        case "i": return .tab
        case "m": return .enter
        case "[": return .escape
        default: return .ctrl(Character(c.lowercased()))
        }
    }

    /// The inverse of `parseSequence` for one key: `j`, `<C-s>`, `<Enter>`, `<lt>`.
    /// `Key.parseSequence(k.notation) == [k]` for every key except `.mouse`.
    public var notation: String {
        switch self {
        case .char(let c):
            switch c {
            case " ": return "<Space>"
            case "<": return "<lt>"
            default: return String(c)
            }
        case .ctrl(let c): return "<C-" + Key.modified(c) + ">"
        case .alt(let c): return "<M-" + Key.modified(c) + ">"
        case .function(let n): return "<F\(n)>"
        case .mouse: return "<Mouse>"
        case .unknown(let n): return "<Key#\(n)>"
        default:
            let hit = Key.namedKeys.first { $0.1 == self }
            return "<" + (hit?.0 ?? "?") + ">"
        }
    }

    private static func modified(_ c: Character) -> String {
        switch c {
        case " ": return "Space"
        case ">": return "gt"
        default: return String(c)
        }
    }
}
