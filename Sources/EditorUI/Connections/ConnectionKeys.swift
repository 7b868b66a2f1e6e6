// Help texts and default keys of the connection picker (`c`) and the connections
// view (`C`): part of the one key table, so `?`, the README list and dispatch agree.
// The picker's type-ahead takes printable keys that are not bound here
// (see Editor+ConnectionPicker.swift).

extension Action {
    /// Help of the connection actions; nil for the others.
    var connectionHelp: String? {
        switch self {
        case .connectionPicker: return "pick the module's connection (assign, new id, apply to other modules)"
        case .connectionsView: return "connections view: every connection, webhook, key and data store"
        case .pickerAssign: return "assign the highlighted connection (one undoable step; then asks about other modules)"
        case .pickerToggleAll: return "show connections of every type (those not accepted are marked ✗, x in ASCII)"
        case .pickerNew: return "enter a new connection id and label"
        case .pickerFilter: return "open the filter line (other printable keys start it too; Backspace widens, Esc clears)"
        case .pickerNextParameter: return "next connection/webhook/key parameter of the module"
        case .connectionModules: return "list the modules using it; in that list, go to the module in the tree"
        case .connectionSwap: return "swap it for another connection in every module using it (picker)"
        case .connectionRename: return "rename its label in every module that keeps one"
        case .connectionClear: return "clear it from every module using it (asks first)"
        default: return nil
        }
    }
}

extension KeyTable {
    static let connectionBindings: [KeyBinding] = [
        KeyBinding(.tree, .char("c"), .connectionPicker), KeyBinding(.detail, .char("c"), .connectionPicker),
        KeyBinding(.tree, .char("C"), .connectionsView), KeyBinding(.detail, .char("C"), .connectionsView),
        KeyBinding(.picker, .enter, .pickerAssign),
        KeyBinding(.picker, .char("t"), .pickerToggleAll), KeyBinding(.picker, .ctrl("t"), .pickerToggleAll),
        KeyBinding(.picker, .char("n"), .pickerNew), KeyBinding(.picker, .ctrl("n"), .pickerNew),
        KeyBinding(.picker, .char("/"), .pickerFilter),
        KeyBinding(.picker, .tab, .pickerNextParameter),
        KeyBinding(.picker, .escape, .cancel), KeyBinding(.picker, .char("q"), .cancel),
        KeyBinding(.connections, .enter, .connectionModules),
        KeyBinding(.connections, .char("s"), .connectionSwap),
        KeyBinding(.connections, .char("r"), .connectionRename),
        KeyBinding(.connections, .char("x"), .connectionClear),
        KeyBinding(.connections, .char("z"), .undo), KeyBinding(.connections, .ctrl("z"), .undo),
        KeyBinding(.connections, .ctrl("r"), .redo),
        KeyBinding(.connections, .char("w"), .save), KeyBinding(.connections, .ctrl("s"), .save),
        KeyBinding(.connections, .escape, .cancel), KeyBinding(.connections, .char("q"), .cancel),
    ]
}
