// The blueprint model: every module of a scenario, wherever it lives, with its
// account references and the IML references between modules. An immutable
// snapshot over one JSONDocument; rebuild it after each edit.

public struct BlueprintError: Error, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var message: String
    public var description: String { "\(line):\(column): \(message)" }
}

public struct Blueprint: Sendable {
    public let document: JSONDocument
    /// The blueprint object: the document's root, or the `blueprint` member of an API
    /// wrapper (`{"blueprint": {...}}`, Make's `{"response": {"blueprint": {...}}}`).
    public let root: Int
    /// Where `root` sits: `[]`, `["blueprint"]` or `["response", "blueprint"]`.
    public let rootPath: JSONPath
    public let modules: [Module]
    public let references: [Reference]
    private let byId: [Int: Int]
    private let refsByTarget: [Int: [Int]]
    /// For each module index, the range of `references` it made (references are in module order).
    private let refsFrom: [Range<Int>]

    /// With `scanReferences: false` the `{{id.field}}` references are not indexed
    /// (`references` is empty): for callers that need only the modules, such as
    /// `scened check`, where the scan was a quarter of opening a big file.
    public init(document: JSONDocument, scanReferences: Bool = true) throws(BlueprintError) {
        self.document = document
        let top = document.root
        guard document.kind(top) == .object else {
            let p = TextPosition.locate(document.bytes, offset: document.node(top).start)
            throw BlueprintError(line: p.line, column: p.column, message: "not a scenario blueprint: the top level is \(document.kind(top)), expected an object")
        }
        let (root, rootPath) = Blueprint.blueprintObject(document)
        self.root = root
        self.rootPath = rootPath
        guard let flow = document.member(root, "flow"), document.kind(flow) == .array else {
            let p = TextPosition.locate(document.bytes, offset: document.node(top).start)
            throw BlueprintError(line: p.line, column: p.column, message: "not a scenario blueprint: no \"flow\" array at the top level")
        }
        var walker = ModuleWalker(doc: document)
        walker.walkFlow(flow, path: rootPath.appending(key: "flow"), depth: 0, container: .main, parent: nil)
        if let md = document.member(root, "metadata"), let des = document.member(md, "designer"),
           let orphans = document.member(des, "orphans"), document.kind(orphans) == .array {
            for (f, frag) in document.children(orphans).enumerated() where document.kind(frag) == .array {
                walker.walkFlow(frag, path: JSONPath(rootPath.components + ["metadata", "designer", "orphans", .index(f)]), depth: 0,
                                container: .orphan(fragment: f), parent: nil)
            }
        }
        walker.fillDetails()
        // Take the walker's array (sharing it would copy every module on the first change
        // below) and go by index: `for m in mods` copies each module.
        var mods = walker.modules
        walker.modules = []
        var ids: [Int: Int] = [:]
        ids.reserveCapacity(mods.count)
        for k in mods.indices { if let id = mods[k].id, ids[id] == nil { ids[id] = k } }
        for k in mods.indices { if let p = mods[k].parentIndex { mods[p].childIndices.append(k) } }
        self.modules = mods
        self.byId = ids
        var refs: [Reference] = []
        if scanReferences {
            var window = ResidentWindow(document.bytes)
            for m in mods {
                window.passed(document.node(m.node).start)
                ReferenceScanner.scan(module: m, in: document, ids: ids, into: &refs)
            }
        }
        self.references = refs
        var from = [Range<Int>](repeating: 0..<0, count: mods.count)
        var k = 0
        while k < refs.count {
            let mi = refs[k].moduleIndex
            var e = k
            while e < refs.count && refs[e].moduleIndex == mi { e += 1 }
            from[mi] = k..<e
            k = e
        }
        self.refsFrom = from
        var byTarget: [Int: [Int]] = [:]
        for (k, r) in refs.enumerated() { byTarget[r.targetId, default: []].append(k) }
        self.refsByTarget = byTarget
    }

    public init(bytes: [UInt8], scanReferences: Bool = true) throws(BlueprintLoadError) {
        try self.init(bytes: JSONBytes(bytes), scanReferences: scanReferences)
    }

    /// From bytes already in place (a file mapping, see `FileIO.documentBytes`): no copy.
    public init(bytes: JSONBytes, scanReferences: Bool = true) throws(BlueprintLoadError) {
        let doc: JSONDocument
        do { doc = try JSONDocument(bytes: bytes) } catch { throw .json(error) }
        do { try self.init(document: doc, scanReferences: scanReferences) } catch { throw .blueprint(error) }
    }

    /// The blueprint object of a document: the root, unless the root has no `flow` and
    /// wraps one under `blueprint` (Fusion's export lines, version downloads) or
    /// `response.blueprint` (Make's API answer).
    public static func blueprintObject(_ d: JSONDocument) -> (Int, JSONPath) {
        let top = d.root
        guard d.kind(top) == .object, d.member(top, "flow") == nil else { return (top, []) }
        if let b = d.member(top, "blueprint"), d.kind(b) == .object, d.member(b, "flow") != nil { return (b, ["blueprint"]) }
        if let r = d.member(top, "response"), d.kind(r) == .object, let b = d.member(r, "blueprint"), d.kind(b) == .object,
           d.member(b, "flow") != nil { return (b, ["response", "blueprint"]) }
        return (top, [])
    }

    public var name: String? { document.string(root, "name") }

    public var zone: String? {
        document.member(root, "metadata").flatMap { document.string($0, "zone") }
    }

    public func module(id: Int) -> Module? { byId[id].map { modules[$0] } }

    /// References whose target is module `id`.
    public func references(to id: Int) -> [Reference] { (refsByTarget[id] ?? []).map { references[$0] } }

    /// References made by the module at `index`.
    public func references(from index: Int) -> ArraySlice<Reference> {
        guard index >= 0 && index < refsFrom.count else { return [] }
        return references[refsFrom[index]]
    }

    /// References to module ids that do not exist in this file.
    public var danglingReferences: [Reference] { references.filter { $0.dangling } }
}

/// Either a JSON syntax error or a structural one.
public enum BlueprintLoadError: Error, Sendable, CustomStringConvertible {
    case json(JSONParseError)
    case blueprint(BlueprintError)

    public var line: Int { switch self { case .json(let e): return e.line; case .blueprint(let e): return e.line } }
    public var column: Int { switch self { case .json(let e): return e.column; case .blueprint(let e): return e.column } }
    public var message: String { switch self { case .json(let e): return e.message; case .blueprint(let e): return e.message } }
    public var description: String { "\(line):\(column): \(message)" }
}

struct ModuleWalker {
    let doc: JSONDocument
    /// The walk goes through the file in order: what it has gone past is released.
    var window: ResidentWindow
    init(doc: JSONDocument) { self.doc = doc; window = ResidentWindow(doc.bytes) }
    var modules: [Module] = []
    /// Members of each module that only its details need, for `fillDetails`.
    struct DetailSources { var name, parameters, metadata, filter: Int? }
    var detailSources: [DetailSources] = []

    /// Fills in each module's name, label (`metadata.designer.name`), filter name and
    /// connections, webhooks and keys. That is most of building the model of a big
    /// file and independent per module, so it runs in chunks on all cores after the
    /// walk, which keeps only what the tree's shape needs.
    mutating func fillDetails() {
        let doc = self.doc, sources = detailSources
        let starts = modules.map { doc.node($0.node).start }
        let parts = Parallel.chunks(modules.count, minimum: 1000) { range in
            var window = ResidentWindow(doc.bytes, from: range.isEmpty ? 0 : starts[range.lowerBound])
            return range.map { k -> (String, String?, String?, [AccountRef]) in
                window.passed(starts[k])
                let s = sources[k]
                let label = s.metadata.flatMap { doc.member($0, "designer") }.flatMap { doc.string($0, "name") }
                return (s.name.flatMap { doc.string($0) } ?? "", label, s.filter.flatMap { doc.string($0, "name") },
                        AccountScanner.scan(parameters: s.parameters, metadata: s.metadata, in: doc))
            }
        }
        var k = 0
        for part in parts {
            for (name, label, filterName, accounts) in part {
                modules[k].moduleName = name
                modules[k].label = label
                modules[k].filterName = filterName
                modules[k].accounts = accounts
                k += 1
            }
        }
    }

    mutating func walkFlow(_ arr: Int, path: JSONPath, depth: Int, container: Container, parent: Int?) {
        for (k, m) in doc.children(arr).enumerated() where doc.kind(m) == .object {
            walkModule(m, path: path.appending(index: k), depth: depth, container: container, parent: parent)
        }
    }

    static let moduleKeys = JSONDocument.KeySet(["id", "module", "version", "filter", "metadata", "onerror", "routes", "parameters", "branches", "tools"])

    mutating func walkModule(_ m: Int, path: JSONPath, depth: Int, container: Container, parent: Int?) {
        window.passed(doc.node(m).start)
        let index = modules.count
        let f = doc.firstMembers(m, ModuleWalker.moduleKeys)
        let id = f[0].flatMap { doc.int($0) }
        let filterObj = f[3].flatMap { doc.kind($0) == .object ? $0 : nil }
        let onerror = f[5].flatMap { doc.kind($0) == .array ? $0 : nil }
        detailSources.append(DetailSources(name: f[1], parameters: f[7], metadata: f[4], filter: filterObj))
        modules.append(Module(                             // name, label, filter name, accounts: `fillDetails`
            index: index, node: m, path: path, depth: depth, container: container, parentIndex: parent,
            id: id, moduleName: "", version: f[2].flatMap { doc.int($0) }, label: nil,
            filterName: nil, hasFilter: filterObj != nil, accounts: [],
            hasErrorHandler: onerror.map { doc.node($0).count > 0 } ?? false))
        if let oe = onerror {
            walkFlow(oe, path: path.appending(key: "onerror"), depth: depth + 1, container: .onError(owner: id), parent: index)
        }
        if let routes = f[6], doc.kind(routes) == .array {
            var elseIndex: Int?
            if let p = f[7] { elseIndex = doc.int(p, "else") }
            for (r, route) in doc.children(routes).enumerated() where doc.kind(route) == .object {
                guard let f = doc.member(route, "flow"), doc.kind(f) == .array else { continue }
                walkFlow(f, path: path.appending(key: "routes").appending(index: r).appending(key: "flow"), depth: depth + 1,
                         container: .route(router: id, index: r, isElse: elseIndex == r), parent: index)
            }
        }
        if let branches = f[8], doc.kind(branches) == .array {
            for (b, br) in doc.children(branches).enumerated() where doc.kind(br) == .object {
                guard let f = doc.member(br, "flow"), doc.kind(f) == .array else { continue }
                var lbl = doc.string(br, "label") ?? ""
                if lbl.isEmpty, doc.string(br, "type") == "else" { lbl = "else" }
                walkFlow(f, path: path.appending(key: "branches").appending(index: b).appending(key: "flow"), depth: depth + 1,
                         container: .branch(owner: id, index: b, label: lbl), parent: index)
            }
        }
        if let tools = f[9], doc.kind(tools) == .array {
            for (t, tool) in doc.children(tools).enumerated() where doc.kind(tool) == .object {
                guard let f = doc.member(tool, "flow"), doc.kind(f) == .array else { continue }
                walkFlow(f, path: path.appending(key: "tools").appending(index: t).appending(key: "flow"), depth: depth + 1,
                         container: .tool(owner: id, index: t, name: doc.string(tool, "name") ?? ""), parent: index)
            }
        }
    }
}

enum AccountScanner {
    static let fallbackNames: [(String, AccountKind)] = [
        ("__IMTCONN__", .connection), ("__IMTHOOK__", .webhook), ("account", .connection), ("makeConnectionId", .connection),
    ]

    static let fallbackKeys = JSONDocument.KeySet(fallbackNames.map(\.0))
    static let descriptorKeys = JSONDocument.KeySet(["name", "type", "required"])

    static func scan(module m: Int, in doc: JSONDocument) -> [AccountRef] {
        scan(parameters: doc.member(m, "parameters"), metadata: doc.member(m, "metadata"), in: doc)
    }

    /// `parameters` and `metadata`: the module's first members with those keys.
    static func scan(parameters: Int?, metadata: Int?, in doc: JSONDocument) -> [AccountRef] {
        let params = parameters.flatMap { doc.kind($0) == .object ? $0 : nil }
        let md = metadata.flatMap { doc.kind($0) == .object ? $0 : nil }
        let restore = md.flatMap { doc.member($0, "restore") }.flatMap { doc.kind($0) == .object ? $0 : nil }
        let restoreParams = restore.flatMap { doc.member($0, "parameters") }.flatMap { doc.kind($0) == .object ? $0 : nil }
        var out: [AccountRef] = []
        var seen = Set<String>()
        if let md, let descs = doc.member(md, "parameters"), doc.kind(descs) == .array {
            for d in doc.children(descs) where doc.kind(d) == .object {
                let f = doc.firstMembers(d, descriptorKeys)        // one pass over each descriptor
                guard let type = f[1].flatMap({ doc.string($0) }), let kind = AccountKind(descriptorType: type),
                      let name = f[0].flatMap({ doc.string($0) }), !seen.contains(name) else { continue }
                seen.insert(name)
                let required = f[2].flatMap { doc.bool($0) } ?? false
                out.append(make(kind, name, acceptedTypes(type), required, params, restore, restoreParams, doc))
            }
        }
        if let params {
            let found = doc.firstMembers(params, fallbackKeys)
            for (k, (name, kind)) in fallbackNames.enumerated() where !seen.contains(name) {
                guard let v = found[k] else { continue }
                let k = doc.kind(v)
                guard k == .number || k == .string || k == .null else { continue }
                seen.insert(name)
                out.append(make(kind, name, [], false, params, restore, restoreParams, doc))
            }
        }
        return out
    }

    /// `account:google,google-restricted` → ["google", "google-restricted"] (spaces trimmed,
    /// empty names dropped). Byte-level: it runs for every connection of every module.
    static func acceptedTypes(_ type: String) -> [String] {
        let u = Array(type.utf8)
        guard let colon = u.firstIndex(of: UInt8(ascii: ":")) else { return [] }
        var out: [String] = []
        var start = colon + 1
        while start <= u.count {
            var end = start
            while end < u.count && u[end] != UInt8(ascii: ",") { end += 1 }
            var a = start, b = end
            while a < b && u[a] == 0x20 { a += 1 }
            while b > a && u[b - 1] == 0x20 { b -= 1 }
            if a < b { out.append(String(decoding: u[a..<b], as: UTF8.self)) }
            start = end + 1
        }
        return out
    }

    private static func make(_ kind: AccountKind, _ name: String, _ accepted: [String], _ required: Bool,
                             _ params: Int?, _ restore: Int?, _ restoreParams: Int?, _ doc: JSONDocument) -> AccountRef {
        let valueNode = params.flatMap { doc.member($0, name) }
        var label: String?
        var ctype: String?
        // Current exports keep labels in restore.parameters; the oldest ones directly in restore.
        let entry = restoreParams.flatMap { doc.member($0, name) } ?? restore.flatMap { doc.member($0, name) }
        if let e = entry {
            if doc.kind(e) == .string { label = doc.string(e) }
            else if doc.kind(e) == .object {
                label = doc.string(e, "label")
                if let data = doc.member(e, "data") { ctype = doc.string(data, "connection") }
            }
        }
        return AccountRef(kind: kind, parameter: name, valueNode: valueNode, value: valueNode.map { doc.value($0) },
                          accepted: accepted, required: required, label: label, connectionType: ctype, restoreEntry: entry)
    }
}

