// The shape of a (module, version): its parameter and mapper field names, the
// fields every real module of it carries, and its output names. Derived from
// real exports (`scened catalog shapes DIR`: keys, `metadata.expect`,
// `metadata.parameters`, `metadata.interface`), so a module can be compared with
// its version from the document alone: a field the version does not have, or a
// missing field every real one has, makes it "needs review" — e.g. v3 body fields
// left in an `http:MakeRequest` v4 module by an upgrade that could not convert them.

public struct ModuleShape: Sendable, Equatable {
    public var key: ModuleKey
    /// How many real modules the shape was read from.
    public var seenIn: Int
    public var parameters: Set<String>
    public var mapper: Set<String>
    /// `parameters.X` / `mapper.X` present in every real module (only claimed from 3 or more).
    public var always: Set<String>
    /// Fields Make's own form (`metadata.expect` / `metadata.parameters`, written into each
    /// export for the module's version) marks `required: true` in every real module that
    /// carries the form. A module lacking one that is also in `always` needs review.
    public var required: Set<String>
    public var outputs: [String]

    /// The minimum number of real modules for a shape to be shipped and for `always` to be claimed.
    public static let minimumModules = 3

    public init(key: ModuleKey, seenIn: Int, parameters: Set<String>, mapper: Set<String>, always: Set<String>,
                required: Set<String> = [], outputs: [String]) {
        self.key = key; self.seenIn = seenIn; self.parameters = parameters; self.mapper = mapper
        self.always = always; self.required = required; self.outputs = outputs
    }

    /// Fields whose absence is a verdict: every real module has them and Make's form requires
    /// them, read from at least `mustHaveFrom` real modules (fewer say too little).
    public var mustHave: Set<String> { seenIn >= ModuleShape.mustHaveFrom ? always.intersection(required) : [] }

    /// The real modules a shape must be read from before a missing field is a verdict.
    public static let mustHaveFrom = 10

    /// Another source's facts about the same shape: field names add up; `always` keeps only what both say.
    mutating func merge(_ o: ModuleShape) {
        parameters.formUnion(o.parameters)
        mapper.formUnion(o.mapper)
        always = o.always.isEmpty ? always : (always.isEmpty ? o.always : always.intersection(o.always))
        required = o.required.isEmpty ? required : (required.isEmpty ? o.required : required.intersection(o.required))
        for x in o.outputs where !outputs.contains(x) { outputs.append(x) }
        seenIn = max(seenIn, o.seenIn)
    }
}

/// Why a module does not match the shape of its version.
public struct ShapeIssue: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: String, Sendable { case unknownField, missingField }
    public var kind: Kind
    /// `mapper.formDataFields`.
    public var field: String
    public var reason: String
    public var description: String { "\(field): \(reason)" }
}

extension Catalog {
    /// The fields of a module that its version's shape does not have, and the fields every
    /// real module of that version has that it lacks. Empty when the shape is unknown.
    public func shapeIssues(moduleNode n: Int, in doc: JSONDocument, key: ModuleKey) -> [ShapeIssue] {
        guard let shape = shape(key) else { return [] }
        var out: [ShapeIssue] = []
        var present = Set<String>()
        for (domain, known) in [("parameters", shape.parameters), ("mapper", shape.mapper)] {
            guard let obj = doc.member(n, domain), doc.kind(obj) == .object else { continue }
            for c in doc.children(obj) {
                let k = doc.key(c) ?? ""
                present.insert("\(domain).\(k)")
                guard !known.contains(k) else { continue }
                var why = "not a field of \(key)"
                if let older = olderShape(having: k, domain: domain, than: key) { why += "; a field of \(older), left in place" }
                out.append(ShapeIssue(kind: .unknownField, field: "\(domain).\(k)", reason: why))
            }
        }
        // A missing field is a verdict only when every real module carries it *and* Make's own
        // form marks it required: hand-made and minimal modules lack optional fields without
        // being wrong, and "needs review" must not cry wolf. `missingFields` lists the rest.
        for f in shape.mustHave.sorted() where !present.contains(f) {
            out.append(ShapeIssue(kind: .missingField, field: f,
                                  reason: "missing: every real \(key) module has it, and the module's form marks it required"))
        }
        return out
    }

    /// Fields every real module of the version carries that this one lacks (information only).
    public func missingFields(moduleNode n: Int, in doc: JSONDocument, key: ModuleKey) -> [String] {
        guard let shape = shape(key) else { return [] }
        return shape.always.sorted().filter { f in
            let parts = f.split(separator: ".", maxSplits: 1).map(String.init)
            guard parts.count == 2, let obj = doc.member(n, parts[0]) else { return true }
            return doc.member(obj, parts[1]) == nil
        }
    }

    /// Another shape of the same app that has the field (where a left-over most likely came from).
    private func olderShape(having field: String, domain: String, than key: ModuleKey) -> ModuleKey? {
        let app = AppVersionKey.app(of: key.module)
        return shapes(app: String(app)).filter { s in
            s.key != key && (domain == "mapper" ? s.mapper : s.parameters).contains(field)
        }.map(\.key).sorted().first
    }
}

/// Reads shapes out of real exports: the `scened catalog shapes` command and its test.
public struct ShapeObserver: Sendable {
    struct Acc {
        var n = 0; var params = Set<String>(); var mapper = Set<String>(); var always: Set<String>?
        var required: Set<String>?; var outputs: [String] = []
    }
    private var acc: [ModuleKey: Acc] = [:]

    public init() {}

    public mutating func add(_ bp: Blueprint) {
        let d = bp.document
        for k in bp.modules.indices {
            let m = bp.modules[k]
            guard !m.moduleName.isEmpty else { continue }
            let key = ModuleKey(m.moduleName, m.version)
            var a = acc[key] ?? Acc()
            a.n += 1
            var present = Set<String>()
            for domain in ["parameters", "mapper"] {
                guard let obj = d.member(m.node, domain), d.kind(obj) == .object else { continue }
                for c in d.children(obj) {
                    let name = d.key(c) ?? ""
                    if domain == "parameters" { a.params.insert(name) } else { a.mapper.insert(name) }
                    present.insert("\(domain).\(name)")
                }
            }
            if let md = d.member(m.node, "metadata"), d.kind(md) == .object {
                var form = false
                var required = Set<String>()
                for (list, domain) in [("expect", "mapper"), ("parameters", "parameters"), ("interface", "outputs")] {
                    guard let arr = d.member(md, list), d.kind(arr) == .array else { continue }
                    if domain != "outputs" { form = true }
                    for item in d.children(arr) where d.kind(item) == .object {
                        guard let name = d.string(item, "name"), !name.isEmpty else { continue }
                        if domain != "outputs", let r = d.member(item, "required"), d.bool(r) == true { required.insert("\(domain).\(name)") }
                        switch domain {
                        case "mapper": a.mapper.insert(name)
                        case "parameters": a.params.insert(name)
                        default: if !a.outputs.contains(name) { a.outputs.append(name) }
                        }
                    }
                }
                if form { a.required = a.required.map { $0.intersection(required) } ?? required }
            }
            a.always = a.always.map { $0.intersection(present) } ?? present
            acc[key] = a
        }
    }

    /// Shapes read from at least `ModuleShape.minimumModules` real modules.
    public var shapes: [ModuleShape] {
        acc.filter { $0.value.n >= ModuleShape.minimumModules }.map { k, a in
            ModuleShape(key: k, seenIn: a.n, parameters: a.params, mapper: a.mapper, always: a.always ?? [],
                        required: a.required ?? [], outputs: a.outputs)
        }.sorted { $0.key < $1.key }
    }

    /// A catalog file holding the shapes, one per line, sorted (stable for diffs).
    public func json(description: String) -> String {
        func list(_ s: [String]) -> String { "[" + s.map { JSONWriter.quoted($0) }.joined(separator: ", ") + "]" }
        func sorted(_ s: Set<String>) -> [String] { s.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) } }
        var out = "{\n    \"scenedCatalog\": 1,\n    \"description\": \(JSONWriter.quoted(description)),\n    \"shapes\": ["
        for (i, s) in shapes.enumerated() {
            out += i == 0 ? "\n" : ",\n"
            out += "        { \"module\": \(JSONWriter.quoted(s.key.module)), \"version\": \(s.key.version.map(String.init) ?? "null"), "
            out += "\"seenIn\": \(s.seenIn), \"parameters\": \(list(sorted(s.parameters))), \"mapper\": \(list(sorted(s.mapper))), "
            out += "\"always\": \(list(sorted(s.always))), \"required\": \(list(sorted(s.required))), \"outputs\": \(list(s.outputs)) }"
        }
        out += "\n    ]\n}\n"
        return out
    }
}
