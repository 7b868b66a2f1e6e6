// A folder of scenarios as one workspace (`scened DIR`, or several files): the
// scenario list built from scans (ScenarioScanner: summaries cached by file stamp,
// nothing kept parsed), and an editor per scenario opened from it, each with its own
// undo history and recovery file, kept while the program runs. Keys come in through
// `handle(_:)` (Workspace+Keys.swift); WorkspaceView draws the frame.
import BlueprintKit

public enum ListSort: String, CaseIterable, Sendable {
    case urgency, name, file, attention
}

public final class Workspace {
    public enum Mode: Equatable, Sendable {
        case list
        /// The editor of entry `Int` has the screen.
        case editor(Int)
        /// `C` on the list: connections across scenarios.
        case connections
        /// The end of a review across scenarios.
        case summary
        case help
    }

    public struct Entry {
        public internal(set) var summary: ScenarioSummary
        /// The open editor; nil until the scenario is opened (or an action needed it).
        public internal(set) var editor: Editor?
        public var isModified: Bool { editor?.isModified ?? false }
    }

    /// What the list shows at the top: the folder(s) or "N files".
    public let title: String
    public internal(set) var entries: [Entry]
    /// JSON files found in the folders that are not blueprints.
    public let skipped: Int
    public let services: EditorServices
    public let keyTable: KeyTable
    public let glyphs: Glyphs
    public let scanner: ScenarioScanner
    let fromFolder: Set<String>
    /// Strips the common folder from the paths the list shows.
    let root: String

    public internal(set) var sort: ListSort = .urgency
    public internal(set) var attentionOnly = false
    public internal(set) var query = ""
    /// The search line is open (typing).
    public internal(set) var searching = false
    /// Entry indices in display order (sorted and filtered).
    public internal(set) var visible: [Int] = []
    /// The widest name and shown path of the entries (for the list's columns).
    var widest = (name: 0, file: 0)
    /// Scenarios needing attention and broken ones, counted when the list is rebuilt (a
    /// frame must not walk 1,000 entries).
    public private(set) var attentionCount = 0
    public private(set) var brokenCount = 0
    /// Entries with an open editor, in the order they were opened.
    var opened: [Int] = []
    public internal(set) var cursor = 0
    public internal(set) var scroll = 0
    public var viewportRows = 20
    public internal(set) var mode: Mode = .list
    var helpReturn: Mode = .list
    var helpScroll = 0
    /// The bottom row's key hints and the key context they are for (WorkspaceView).
    var keyHintsCache: (context: KeyContext, segments: [(String, StyleSlot)])?
    public internal(set) var message: String?
    public internal(set) var messageIsError = false
    /// `q` with unsaved scenarios: (s)ave all / (d)iscard / (c)ancel.
    public internal(set) var confirmQuit = false
    public internal(set) var wantsQuit = false
    public var wantsFullRedraw = false
    /// A review across scenarios, running or paused (Workspace+Review.swift).
    public internal(set) var crossReview: CrossReview?
    /// Connections across scenarios while that screen is open (Workspace+Connections.swift).
    public internal(set) var connections: WorkspaceConnections?
    /// Called on each editor the workspace opens (the terminal wiring enables recovery,
    /// the external editor, save options).
    public var configureEditor: ((Editor) -> Void)?
    /// Draws the current state as a frame now (set by the terminal wiring): "opening …" of a large file.
    public var drawNow: (() -> Void)?
    /// When set, saving writes nothing and says why (`scened snapshot`).
    public var savesDisabledReason: String?

    /// Scans `files` (`fromFolder`: those found in folders, skipped when not blueprints).
    public init(title: String, files: [String], fromFolder: Set<String> = [], services: EditorServices,
                keyTable: KeyTable = .default, glyphs: Glyphs = .unicode, scanner: ScenarioScanner? = nil) {
        self.title = title
        self.services = services
        self.keyTable = keyTable
        self.glyphs = glyphs
        self.fromFolder = fromFolder
        let scanner = scanner ?? ScenarioScanner(catalog: services.catalog)
        self.scanner = scanner
        var entries: [Entry] = []
        var skipped = 0
        for o in scanner.scan(files, fromFolder: fromFolder) {
            switch o {
            case .scenario(let s): entries.append(Entry(summary: s, editor: nil))
            case .notBlueprint: skipped += 1
            }
        }
        self.entries = entries
        self.skipped = skipped
        self.root = Workspace.commonFolder(entries.map(\.summary.path))
        rebuild()
    }

    /// Open editors (for recovery at exit and for saving).
    public var openEditors: [Editor] { opened.compactMap { entries[$0].editor } }
    public var modifiedCount: Int { opened.filter { entries[$0].isModified }.count }

    /// The entry under the cursor.
    public var selected: Int? { visible.indices.contains(cursor) ? visible[cursor] : nil }

    /// The path as the list shows it: below the common folder.
    public func shownPath(_ path: String) -> String {
        root.isEmpty || !path.hasPrefix(root) ? path : String(path.dropFirst(root.count))
    }

    /// Sorts and filters the entries into `visible`, keeping the cursor on its entry.
    func rebuild() {
        let keep = selected
        let q = query.lowercased()
        var v = entries.indices.filter { i in
            let s = entries[i].summary
            if attentionOnly && s.attention == 0 && !s.isBroken && !entries[i].isModified { return false }
            if !q.isEmpty && !(s.title.lowercased().contains(q) || shownPath(s.path).lowercased().contains(q)) { return false }
            return true
        }
        let e = entries
        switch sort {
        case .urgency: v.sort { ScenarioSummary.urgencyPrecedes(e[$0].summary, e[$1].summary) }
        case .name: v.sort { (e[$0].summary.title.lowercased(), $0) < (e[$1].summary.title.lowercased(), $1) }
        case .file: v.sort { $0 < $1 }   // the scan's order: byte order of the paths
        case .attention:
            v.sort { (e[$0].summary.attention, -$0) > (e[$1].summary.attention, -$1) }
        }
        visible = v
        attentionCount = entries.filter { $0.summary.attention > 0 }.count
        brokenCount = entries.filter(\.summary.isBroken).count
        widest = (entries.map { TextWidth.of($0.summary.title) }.max() ?? 0, entries.map { TextWidth.of(shownPath($0.summary.path)) }.max() ?? 0)
        if let keep, let at = v.firstIndex(of: keep) { cursor = at }
        cursor = max(0, min(cursor, v.count - 1))
    }

    /// The editor of entry `i`, opening (parsing) it when needed; nil with the error shown
    /// for a file that cannot be read or parsed.
    func editor(_ i: Int) -> Editor? {
        if let e = entries[i].editor { return e }
        let path = entries[i].summary.path
        let bytes: [UInt8], stamp: FileStamp
        do { (bytes, stamp) = try FileStamp.read(path) } catch {
            fail("cannot open \(shownPath(path)): \(error.message)")
            return nil
        }
        do {
            let e = try Editor(bytes: bytes, path: path, services: services, keyTable: keyTable, glyphs: glyphs, stamp: stamp)
            e.savesDisabledReason = savesDisabledReason
            configureEditor?(e)
            entries[i].editor = e
            opened.append(i)
            return e
        } catch {
            fail("\(path):\(error.line):\(error.column): \(error.message)")
            entries[i].summary.error = ScanError(line: error.line, column: error.column, message: error.message)
            return nil
        }
    }

    /// Refreshes entry `i`'s row from its open editor (statuses of the edited document).
    func refreshSummary(_ i: Int) {
        guard let e = entries[i].editor else { return }
        var s = ScenarioSummary(path: entries[i].summary.path, blueprint: e.blueprint, catalog: services.catalog, stamp: e.stamp)
        s.error = nil
        entries[i].summary = s
        if !e.isModified { scanner.update(s) }
    }

    /// Saves every changed scenario (each file atomically, refused per file when it changed
    /// on disk: that scenario then asks when opened). Returns how many were saved.
    @discardableResult
    public func saveAll() -> Int {
        var saved = 0
        var failed: [String] = []
        for i in opened where entries[i].isModified {
            guard let e = entries[i].editor else { continue }
            if e.save() { saved += 1; refreshSummary(i) } else { failed.append("\(shownPath(e.path ?? "")): \(e.message ?? "changed on disk (open it to decide)")") }
        }
        rebuild()
        if failed.isEmpty {
            say(saved == 0 ? "nothing to save" : "saved \(saved) scenario\(saved == 1 ? "" : "s")")
        } else {
            fail("saved \(saved); not saved: " + failed.joined(separator: "; "))
        }
        return saved
    }

    func say(_ text: String) { message = text; messageIsError = false }
    func fail(_ text: String) { message = text; messageIsError = true }

    /// The folder all paths share (with its trailing slash), or "".
    static func commonFolder(_ paths: [String]) -> String {
        guard var prefix = paths.first.map({ String($0[..<($0.lastIndex(of: "/").map { $0 } ?? $0.startIndex)]) }) else { return "" }
        for p in paths.dropFirst() {
            while !prefix.isEmpty && !p.hasPrefix(prefix + "/") {
                prefix = prefix.lastIndex(of: "/").map { String(prefix[..<$0]) } ?? ""
            }
        }
        return prefix.isEmpty ? "" : prefix + "/"
    }
}
