// Help texts and default keys of the field-editing actions: the detail pane's
// field cursor, the one-line editor and the multi-line editor. Part of the one
// key table (KeyTable.default), so `?`, the README list and dispatch agree.

extension Action {
    var fieldHelp: String {
        switch self {
        case .fieldDown: return "next field"
        case .fieldUp: return "previous field"
        case .fieldFirst: return "first field"
        case .fieldLast: return "last field"
        case .fieldPageDown: return "fields: page down"
        case .fieldPageUp: return "fields: page up"
        case .editField: return "edit the field (Space flips true/false; long text opens the multi-line editor)"
        case .editFieldExternal: return "edit the field in $EDITOR"
        case .toggleField: return "flip a true/false field, or a route's disabled flag"
        case .addItem: return "add an item to the array (after the current one)"
        case .deleteItem: return "delete the array item, or remove a field left for review (one its version does not have)"
        case .moveItemDown: return "move the array item down"
        case .moveItemUp: return "move the array item up"
        case .scenarioSettings: return "scenario name and settings (again: back to the module)"
        case .leaveFields: return "back to the module tree"
        case .editCommit: return "commit the value (one undoable edit)"
        case .editCancel: return "cancel the edit"
        case .editNewline: return "new line"
        case .cursorLeft: return "cursor left"
        case .cursorRight: return "cursor right"
        case .cursorUp: return "cursor up"
        case .cursorDown: return "cursor down"
        case .wordLeft: return "word left"
        case .wordRight: return "word right"
        case .lineStart: return "start of the line"
        case .lineEnd: return "end of the line"
        case .editPageUp: return "page up"
        case .editPageDown: return "page down"
        case .deleteBack: return "delete the character before the cursor"
        case .deleteForward: return "delete the character under the cursor"
        case .killToEnd: return "delete to the end of the line"
        case .killToStart: return "delete to the start of the line"
        case .deleteWordBack: return "delete the word before the cursor"
        case .suggestNext: return "next suggested value (filter operators)"
        case .suggestPrev: return "previous suggested value (filter operators)"
        case .toggleJSONInput: return "take the text as JSON (lets the value change type) or as typed"
        case .openMultiLine: return "continue in the multi-line editor"
        default: return rawValue
        }
    }
}

extension KeyTable {
    static let fieldBindings: [KeyBinding] = detailFieldKeys + lineEditorKeys + textEditorKeys

    static let detailFieldKeys: [KeyBinding] = [
        KeyBinding(.detail, .char("j"), .fieldDown), KeyBinding(.detail, .down, .fieldDown),
        KeyBinding(.detail, .char("k"), .fieldUp), KeyBinding(.detail, .up, .fieldUp),
        KeyBinding(.detail, .char("g"), .fieldFirst), KeyBinding(.detail, .home, .fieldFirst),
        KeyBinding(.detail, .char("G"), .fieldLast), KeyBinding(.detail, .end, .fieldLast),
        KeyBinding(.detail, .pageDown, .fieldPageDown), KeyBinding(.detail, .ctrl("f"), .fieldPageDown),
        KeyBinding(.detail, .pageUp, .fieldPageUp), KeyBinding(.detail, .ctrl("b"), .fieldPageUp),
        KeyBinding(.detail, .enter, .editField), KeyBinding(.detail, .char("e"), .editField),
        KeyBinding(.detail, .char("E"), .editFieldExternal),
        KeyBinding(.detail, .char(" "), .toggleField),
        KeyBinding(.detail, .char("a"), .addItem), KeyBinding(.detail, .char("x"), .deleteItem),
        KeyBinding(.detail, .char("J"), .moveItemDown), KeyBinding(.detail, .char("K"), .moveItemUp),
        KeyBinding(.detail, .char("S"), .scenarioSettings),
        KeyBinding(.detail, .tab, .leaveFields), KeyBinding(.detail, .escape, .leaveFields),
    ]

    static let lineEditorKeys: [KeyBinding] = [
        KeyBinding(.lineEditor, .enter, .editCommit), KeyBinding(.lineEditor, .ctrl("s"), .editCommit),
        KeyBinding(.lineEditor, .escape, .editCancel), KeyBinding(.lineEditor, .ctrl("g"), .editCancel),
        KeyBinding(.lineEditor, .left, .cursorLeft), KeyBinding(.lineEditor, .ctrl("b"), .cursorLeft),
        KeyBinding(.lineEditor, .right, .cursorRight), KeyBinding(.lineEditor, .ctrl("f"), .cursorRight),
        KeyBinding(.lineEditor, .alt("b"), .wordLeft), KeyBinding(.lineEditor, .alt("f"), .wordRight),
        KeyBinding(.lineEditor, .home, .lineStart), KeyBinding(.lineEditor, .ctrl("a"), .lineStart),
        KeyBinding(.lineEditor, .end, .lineEnd), KeyBinding(.lineEditor, .ctrl("e"), .lineEnd),
        KeyBinding(.lineEditor, .backspace, .deleteBack),
        KeyBinding(.lineEditor, .delete, .deleteForward), KeyBinding(.lineEditor, .ctrl("d"), .deleteForward),
        KeyBinding(.lineEditor, .ctrl("k"), .killToEnd), KeyBinding(.lineEditor, .ctrl("u"), .killToStart),
        KeyBinding(.lineEditor, .ctrl("w"), .deleteWordBack),
        KeyBinding(.lineEditor, .down, .suggestNext), KeyBinding(.lineEditor, .up, .suggestPrev),
        KeyBinding(.lineEditor, .ctrl("t"), .toggleJSONInput),
        KeyBinding(.lineEditor, .ctrl("o"), .openMultiLine),
    ]

    static let textEditorKeys: [KeyBinding] = [
        KeyBinding(.textEditor, .ctrl("s"), .editCommit),
        KeyBinding(.textEditor, .escape, .editCancel),
        KeyBinding(.textEditor, .enter, .editNewline),
        KeyBinding(.textEditor, .left, .cursorLeft), KeyBinding(.textEditor, .ctrl("b"), .cursorLeft),
        KeyBinding(.textEditor, .right, .cursorRight), KeyBinding(.textEditor, .ctrl("f"), .cursorRight),
        KeyBinding(.textEditor, .up, .cursorUp), KeyBinding(.textEditor, .ctrl("p"), .cursorUp),
        KeyBinding(.textEditor, .down, .cursorDown), KeyBinding(.textEditor, .ctrl("n"), .cursorDown),
        KeyBinding(.textEditor, .alt("b"), .wordLeft), KeyBinding(.textEditor, .alt("f"), .wordRight),
        KeyBinding(.textEditor, .home, .lineStart), KeyBinding(.textEditor, .ctrl("a"), .lineStart),
        KeyBinding(.textEditor, .end, .lineEnd), KeyBinding(.textEditor, .ctrl("e"), .lineEnd),
        KeyBinding(.textEditor, .pageUp, .editPageUp), KeyBinding(.textEditor, .pageDown, .editPageDown),
        KeyBinding(.textEditor, .backspace, .deleteBack),
        KeyBinding(.textEditor, .delete, .deleteForward), KeyBinding(.textEditor, .ctrl("d"), .deleteForward),
        KeyBinding(.textEditor, .ctrl("k"), .killToEnd), KeyBinding(.textEditor, .ctrl("u"), .killToStart),
        KeyBinding(.textEditor, .ctrl("w"), .deleteWordBack),
        KeyBinding(.textEditor, .ctrl("t"), .toggleJSONInput),
    ]

    /// The action bound to `key` in exactly `context` (no fallback to generic keys, so
    /// `j` types a j in an editor).
    func exactAction(for key: Key, in context: KeyContext) -> Action? {
        bindings.first { $0.context == context && $0.key == key }?.action
    }
}
