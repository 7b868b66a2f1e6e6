// The one key table: it drives key dispatch, the `?` help screen and the README
// key list. Lookup tries the current context first, then `generic`.

public enum KeyContext: String, CaseIterable, Sendable {
    case generic, tree, detail, help, diff, review, picker, connections, toolPicker, searchLine, lineEditor, textEditor
    case scenarioList, workspaceConnections, workspaceSummary
    /// While long work runs (upgrade-all from `U` or `a` in the review): App/Editor+Work.swift.
    case busy

    public var title: String {
        switch self {
        case .generic: return "Everywhere"
        case .tree: return "Module tree"
        case .detail: return "Detail pane"
        case .help: return "Help screen"
        case .diff: return "Diff view"
        case .review: return "Upgrade review"
        case .picker: return "Connection picker"
        case .connections: return "Connections view"
        case .toolPicker: return "Module and app picker (r, M, F, a)"
        case .searchLine: return "Search line (/)"
        case .lineEditor: return "Field editor (one line)"
        case .textEditor: return "Multi-line editor"
        case .scenarioList: return "Scenario list (scened DIR)"
        case .workspaceConnections: return "Connections across scenarios"
        case .workspaceSummary: return "Review across scenarios: summary"
        case .busy: return "While an upgrade-all runs (U, a in the review)"
        }
    }
}

public struct KeyBinding: Sendable, Equatable {
    public var context: KeyContext
    public var key: Key
    public var action: Action
    public init(_ context: KeyContext, _ key: Key, _ action: Action) {
        self.context = context; self.key = key; self.action = action
    }
}

public struct KeyTable: Sendable {
    public private(set) var bindings: [KeyBinding]

    public init(bindings: [KeyBinding]) { self.bindings = bindings }

    public func action(for key: Key, in context: KeyContext) -> Action? {
        if let b = bindings.first(where: { $0.context == context && $0.key == key }) { return b.action }
        if context != .generic, let b = bindings.first(where: { $0.context == .generic && $0.key == key }) { return b.action }
        return nil
    }

    /// Keys bound to `action` in `context` (or generic), in table order.
    public func keys(for action: Action, in context: KeyContext = .generic) -> [Key] {
        bindings.filter { $0.action == action && ($0.context == context || $0.context == .generic) }.map(\.key)
    }

    public mutating func bind(_ key: Key, to action: Action, in context: KeyContext) {
        bindings.removeAll { $0.context == context && $0.key == key }
        bindings.append(KeyBinding(context, key, action))
    }

    public mutating func unbind(_ key: Key, in context: KeyContext) {
        bindings.removeAll { $0.context == context && $0.key == key }
    }

    /// Contexts in table order with their bindings grouped by action: `[(context, [(action, [keys])])]`.
    public func grouped() -> [(KeyContext, [(Action, [Key])])] {
        KeyContext.allCases.compactMap { ctx in
            var order: [Action] = []
            var keys: [Action: [Key]] = [:]
            for b in bindings where b.context == ctx {
                if keys[b.action] == nil { order.append(b.action) }
                keys[b.action, default: []].append(b.key)
            }
            return order.isEmpty ? nil : (ctx, order.map { ($0, keys[$0]!) })
        }
    }

    /// The README key list (a markdown table per context), generated from the table.
    public func markdown() -> String {
        var out = ""
        for (ctx, rows) in grouped() {
            out += "#### \(ctx.title)\n\n| keys | action |\n|---|---|\n"
            for (action, keys) in rows {
                let ks = keys.map { "`" + $0.notation.split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|") + "`" }.joined(separator: " ")
                out += "| \(ks) | \(action.help) |\n"
            }
            out += "\n"
        }
        return out
    }

    public static let `default` = KeyTable(bindings: [
        KeyBinding(.generic, .char("j"), .moveDown), KeyBinding(.generic, .down, .moveDown),
        KeyBinding(.generic, .char("k"), .moveUp), KeyBinding(.generic, .up, .moveUp),
        KeyBinding(.generic, .pageDown, .pageDown), KeyBinding(.generic, .ctrl("f"), .pageDown),
        KeyBinding(.generic, .pageUp, .pageUp), KeyBinding(.generic, .ctrl("b"), .pageUp),
        KeyBinding(.generic, .char("g"), .moveTop), KeyBinding(.generic, .home, .moveTop),
        KeyBinding(.generic, .char("G"), .moveBottom), KeyBinding(.generic, .end, .moveBottom),
        KeyBinding(.generic, .tab, .switchPane),
        KeyBinding(.generic, .ctrl("l"), .redraw),
        KeyBinding(.generic, .char("?"), .help),
        KeyBinding(.generic, .char("q"), .quit),
        KeyBinding(.tree, .enter, .toggleExpand), KeyBinding(.tree, .char(" "), .toggleExpand),
        KeyBinding(.tree, .char("/"), .search), KeyBinding(.tree, .char("n"), .searchNext), KeyBinding(.tree, .char("N"), .searchPrev),
        KeyBinding(.tree, .char(":"), .gotoModule),
        KeyBinding(.tree, .char("o"), .toggleAttention),
        KeyBinding(.tree, .char("D"), .toggleDetail),
        KeyBinding(.tree, .char("u"), .upgrade),
        KeyBinding(.tree, .char("U"), .upgradeAll),
        KeyBinding(.tree, .char("L"), .learnUpgrade),
        KeyBinding(.tree, .char("R"), .review),
        KeyBinding(.tree, .char("z"), .undo), KeyBinding(.tree, .ctrl("z"), .undo),
        KeyBinding(.tree, .ctrl("r"), .redo),
        KeyBinding(.tree, .char("d"), .showDiff),
        KeyBinding(.tree, .char("w"), .save), KeyBinding(.tree, .ctrl("s"), .save),
        KeyBinding(.tree, .char("W"), .saveAs),
        KeyBinding(.detail, .char("z"), .undo), KeyBinding(.detail, .ctrl("z"), .undo),
        KeyBinding(.detail, .ctrl("r"), .redo),
        KeyBinding(.detail, .char("w"), .save), KeyBinding(.detail, .ctrl("s"), .save),
        KeyBinding(.tree, .char("S"), .scenarioSettings),
    ] + KeyTable.fieldBindings + KeyTable.connectionBindings + KeyTable.toolBindings + [
        KeyBinding(.help, .escape, .cancel), KeyBinding(.help, .char("q"), .cancel), KeyBinding(.help, .char("?"), .cancel),
        KeyBinding(.diff, .escape, .cancel), KeyBinding(.diff, .char("q"), .cancel), KeyBinding(.diff, .char("d"), .cancel),
    ] + KeyTable.reviewBindings + KeyTable.workspaceBindings)

    /// The upgrade review (`R`); j/k, PgUp/PgDn, g/G scroll it and `?` opens help (generic keys).
    static let reviewBindings: [KeyBinding] = [
        KeyBinding(.review, .char("y"), .reviewApply),
        KeyBinding(.review, .char("n"), .reviewSkip),
        KeyBinding(.review, .char("a"), .reviewApplyAll),
        KeyBinding(.review, .char("m"), .reviewMark),
        KeyBinding(.review, .char("e"), .reviewJump), KeyBinding(.review, .enter, .reviewJump),
        KeyBinding(.review, .char("z"), .reviewUndo), KeyBinding(.review, .ctrl("z"), .reviewUndo),
        KeyBinding(.review, .char("c"), .reviewConnection),
        KeyBinding(.review, .char("q"), .reviewEnd),
        KeyBinding(.review, .escape, .reviewPause),
        KeyBinding(.busy, .ctrl("c"), .cancelWork), KeyBinding(.busy, .escape, .cancelWork),
    ]
}
