// The symbols the UI draws with. `unicode` for UTF-8 locales; `ascii` for everything
// else (LANG=C over SSH, TERM=linux without a Unicode font), where ncurses would drop
// non-ASCII characters silently. Views never hard-code a symbol.

public struct Glyphs: Sendable, Equatable {
    public var isUnicode: Bool
    // Tree prefixes, each 3 columns wide.
    public var treeBranch: String
    public var treeLast: String
    public var treePipe: String
    public var treeSpace: String
    // Lines and box corners, each 1 column wide.
    public var hline: String
    public var vline: String
    public var topLeft: String
    public var topRight: String
    public var bottomLeft: String
    public var bottomRight: String
    // Markers.
    public var arrow: String
    public var check: String
    /// "no deprecation known": a status only observed in real exports.
    public var observed: String
    public var cross: String
    public var ellipsis: String
    public var collapsed: String
    public var expanded: String
    public var separator: String
    public var bullet: String
    public var warning: String
    public var scrollUp: String
    public var scrollDown: String

    public static let unicode = Glyphs(
        isUnicode: true,
        treeBranch: "├─ ", treeLast: "└─ ", treePipe: "│  ", treeSpace: "   ",
        hline: "─", vline: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
        arrow: "→", check: "✓", observed: "~", cross: "✗", ellipsis: "…", collapsed: "▸", expanded: "▾",
        separator: "›", bullet: "•", warning: "!", scrollUp: "▲", scrollDown: "▼")

    public static let ascii = Glyphs(
        isUnicode: false,
        treeBranch: "|- ", treeLast: "`- ", treePipe: "|  ", treeSpace: "   ",
        hline: "-", vline: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
        arrow: "->", check: "ok", observed: "~", cross: "x", ellipsis: "...", collapsed: "+", expanded: "-",
        separator: ">", bullet: "*", warning: "!", scrollUp: "^", scrollDown: "v")

    /// The set for a locale: Unicode when the terminal's locale is UTF-8.
    public static func forLocale(utf8: Bool) -> Glyphs { utf8 ? .unicode : .ascii }
}
