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
    ///   non-ASCII), every other non-ASCII grapheme becomes one `?`. This keeps long
    ///   texts readable and the column count predictable; exact code points are
    ///   still visible in the raw JSON view.
    /// Backslashes are left alone, so `\e` in the output may also be literal text.
    public static func inert(_ s: String, ascii: Bool) -> String {
        if !ascii && !needsEscaping(s) { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s {
            if ch.isASCII && !ch.unicodeScalars.contains(where: isDangerous) {
                out.append(ch)
            } else if !ch.unicodeScalars.contains(where: isDangerous) {
                if ascii { out.append("?") } else { out.append(ch) }
            } else {
                // Split the grapheme: escape the dangerous scalars, keep (or `?`) the rest.
                for u in ch.unicodeScalars {
                    if isDangerous(u) {
                        out += escape(u)
                    } else if ascii && !u.isASCII {
                        out.append("?")
                    } else {
                        out.unicodeScalars.append(u)
                    }
                }
            }
        }
        return out
    }

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
