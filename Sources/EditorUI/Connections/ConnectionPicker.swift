// The connection picker's state: what it assigns to (one module parameter, or
// every use of one connection when the connections view swaps it), the
// candidates, the type-ahead filter, the cursor and the question or prompt it
// is waiting on. Pure state and filtering; the keys are in Editor+ConnectionPicker.swift.
import BlueprintKit

public struct ConnectionPicker: Sendable {
    public enum Target: Sendable, Equatable {
        /// Assign to one parameter of one module (`c` on a module).
        case module(index: Int, parameter: String)
        /// Replace account `id` of `kind` in every module using it (the connections view's `s`).
        case swap(kind: AccountKind, id: AccountID)
    }

    /// What the picker is waiting for.
    public enum Stage: Sendable, Equatable {
        /// Choosing from the list.
        case list
        /// `n`: the new connection's id, then its label.
        case newId(text: String, error: String?)
        case newLabel(id: String, text: String)
        /// The chosen connection's type is not accepted here: assign anyway? (y/n)
        case confirmIncompatible(ConnectionChoice)
        /// After assigning: "apply to the N other modules using <old label>? (y/n)".
        case applyToOthers(old: AccountID, oldLabel: String, count: Int, choice: ConnectionChoice, force: Bool)
    }

    public let target: Target
    public let kind: AccountKind
    /// Heading: `#8 Tell sales · slack:CreateMessage · __IMTCONN__` or `connection 771204 "Ops Slack" (2 modules)`.
    public let title: String
    /// Types the parameter(s) accept; empty when any type is accepted or it is unknown.
    public let accepted: [String]
    /// The account the parameter uses now (module target) or the one being swapped.
    public internal(set) var current: AccountID?
    public internal(set) var currentLabel: String?
    /// Every candidate, compatible or not, in inventory order.
    public internal(set) var all: [ConnectionCandidate]
    /// Other account parameters of the same module (Tab moves to the next one).
    public let parameters: [String]

    /// `t`: show candidates of types the parameter does not accept too (marked).
    public internal(set) var showAll = false
    /// The type-ahead filter; nil when none is being typed.
    public internal(set) var filter: String?
    /// Index into `visible`.
    public internal(set) var cursor = 0
    public internal(set) var scroll = 0
    public internal(set) var stage: Stage = .list

    init(target: Target, kind: AccountKind, title: String, accepted: [String], current: AccountID?, currentLabel: String?,
         all: [ConnectionCandidate], parameters: [String] = []) {
        self.target = target; self.kind = kind; self.title = title; self.accepted = accepted
        self.current = current; self.currentLabel = currentLabel; self.all = all; self.parameters = parameters
        cursor = visible.firstIndex(where: \.isCurrent) ?? 0
    }

    /// The candidates shown: compatible ones (all with `t`), narrowed by the filter.
    public var visible: [ConnectionCandidate] {
        all.filter { (showAll || $0.accepted != false) && matches($0) }
    }

    /// Candidates hidden because their type is not accepted (shown by `t`).
    public var hiddenIncompatible: Int { showAll ? 0 : all.filter { $0.accepted == false }.count }

    public var selected: ConnectionCandidate? {
        let v = visible
        return v.indices.contains(cursor) ? v[cursor] : nil
    }

    /// Case-insensitive substring match on label, id and type.
    func matches(_ c: ConnectionCandidate) -> Bool {
        guard let f = filter?.lowercased(), !f.isEmpty else { return true }
        let id = AccountID(c.choice.id)?.text ?? c.choice.id.compactText
        return (c.choice.label ?? "").lowercased().contains(f) || id.lowercased().contains(f) || (c.choice.type ?? "").lowercased().contains(f)
    }

    /// Changes the filter or `showAll`, keeping the selected candidate when it is still shown.
    mutating func refilter(_ change: (inout ConnectionPicker) -> Void) {
        let keep = selected.map { AccountID($0.choice.id) }
        change(&self)
        let v = visible
        cursor = v.firstIndex(where: { AccountID($0.choice.id) == keep }) ?? 0
    }

    mutating func move(to row: Int) {
        let n = visible.count
        cursor = n == 0 ? 0 : max(0, min(n - 1, row))
    }

    /// Validates the id typed after `n`: a positive integer.
    static func validateNewId(_ text: String, kind: String = "connection") -> String? {
        let t = text.trimmingCharacters(in: " ")
        if t.isEmpty { return "type the \(kind) id (a positive integer)" }
        guard AccountID(t).isNumeric, let v = Int(t) else { return "'\(t)' is not a \(kind) id: use a positive integer such as 4242" }
        if v <= 0 { return "\(kind) ids are positive integers, not \(t)" }
        return nil
    }
}

/// How the last picker closed: what a caller that opened it (the upgrade review) can look at.
public enum ConnectionPickerOutcome: Sendable, Equatable {
    /// `modules` module parameters now point at `id`: 1 for the module itself plus those
    /// switched by "apply to others"; in a swap (connections view `s`), every one swapped.
    case assigned(id: AccountID, modules: Int)
    /// Closed without a change (Esc, or the current connection chosen again).
    case cancelled
}

/// Connection screens' state kept by the editor: the picker overlay and the connections view.
public struct ConnectionUIState: Sendable {
    /// The open picker; it sits on top of whatever screen opened it.
    public internal(set) var picker: ConnectionPicker?
    public internal(set) var lastPickerOutcome: ConnectionPickerOutcome?
    public internal(set) var view = ConnectionsViewState()
    /// Candidate rows the picker showed in the last frame (for paging).
    var pickerPage = 10
    public init() {}
}
