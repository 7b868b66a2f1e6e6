// Every string that comes from a blueprint is drawn *inert*: it can never move the
// cursor, change colours, set the clipboard (OSC 52), retitle the window, or reorder
// text with bidi overrides. Nothing is dropped silently: each neutralised character
// is replaced by a visible escape.

public enum SafeText {
    /// A drawable version of `s`:
    /// - C0 controls, DEL and C1 controls become `\0 \a \b \t \n \v \f \r \e`, or
    ///   `\u{1f}` / `\u{7f}` / `\u{9b}` style escapes for the rest.
    /// - Bidi embeddings, overrides, isolates and marks (U+202A–U+202E, U+2066–U+2069,
    ///   U+200E, U+200F, U+061C) and the line/paragraph separators U+2028/U+2029
    ///   become `\u{202e}` style escapes, so the text reads in storage order.
    /// - With `ascii: true` (non-UTF-8 locale, where ncurses would silently drop
    ///   non-ASCII), typographic characters fold to their ASCII spelling (`asciiFold`:
    ///   `›` → `>`, `→` → `->`, `…` → `...`, quotes, dashes, box lines, Latin-1
    ///   letters without their accents), and every other non-ASCII grapheme (a letter
    ///   of another script, an emoji) becomes one `?`. scened's own text only uses
    ///   characters the fold knows, so a `?` always comes from the blueprint (or a
    ///   source name in another script); exact code points are still visible in the
    ///   raw JSON view.
    /// This is the one fold: `ScreenBuffer.put` applies it to everything drawn in an
    /// ASCII buffer, the views apply it before they measure or wrap.
    /// Backslashes are left alone, so `\e` in the output may also be literal text.
    public static func inert(_ s: String, ascii: Bool) -> String {
        if !ascii && !needsEscaping(s) { return s }
        if ascii && s.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s {
            if ch.isASCII && !ch.unicodeScalars.contains(where: isDangerous) {
                out.append(ch)
            } else if !ch.unicodeScalars.contains(where: isDangerous) {
                if ascii { out += asciiFold(ch) ?? "?" } else { out.append(ch) }
            } else {
                // Split the grapheme: escape the dangerous scalars, keep (or `?`) the rest.
                for u in ch.unicodeScalars {
                    if isDangerous(u) {
                        out += escape(u)
                    } else if ascii && !u.isASCII {
                        out += asciiFold(Character(u)) ?? "?"
                    } else {
                        out.unicodeScalars.append(u)
                    }
                }
            }
        }
        return out
    }

    /// The ASCII spelling of a non-ASCII character, or nil when it has none (it is then
    /// drawn as `?`). A base letter followed by combining marks folds to the letter.
    public static func asciiFold(_ ch: Character) -> String? {
        let scalars = ch.unicodeScalars
        guard let first = scalars.first else { return nil }
        if let f = fold[first.value] {
            return scalars.dropFirst().allSatisfy({ $0.properties.generalCategory == .nonspacingMark }) ? f : nil
        }
        if first.isASCII, scalars.dropFirst().allSatisfy({ $0.properties.generalCategory == .nonspacingMark || $0.value == 0xFE0F }) {
            return String(Character(first))
        }
        return nil
    }

    /// Typographic characters scened and its catalog use, and those common in labels.
    private static let fold: [UInt32: String] = {
        var t: [UInt32: String] = [
            0x00A0: " ", 0x00A9: "(c)", 0x00AB: "<<", 0x00AD: "-", 0x00AE: "(R)", 0x00B0: "deg", 0x00B1: "+/-",
            0x00B7: "-", 0x00BB: ">>", 0x00A7: "S", 0x00B6: "P", 0x00D7: "x", 0x00F7: "/", 0x00B2: "2", 0x00B3: "3",
            0x00B9: "1", 0x00BC: "1/4", 0x00BD: "1/2", 0x00BE: "3/4", 0x00A3: "GBP", 0x00A5: "JPY", 0x20AC: "EUR",
            0x00A2: "c", 0x00BF: "?", 0x00A1: "!",
            0x2010: "-", 0x2011: "-", 0x2012: "-", 0x2013: "-", 0x2014: "--", 0x2015: "--", 0x2212: "-",
            0x2018: "'", 0x2019: "'", 0x201A: "'", 0x201B: "'", 0x2032: "'", 0x201C: "\"", 0x201D: "\"",
            0x201E: "\"", 0x201F: "\"", 0x2033: "\"", 0x2039: "<", 0x203A: ">",
            0x2022: "*", 0x2023: ">", 0x2026: "...", 0x2027: "-", 0x2030: "%o",
            0x2190: "<-", 0x2191: "^", 0x2192: "->", 0x2193: "v", 0x2194: "<->", 0x21D0: "<=", 0x21D2: "=>",
            0x21D4: "<=>", 0x2264: "<=", 0x2265: ">=", 0x2260: "!=", 0x2248: "~", 0x221E: "inf",
            0x2713: "ok", 0x2714: "ok", 0x2717: "x", 0x2718: "x", 0x2715: "x", 0x2716: "x",
            0x25B8: "+", 0x25B6: ">", 0x25BE: "-", 0x25BC: "v", 0x25B2: "^", 0x25C0: "<",
            0x2500: "-", 0x2501: "-", 0x2502: "|", 0x2503: "|", 0x2550: "=", 0x2551: "|",
            0x2122: "(TM)", 0x2116: "No.", 0x00B5: "u",
        ]
        // Spaces of other widths, and the remaining box-drawing corners and joints.
        for v: UInt32 in 0x2000...0x200A { t[v] = " " }
        t[0x202F] = " "; t[0x205F] = " "; t[0x3000] = " "
        for v: UInt32 in 0x250C...0x254B where t[v] == nil { t[v] = "+" }
        for v: UInt32 in 0x2552...0x256C { t[v] = "+" }
        for v: UInt32 in 0x256D...0x2570 { t[v] = "+" }
        // Latin-1 letters without their accents.
        let latin1 = ["A", "A", "A", "A", "A", "A", "AE", "C", "E", "E", "E", "E", "I", "I", "I", "I",
                      "D", "N", "O", "O", "O", "O", "O", nil, "O", "U", "U", "U", "U", "Y", "TH", "ss",
                      "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",
                      "d", "n", "o", "o", "o", "o", "o", nil, "o", "u", "u", "u", "u", "y", "th", "y"]
        for (i, f) in latin1.enumerated() { if let f { t[0xC0 + UInt32(i)] = f } }
        return t
    }()

    /// True when `s` holds anything `inert(_:ascii: false)` would rewrite.
    public static func needsEscaping(_ s: String) -> Bool {
        s.unicodeScalars.contains(where: isDangerous)
    }

    /// Controls and invisible reordering characters: the scalars that are escaped.
    public static func isDangerous(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        if v < 0x20 || (0x7F...0x9F).contains(v) { return true }
        if v < 0x61C { return false }
        return v == 0x61C || v == 0x200E || v == 0x200F || (0x2028...0x202E).contains(v)
            || (0x2066...0x2069).contains(v)
    }

    private static func escape(_ u: Unicode.Scalar) -> String {
        switch u.value {
        case 0x00: return "\\0"
        case 0x07: return "\\a"
        case 0x08: return "\\b"
        case 0x09: return "\\t"
        case 0x0A: return "\\n"
        case 0x0B: return "\\v"
        case 0x0C: return "\\f"
        case 0x0D: return "\\r"
        case 0x1B: return "\\e"
        default: return "\\u{" + String(u.value, radix: 16) + "}"
        }
    }
}
