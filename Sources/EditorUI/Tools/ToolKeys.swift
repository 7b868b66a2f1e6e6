// Help texts and default keys of the scenario tools (the Make DevTool's Remap source,
// Swap variable, Copy mapping, Copy filter, Find by mapping, Highlight app and Swap
// app): part of the one key table, so `?`, the README list and dispatch agree.

extension Action {
    /// Help of the scenario-tool actions; nil for the others.
    var toolHelp: String? {
        switch self {
        case .remapSource: return "on this module, take over the references of another module (Remap source; picker, one undoable step)"
        case .swapExpression: return "replace an IML expression everywhere it is a whole {{…}} (Swap variable; one undoable step)"
        case .copyMapping: return "copy this module's mapping to modules of the same kind (Copy mapping; picker, keeps their connections)"
        case .copyFilter: return "copy the filter on the route into this module to other modules (Copy filter; picker)"
        case .highlightApp: return "show only one app's modules, or one version (Highlight app; picker with counts)"
        case .searchMode: return "switch the search between names and values (parameters, mapper, filters)"
        case .toolChoose: return "choose the highlighted entry (with entries marked: all of them)"
        case .toolMark: return "mark or unmark the entry (copy mapping and copy filter take several)"
        case .toolFilter: return "open the filter line (other printable keys start it too; Backspace widens, Esc clears)"
        case .swapApp: return "move every module of the highlighted app version to another (Swap app; lists the changes first)"
        default: return nil
        }
    }
}

extension KeyTable {
    static let toolBindings: [KeyBinding] = [
        KeyBinding(.tree, .char("r"), .remapSource),
        KeyBinding(.tree, .char("X"), .swapExpression),
        KeyBinding(.tree, .char("M"), .copyMapping),
        KeyBinding(.tree, .char("F"), .copyFilter),
        KeyBinding(.tree, .char("a"), .highlightApp),
        KeyBinding(.searchLine, .tab, .searchMode),
        KeyBinding(.toolPicker, .enter, .toolChoose),
        KeyBinding(.toolPicker, .char(" "), .toolMark),
        KeyBinding(.toolPicker, .char("/"), .toolFilter),
        KeyBinding(.toolPicker, .char("s"), .swapApp),
        KeyBinding(.toolPicker, .escape, .cancel), KeyBinding(.toolPicker, .char("q"), .cancel),
    ]
}
