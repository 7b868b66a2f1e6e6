// Renders a ScreenBuffer as text with ANSI SGR sequences (`scened snapshot --ansi`),
// without ncurses. Each line starts from the terminal's default style and ends with a
// reset, so lines can be printed, diffed or paged independently.

public enum AnsiRenderer {
    /// One line per buffer row, joined with "\n". Trailing unstyled spaces are trimmed.
    /// At `.mono` only attribute codes (1, 2, 4, 7) are emitted, never a colour.
    public static func render(_ buf: ScreenBuffer, theme: Theme, depth: ColorDepth) -> String {
        var sgrCache: [StyleSlot: String] = [:]
        func sgr(_ slot: StyleSlot) -> String {
            if let s = sgrCache[slot] { return s }
            let s = sequence(theme[slot], depth: depth)
            sgrCache[slot] = s
            return s
        }
        var out: [String] = []
        out.reserveCapacity(buf.height)
        for y in 0..<buf.height {
            // Trim trailing blank cells whose style draws nothing visible.
            var end = buf.width
            while end > 0 {
                let c = buf[end - 1, y]
                guard !c.continuation, c.text == " ", sgr(c.slot).isEmpty else { break }
                end -= 1
            }
            var line = ""
            var current = ""
            for x in 0..<end {
                let c = buf[x, y]
                if c.continuation { continue }
                let s = sgr(c.slot)
                if s != current {
                    if !current.isEmpty { line += reset }
                    line += s
                    current = s
                }
                line += c.text
            }
            if !current.isEmpty { line += reset }
            out.append(line)
        }
        return out.joined(separator: "\n")
    }

    public static let reset = "\u{1B}[0m"

    /// The SGR sequence for a style at `depth` ("" for the terminal default).
    public static func sequence(_ style: SlotStyle, depth: ColorDepth) -> String {
        let (fg, bg, attrs) = style.resolved(depth)
        var codes: [String] = []
        if attrs.contains(.bold) { codes.append("1") }
        if attrs.contains(.dim) { codes.append("2") }
        if attrs.contains(.underline) { codes.append("4") }
        if attrs.contains(.reverse) { codes.append("7") }
        if depth != .mono {
            if let fg, let code = colorCode(fg, background: false, depth: depth) { codes.append(code) }
            if let bg, let code = colorCode(bg, background: true, depth: depth) { codes.append(code) }
        }
        return codes.isEmpty ? "" : "\u{1B}[" + codes.joined(separator: ";") + "m"
    }

    private static func colorCode(_ n: Int, background: Bool, depth: ColorDepth) -> String? {
        guard n >= 0, n <= 255 else { return nil }
        if depth == .c256 && n >= 16 { return (background ? "48;5;" : "38;5;") + String(n) }
        if n < 8 { return String((background ? 40 : 30) + n) }
        if n < 16 { return String((background ? 100 : 90) + n - 8) }
        return nil                              // a 256-colour value at 8 colours: default
    }
}
