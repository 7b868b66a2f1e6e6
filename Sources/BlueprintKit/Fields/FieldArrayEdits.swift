// Items of array fields in `mapper` and `parameters`: add, delete, move. Each is
// one undoable step. A new item copies the shape of its neighbour with text and
// lists emptied (a new header is `{"name": "", "value": ""}`); in an empty array
// the shape comes from the module's `metadata.expect` spec, else it is "".

extension FieldEditor {
    /// Adds an item: after the field's item, or at the end when `f` is the array itself.
    /// Returns the path of the new item.
    @discardableResult
    public static func addItem(_ f: FieldRef, in s: inout EditSession, label: String? = nil) throws(FieldError) -> JSONPath {
        let doc = s.document
        let arrayPath: JSONPath
        let at: Int?
        if f.role == .container, f.kind == .array {
            arrayPath = f.path; at = nil
        } else if let item = f.arrayItem, let i = item.index {
            arrayPath = item.array; at = i + 1
        } else {
            throw FieldError(.refused, "\(f.display) is not in an array; items are added to array fields")
        }
        guard let arr = doc.node(at: arrayPath), doc.kind(arr) == .array else {
            throw FieldError(.notFound, "\(JSONPath(arrayPath.components).description) is not an array")
        }
        let count = doc.node(arr).count
        let index = at ?? count
        let template: JSONValue
        if index > 0, let model = doc.element(arr, index - 1) {
            template = blank(doc.value(model))
        } else {
            template = specTemplate(doc, arrayPath) ?? .string("")
        }
        do {
            try s.perform(label ?? "add an item to \(f.arrayItem?.display ?? f.display)") { (ed: inout JSONEditor) throws(JSONEditError) in
                try ed.apply(ed.document.insertElement(arr, template, at: index))
            }
        } catch { throw FieldError(.refused, "cannot add an item: \(error)") }
        return arrayPath.appending(index: index)
    }

    /// Deletes the field's array item. Returns the path of the item now in its place
    /// (or the one before it, or the array when it is empty).
    @discardableResult
    public static func deleteItem(_ f: FieldRef, in s: inout EditSession, label: String? = nil) throws(FieldError) -> JSONPath {
        guard let item = f.arrayItem, let i = item.index else {
            throw FieldError(.refused, "\(f.display) is not an array item; x deletes items of array fields")
        }
        guard let node = s.document.node(at: item.array.appending(index: i)) else {
            throw FieldError(.notFound, "\(item.display)[\(i)] does not exist")
        }
        let count = s.document.node(s.document.node(node).parent).count
        do {
            try s.perform(label ?? "delete \(item.display)[\(i)]") { (ed: inout JSONEditor) throws(JSONEditError) in
                try ed.apply(ed.document.remove(node))
            }
        } catch { throw FieldError(.refused, "cannot delete the item: \(error)") }
        if count == 1 { return item.array }
        return item.array.appending(index: min(i, count - 2))
    }

    /// Moves the field's array item by `delta` (-1 up, +1 down), swapping it with its
    /// neighbour's exact text. Returns the item's new path.
    @discardableResult
    public static func moveItem(_ f: FieldRef, by delta: Int, in s: inout EditSession, label: String? = nil) throws(FieldError) -> JSONPath {
        guard let item = f.arrayItem, let i = item.index else {
            throw FieldError(.refused, "\(f.display) is not an array item; J and K move items of array fields")
        }
        let doc = s.document
        let j = i + delta
        guard let a = doc.node(at: item.array.appending(index: i)) else { throw FieldError(.notFound, "\(item.display)[\(i)] does not exist") }
        guard let b = doc.node(at: item.array.appending(index: j)) else {
            throw FieldError(.refused, "\(item.display)[\(i)] is already the \(delta < 0 ? "first" : "last") item")
        }
        do {
            try s.perform(label ?? "move \(item.display)[\(i)] \(delta < 0 ? "up" : "down")") { (ed: inout JSONEditor) throws(JSONEditError) in
                // Siblings share their indentation, so swapping source text keeps the layout.
                try ed.apply([doc.replaceValue(a, rawText: doc.sourceText(b)), doc.replaceValue(b, rawText: doc.sourceText(a))])
            }
        } catch { throw FieldError(.refused, "cannot move the item: \(error)") }
        return item.array.appending(index: j)
    }

    /// The same shape with text emptied: strings "", arrays [], objects blanked member by member.
    static func blank(_ v: JSONValue) -> JSONValue {
        switch v {
        case .string: return .string("")
        case .array: return .array([])
        case .object(let members): return .object(members.map { ($0.0, blank($0.1)) })
        default: return v
        }
    }

    /// For `mapper.X` / `parameters.X`: an item built from the module's `metadata.expect`
    /// (or `metadata.parameters`) descriptor named X, when it has a `spec`.
    static func specTemplate(_ doc: JSONDocument, _ arrayPath: JSONPath) -> JSONValue? {
        let comps = arrayPath.components
        guard comps.count >= 2, case .key(let field) = comps[comps.count - 1], case .key(let section) = comps[comps.count - 2],
              section == "mapper" || section == "parameters",
              let module = doc.node(at: JSONPath(Array(comps.dropLast(2)))),
              let md = doc.member(module, "metadata"),
              let descs = doc.member(md, section == "mapper" ? "expect" : "parameters"), doc.kind(descs) == .array
        else { return nil }
        for d in doc.children(descs) where doc.kind(d) == .object && doc.string(d, "name") == field {
            guard let spec = doc.member(d, "spec") else { return nil }
            return fromSpec(doc.value(spec))
        }
        return nil
    }

    private static func fromSpec(_ spec: JSONValue) -> JSONValue? {
        if let list = spec.arrayValue {
            let members: [(String, JSONValue)] = list.compactMap { d in
                guard let n = d["name"]?.stringValue else { return nil }
                return (n, emptyValue(d))
            }
            return members.isEmpty ? nil : .object(members)
        }
        if spec.objectValue != nil { return emptyValue(spec) }
        return nil
    }

    private static func emptyValue(_ descriptor: JSONValue) -> JSONValue {
        switch descriptor["type"]?.stringValue ?? "" {
        case "boolean": return .bool(false)
        case "array": return .array([])
        case "collection": return descriptor["spec"].flatMap { fromSpec($0) } ?? .object([])
        default: return .string("")
        }
    }
}
