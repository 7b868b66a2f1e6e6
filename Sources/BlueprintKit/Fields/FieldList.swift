// The editable fields of a module and of the scenario, in the order the detail
// pane shows them: label, filter (name, then each condition's a, o, b), routes'
// `disabled` flags, parameters, mapper. Also resolves a path typed on the
// command line (`mapper.url`, `label`) to one of these fields.

public enum FieldList {
    /// A module with more fields than this lists the first ones only.
    public static let maxFields = 5000

    /// Every editable field of module `m`.
    public static func fields(for m: Module, in doc: JSONDocument) -> [FieldRef] {
        var out: [FieldRef] = []
        let base = m.path
        func abs(_ rel: [JSONPathComponent]) -> JSONPath { JSONPath(base.components + rel) }
        func rel(_ r: [JSONPathComponent]) -> String { JSONPath(r).description }

        // label
        let labelRel: [JSONPathComponent] = ["metadata", "designer", "name"]
        out.append(FieldRef(display: rel(labelRel), path: abs(labelRel), section: .label, role: .label,
                            value: doc.node(at: JSONPath(labelRel), from: m.node).map { doc.value($0) }))

        // filter
        if let f = doc.member(m.node, "filter"), doc.kind(f) == .object {
            out.append(FieldRef(display: "filter.name", path: abs(["filter", "name"]), section: .filter, role: .filterName,
                                value: doc.member(f, "name").map { doc.value($0) }))
            if let conds = doc.member(f, "conditions"), doc.kind(conds) == .array {
                for (i, andList) in doc.children(conds).enumerated() where doc.kind(andList) == .array {
                    for (j, c) in doc.children(andList).enumerated() where doc.kind(c) == .object {
                        let cr: [JSONPathComponent] = ["filter", "conditions", .index(i), .index(j)]
                        let op = doc.string(c, "o")
                        for key in ["a", "o", "b"] {
                            let node = doc.member(c, key)
                            // `b` of a unary operator (exist, notexist) is not there and not offered.
                            if node == nil && (key == "a" || (key == "b" && FilterOperators.isUnary(op ?? ""))) { continue }
                            if node == nil && key == "o" { continue }
                            let r = cr + [.key(key)]
                            out.append(FieldRef(display: rel(r), path: abs(r), section: .filter,
                                                role: key == "o" ? .conditionOperator : .conditionOperand,
                                                value: node.map { doc.value($0) }, depth: 1))
                        }
                    }
                }
            }
        }

        // routes of a router
        if let routes = doc.member(m.node, "routes"), doc.kind(routes) == .array {
            for (r, route) in doc.children(routes).enumerated() where doc.kind(route) == .object {
                let rr: [JSONPathComponent] = ["routes", .index(r), "disabled"]
                out.append(FieldRef(display: rel(rr), path: abs(rr), section: .routes, role: .routeDisabled(route: r),
                                    value: doc.member(route, "disabled").map { doc.value($0) }))
            }
        }

        // parameters and mapper, every scalar at any depth
        for (key, section) in [("parameters", FieldSection.parameters), ("mapper", .mapper)] {
            guard let obj = doc.member(m.node, key), doc.kind(obj) == .object else { continue }
            walk(doc, obj, rel: [.key(key)], depth: 0, section: section, item: nil, base: base, into: &out)
        }
        return out
    }

    private static func walk(_ doc: JSONDocument, _ n: Int, rel: [JSONPathComponent], depth: Int, section: FieldSection,
                             item: ArrayItemRef?, base: JSONPath, into out: inout [FieldRef]) {
        let isArray = doc.kind(n) == .array
        var seen: [String: Int] = [:]
        if !isArray { for c in doc.children(n) { seen[doc.key(c) ?? "", default: 0] += 1 } }
        for (k, c) in doc.children(n).enumerated() {
            guard out.count < maxFields else { return }
            let key = isArray ? "" : doc.key(c) ?? ""
            let comp: JSONPathComponent = isArray ? .index(k) : .key(key)
            if !isArray, seen[key, default: 0] > 1 {
                out.append(FieldRef(display: JSONPath(rel + [comp]).description, path: JSONPath(base.components + rel + [comp]),
                                    section: section, role: .duplicateKey, value: doc.value(c), depth: depth, arrayItem: item))
                continue
            }
            let r = rel + [comp]
            let myItem = isArray ? ArrayItemRef(array: JSONPath(base.components + rel), index: k, display: JSONPath(rel).description) : item
            let kind = doc.kind(c)
            out.append(FieldRef(display: JSONPath(r).description, path: JSONPath(base.components + r), section: section,
                                role: kind.isContainer ? .container : .value, value: doc.value(c), depth: depth, arrayItem: myItem))
            if kind.isContainer {
                walk(doc, c, rel: r, depth: depth + 1, section: section, item: myItem, base: base, into: &out)
            }
        }
    }

    /// The scenario's name and every scalar of `metadata.scenario`.
    public static func scenarioFields(in doc: JSONDocument) -> [FieldRef] {
        var out: [FieldRef] = []
        let (root, base) = Blueprint.blueprintObject(doc)    // inside an API wrapper, the blueprint's own fields
        guard doc.kind(root) == .object else { return out }
        out.append(FieldRef(display: "name", path: base.appending(key: "name"), section: .scenario, role: .scenarioName,
                            value: doc.member(root, "name").map { doc.value($0) }))
        if let md = doc.member(root, "metadata"), let sc = doc.member(md, "scenario"), doc.kind(sc) == .object {
            for c in doc.children(sc) where doc.kind(c).isScalar {
                let key = doc.key(c) ?? ""
                let p: JSONPath = JSONPath(base.components + ["metadata", "scenario", .key(key)])
                out.append(FieldRef(display: p.description, path: p, section: .settings, role: .scenarioSetting, value: doc.value(c)))
            }
        }
        return out
    }

    /// Resolves a path typed by a person (`mapper.url`, `mapper["Content Type"]`, `label`)
    /// to one of module `m`'s fields.
    public static func field(_ typed: String, module m: Module, in doc: JSONDocument) throws(FieldError) -> FieldRef {
        let fields = fields(for: m, in: doc)
        let wanted = try normalize(typed, aliases: ["label": "metadata.designer.name"])
        if let f = fields.first(where: { $0.display == wanted }) { return f }
        let first = wanted.split(whereSeparator: { $0 == "." || $0 == "[" }).first.map(String.init) ?? wanted
        if first == "filter" && doc.member(m.node, "filter").map({ doc.kind($0) != .object }) ?? true {
            throw FieldError(.notFound, "module \(m.idText) has no filter")
        }
        if first == "routes" && doc.member(m.node, "routes") == nil {
            throw FieldError(.notFound, "module \(m.idText) is not a router: it has no routes")
        }
        let editable = ["parameters", "mapper", "filter", "routes"]
        guard editable.contains(first) || wanted.hasPrefix("metadata.designer.name") else {
            throw FieldError(.notFound, "'\(typed)' is not an editable field of module \(m.idText): set edits the label "
                             + "(metadata.designer.name), filter.name and conditions, routes[N].disabled, and values in parameters and mapper")
        }
        let near = fields.filter { $0.display.hasPrefix(first) && $0.role != .container }.prefix(8).map(\.display)
        var msg = "module \(m.idText) (\(m.moduleName.isEmpty ? "no module name" : m.moduleName)) has no field '\(typed)'"
        if !near.isEmpty { msg += "; its \(first) fields: " + near.joined(separator: ", ") + (fields.count > near.count + 1 ? ", …" : "") }
        throw FieldError(.notFound, msg)
    }

    /// Resolves a typed scenario path (`name`, `metadata.scenario.sequential`, or `sequential`).
    public static func scenarioField(_ typed: String, in doc: JSONDocument) throws(FieldError) -> FieldRef {
        let fields = scenarioFields(in: doc)
        var wanted = try normalize(typed, aliases: [:])
        if !wanted.contains(".") && wanted != "name" { wanted = "metadata.scenario." + wanted }
        if wanted.hasPrefix("scenario.") { wanted = "metadata." + wanted }
        if let f = fields.first(where: { $0.display == wanted }) { return f }
        let names = fields.map(\.display).joined(separator: ", ")
        throw FieldError(.notFound, "the scenario has no setting '\(typed)'; settings: \(names)")
    }

    private static func normalize(_ typed: String, aliases: [String: String]) throws(FieldError) -> String {
        if let a = aliases[typed] { return a }
        guard let p = JSONPath(parsing: typed), !p.components.isEmpty else {
            throw FieldError(.notFound, "'\(typed)' is not a field path; write it like mapper.url, filter.conditions[0][0].b or mapper[\"Content Type\"]")
        }
        return p.description
    }
}

/// Filter operators, as seen in real exports (the team's research notes on the blueprint
/// format, "Filters": counted over the 128 public exports of the test corpus), most used first.
/// Not a closed list: apps add their own, and any text is accepted.
public enum FilterOperators {
    public static let known: [String] = [
        "text:equal", "exist", "text:contain:ci", "text:notequal", "notexist", "text:equal:ci",
        "number:greater", "number:greaterorequal", "text:contain", "number:lessorequal", "number:equal",
        "number:notequal", "number:less", "boolean:equal", "array:notcontain:ci", "date:greater",
        "text:notcontain:ci", "text:notequal:ci", "date:less", "array:contain", "text:pattern",
        "date:greaterorequal", "text:startwith", "date:notequal", "boolean:notequal",
    ]

    /// Operators that take no second operand.
    public static func isUnary(_ op: String) -> Bool { op == "exist" || op == "notexist" }

    /// Known operators matching typed text (all of them for empty text), prefix matches first.
    public static func suggestions(for text: String) -> [String] {
        let t = text.lowercased()
        if t.isEmpty { return known }
        let prefix = known.filter { $0.hasPrefix(t) }
        return prefix + known.filter { !$0.hasPrefix(t) && $0.contains(t) }
    }
}
