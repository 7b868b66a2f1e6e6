// Help texts and default keys of the workspace (`scened DIR`): the scenario list,
// connections across scenarios and the end of a review across scenarios. Part of
// the one key table, so `?`, the README key list and dispatch agree.

extension Action {
    /// Help of the workspace actions; nil for the others.
    var workspaceHelp: String? {
        switch self {
        case .listOpen: return "open the scenario in the editor (q or Esc in its tree comes back to the list)"
        case .listSort: return "sort by urgency (nearest deadline first), name, file or attention count"
        case .listAttention: return "show only scenarios that need attention (or are broken)"
        case .listSearch: return "search scenario names and files (Enter keeps the filter, Esc clears it)"
        case .listReview: return "review upgrades across scenarios in list order (resumes a paused one)"
        case .listConnections: return "connections across scenarios: who uses each, in how many scenarios"
        case .listSwap: return "swap it for another id in every scenario using it (one undo step per scenario)"
        case .saveAll: return "save every changed scenario (each file atomically)"
        default: return nil
        }
    }
}

extension KeyTable {
    static let workspaceBindings: [KeyBinding] = [
        KeyBinding(.scenarioList, .enter, .listOpen),
        KeyBinding(.scenarioList, .char("s"), .listSort),
        KeyBinding(.scenarioList, .char("o"), .listAttention),
        KeyBinding(.scenarioList, .char("/"), .listSearch),
        KeyBinding(.scenarioList, .char("R"), .listReview),
        KeyBinding(.scenarioList, .char("C"), .listConnections),
        KeyBinding(.scenarioList, .char("w"), .saveAll), KeyBinding(.scenarioList, .ctrl("s"), .saveAll),
        KeyBinding(.scenarioList, .escape, .cancel),
        KeyBinding(.workspaceConnections, .enter, .connectionModules),
        KeyBinding(.workspaceConnections, .char("s"), .listSwap),
        KeyBinding(.workspaceConnections, .char("w"), .saveAll), KeyBinding(.workspaceConnections, .ctrl("s"), .saveAll),
        KeyBinding(.workspaceConnections, .escape, .cancel), KeyBinding(.workspaceConnections, .char("q"), .cancel),
        KeyBinding(.workspaceSummary, .char("w"), .saveAll), KeyBinding(.workspaceSummary, .ctrl("s"), .saveAll),
        KeyBinding(.workspaceSummary, .enter, .cancel), KeyBinding(.workspaceSummary, .escape, .cancel),
        KeyBinding(.workspaceSummary, .char("q"), .cancel),
        // in a review (one scenario or across scenarios) `w` saves the scenario on screen
        KeyBinding(.review, .char("w"), .save),
    ]
}
