// How each style slot looks at each colour depth. Colours are xterm palette numbers
// (0–7 basic, 8–15 bright, 16–255 cube/greys); nil means the terminal's own default
// colour (ncurses -1 after use_default_colors), so backgrounds stay transparent.

public enum ColorDepth: String, Sendable, CaseIterable {
    case mono, c8, c256

    /// Depth for a terminal reporting `colors` (ncurses COLORS after start_color).
    /// `noColor` is https://no-color.org (NO_COLOR set and non-empty): attributes only.
    public static func detect(colors: Int, noColor: Bool) -> ColorDepth {
        if noColor || colors < 8 { return .mono }
        return colors >= 256 ? .c256 : .c8
    }
}

public struct SlotStyle: Hashable, Sendable {
    public var fg256: Int?
    public var fg8: Int?
    public var bg256: Int?
    public var bg8: Int?
    /// Attributes when colours are in use (8 or 256).
    public var attrs: Attributes
    /// Attributes in monochrome, where they alone must carry the meaning.
    public var monoAttrs: Attributes

    public init(fg256: Int? = nil, fg8: Int? = nil, bg256: Int? = nil, bg8: Int? = nil,
                attrs: Attributes = [], monoAttrs: Attributes = []) {
        self.fg256 = fg256
        self.fg8 = fg8
        self.bg256 = bg256
        self.bg8 = bg8
        self.attrs = attrs
        self.monoAttrs = monoAttrs
    }

    /// What to draw at `depth`. At 256 colours a slot without a 256-colour value falls
    /// back to its 8-colour value.
    public func resolved(_ depth: ColorDepth) -> (fg: Int?, bg: Int?, attrs: Attributes) {
        switch depth {
        case .mono: return (nil, nil, monoAttrs)
        case .c8: return (fg8, bg8, attrs)
        case .c256: return (fg256 ?? fg8, bg256 ?? bg8, attrs)
        }
    }
}

public struct Theme: Sendable {
    public var name: String
    public var styles: [StyleSlot: SlotStyle]

    public init(name: String, styles: [StyleSlot: SlotStyle]) {
        self.name = name
        self.styles = styles
    }

    /// The style of `slot`; a slot the theme does not define looks like `normal`.
    public subscript(slot: StyleSlot) -> SlotStyle {
        get { styles[slot] ?? styles[.normal] ?? SlotStyle() }
        set { styles[slot] = newValue }
    }

    /// This theme with every colour removed: attributes only (its mono attributes).
    public func monochrome(name: String) -> Theme {
        var out = Theme(name: name, styles: [:])
        for slot in StyleSlot.allCases {
            let a = self[slot].monoAttrs
            out.styles[slot] = SlotStyle(attrs: a, monoAttrs: a)
        }
        return out
    }

    /// The shipped themes (Themes/*.theme, compiled in): default, mono, light, high-contrast.
    public static var builtIn: [Theme] { BuiltinThemes.all }

    /// A built-in theme by name (case-insensitive). User themes and paths: `ThemeLibrary`.
    public static func named(_ name: String) -> Theme? {
        builtIn.first { $0.name.lowercased() == name.lowercased() }
    }

    /// Dark-friendly default (Themes/default.theme); every slot also reads on 8 colours and in mono.
    public static let `default` = BuiltinThemes.theme("default")

    /// Attributes only, in the spirit of htop's Monochrome scheme (Themes/mono.theme):
    /// reverse selection, bold headings, bold+underline warnings, dim tree lines.
    public static let mono = BuiltinThemes.theme("mono")
}
