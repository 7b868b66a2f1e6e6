// Locale-independent display width of text in terminal columns.
//
// glibc's wcwidth() depends on setlocale() and returns -1 for every non-ASCII
// character in the C locale (unit tests, LANG=C over SSH), so the UI measures text
// with this table instead. The ncurses backend re-checks each cell against the
// locale's wcwidth() and degrades a cell rather than letting a disagreement shift
// the rest of the row.

public enum TextWidth {
    /// Column width of one scalar: 0 for controls, combining marks, joiners and other
    /// format characters; 2 for East Asian wide/fullwidth and emoji-presentation
    /// characters; 1 otherwise.
    public static func of(_ u: Unicode.Scalar) -> Int {
        let v = u.value
        if v < 0x7F { return v < 0x20 ? 0 : 1 }           // fast path: ASCII
        if v < 0xA0 { return 0 }                          // DEL and C1 controls
        if v == 0xAD { return 1 }                         // soft hyphen: terminals draw it
        if (0x1160...0x11FF).contains(v) || (0xD7B0...0xD7FF).contains(v) { return 0 } // Hangul vowels/finals
        switch u.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: break
        }
        if u.properties.isEmojiPresentation { return 2 }
        return isWide(v) ? 2 : 1
    }

    /// Column width of one grapheme cluster: the width of its first scalar, widened to 2
    /// when an emoji-capable base is followed by VS16 (U+FE0F, emoji presentation).
    public static func of(_ c: Character) -> Int {
        let scalars = c.unicodeScalars
        guard let first = scalars.first else { return 0 }
        let w = of(first)
        // VS16 first: `isEmoji` is a table lookup, and true for the ASCII digits, # and *.
        if w == 1, scalars.contains("\u{FE0F}"), first.properties.isEmoji { return 2 }
        return w
    }

    public static func of(_ s: String) -> Int { asciiWidth(s.utf8) ?? s.reduce(0) { $0 + of($1) } }
    public static func of(_ s: Substring) -> Int { asciiWidth(s.utf8) ?? s.reduce(0) { $0 + of($1) } }

    /// The width of all-ASCII text from its bytes (printable 1, controls and DEL 0: what
    /// `of(_: Character)` gives each, "\r\n" included); nil when a byte is not ASCII.
    /// Most labels, paths and numbers are ASCII, and measuring them must not cost a
    /// grapheme break and a property lookup per letter (a list frame measures hundreds).
    @inline(__always)
    static func asciiWidth<C: Collection<UInt8>>(_ bytes: C) -> Int? {
        let fast = bytes.withContiguousStorageIfAvailable { buf -> Int? in
            var n = 0
            for b in buf {
                if b >= 0x80 { return nil }
                n &+= b >= 0x20 && b < 0x7F ? 1 : 0
            }
            return n
        }
        if let fast { return fast }
        var n = 0
        for b in bytes {
            if b >= 0x80 { return nil }
            n &+= b >= 0x20 && b < 0x7F ? 1 : 0
        }
        return n
    }

    /// The longest prefix of `s` that fits in `width` columns. With `ellipsis`, a string
    /// that does not fit ends in "…" (counted in the width). Never splits a grapheme or a
    /// wide character, so the result may be one column narrower than `width`.
    public static func truncate(_ s: String, to width: Int, ellipsis: Bool) -> String {
        truncate(s, to: width, ellipsis: ellipsis ? "…" : "")
    }

    /// As `truncate(_:to:ellipsis:)` with a custom marker (use "..." in ASCII mode).
    public static func truncate(_ s: String, to width: Int, ellipsis marker: String) -> String {
        truncated(s, to: width, marker: marker).text
    }

    /// `truncate(s, to: width, ellipsis: marker)` padded with spaces to exactly `width`
    /// columns (what `pad(truncate(…), to: width)` gives), measuring the text once: a
    /// table cell.
    public static func fit(_ s: String, to width: Int, ellipsis marker: String) -> String {
        guard width > 0 else { return "" }
        var (text, used) = truncated(s, to: width, marker: marker)
        if used < width { appendSpaces(width - used, to: &text) }
        return text
    }

    /// A run of spaces that padding cuts from, instead of building one for every cell.
    private static let spaceRun = String(repeating: " ", count: 256)

    /// Appends `n` spaces to `s`.
    static func appendSpaces(_ n: Int, to s: inout String) {
        guard n > 0 else { return }
        if n <= 256 {
            s.append(contentsOf: spaceRun[..<spaceRun.utf8.index(spaceRun.startIndex, offsetBy: n)])
        } else {
            s += String(repeating: " ", count: n)
        }
    }

    /// The cut text and its width.
    static func truncated(_ s: String, to width: Int, marker: String) -> (text: String, width: Int) {
        guard width > 0 else { return ("", 0) }
        let markerWidth = of(marker)
        let room = width - markerWidth
        if let ascii = asciiWidth(s.utf8) {
            if ascii <= width { return (s, ascii) }
            guard markerWidth <= width else { return truncated(marker, to: width, marker: "") }
            // the same cut on bytes: it only ever falls before a printable byte
            var used = 0
            let utf8 = s.utf8
            var end = utf8.startIndex
            while end < utf8.endIndex {
                let w = utf8[end] >= 0x20 && utf8[end] < 0x7F ? 1 : 0
                if used + w > room { break }
                used += w
                utf8.formIndex(after: &end)
            }
            return (String(s[..<end]) + marker, used + markerWidth)
        }
        // One pass that stops once the text is known not to fit: a long name cut to a
        // column of 30 is measured for 31 columns, not to its end. `cut` is where the
        // first grapheme that does not fit in `room` starts.
        var used = 0
        var cut: (at: String.Index, used: Int)? = nil
        var at = s.startIndex
        for ch in s {
            let w = of(ch)
            if cut == nil && used + w > room { cut = (at, used) }
            used += w
            if used > width {
                guard markerWidth <= width, let cut else { return truncated(marker, to: width, marker: "") }
                return (String(s[..<cut.at]) + marker, cut.used + markerWidth)
            }
            at = s.utf8.index(at, offsetBy: ch.utf8.count)
        }
        return (s, used)
    }

    public enum Alignment: Sendable { case left, right, center }

    /// `s` padded with spaces to exactly `width` columns; longer text is truncated
    /// (no ellipsis) and, if a wide character had to go, padded back to `width`.
    public static func pad(_ s: String, to width: Int, align: Alignment = .left) -> String {
        guard width > 0 else { return "" }
        let text = truncate(s, to: width, ellipsis: false)
        let gap = width - of(text)
        guard gap > 0 else { return text }
        switch align {
        case .left: var t = text; appendSpaces(gap, to: &t); return t
        case .right: return String(repeating: " ", count: gap) + text
        case .center:
            let left = gap / 2
            return String(repeating: " ", count: left) + text + String(repeating: " ", count: gap - left)
        }
    }

    /// East Asian Wide (W) and Fullwidth (F) blocks, outside the emoji handled above.
    private static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F,   // Hangul Jamo initial consonants
        0x231A...0x231B, 0x2329...0x232A,
        0x2E80...0x303E,   // CJK radicals, Kangxi, ideographic description, CJK symbols
        0x3041...0x33FF,   // Hiragana, Katakana, Bopomofo, Hangul compat Jamo, Kanbun, CJK compat
        0x3400...0x4DBF,   // CJK extension A
        0x4E00...0x9FFF,   // CJK unified ideographs
        0xA000...0xA4CF,   // Yi
        0xA960...0xA97F,   // Hangul Jamo extended A
        0xAC00...0xD7A3,   // Hangul syllables
        0xF900...0xFAFF,   // CJK compatibility ideographs
        0xFE10...0xFE19,   // vertical forms
        0xFE30...0xFE6F,   // CJK compatibility forms, small form variants
        0xFF00...0xFF60,   // fullwidth forms
        0xFFE0...0xFFE6,
        0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1B000...0x1B2FF, // Tangut, Kana supplement, Nushu
        0x1F200...0x1F2FF, // enclosed ideographic supplement
        0x20000...0x2FFFD, 0x30000...0x3FFFD, // CJK extensions B and beyond
    ]

    private static func isWide(_ v: UInt32) -> Bool {
        guard v >= 0x1100 else { return false }
        var lo = 0, hi = wideRanges.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            let r = wideRanges[mid]
            if v < r.lowerBound { hi = mid - 1 } else if v > r.upperBound { lo = mid + 1 } else { return true }
        }
        return false
    }
}
