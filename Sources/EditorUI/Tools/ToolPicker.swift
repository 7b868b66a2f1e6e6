// The list the scenario tools pick from: modules (remap's "take over the references
// of …", copy mapping and copy filter targets) or apps with counts (highlight app).
// Pure state and filtering; the keys are in Editor+Tools.swift, the drawing in
// Views/ToolPickerView.swift.
import BlueprintKit

public struct ToolPickerItem: Sendable, Equatable {
    /// `#5 Old fetch`, `slack`, `  v4`.
    public var text: String
    /// `http:ActionSendData v3 · 7 references`, `2 modules`.
    public var detail: String
    /// The module (an index into `blueprint.modules`) or module id the entry stands for.
    public var moduleIndex: Int?
    public var moduleId: Int?
    /// The app filter the entry stands for (nil on "every app").
    public var app: AppFilter?
}

public struct ToolPicker: Sendable {
    public enum Purpose: Sendable, Equatable {
        /// `r` on module `target`: remap another module's references onto it.
        case remapOnto(target: Int)
        /// `M` / `F` from module `source`.
        case copyMapping(source: Int)
        case copyFilter(source: Int)
        /// `a`: which app to show.
        case app
    }

    public let purpose: Purpose
    public let title: String
    public let all: [ToolPickerItem]
    /// Several entries can be marked (copy mapping, copy filter).
    public var multiple: Bool {
        switch purpose { case .copyMapping, .copyFilter: return true; default: return false }
    }
    public internal(set) var filter: String?
    /// Index into `visible`.
    public internal(set) var cursor = 0
    public internal(set) var scroll = 0
    /// Marked entries (indices into `all`).
    public internal(set) var marked: Set<Int> = []

    init(purpose: Purpose, title: String, all: [ToolPickerItem], cursor: Int = 0) {
        self.purpose = purpose; self.title = title; self.all = all; self.cursor = cursor
    }

    /// Indices into `all` of the entries shown (narrowed by the filter, ignoring case).
    public var visible: [Int] {
        guard let f = filter?.lowercased(), !f.isEmpty else { return Array(all.indices) }
        return all.indices.filter { (all[$0].text + " " + all[$0].detail).lowercased().contains(f) }
    }

    public var selected: ToolPickerItem? {
        let v = visible
        return cursor >= 0 && cursor < v.count ? all[v[cursor]] : nil
    }

    mutating func move(to i: Int) { cursor = max(0, min(visible.count - 1, i)) }

    /// Changes the filter and keeps the cursor on a visible entry.
    mutating func refilter(_ body: (inout ToolPicker) -> Void) {
        body(&self)
        cursor = max(0, min(cursor, visible.count - 1))
    }

    mutating func toggleMark() {
        let v = visible
        guard cursor < v.count else { return }
        if marked.remove(v[cursor]) == nil { marked.insert(v[cursor]) }
    }
}

/// The scenario tools' part of the editor state.
public struct ToolUIState: Sendable {
    public internal(set) var picker: ToolPicker?
    /// `a`: the tree shows only this app's modules.
    public internal(set) var appFilter: AppFilter?
    /// The last search looked at values (`/` then Tab).
    public internal(set) var searchValues = false
    /// Matches of the last value search, computed once per query and document.
    var valueMatches: (query: String, matches: [ValueMatch])?
    var valueIndex = 0
    /// Swap app waiting for its confirmation.
    public internal(set) var pendingSwapApp: SwapAppPlan?
    public init() {}
}
