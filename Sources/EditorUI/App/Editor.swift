// The editor's state: the open document, its blueprint, the tree rows, the
// selection, the current screen and dialog. Keys come in through `handle(_:)`
// (Editor+Dispatch.swift); views read this state and draw a frame.
import BlueprintKit

public enum Pane: Sendable { case tree, detail }

/// A one-line text prompt at the bottom of the screen.
public struct Prompt: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case search, gotoModule, saveAs
        /// Swap variable (`X`): the expression to replace, then what replaces it.
        case swapOld
        case swapNew(old: String)
        /// Swap app: the app version to move to.
        case swapAppTarget(from: AppFilter)
        /// Learn (`L`): the path of the export made after the manual upgrade of module `index`.
        case learnAfter(index: Int)
    }
    public var kind: Kind
    public var text: String = ""
    /// A search (`/`) of values rather than names (Tab switches).
    public var values = false

    public var label: String {
        switch kind {
        case .search: return values ? "/ values: " : "/"
        case .gotoModule: return "go to module #"
        case .saveAs: return "save as: "
        case .swapOld: return "swap expression: "
        case .swapNew(let old): return "replace \(old) with: "
        case .swapAppTarget(let from): return "move \(from.text) to (APP or APP@VERSION): "
        case .learnAfter: return "export after the upgrade (path): "
        }
    }
}

/// A question answered with one key.
public enum Confirm: Sendable, Equatable {
    case upgradeAll(automatic: Int, manual: Int, partial: Int)
    case quit
    /// A recovery file was found on open (Editor+Recovery.swift). `when` is the time of
    /// the edits; `fileChanged` is true when the file was saved by someone since.
    case recover(when: String, file: String, fileChanged: Bool)
    /// Saving found the file changed on disk since it was read (Editor+File.swift).
    case externalChange(whatChanged: String)
    /// "Save as" named another file that exists (Editor+File.swift).
    case overwriteOther(name: String)
    /// Swap app, with the list of what changes and what is left for review (Tools/).
    case swapApp(listing: String)
    /// Learn (`L`): the learned entry's verification, and the catalog file to save on `y`.
    case learnSave(summary: String, path: String, text: String)

    public var text: String {
        switch self {
        case .upgradeAll(let a, let m, let p):
            let whole = p > 0 ? ": \(a - p) whole, \(p) leave\(p == 1 ? "s" : "") fields for review" : ""
            return "Upgrade \(a) module\(a == 1 ? "" : "s")\(whole)\(m > 0 ? " (\(m) need a manual replacement and are left alone)" : "")? (y/n)"
        case .quit:
            return "Save changes before quitting? (s)ave / (d)iscard / (c)ancel"
        case .recover(let when, let file, let changed):
            return "Unsaved edits from \(when) were found in \(file) (scened was stopped before saving them)."
                + (changed ? " The file was saved by someone else since: recovering replaces their change." : "")
                + " (r)ecover / (d)iff / (x) discard / (q)uit and decide later"
        case .externalChange(let what):
            return "The file changed on disk (\(what)): (o)verwrite / (d)iff / (c)ancel"
        case .overwriteOther(let name):
            return "\(name) already exists: overwrite it? (y/n)"
        case .swapApp(let listing):
            return listing + " Apply as one undoable step? (y/n)"
        case .learnSave(let summary, let path, _):
            return summary + " Save it to \(path) and apply it? (y/n)"
        }
    }
}

public enum Screen: Sendable, Equatable {
    case main
    case help
    case diff(title: String, lines: [String])
    /// `C`: the connections table (Connections/, Views/ConnectionsView.swift).
    case connections
    /// The upgrade review (`R`): one module at a time, then a summary.
    case review
}

public final class Editor {
    // document
    public internal(set) var session: EditSession
    public private(set) var blueprint: Blueprint
    /// The file being edited; nil for the built-in demo until it is saved somewhere.
    public internal(set) var path: String?
    /// The name the title bar shows: the file's name (it follows "save as"), or the demo's.
    public internal(set) var displayName: String
    /// The bytes as opened or last saved: what "pending changes" compares with when
    /// there is no file on disk (the demo, standard input).
    public internal(set) var baseline: [UInt8]
    public internal(set) var services: EditorServices
    public var keyTable: KeyTable
    public let glyphs: Glyphs
    /// Today's date for deadlines (from the services).
    public var today: String { services.today }

    // derived, rebuilt after each edit
    public private(set) var badges: [ModuleBadge] = []
    /// Columns of the tree's badge column (with its gap): the widest badge of this
    /// scenario in this glyph set, 8 to 12 wide, so `v1 -> new` or `v10 → v11` is not cut.
    public private(set) var badgeColumn = 9
    public internal(set) var rows: [TreeRow] = []
    /// Per module: warnings (dangling references, connection problems).
    public private(set) var moduleWarnings: [[String]] = []
    /// Counts of current / upgradable / manual / unknown modules.
    public private(set) var badgeCounts: [BadgeState: Int] = [:]
    /// Current modules known only by observation ("no deprecation known").
    public private(set) var observedCount = 0
    /// Modules whose deadline is past or within 90 days.
    public private(set) var urgentCount = 0
    /// Every module index in tree order (ignoring collapse), for search.
    private(set) var treeOrder: [Int] = []
    /// Lowercased search text per module (label, module name, catalog title).
    private(set) var searchKeys: [String] = []
    var searchCache: SearchMatches?

    // view state
    public internal(set) var cursor = 0
    public internal(set) var scroll = 0
    public internal(set) var detailScroll = 0
    public internal(set) var pane: Pane = .tree
    /// The detail pane is drawn (`D` toggles; `set detail = off` starts without it).
    /// Hiding it returns the focus to the tree.
    public var showsDetail = true {
        didSet { if !showsDetail { pane = .tree } }
    }
    public internal(set) var screen: Screen = .main
    public internal(set) var screenScroll = 0
    public internal(set) var prompt: Prompt?
    public internal(set) var confirm: Confirm?
    public internal(set) var message: String?
    public internal(set) var messageIsError = false
    public internal(set) var attentionOnly = false
    public internal(set) var lastSearch: String?
    public internal(set) var wantsQuit = false
    public var wantsFullRedraw = false
    /// The last frame was too small to draw the editor (EditorView.render); keys then only quit.
    public internal(set) var terminalTooSmall = false
    /// Rows the tree pane showed in the last frame (for paging).
    public var viewportRows = 20
    /// Where the last frame drew the tree and detail panes (for mouse clicks).
    public internal(set) var treeRect = Rect.zero
    public internal(set) var detailRect = Rect.zero
    var collapsed: Set<String> = []
    /// Field cursor and open field editor of the detail pane (Fields/Editor+Fields.swift).
    public internal(set) var fields = FieldPaneState()
    /// The connection picker overlay and the connections view (Connections/).
    public internal(set) var connectionUI = ConnectionUIState()
    /// The upgrade review, while one is running or paused (Review/Editor+Review.swift).
    public internal(set) var review: ReviewState?
    /// The scenario tools' picker, app filter and value search (Tools/Editor+Tools.swift).
    public internal(set) var tools = ToolUIState()
    /// The screen that `?` was pressed on, when closing help should go back to it.
    var helpReturnScreen: Screen?
    /// Help was opened from the connection picker: it is drawn and takes keys instead of the picker.
    var helpOverPicker = false
    /// Runs the user's $EDITOR on a text and returns the edited text, or nil when it
    /// failed or was cancelled. Set by the terminal wiring, which must leave curses mode
    /// around the call (endwin, then refresh); nil means `E` is not available.
    public var runExternalEditor: ((String) -> String?)?
    /// What the file looked like when it was read or last saved; saving refuses to
    /// overwrite a different version without asking. nil: no file (demo, stdin).
    public internal(set) var stamp: FileStamp?
    /// Keeps the unsaved document ready for SIGHUP/SIGTERM (Editor+Recovery.swift).
    public internal(set) var recoveryWriter: RecoveryWriter?
    /// The session generation the writer holds; nil when it holds nothing.
    var recoveryGeneration: Int?
    /// The recovery file found on open, while its question is open.
    public internal(set) var pendingRecovery: RecoveryFile?
    /// The question a diff was opened from; it is asked again when the diff closes.
    var resumeConfirm: Confirm?
    /// Where the refused save was going (the external-change question).
    var pendingSaveTarget: String?
    /// Quit once the pending save succeeds (quit → save → external change → overwrite).
    var quitAfterSave = false
    /// `set backup = on` keeps FILE.bak.
    public var saveOptions = SaveOptions()
    /// When set, saving writes nothing and says why (`scened snapshot` must not touch files).
    public var savesDisabledReason: String?
    /// Opened from a workspace (`scened DIR`): where it sits in the list (`3 of 41`), for
    /// the title bar, and the scenario line of a review across scenarios (Workspace/).
    public var workspacePosition: String?
    public var reviewScenario: String?
    var detailCacheKey: String?
    /// Upgrade-all running on another thread (App/Editor+Work.swift).
    public internal(set) var work: LongWork?
    /// The upgrades `U` prepared, while its question is open.
    var pendingUpgradeAll: UpgradeAllResult?
    /// Long work runs on another thread while the screen shows its progress; set by the
    /// terminal wiring. Off (tests, `scened snapshot`): it runs before the key returns.
    public var runsWorkInBackground = false
    /// Draws the current state as a frame now (set by the terminal wiring; Editor+Work.swift).
    public var drawNow: (() -> Void)?
    /// Runs first on the worker thread (tests hold the work there to see the busy state).
    var workGate: (@Sendable () -> Void)?
    var detailCache: [StyledLine] = []

    public init(bytes: [UInt8], path: String?, displayName: String? = nil,
                services: EditorServices = .catalogBacked(), keyTable: KeyTable = .default,
                glyphs: Glyphs = .unicode, stamp: FileStamp? = nil) throws(BlueprintLoadError) {
        let bp = try Blueprint(bytes: bytes)
        self.blueprint = bp
        self.session = EditSession(document: bp.document)
        self.baseline = bytes
        self.path = path
        self.displayName = displayName ?? path.map { p in p.split(separator: "/").last.map(String.init) ?? p } ?? "untitled"
        self.services = services
        self.keyTable = keyTable
        self.glyphs = glyphs
        self.stamp = stamp
        refreshDerived()
    }

    public var isModified: Bool { session.isModified }

    /// The module under the cursor, if the cursor is on a module row.
    public var selectedModule: Module? {
        guard cursor >= 0 && cursor < rows.count, let i = rows[cursor].moduleIndex else { return nil }
        return blueprint.modules[i]
    }

    /// The module under the cursor, or the owner of the header under it.
    public var selectedOrOwnerModule: Module? {
        guard cursor >= 0 && cursor < rows.count else { return nil }
        switch rows[cursor].kind {
        case .module(let i): return blueprint.modules[i]
        case .header(let owner, _, _): return owner.map { blueprint.modules[$0] }
        }
    }

    public var keyContext: KeyContext {
        if connectionUI.picker != nil { return .picker }
        if tools.picker != nil && screen == .main { return .toolPicker }
        switch screen {
        case .connections: return .connections
        case .help: return .help
        case .diff: return .diff
        case .review: return .review
        case .main: return pane == .tree ? .tree : .detail
        }
    }


    // MARK: changes

    /// Replaces the session after an edit (or undo/redo) and rebuilds what depends on it.
    func commit(_ newSession: EditSession) {
        let keep = selectedModule.map { ($0.id, $0.path) }
        session = newSession
        syncRecovery()
        if let bp = try? Blueprint(document: session.document) { blueprint = bp }
        refreshDerived()
        if let keep, let m = blueprint.modules.first(where: { $0.id == keep.0 && $0.path == keep.1 }) ?? blueprint.modules.first(where: { $0.path == keep.1 }) {
            select(moduleIndex: m.index)
        }
    }

    func refreshDerived() {
        let bp = blueprint
        badges = bp.modules.map { services.badge($0, in: bp.document) }
        badgeColumn = min(12, max(8, badges.map { TextWidth.of($0.text(glyphs)) }.max() ?? 8)) + 1
        var counts: [BadgeState: Int] = [:]
        for b in badges { counts[b.state, default: 0] += 1 }
        badgeCounts = counts
        observedCount = badges.filter(\.isObservedOnly).count
        urgentCount = badges.filter(\.urgent).count
        let connWarnings = services.connectionWarnings(bp)
        moduleWarnings = bp.modules.map { m in
            var out: [String] = []
            for r in bp.references(from: m.index) where r.dangling {
                out.append("{{\(r.text)}} in \(r.location) refers to module #\(r.targetId), which does not exist")
            }
            return out + (connWarnings[m.index] ?? [])
        }
        treeOrder = TreeModel.rows(bp, collapsed: [], glyphs: glyphs).compactMap(\.moduleIndex)
        searchKeys = bp.modules.map { m in
            Editor.searchFold([m.label ?? "", m.moduleName, badges[m.index].title ?? ""].joined(separator: "\u{1}"))
        }
        searchCache = nil
        tools.valueMatches = nil
        rebuildRows()
    }

    /// `lowercased()`, without its per-character Unicode tables for the common case: ASCII and
    /// the `›` of readable module names (every title has one, which sent whole keys down the slow path).
    static func searchFold(_ s: String) -> String {
        var out = [UInt8]()
        out.reserveCapacity(s.utf8.count)
        var it = s.utf8.makeIterator()
        while let b = it.next() {
            if b < 0x80 { out.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b); continue }
            guard b == 0xE2, it.next() == 0x80, it.next() == 0xBA else { return s.lowercased() }
            out += [0xE2, 0x80, 0xBA]
        }
        return String(decoding: out, as: UTF8.self)
    }

    func rebuildRows() {
        let selected = selectedModule?.index
        if attentionOnly || tools.appFilter != nil {
            let app = tools.appFilter
            // attention: most urgent first (needs review, past and near deadlines, then manual, upgradable, unknown); tree order within
            let order = Dictionary(uniqueKeysWithValues: treeOrder.enumerated().map { ($1, $0) })
            var picked = blueprint.modules.filter {
                (!attentionOnly || badges[$0.index].state.needsAttention || hasWarnings($0.index)) && (app?.matches($0) ?? true)
            }.map(\.index)
            if attentionOnly {
                picked.sort { a, b in
                    let ra = badges[a].urgencyRank, rb = badges[b].urgencyRank
                    return ra != rb ? ra.lexicographicallyPrecedes(rb) : (order[a] ?? a) < (order[b] ?? b)
                }
            }
            rows = picked.map { TreeRow(kind: .module($0), prefix: "", collapsed: false, collapsible: false) }
        } else {
            rows = TreeModel.rows(blueprint, collapsed: collapsed, glyphs: glyphs)
        }
        if let selected, let r = rows.firstIndex(where: { $0.moduleIndex == selected }) { cursor = r }
        cursor = max(0, min(cursor, rows.count - 1))
    }

    /// Warnings of one module: dangling references, connection problems.
    public func warnings(for index: Int) -> [String] { moduleWarnings[index] }

    func hasWarnings(_ index: Int) -> Bool { !moduleWarnings[index].isEmpty }

    /// Moves the cursor to a module, expanding collapsed ancestors.
    public func select(moduleIndex i: Int) {
        var changed = false
        for k in TreeModel.ancestorsKeys(of: i, in: blueprint) where collapsed.remove(k) != nil { changed = true }
        if changed { rebuildRows() }
        if let r = rows.firstIndex(where: { $0.moduleIndex == i }) { cursor = r; detailScroll = 0 }
    }

    func setMessage(_ text: String, error: Bool = false) {
        message = text
        messageIsError = error
    }
}
