// What upgrading one module will do, computed before anything changes: the
// configuration changes key by key, the downstream references rewritten, the
// ones that would dangle, and the connection consequence. A value type, so a
// review screen can show it and `apply` can carry it out as one undoable step.

/// One change to the module's configuration.
public struct PlanChange: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case added, removed, renamed, changed
        /// Left as it is (or changed) but needs a person to check it.
        case flagged
    }
    public var kind: Kind
    /// `mapper.qs`, `parameters.handleErrors`, `module` (nil for an added field).
    public var keyBefore: String?
    /// `mapper.queryParameters` (nil for a removed field).
    public var keyAfter: String?
    /// Compact JSON text of the value before and after.
    public var before: String?
    public var after: String?
    public var note: String?
    public var provenance: String?

    /// `mapper.qs → mapper.queryParameters`, or the one key.
    public var keyText: String {
        switch (keyBefore, keyAfter) {
        case let (b?, a?) where a != b: return "\(b) → \(a)"
        case let (b?, _): return b
        case let (nil, a?): return a
        default: return ""
        }
    }
}

/// A `{{id.field}}` token that will be rewritten in another module.
public struct ReferenceRewrite: Sendable, Equatable {
    /// The module that contains the reference.
    public var moduleIndex: Int
    public var moduleId: Int?
    public var location: String
    /// ``5.value`` → ``5.`lowest cost` ``.
    public var oldText: String
    public var newText: String
    /// The field token's byte range in the document the plan was made for, and its new text.
    public var fieldRange: Range<Int>
    public var newToken: String
}

/// A reference that will not resolve (or may not) after the upgrade.
public struct ReferenceIssue: Sendable, Equatable {
    public var moduleIndex: Int
    public var moduleId: Int?
    public var location: String
    public var text: String
    public var reason: String
}

/// What happens to the module's connection or key.
public struct ConnectionConsequence: Sendable, Equatable {
    public var action: ConnectionRule.Action
    public var kind: AccountKind
    public var parameterBefore: String
    public var parameterAfter: String
    /// Accepted types before (from the module's descriptor) and after (from the catalog).
    public var acceptedBefore: [String]
    public var acceptedAfter: [String]
    /// The current value and label, e.g. `5417158`, `My Gmail (me@example.com)`.
    public var valueBefore: String?
    public var label: String?
    public var note: String?

    /// True when a connection (or key) must be chosen after the upgrade.
    public var mustReassign: Bool { action == .reassign }
}

public struct UpgradePlan: Sendable {
    public var moduleIndex: Int
    public var moduleId: Int?
    public var moduleLabel: String?
    public var from: ModuleKey
    public var to: ModuleKey
    public var title: String
    public var targetTitle: String
    /// Configuration changes, in rule order, starting with the module/version change.
    public var changes: [PlanChange]
    /// Changes to `metadata` (restore labels, descriptors, interface) that follow the fields.
    public var metadataChanges: [PlanChange]
    public var rewrites: [ReferenceRewrite]
    /// References that will dangle: their output field is gone.
    public var dangling: [ReferenceIssue]
    /// References left as they are that need a person to check them.
    public var referencesToReview: [ReferenceIssue]
    public var connection: ConnectionConsequence?
    public var notes: [String]

    /// The document the plan was computed against, and the edit that carries it out.
    private(set) var base: JSONDocument
    let splices: [Splice]

    /// The plan without its base document (a whole copy of the file) and its preview text,
    /// for keeping applied plans in a report: upgrade-all of a 5 MB file kept 3.7 GB of
    /// them. Such a plan is stale against any document, so it can no longer be applied.
    func releasingBase() -> UpgradePlan {
        var p = self
        p.base = UpgradePlan.releasedBase
        p.newModuleText = ""
        return p
    }

    private static let releasedBase: JSONDocument = {
        do { return try JSONDocument(bytes: Array("null".utf8)) } catch { fatalError("\(error)") }
    }()

    /// Fields flagged for review.
    public var flagged: [PlanChange] { changes.filter { $0.kind == .flagged } }

    /// The undo label: `Upgrade #5 http:ActionSendData v3 → http:MakeRequest v4`.
    public var label: String { "Upgrade \(moduleId.map { "#\($0)" } ?? "#?") \(from) → \(to)" }

    /// The module's new source text, for a preview.
    public var newModuleText: String
}

/// What one applied upgrade did.
public struct UpgradeOutcome: Sendable, Equatable {
    public var moduleId: Int?
    public var from: ModuleKey
    public var to: ModuleKey
    public var referencesRewritten: Int
    public var flaggedFields: Int
    public var danglingReferences: Int
    public var referencesToReview: Int
    public var connectionMustBeReassigned: Bool
    public var connectionToVerify: Bool
}

public enum UpgradeError: Error, Sendable, CustomStringConvertible {
    /// The session's document is not the one the plan was made for.
    case stalePlan
    case notUpgradable(ModuleStatus)
    case edit(JSONEditError)

    public var description: String {
        switch self {
        case .stalePlan: return "the document changed since the upgrade was planned; plan it again"
        case .notUpgradable(let s): return "\(s.key) is \(s.summary): no automatic upgrade"
        case .edit(let e): return "\(e)"
        }
    }
}
