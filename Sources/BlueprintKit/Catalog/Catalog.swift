// The module catalog: which (module, version) pairs exist, which are current,
// and how each deprecated one becomes its replacement. A blueprint does not
// say any of this; Make and Fusion know it from their app registries, scened
// from the catalog compiled into the binary plus the user's own catalog files.
// The JSON format is parsed by CatalogLoader.swift and documented in README.

/// A module name and version, e.g. `http:ActionSendData` v3. The version is nil for
/// modules that have none (Make's empty `placeholder:Placeholder` slot).
public struct ModuleKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var module: String
    public var version: Int?

    public init(_ module: String, _ version: Int?) { self.module = module; self.version = version }

    public static func < (a: ModuleKey, b: ModuleKey) -> Bool {
        a.module == b.module ? (a.version ?? -1) < (b.version ?? -1) : a.module < b.module
    }

    public var versionText: String { version.map { "v\($0)" } ?? "(no version)" }
    public var description: String { "\(module) \(versionText)" }
}

/// The lifecycle state a catalog entry records.
public enum CatalogStatus: String, Sendable, CaseIterable {
    /// The module version to use.
    case current
    /// Still runs, but has a successor (Make's green double arrow, Fusion's "(Legacy)").
    case deprecated
    /// No longer runs.
    case retired
}

/// How a deprecated module becomes its replacement.
public enum ReplacementMode: String, Sendable {
    /// scened can rewrite it, keeping its configuration.
    case automatic
    /// A person must rebuild it; the rules and notes are guidance only.
    case manual
}

/// One (module, version) in the catalog.
public struct CatalogEntry: Sendable {
    public var key: ModuleKey
    /// A readable name, e.g. `HTTP › Make a request (legacy)`.
    public var title: String?
    public var status: CatalogStatus
    /// ISO dates (`2025-09` or `2025-09-01`), when known.
    public var deprecatedSince: String?
    public var stopsWorking: String?
    public var unsupportedAfter: String?
    /// A source's statement, or only an observation in real exports.
    public var basis: EntryBasis = .documented
    /// For observations: in how many public exports the module was seen.
    public var seenIn: Int?
    /// Where the facts about this entry come from.
    public var provenance: [String]
    public var notes: [String]
    public var replacement: Replacement?
    /// The file that defined the entry (`shipped` for the built-in catalog), and its line.
    public var source: String
    public var line: Int
    public var column: Int = 1

    public var module: String { key.module }
    public var dates: Lifecycle { Lifecycle(deprecatedSince: deprecatedSince, stopsWorking: stopsWorking, unsupportedAfter: unsupportedAfter) }
    public var version: Int? { key.version }

    /// The title, or `app › Name` derived from the module name.
    public var displayName: String { title ?? CatalogEntry.defaultTitle(key.module) }

    /// `http:ActionSendData` → `http › ActionSendData`.
    public static func defaultTitle(_ module: String) -> String {
        // UTF-8 level: this runs once per module in `check` output.
        let u = module.utf8
        guard let c = u.firstIndex(of: UInt8(ascii: ":")) else { return module }
        var out = String(Substring(u[..<c]))
        out += " › "
        out += Substring(u[u.index(after: c)...])
        return out
    }
}

/// The successor of a deprecated module and the rules that carry its configuration over.
public struct Replacement: Sendable {
    public var key: ModuleKey
    public var mode: ReplacementMode
    /// Field rules, applied in order; conditions test the module as it was before the upgrade.
    public var rules: [FieldRule]
    /// Output fields renamed or removed, for rewriting downstream `{{id.field}}` references.
    public var outputs: [OutputRule]
    /// Every output name of the replacement, when known: references to other names would dangle.
    public var knownOutputs: [String]?
    public var connection: ConnectionRule?
    /// Stale `metadata` entries to delete (paths relative to the module's `metadata`).
    public var metadataRemove: [JSONPath]
    public var notes: [String]
    public var provenance: [String]

    public var module: String { key.module }
    public var version: Int { key.version ?? 0 }
}

/// A field of a module: `parameters.handleErrors`, `mapper.attachments[].fileName`.
public struct FieldPath: Hashable, Sendable, CustomStringConvertible {
    public enum Domain: String, Sendable { case parameters, mapper }
    public enum Segment: Hashable, Sendable { case key(String), each }

    public var domain: Domain
    /// At least one segment; the last one is always a key.
    public var segments: [Segment]

    public init(_ domain: Domain, _ segments: [Segment]) { self.domain = domain; self.segments = segments }

    /// Parses `mapper.qs`, `parameters.account`, `mapper.attachments[].fileName`.
    public init?(parsing s: String) {
        let parts = s.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 2, let d = Domain(rawValue: parts[0]) else { return nil }
        var segs: [Segment] = []
        for (n, p) in parts.dropFirst().enumerated() {
            var name = Substring(p)
            var each = false
            if name.hasSuffix("[]") { name = name.dropLast(2); each = true }
            guard !name.isEmpty, !name.contains("["), !name.contains("]") else { return nil }
            segs.append(.key(String(name)))
            if each {
                guard n < parts.count - 2 else { return nil }   // `[]` cannot end a path
                segs.append(.each)
            }
        }
        domain = d
        segments = segs
    }

    /// The field's own key (the last segment).
    public var name: String {
        if case .key(let k) = segments.last { return k }
        return ""
    }

    /// A single top-level key, like `mapper.url`.
    public var isTopLevel: Bool { segments.count == 1 }

    /// The path of the containing object (`mapper.attachments[]` for `mapper.attachments[].fileName`).
    public var parentSegments: [Segment] { Array(segments.dropLast()) }

    public var description: String {
        var s = domain.rawValue
        for seg in segments {
            switch seg {
            case .key(let k): s += "." + k
            case .each: s += "[]"
            }
        }
        return s
    }
}

/// A test on a field of the module before the upgrade.
public struct Condition: Sendable {
    public enum Test: Sendable { case equals(JSONValue), oneOf([JSONValue]), absent, present }
    public var field: FieldPath
    public var test: Test
    /// Also true when the field is missing.
    public var orAbsent: Bool
}

/// What one rule does to the module's configuration.
public indirect enum FieldRuleKind: Sendable {
    /// The field stays as it is (recorded so that the target's key set is fully described);
    /// values in `omit` (e.g. `[]`, which the new version leaves out) are dropped. With `items`,
    /// the keys inside its array items are renamed.
    case keep(FieldPath, omit: [JSONValue], items: ItemKeys?)
    /// Rename, or move between `parameters` and `mapper`; values in `omit` are dropped instead.
    /// With `items`, the keys inside its array items are renamed too.
    case rename(FieldPath, to: FieldPath, omit: [JSONValue], items: ItemKeys?)
    /// Remove the field. With `expect`, any other value is left in place and flagged for review.
    case drop(FieldPath, expect: [JSONValue]?)
    /// Add the field with a default value when it is missing.
    case add(FieldPath, value: JSONValue)
    /// Give the field this value, adding it if missing.
    case set(FieldPath, value: JSONValue)
    /// Map enumerated values (and optionally rename); an unlisted value is flagged.
    case map(FieldPath, to: FieldPath?, values: [(JSONValue, JSONValue)])
    /// Apply `then` when every condition holds, else `otherwise`.
    case when([Condition], then: [FieldRule], otherwise: [FieldRule])
}

/// The keys of an array field's items and what they become, e.g. HTTP v3 `formDataFields`
/// items `{key, value, fieldType}` → v4 `multipartBodyContent` items `{name, value, multipartFieldType}`.
/// Every key an item may have is listed (renamed or kept): an item with another key, without a
/// required one, or that is not an object, does not fit, and the field is left in place, flagged.
public struct ItemKeys: Sendable, CustomStringConvertible {
    /// Old key → new key, in the catalog's order.
    public var rename: [(from: String, to: String)]
    /// Keys that stay as they are.
    public var keep: [String]
    /// Keys every item must have.
    public var required: [String]

    public init(rename: [(from: String, to: String)], keep: [String] = [], required: [String] = []) {
        self.rename = rename; self.keep = keep; self.required = required
    }

    /// Why an item does not fit (nil when it does): `item 2 has no fieldType`.
    public func misfit(_ item: JSONValue, index: Int) -> String? {
        guard case .object(let members) = item else { return "item \(index + 1) is not an object" }
        for (k, _) in members where !keep.contains(k) && !rename.contains(where: { $0.from == k }) {
            return "item \(index + 1) has \(k), which the rule does not list"
        }
        for k in required where !members.contains(where: { $0.0 == k }) { return "item \(index + 1) has no \(k)" }
        return nil
    }

    /// `key → name, fieldType → multipartFieldType`.
    public var description: String { rename.map { "\($0.from) → \($0.to)" }.joined(separator: ", ") }
}

public struct FieldRule: Sendable {
    public var kind: FieldRuleKind
    /// The documentation or corpus evidence behind the rule.
    public var provenance: String?
    /// Shown with the change.
    public var note: String?
    /// When set, the change is made and also flagged for review with this text.
    public var review: String?
    /// For added/renamed fields: the `metadata.parameters`/`metadata.expect` descriptor to write.
    public var descriptor: JSONValue?
    /// For added/set fields: the `metadata.restore` entry to write.
    public var restore: JSONValue?
    /// Keys after which a new member is placed.
    public var after: [String]
    public var line: Int
}

/// An output field of the old module and what it becomes.
public struct OutputRule: Sendable {
    public enum Target: Sendable, Equatable {
        /// A fixed new name.
        case name(String)
        /// The new name is the value of one of the module's own fields (`util:SetVariable` → variable name).
        case valueOf(FieldPath)
        /// The field no longer exists: references to it would dangle.
        case removed
        /// Whether the field still exists is not known: references stay and are flagged for review.
        case unverified
    }
    public var field: String
    public var target: Target
    public var note: String?
    public var provenance: String?
}

/// What happens to the module's connection (or key) parameter.
public struct ConnectionRule: Sendable {
    public enum Action: String, Sendable {
        /// Same connection types: the connection stays.
        case keep
        /// Carried over, but whether it fits the new types cannot be told: check it.
        case verify
        /// The connection type changes: a new connection must be chosen.
        case reassign
    }
    /// The parameter that holds it before the upgrade (`account`, `__IMTCONN__`, `auth`).
    public var parameter: String
    /// The parameter after the upgrade (defaults to `parameter`).
    public var to: String?
    public var kind: AccountKind
    /// Accepted types after the upgrade (`google-email`); empty for untyped keys.
    public var accepted: [String]
    public var action: Action
    /// The descriptor type string written to `metadata.parameters`, e.g. `account:google-email`.
    public var descriptorType: String?
    public var note: String?
    public var provenance: String?

    public var newParameter: String { to ?? parameter }
}

/// A catalog file that cannot be used: `file:line:col: message`.
public struct CatalogError: Error, Sendable, CustomStringConvertible, Equatable {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file; self.line = line; self.column = column; self.message = message
    }

    public var description: String { "\(file):\(line):\(column): \(message)" }
}
