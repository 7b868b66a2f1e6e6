// One editable value of a blueprint: a module's label, a scalar of its mapper or
// parameters, an array item, a filter's name or condition, a route's `disabled`
// flag, or the scenario's name and settings. The field list (FieldList.swift)
// produces these; FieldEditor.swift writes them.

/// Where a field sits, for grouping in the UI.
public enum FieldSection: String, Sendable, CaseIterable {
    case label = "Label"
    case filter = "Filter"
    case routes = "Routes"
    case parameters = "Parameters"
    case mapper = "Mapper"
    case scenario = "Scenario"
    case settings = "Settings"
}

/// What a field is, which decides how it is edited.
public enum FieldRole: Sendable, Equatable {
    /// `metadata.designer.name`, added after `x`, `y` when missing.
    case label
    /// A scalar in `mapper` or `parameters`, at any depth.
    case value
    /// An array or object in `mapper` or `parameters`: a heading for its items and
    /// members. Arrays take new items (`a`); neither is edited as text.
    case container
    /// `filter.name`.
    case filterName
    /// `filter.conditions[i][j].a` or `.b`.
    case conditionOperand
    /// `filter.conditions[i][j].o`, offered from the operators seen in real exports.
    case conditionOperator
    /// `routes[i].disabled` of a router (missing means enabled).
    case routeDisabled(route: Int)
    /// The scenario's top-level `name`.
    case scenarioName
    /// A scalar in `metadata.scenario`.
    case scenarioSetting
    /// A member whose key appears more than once in its object: shown, never written
    /// (a path names only the first, while Make reads the last).
    case duplicateKey
}

/// The JSON type of a field's value (`missing` when the member does not exist yet).
public enum FieldKind: String, Sendable {
    case string, number, bool, null, array, object, missing
}

/// The array item a field belongs to, for add / delete / move.
public struct ArrayItemRef: Sendable, Equatable {
    /// Absolute path of the array.
    public var array: JSONPath
    /// Index of the item, or nil for the array's own heading row (add appends).
    public var index: Int?
    /// Display path of the array (`mapper.headers`).
    public var display: String
}

public struct FieldRef: Sendable, Equatable {
    /// The path as `scened set` takes it, relative to the module (`mapper.url`,
    /// `filter.conditions[0][0].b`, `routes[1].disabled`), or to the document for
    /// scenario fields (`name`, `metadata.scenario.maxErrors`).
    public var display: String
    /// Absolute path of the value in the document (it may not exist yet).
    public var path: JSONPath
    public var section: FieldSection
    public var role: FieldRole
    /// The current value; nil when the member is missing.
    public var value: JSONValue?
    /// Nesting below the section (for indentation).
    public var depth: Int
    /// The innermost array item of `mapper`/`parameters` containing this field, if any.
    public var arrayItem: ArrayItemRef?

    public init(display: String, path: JSONPath, section: FieldSection, role: FieldRole,
                value: JSONValue?, depth: Int = 0, arrayItem: ArrayItemRef? = nil) {
        self.display = display; self.path = path; self.section = section; self.role = role
        self.value = value; self.depth = depth; self.arrayItem = arrayItem
    }

    public var kind: FieldKind {
        guard let v = value else { return .missing }
        switch v {
        case .string: return .string
        case .number: return .number
        case .bool: return .bool
        case .null: return .null
        case .array: return .array
        case .object: return .object
        }
    }

    /// The short name shown in lists: the last path component (`url`, `[0]`, `disabled`).
    public var name: String {
        guard let last = path.components.last else { return display }
        switch last {
        case .key(let k): return k
        case .index(let i): return "[\(i)]"
        }
    }

    /// True for fields edited as one boolean (Space toggles).
    public var isBoolean: Bool {
        if case .routeDisabled = role { return true }
        return kind == .bool && role != .duplicateKey
    }

    /// True for fields whose text is edited (everything but containers and booleans).
    public var isTextEditable: Bool {
        role != .container && role != .duplicateKey && !isBoolean
    }

    /// True when a string is expected: existing strings, and labels/names not set yet.
    public var holdsString: Bool {
        kind == .string || (kind == .missing && (role == .label || role == .filterName || role == .conditionOperand || role == .scenarioName))
    }

    /// The value as text for an editor: strings as they are, other values as JSON.
    public var editText: String {
        switch value {
        case .none: return ""
        case .some(.string(let s)): return s
        case .some(let v): return v.compactText
        }
    }
}

/// A field that cannot be found or cannot take a value. The message is for people.
public struct FieldError: Error, Sendable, CustomStringConvertible, Equatable {
    public enum Kind: Sendable, Equatable {
        /// No such module, path or field.
        case notFound
        /// The value does not fit the field (a word for a number, a string for a flag).
        case refused
    }
    public var kind: Kind
    public var message: String
    public init(_ kind: Kind, _ message: String) { self.kind = kind; self.message = message }
    public var description: String { message }
}
