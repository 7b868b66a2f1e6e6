// Every user action, with the help text shown by `?` and in the README key list.
// Names are the ones used by `bind` lines in the config file.

public enum ActionGroup: String, CaseIterable, Sendable {
    case navigation = "Navigation"
    case modules = "Modules and upgrades"
    case review = "Upgrade review"
    case connections = "Connections"
    case tools = "Scenario tools"
    case editing = "Editing fields"
    case file = "File"
    case workspace = "Workspace"
    case general = "General"
}

public enum Action: String, CaseIterable, Sendable {
    // navigation
    case moveDown = "move-down", moveUp = "move-up", pageDown = "page-down", pageUp = "page-up"
    case moveTop = "move-top", moveBottom = "move-bottom"
    case toggleExpand = "toggle-expand", switchPane = "switch-pane"
    case search, searchNext = "search-next", searchPrev = "search-prev", gotoModule = "goto-module"
    case toggleAttention = "toggle-attention", toggleDetail = "toggle-detail"
    // modules
    case upgrade, upgradeAll = "upgrade-all", undo, redo
    case cancelWork = "cancel-work"
    case learnUpgrade = "learn-upgrade"
    // upgrade review
    case review, reviewApply = "review-apply", reviewSkip = "review-skip", reviewApplyAll = "review-apply-all"
    case reviewMark = "review-mark", reviewJump = "review-jump", reviewPause = "review-pause"
    case reviewEnd = "review-end", reviewUndo = "review-undo", reviewConnection = "review-connection"
    // file
    case showDiff = "show-diff", save, saveAs = "save-as", quit
    // general
    case redraw, help, cancel
    // editing fields (detail pane)
    case fieldDown = "field-down", fieldUp = "field-up", fieldFirst = "field-first", fieldLast = "field-last"
    case fieldPageDown = "field-page-down", fieldPageUp = "field-page-up"
    case editField = "edit-field", editFieldExternal = "edit-field-external", toggleField = "toggle-field"
    case addItem = "add-item", deleteItem = "delete-item", moveItemDown = "move-item-down", moveItemUp = "move-item-up"
    case scenarioSettings = "scenario-settings", leaveFields = "leave-fields"
    // field editors (one-line and multi-line)
    case editCommit = "edit-commit", editCancel = "edit-cancel", editNewline = "edit-newline"
    case cursorLeft = "cursor-left", cursorRight = "cursor-right", cursorUp = "cursor-up", cursorDown = "cursor-down"
    case wordLeft = "word-left", wordRight = "word-right", lineStart = "line-start", lineEnd = "line-end"
    case editPageUp = "edit-page-up", editPageDown = "edit-page-down"
    case deleteBack = "delete-back", deleteForward = "delete-forward", killToEnd = "kill-to-end"
    case killToStart = "kill-to-start", deleteWordBack = "delete-word-back"
    case suggestNext = "suggest-next", suggestPrev = "suggest-prev", toggleJSONInput = "toggle-json-input"
    case openMultiLine = "open-multi-line"
    // connections (Connections/ConnectionKeys.swift)
    case connectionPicker = "connection-picker", connectionsView = "connections-view"
    case pickerAssign = "picker-assign", pickerToggleAll = "picker-toggle-all", pickerNew = "picker-new"
    case pickerFilter = "picker-filter", pickerNextParameter = "picker-next-parameter"
    case connectionModules = "connection-modules", connectionSwap = "connection-swap"
    case connectionRename = "connection-rename", connectionClear = "connection-clear"
    // scenario tools (Tools/ToolKeys.swift)
    case remapSource = "remap-source", swapExpression = "swap-expression", copyMapping = "copy-mapping"
    case copyFilter = "copy-filter", highlightApp = "highlight-app", searchMode = "search-mode"
    case toolChoose = "tool-choose", toolMark = "tool-mark", toolFilter = "tool-filter", swapApp = "swap-app"
    // workspace: the scenario list of `scened DIR` (Workspace/WorkspaceKeys.swift)
    case listOpen = "list-open", listSort = "list-sort", listAttention = "list-attention", listSearch = "list-search"
    case listReview = "list-review", listConnections = "list-connections", listSwap = "list-swap", saveAll = "save-all"

    public var help: String {
        switch self {
        case .moveDown: return "move down"
        case .moveUp: return "move up"
        case .pageDown: return "page down"
        case .pageUp: return "page up"
        case .moveTop: return "go to the first row"
        case .moveBottom: return "go to the last row"
        case .toggleExpand: return "expand or collapse a router, branch or handler"
        case .switchPane: return "switch between the tree and the detail pane"
        case .search: return "search labels, module names, apps and ids"
        case .searchNext: return "next search match"
        case .searchPrev: return "previous search match"
        case .gotoModule: return "go to a module by id"
        case .toggleAttention: return "show only modules that need attention"
        case .toggleDetail: return "hide or show the detail pane (the tree gets the whole width; a cursor move then sends a third of the bytes)"
        case .upgrade: return "upgrade the selected module (one undoable step)"
        case .upgradeAll: return "upgrade every upgradable module (asks first)"
        case .cancelWork: return "cancel it: nothing of it is applied (the status line shows its progress)"
        case .learnUpgrade: return "learn an upgrade for this current or unknown module from an export of the scenario after a manual upgrade; y saves it to catalog.d and applies it"
        case .undo: return "undo the last change"
        case .redo: return "redo"
        case .review: return "review upgrades one module at a time (resumes a paused review)"
        case .reviewApply: return "apply this upgrade (one undoable step)"
        case .reviewSkip: return "skip this module"
        case .reviewApplyAll: return "apply this and every remaining upgrade, then show the summary"
        case .reviewMark: return "mark a manual replacement as reviewed"
        case .reviewJump: return "jump to this module in the tree (R resumes here); closes the summary"
        case .reviewPause: return "leave the review for now (R resumes here); closes the summary"
        case .reviewEnd: return "end the review and show the summary; closes the summary"
        case .reviewUndo: return "take back the last answer (undoes its upgrade) and show it again"
        case .reviewConnection: return "pick a connection for this module now; applies its upgrade first when the new version needs another connection"
        case .showDiff: return "show pending changes as a diff against the file on disk"
        case .save: return "save"
        case .saveAs: return "save to another file"
        case .quit: return "quit (asks when there are unsaved changes)"
        case .redraw: return "redraw the screen"
        case .help: return "show this help"
        case .cancel: return "close the dialog or screen"
        default: return connectionHelp ?? toolHelp ?? workspaceHelp ?? fieldHelp
        }
    }

    public var group: ActionGroup {
        switch self {
        case .moveDown, .moveUp, .pageDown, .pageUp, .moveTop, .moveBottom, .toggleExpand, .switchPane,
             .search, .searchNext, .searchPrev, .gotoModule, .toggleAttention, .toggleDetail:
            return .navigation
        case .upgrade, .upgradeAll, .undo, .redo, .learnUpgrade, .cancelWork: return .modules
        case .review, .reviewApply, .reviewSkip, .reviewApplyAll, .reviewMark, .reviewJump, .reviewPause, .reviewEnd, .reviewUndo, .reviewConnection:
            return .review
        case .showDiff, .save, .saveAs, .quit: return .file
        case .redraw, .help, .cancel: return .general
        case _ where connectionHelp != nil: return .connections
        case _ where toolHelp != nil: return .tools
        case _ where workspaceHelp != nil: return .workspace
        default: return .editing
        }
    }
}
