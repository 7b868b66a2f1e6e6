// State of field editing in the detail pane: which fields are listed (the selected
// module's or the scenario's), the field cursor, and the editor that is open.
import BlueprintKit

/// Whose fields the detail pane lists when it has the focus.
public enum FieldTarget: Sendable, Equatable { case module, scenario }

public struct FieldPaneState {
    public var target: FieldTarget = .module
    /// Index into the current field list.
    public internal(set) var cursor = 0
    /// First line of the field list shown.
    public internal(set) var scroll = 0
    /// The open editor, if any; it takes every key.
    public internal(set) var edit: FieldEdit?
    /// Lines the field list showed in the last frame (for paging).
    var viewportLines = 10

    var cacheKey: String?
    var cache: [FieldRef] = []
    /// Which module (path) or the scenario the cursor belongs to; a change resets it.
    var ownerKey: String?

    public init() {}
}

/// An open editor on one field.
public struct FieldEdit {
    public enum Mode: Equatable {
        case line(LineEditor)
        case text(MultiLineEditor)
    }

    public var field: FieldRef
    /// `#3` or `scenario`, for messages.
    public var owner: String
    public internal(set) var mode: Mode
    /// Ctrl-T: the text is JSON and may change the value's type.
    public internal(set) var asJSON = false
    /// Why the last commit was refused (shown under the editor until the next key).
    public internal(set) var error: String?
    /// The highlighted suggestion (filter operators).
    public internal(set) var suggestion: Int?
    /// What the person typed, which filters the suggestions (nil: offer all).
    var query: String?
    /// Esc in a changed multi-line text asks once before discarding.
    var escapeArmed = false
    /// The multi-line editor's text area, as last drawn (for vertical movement and paging).
    var textWidth = 60
    var textHeight = 10

    public var text: String {
        switch mode {
        case .line(let l): return l.text
        case .text(let t): return t.text
        }
    }

    public var isMultiLine: Bool { if case .text = mode { return true }; return false }

    /// Known values offered for this field (filter operators), filtered by the text typed.
    public var suggestions: [String] {
        guard field.role == .conditionOperator, case .line = mode else { return [] }
        let s = FilterOperators.suggestions(for: query ?? "")
        return s.isEmpty ? FilterOperators.known : s
    }
}

/// IML references in a text and what is wrong with each, for the live count.
public struct ReferenceSummary: Equatable {
    public var references: [TextReference]
    /// `{{9.x}}: no module #9` style notes, one per unresolved reference.
    public var problems: [String]

    public init(text: String, blueprint: Blueprint) {
        references = Reference.scan(text: text)
        var seen = Set<String>()
        problems = references.compactMap { r in
            guard seen.insert(r.text).inserted, let p = blueprint.problem(with: r) else { return nil }
            switch p {
            case .noModule: return "{{\(r.text)}}: no module #\(r.targetId)"
            case .unknownField(let name): return "{{\(r.text)}}: #\(r.targetId) (\(name)) lists no output '\(r.field)'"
            }
        }
    }

    /// `2 references` / `1 reference, 1 unresolved` / `no references`.
    public var countText: String {
        let n = references.count
        var s = n == 0 ? "no {{…}} references" : "\(n) reference\(n == 1 ? "" : "s")"
        if !problems.isEmpty { s += ", \(problems.count) unresolved" }
        return s
    }
}
