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

    public static let builtIn: [Theme] = [.default, .mono]

    /// A built-in theme by name (case-insensitive).
    public static func named(_ name: String) -> Theme? {
        builtIn.first { $0.name.lowercased() == name.lowercased() }
    }

    /// Dark-friendly default; every slot also reads on 8 colours and in mono.
    public static let `default` = Theme(name: "default", styles: [
        .normal: SlotStyle(),
        .title: SlotStyle(fg256: 255, fg8: 7, bg256: 24, bg8: 4, attrs: .bold, monoAttrs: [.reverse, .bold]),
        .titleModified: SlotStyle(fg256: 220, fg8: 3, bg256: 24, bg8: 4, attrs: .bold,
                                  monoAttrs: [.reverse, .bold, .underline]),
        .treeLine: SlotStyle(fg256: 242, monoAttrs: .dim),
        .selected: SlotStyle(fg256: 231, fg8: 7, bg256: 25, bg8: 4, attrs: .bold, monoAttrs: .reverse),
        .selectedInactive: SlotStyle(fg256: 252, fg8: 0, bg256: 238, bg8: 7, monoAttrs: [.bold, .underline]),
        .badgeCurrent: SlotStyle(fg256: 114, fg8: 2),
        .badgeUpgradable: SlotStyle(fg256: 214, fg8: 3, attrs: .bold, monoAttrs: .bold),
        .badgeManual: SlotStyle(fg256: 203, fg8: 1, attrs: .bold, monoAttrs: [.bold, .underline]),
        .badgeUnknown: SlotStyle(fg256: 139, fg8: 5, monoAttrs: .dim),
        .moduleId: SlotStyle(fg256: 245, fg8: 6, monoAttrs: .dim),
        .label: SlotStyle(),
        .appName: SlotStyle(fg256: 110, fg8: 6),
        .connection: SlotStyle(fg256: 180, fg8: 3),
        .marker: SlotStyle(fg256: 213, fg8: 5, attrs: .bold, monoAttrs: .bold),
        .warning: SlotStyle(fg256: 214, fg8: 3, attrs: .bold, monoAttrs: [.bold, .underline]),
        .error: SlotStyle(fg256: 203, fg8: 1, attrs: .bold, monoAttrs: [.bold, .reverse]),
        .heading: SlotStyle(fg256: 111, fg8: 6, attrs: .bold, monoAttrs: [.bold, .underline]),
        .detailKey: SlotStyle(fg256: 110, fg8: 6, monoAttrs: .bold),
        .detailValue: SlotStyle(),
        .diffAdded: SlotStyle(fg256: 114, fg8: 2, monoAttrs: .bold),
        .diffRemoved: SlotStyle(fg256: 203, fg8: 1, monoAttrs: .dim),
        .diffContext: SlotStyle(fg256: 246),
        .status: SlotStyle(fg256: 252, fg8: 0, bg256: 236, bg8: 7, monoAttrs: .reverse),
        .statusKey: SlotStyle(fg256: 220, fg8: 4, bg256: 236, bg8: 7, attrs: .bold, monoAttrs: [.reverse, .bold]),
        .message: SlotStyle(),
        .dialog: SlotStyle(fg256: 253, fg8: 7, bg256: 237, bg8: 4),
        .dialogTitle: SlotStyle(fg256: 222, fg8: 3, bg256: 237, bg8: 4, attrs: .bold, monoAttrs: .bold),
        .help: SlotStyle(),
        .dim: SlotStyle(attrs: .dim, monoAttrs: .dim),
        .match: SlotStyle(fg256: 16, fg8: 0, bg256: 178, bg8: 3, monoAttrs: [.bold, .underline]),
        .cursor: SlotStyle(attrs: .reverse, monoAttrs: .reverse),
    ])

    /// Attributes only, in the spirit of htop's Monochrome scheme: reverse selection,
    /// bold headings, bold+underline warnings, dim tree lines.
    public static let mono = Theme.default.monochrome(name: "mono")
}
