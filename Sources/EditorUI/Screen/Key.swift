// Backend-neutral key presses. The ncurses backend turns wget_wch() results into these;
// tests and `scened snapshot --keys` build them from vim-style notation (KeyNotation.swift).

public enum MouseButton: Hashable, Sendable { case left, middle, right }

public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable { case press(MouseButton), release(MouseButton), scrollUp, scrollDown }
    public var kind: Kind
    public var x: Int
    public var y: Int
    public init(kind: Kind, x: Int, y: Int) { self.kind = kind; self.x = x; self.y = y }
}

public enum Key: Hashable, Sendable {
    /// A printable character (never a control character).
    case char(Character)
    /// Ctrl plus a character, stored in lower case: Ctrl-S is `.ctrl("s")`.
    case ctrl(Character)
    /// Alt (Meta) plus a character: ESC immediately followed by the character.
    case alt(Character)
    case enter, escape, tab, backTab, backspace, delete
    case up, down, left, right, home, end, pageUp, pageDown, insert
    /// F1 is `.function(1)`.
    case function(Int)
    /// The terminal was resized (ncurses' KEY_RESIZE): re-layout and redraw.
    case resize
    case mouse(MouseEvent)
    /// A key code the backend could not name.
    case unknown(Int)

    /// Name for help screens and the status bar: `j`, `Ctrl-S`, `Enter`, `↓`, `F5`.
    public var displayName: String { displayName(ascii: false) }

    /// As `displayName`, with `ascii: true` spelling arrows as `Up`/`Down`/`Left`/`Right`.
    public func displayName(ascii: Bool) -> String {
        switch self {
        case .char(let c): return c == " " ? "Space" : String(c)
        case .ctrl(let c): return "Ctrl-" + (c == " " ? "Space" : c.uppercased())
        case .alt(let c): return "Alt-" + (c == " " ? "Space" : String(c))
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .up: return ascii ? "Up" : "↑"
        case .down: return ascii ? "Down" : "↓"
        case .left: return ascii ? "Left" : "←"
        case .right: return ascii ? "Right" : "→"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .insert: return "Ins"
        case .function(let n): return "F\(n)"
        case .resize: return "Resize"
        case .mouse: return "Mouse"
        case .unknown(let code): return "Key#\(code)"
        }
    }
}
