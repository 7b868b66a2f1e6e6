// The theme file format (Themes/README.md documents it for users):
//
//     # comment
//     description = Dark-friendly; every slot also reads on 8 colours and in mono
//     inherit = default                      (optional: start from another theme)
//     title   fg=255 fg8=white bg=24 bg8=blue attrs=bold mono=reverse,bold
//
// One line per semantic slot (`StyleSlot` raw values). `fg`/`bg` are 256-colour
// values (0–255, a colour name, or `default` for the terminal's own colour); `fg8`/
// `bg8` are the hand-picked 8-colour fallbacks (black red green yellow blue magenta
// cyan white, 0–7, or `default`); a 256-colour value above 15 needs its fallback on the
// same line. `attrs` are used with colours, `mono` alone in monochrome (NO_COLOR,
// terminals without colour); a line with `attrs` but no `mono` uses `attrs` for both.
// A slot line changes only the fields it names, on top of the inherited theme.

/// A colour in a theme: the terminal's default, or an xterm palette index.
public enum ThemeColor: Equatable, Sendable {
    case terminalDefault
    case index(Int)

    var value: Int? {
        if case .index(let n) = self { return n }
        return nil
    }

    static let names = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// `fg`/`bg`: 0–255, `black`…`white` (0–7), `bright-black`…`bright-white` (8–15), `default`.
    static func parse256(_ s: String) -> ThemeColor? {
        let l = s.lowercased()
        if l == "default" { return .terminalDefault }
        if let n = Int(l), (0...255).contains(n) { return .index(n) }
        if let i = names.firstIndex(of: l) { return .index(i) }
        if l.hasPrefix("bright-"), let i = names.firstIndex(of: String(l.dropFirst(7))) { return .index(8 + i) }
        return nil
    }

    /// `fg8`/`bg8`: the eight basic colours (names or 0–7) or `default`.
    static func parse8(_ s: String) -> ThemeColor? {
        let l = s.lowercased()
        if l == "default" { return .terminalDefault }
        if let n = Int(l), (0...7).contains(n) { return .index(n) }
        if let i = names.firstIndex(of: l) { return .index(i) }
        return nil
    }
}

/// The fields one slot line sets; nil means "not on this line, keep the base value".
public struct SlotPatch: Equatable, Sendable {
    public var fg256: ThemeColor?
    public var fg8: ThemeColor?
    public var bg256: ThemeColor?
    public var bg8: ThemeColor?
    public var attrs: Attributes?
    public var monoAttrs: Attributes?

    public func applied(to base: SlotStyle) -> SlotStyle {
        var s = base
        if let c = fg256 { s.fg256 = c.value }
        if let c = fg8 { s.fg8 = c.value }
        if let c = bg256 { s.bg256 = c.value }
        if let c = bg8 { s.bg8 = c.value }
        if let a = attrs { s.attrs = a }
        if let m = monoAttrs ?? attrs { s.monoAttrs = m }
        return s
    }

    static let keys = ["fg", "fg8", "bg", "bg8", "attrs", "mono"]

    /// Parses `key=value` words; errors are plain messages (the caller adds file:line).
    static func parse(_ words: [String]) -> (SlotPatch, [String]) {
        var p = SlotPatch()
        var errors: [String] = []
        var seen: Set<String> = []
        for w in words {
            guard let eq = w.firstIndex(of: "="), eq != w.startIndex else {
                errors.append("expected key=value (\(keys.joined(separator: " "))), got '\(w)'")
                continue
            }
            let key = w[..<eq].lowercased()
            let value = String(w[w.index(after: eq)...])
            guard keys.contains(key) else {
                errors.append("unknown key '\(key)'\(ConfigText.didYouMean(key, keys)); keys are \(keys.joined(separator: " "))")
                continue
            }
            guard seen.insert(key).inserted else { errors.append("\(key)= given twice"); continue }
            guard !value.isEmpty else { errors.append("\(key)= has no value"); continue }
            switch key {
            case "fg", "bg":
                guard let c = ThemeColor.parse256(value) else {
                    errors.append("\(key): '\(value)' is not a colour (0-255, a colour name like red or bright-blue, or default)")
                    continue
                }
                if key == "fg" { p.fg256 = c } else { p.bg256 = c }
            case "fg8", "bg8":
                guard let c = ThemeColor.parse8(value) else {
                    errors.append("\(key): '\(value)' is not an 8-colour value (\(ThemeColor.names.joined(separator: " ")), 0-7, or default)")
                    continue
                }
                if key == "fg8" { p.fg8 = c } else { p.bg8 = c }
            default:
                switch parseAttributes(value) {
                case .success(let a): if key == "attrs" { p.attrs = a } else { p.monoAttrs = a }
                case .failure(let e): errors.append("\(key): \(e.message)")
                }
            }
        }
        // The issue's rule: every 256-colour value has a hand-picked 8-colour fallback.
        if case .index(let n)? = p.fg256, n > 15, p.fg8 == nil {
            errors.append("fg=\(n) needs a hand-picked fg8= fallback for 8-colour terminals (fg8=default keeps the terminal's colour)")
        }
        if case .index(let n)? = p.bg256, n > 15, p.bg8 == nil {
            errors.append("bg=\(n) needs a hand-picked bg8= fallback for 8-colour terminals (bg8=default keeps the terminal's background)")
        }
        if words.isEmpty { errors.append("no fields; give at least one of \(keys.map { $0 + "=" }.joined(separator: " "))") }
        return (p, errors)
    }

    struct AttrError: Error { var message: String }

    /// `bold,underline`, or `none`.
    static func parseAttributes(_ s: String) -> Result<Attributes, AttrError> {
        if s.lowercased() == "none" { return .success([]) }
        var a: Attributes = []
        for part in s.split(separator: ",", omittingEmptySubsequences: false) {
            let name = part.lowercased()
            guard let hit = Attributes.names.first(where: { $0.0 == name }) else {
                let all = Attributes.names.map(\.0)
                return .failure(AttrError(message: "unknown attribute '\(name)'\(ConfigText.didYouMean(name, all)); use \(all.joined(separator: " ")) (comma-separated) or none"))
            }
            a.insert(hit.1)
        }
        return .success(a)
    }
}

/// A parsed theme file: header settings and slot lines, plus every error found.
public struct ThemeFile: Sendable {
    public var name: String
    public var file: String
    public var description: String?
    /// `inherit = NAME`: the theme this one patches (resolved by `ThemeLibrary`).
    public var inherits: String?
    public var slots: [(slot: StyleSlot, patch: SlotPatch, line: Int)] = []
    public var errors: [Diagnostic] = []

    public static func parse(_ text: String, name: String, file: String) -> ThemeFile {
        var t = ThemeFile(name: name, file: file)
        var firstLine: [StyleSlot: Int] = [:]
        func fail(_ line: Int, _ message: String) { t.errors.append(Diagnostic(file: file, line: line, message: message)) }
        for (n, line) in ConfigText.lines(text) {
            let words = ConfigText.words(line)
            // `key = value` header lines
            if words[0].contains("=") || (words.count > 1 && words[1].hasPrefix("=")) {
                let eq = line.firstIndex(of: "=")!
                let key = line[..<eq].trimmingWhitespace().lowercased()
                let value = line[line.index(after: eq)...].trimmingWhitespace()
                switch key {
                case "description": t.description = value
                case "inherit":
                    if value.isEmpty || value.contains(" ") { fail(n, "inherit needs one theme name") } else { t.inherits = value }
                default:
                    fail(n, "unknown setting '\(key)'\(ConfigText.didYouMean(key, ["description", "inherit"])); settings are description and inherit")
                }
                continue
            }
            guard let slot = StyleSlot(rawValue: words[0].lowercased()) else {
                let all = StyleSlot.allCases.map(\.rawValue)
                fail(n, "unknown slot '\(words[0])'\(ConfigText.didYouMean(words[0], all)); `scened themes --slots` lists them")
                continue
            }
            if let first = firstLine[slot] {
                fail(n, "slot '\(slot.rawValue)' is already set on line \(first)")
                continue
            }
            firstLine[slot] = n
            let (patch, errs) = SlotPatch.parse(Array(words.dropFirst()))
            for e in errs { fail(n, "\(slot.rawValue): \(e)") }
            if errs.isEmpty { t.slots.append((slot, patch, n)) }
        }
        return t
    }

    /// This file's slots applied on top of `base` (the inherited theme, or an empty one).
    public func theme(base: Theme?) -> Theme {
        var out = Theme(name: name, styles: base?.styles ?? [:])
        for (slot, patch, _) in slots {
            out.styles[slot] = patch.applied(to: out.styles[slot] ?? SlotStyle())
        }
        return out
    }
}
