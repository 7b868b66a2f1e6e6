// Writing one field as one undoable step, through the document's own splice
// writer, so only that value's lines change on save. A value's type never
// changes by accident: typing `3` into a string field writes "3", and a number
// field refuses a word unless the caller explicitly asks for JSON or a string.

/// How typed text becomes a value.
public enum ValueInput: Sendable, Equatable {
    /// Text from the editor: a string field takes the text as it is; a number field
    /// needs a JSON number; a boolean needs true or false. The type is kept.
    case typed
    /// A command-line value: JSON when it parses, else a string. The type is kept:
    /// `3` for a string field is written as "3".
    case auto
    /// Explicit JSON: the value is written as given and may change the field's type.
    case json
    /// Explicit string, whatever the field held before.
    case string
}

public enum FieldEditor {
    /// The value that `text` stands for in field `f`.
    public static func value(from text: String, for f: FieldRef, input: ValueInput) throws(FieldError) -> JSONValue {
        try checkWritable(f)
        let parsed = parseJSON(text)
        let textOnly: Bool = {
            switch f.role {
            case .label, .filterName, .conditionOperator, .scenarioName: return true
            default: return false
            }
        }()
        switch input {
        case .string:
            if f.isBoolean { throw FieldError(.refused, "\(f.display) is true or false, not text") }
            return .string(text)
        case .json:
            guard let p = parsed else { throw FieldError(.refused, "'\(short(text))' is not valid JSON") }
            if f.isBoolean, p.boolValue == nil { throw FieldError(.refused, "\(f.display) is true or false") }
            if textOnly, p.stringValue == nil { throw FieldError(.refused, "\(f.display) is text; a JSON \(p.kind) cannot go there") }
            return p
        case .typed, .auto:
            if f.isBoolean {
                switch trim(text).lowercased() {
                case "true": return .bool(true)
                case "false": return .bool(false)
                default: throw FieldError(.refused, "\(f.display) is true or false; '\(short(text))' is neither")
                }
            }
            if f.holdsString || textOnly {
                if input == .auto, case .some(.string(let s)) = parsed { return .string(s) }
                return .string(text)
            }
            switch f.kind {
            case .number:
                if case .some(.number(let n)) = parsed { return .number(n) }
                throw FieldError(.refused, "\(f.display) holds a number; '\(short(text))' is not a number")
            case .array, .object:
                if let p = parsed, p.kind == (f.kind == .array ? .array : .object) { return p }
                throw FieldError(.refused, "\(f.display) is \(f.kind == .array ? "an array" : "an object"); give it as JSON")
            default:
                // null or missing: there is no type to keep.
                if let p = parsed { return p }
                return .string(text)
            }
        }
    }

    /// Writes `v` into field `f` as one undoable step labelled `label`.
    /// Returns false when the value was already there (nothing recorded).
    @discardableResult
    public static func set(_ f: FieldRef, to v: JSONValue, in s: inout EditSession, label: String? = nil) throws(FieldError) -> Bool {
        try checkWritable(f)
        do {
            return try s.perform(label ?? "set \(f.display)") { (ed: inout JSONEditor) throws(JSONEditError) in
                try write(f, v, &ed)
            }
        } catch {
            throw FieldError(.refused, "cannot set \(f.display): \(error)")
        }
    }

    /// Flips a boolean field (a missing route flag counts as false).
    @discardableResult
    public static func toggle(_ f: FieldRef, in s: inout EditSession, label: String? = nil) throws(FieldError) -> Bool {
        guard f.isBoolean else { throw FieldError(.refused, "\(f.display) is not true or false; Enter edits it") }
        let now = f.value?.boolValue ?? false
        return try set(f, to: .bool(!now), in: &s, label: label)
    }

    static func checkWritable(_ f: FieldRef) throws(FieldError) {
        if f.role == .duplicateKey {
            throw FieldError(.refused, "\(f.display) appears more than once in its object; fix the duplicate in a text editor first")
        }
    }

    static func write(_ f: FieldRef, _ v: JSONValue, _ ed: inout JSONEditor) throws(JSONEditError) {
        let doc = ed.document
        if case .routeDisabled = f.role {
            // Make writes `"disabled": true` before `flow` and leaves the key out of
            // enabled routes, so enabling removes the key and disabling inserts it first.
            let enable = v == .bool(false)
            if let n = doc.node(at: f.path) {
                if enable { try ed.apply(doc.remove(n)) } else if doc.kind(n) != .true { try ed.apply(doc.replaceValue(n, with: v)) }
            } else if !enable, let route = doc.node(at: JSONPath(Array(f.path.components.dropLast()))) {
                try ed.apply(doc.insertMember(route, "disabled", v, at: 0))
            }
            return
        }
        if let n = doc.node(at: f.path) {
            // The same value stays as written (its escapes may differ from the writer's).
            if doc.value(n) != v { try ed.apply(doc.replaceValue(n, with: v)) }
        } else {
            try create(f.path, v, &ed)
        }
        if f.role == .conditionOperator, let op = v.stringValue {
            try adjustSecondOperand(condition: JSONPath(Array(f.path.components.dropLast())), operator: op, &ed)
        }
    }

    /// A unary operator (exist, notexist) has no `b`; a binary one needs it.
    private static func adjustSecondOperand(condition: JSONPath, operator op: String, _ ed: inout JSONEditor) throws(JSONEditError) {
        let doc = ed.document
        guard let c = doc.node(at: condition), doc.kind(c) == .object else { return }
        let b = doc.member(c, "b")
        if FilterOperators.isUnary(op), let b { try ed.apply(doc.remove(b)) }
        if !FilterOperators.isUnary(op), b == nil { try ed.apply(doc.setMember(c, "b", .string(""), after: ["a"])) }
    }

    /// Creates a missing member (and missing objects above it), placed where Make puts it.
    private static func create(_ path: JSONPath, _ v: JSONValue, _ ed: inout JSONEditor) throws(JSONEditError) {
        let doc = ed.document
        var comps = path.components
        var tail: [String] = []
        while let last = comps.last, doc.node(at: JSONPath(comps)) == nil {
            guard case .key(let k) = last else { throw .indexOutOfRange(JSONPath(comps.dropLast()), -1) }
            tail.insert(k, at: 0)
            comps.removeLast()
        }
        guard let parent = doc.node(at: JSONPath(comps)), let key = tail.first else { return }
        var value = v
        for k in tail.dropFirst().reversed() { value = .object([(k, value)]) }
        let parentKey: String? = { if case .key(let k) = comps.last { return k }; return nil }()
        switch (parentKey, key) {
        case ("designer", "name"): try ed.apply(doc.setMember(parent, key, value, after: ["x", "y"]))
        case ("metadata", "designer"), ("filter", "name"), (nil, "name"): try ed.apply(doc.insertMember(parent, key, value, at: 0))
        case (_, "metadata") where comps.count >= 1:
            try ed.apply(doc.setMember(parent, key, value, after: ["id", "module", "version", "parameters", "filter", "mapper"]))
        case (_, "b"): try ed.apply(doc.setMember(parent, key, value, after: ["a"]))
        default: try ed.apply(doc.setMember(parent, key, value))
        }
    }

    static func parseJSON(_ text: String) -> JSONValue? {
        guard let d = try? JSONDocument(text: text) else { return nil }
        return d.value(d.root)
    }

    static func short(_ s: String) -> String { s.count > 40 ? String(s.prefix(40)) + "…" : s }

    static func trim(_ text: String) -> String {
        var s = Substring(text)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
