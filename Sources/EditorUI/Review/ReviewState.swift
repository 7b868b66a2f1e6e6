// The upgrade review (`R`): every module that is upgradable or needs a manual
// replacement, in tree order, each answered with one key. This is the review's
// state only; Editor+Review.swift drives it and the views draw it.
//
// Resume vs restart: leaving the review with `e`/Enter (jump to the module) or Esc
// pauses it; the state stays here and `R` resumes at the same module. `q` ends it
// (summary); closing the summary discards it, and the next `R` starts a new review
// of the modules that still need one.
import BlueprintKit

/// One module the review walks.
public struct ReviewItem: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case upgrade, manual }
    public var kind: Kind
    /// Where the module sits; upgrades never add, remove or move modules, so the path
    /// (and the index) stay valid for the whole review.
    public var path: JSONPath
    public var moduleId: Int?
    public var answer: ReviewAnswer?
}

/// What an applied upgrade did, kept for the summary and for undo.
public struct ReviewApplied: Sendable, Equatable {
    /// The session's undo label of the step, and the undo-stack depth right after it.
    public var label: String
    public var undoDepth: Int
    public var from: ModuleKey
    public var to: ModuleKey
    /// The new version accepts other connection types: the upgrade left the connection empty.
    public var mustReassignConnection: Bool
    /// `mustReassignConnection` and no connection chosen yet.
    /// Cleared when the review resumes and finds one set (e.g. from a connection picker).
    public var needsConnection: Bool
    /// The module parameter that holds the connection after the upgrade (`__IMTCONN__`).
    public var connectionParameter: String?
    /// `choose a connection (google-email) after the upgrade`.
    public var connectionNote: String?
}

/// The undo steps a connection picker opened with `c` in the review made (assign, and
/// "apply to the others"), so that `z` in the review can take them back.
struct ReviewConnectionStep: Sendable, Equatable {
    /// The item the picker was for.
    var item: Int
    /// How many answers had been given when it was made (`history.count`).
    var afterAnswers: Int
    /// The undo-stack depth before and after it, and the labels of its steps.
    var depthBefore: Int
    var depthAfter: Int
    var labels: [String]

    /// Its steps are still in `stack` at the depth where they were made.
    func isIn(_ stack: [EditStep]) -> Bool {
        stack.count >= depthAfter && stack[depthBefore..<depthAfter].map(\.label) == labels
    }
}

public enum ReviewAnswer: Sendable, Equatable {
    case applied(ReviewApplied)
    case skipped
    /// A manual module marked as reviewed (`m`).
    case reviewed
    /// Upgraded (or undone) outside the review while it was paused: no answer needed.
    case changedElsewhere
}

public struct ReviewState: Sendable {
    public internal(set) var items: [ReviewItem]
    /// The item on screen.
    public internal(set) var position = 0
    /// Item indices in the order they were answered: undo takes them back last first.
    public internal(set) var history: [Int] = []
    /// True once every item is answered or the review was ended: the summary shows.
    public internal(set) var finished = false
    /// True while the review screen (or the help opened from it) is showing; false when paused.
    public internal(set) var onScreen = true
    /// First content line shown below the fixed header.
    var scroll = 0
    /// Connections chosen with `c` from the review, in order: `z` takes them back like answers.
    var connectionSteps: [ReviewConnectionStep] = []
    /// While the picker `c` opened is open: its item and the undo depth before it.
    var pickerStart: (item: Int, depth: Int)?
    /// The plan of the item on screen, for the document generation it was made for.
    var planCache: (item: Int, generation: Int, plan: Result<UpgradePlan, UpgradeError>)?

    public init(items: [ReviewItem]) { self.items = items }

    public var current: ReviewItem? { position < items.count ? items[position] : nil }

    /// The next unanswered item after `from` (wrapping to the start), or nil when all are answered.
    func nextUnanswered(after from: Int) -> Int? {
        guard !items.isEmpty else { return nil }
        for step in 1...items.count {
            let i = (from + step) % items.count
            if items[i].answer == nil { return i }
        }
        return nil
    }

    public var summary: ReviewSummary { ReviewSummary(items: items) }
}

/// The counts on the summary screen.
public struct ReviewSummary: Sendable, Equatable {
    public var applied: [ReviewItem] = []
    public var skipped: [ReviewItem] = []
    /// Every manual-replacement module, answered or not.
    public var manual: [ReviewItem] = []
    /// Applied upgrades whose connection must be reassigned.
    public var needingConnections: [ReviewItem] = []
    /// Upgradable modules left without an answer (the review was ended early).
    public var notReviewed: [ReviewItem] = []
    public var changedElsewhere: [ReviewItem] = []

    init(items: [ReviewItem]) {
        for it in items {
            if it.kind == .manual { manual.append(it); continue }
            switch it.answer {
            case .applied(let a)?:
                applied.append(it)
                if a.needsConnection { needingConnections.append(it) }
            case .skipped?, .reviewed?: skipped.append(it)
            case .changedElsewhere?: changedElsewhere.append(it)
            case nil: notReviewed.append(it)
            }
        }
    }

    /// Items that still need the user, in tree order: skipped or unanswered upgrades,
    /// manual modules (reviewed or not, they are still deprecated), and applied upgrades
    /// that need a connection.
    public func stillNeedingAttention(in items: [ReviewItem]) -> [ReviewItem] {
        items.filter { it in
            if it.kind == .manual { return true }
            switch it.answer {
            case .applied(let a)?: return a.needsConnection
            case .changedElsewhere?: return false
            default: return true
            }
        }
    }
}
