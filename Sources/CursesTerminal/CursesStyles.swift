// Turns style slots into ncurses attributes and colour pairs. Pairs are allocated
// lazily, one per distinct (foreground, background), and cached (tig does the same).
import CNcursesW
import EditorUI

@MainActor struct CursesStyles {
    let depth: ColorDepth
    let colors: Int
    /// False when use_default_colors() failed: colour -1 is not available, so the
    /// terminal default is approximated by white on black.
    let defaultColors: Bool
    var theme: Theme { didSet { slotCache = [:] } }
    private var pairs: [Int32: Int16] = [:]
    private var slotCache: [StyleSlot: (attr_t, Int16)] = [:]

    init(theme: Theme, depth: ColorDepth, colors: Int, defaultColors: Bool) {
        self.theme = theme
        self.depth = depth
        self.colors = colors
        self.defaultColors = defaultColors
    }

    /// Attributes and pair number for a slot.
    mutating func style(_ slot: StyleSlot) -> (attr_t, Int16) {
        if let hit = slotCache[slot] { return hit }
        let (fg, bg, attrs) = theme[slot].resolved(depth)
        var a = nc_a_normal()
        if attrs.contains(.bold) { a |= nc_a_bold() }
        if attrs.contains(.dim) { a |= nc_a_dim() }
        if attrs.contains(.reverse) { a |= nc_a_reverse() }
        if attrs.contains(.underline) { a |= nc_a_underline() }
        let result = (a, depth == .mono ? 0 : pair(fg: color(fg, isBackground: false), bg: color(bg, isBackground: true)))
        slotCache[slot] = result
        return result
    }

    private func color(_ c: Int?, isBackground: Bool) -> Int16 {
        guard let c, c >= 0, c < colors, c <= Int(Int16.max) else {
            return defaultColors ? -1 : (isBackground ? 0 : 7)
        }
        return Int16(c)
    }

    private mutating func pair(fg: Int16, bg: Int16) -> Int16 {
        if fg == -1 && bg == -1 { return 0 }
        let key = Int32(fg) << 16 | Int32(UInt16(bitPattern: bg))
        if let p = pairs[key] { return p }
        let next = pairs.count + 1
        guard next < Int(nc_color_pairs()), next <= Int(Int16.max) else { return 0 }
        guard init_pair(Int16(next), fg, bg) != ERR else { return 0 }
        pairs[key] = Int16(next)
        return Int16(next)
    }
}
