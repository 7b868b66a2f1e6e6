// What the scenario tools (remap, swap-expr, find, copy mapping) look at in a module:
// the same parts the reference scanner reads (parameters, mapper, filter, flags and
// If-else branch conditions), walked value by value with each value's path inside
// the module (`mapper.url`, `filter.conditions[0][0].a`).

/// One scalar value inside a module's configuration.
public struct ToolValue: Sendable, Equatable {
    /// The JSON node of the value.
    public var node: Int
    /// Its path from the module object, as `Reference.location` writes it.
    public var path: String
}

/// Why a tool cannot do what was asked; the message is for the user.
public struct ToolError: Error, Sendable, CustomStringConvertible, Equatable {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

enum ToolScope {
    /// The scanned parts of module `m` with their paths, in document order.
    static func roots(of m: Int, in doc: JSONDocument) -> [(node: Int, path: JSONPath)] {
        var out: [(Int, JSONPath)] = []
        for c in doc.children(m) {
            guard let k = doc.key(c) else { continue }
            if ReferenceScanner.scannedKeys.contains(k) {
                out.append((c, [.key(k)]))
            } else if k == "branches", doc.kind(c) == .array {
                for (b, br) in doc.children(c).enumerated() where doc.kind(br) == .object {
                    if let conds = doc.member(br, "conditions") {
                        out.append((conds, ["branches", .index(b), "conditions"]))
                    }
                }
            }
        }
        return out
    }

    /// Every scalar value (string, number, bool, null) of the scanned parts of module `m`.
    static func values(of m: Int, in doc: JSONDocument, include: Set<String>? = nil) -> [ToolValue] {
        var out: [ToolValue] = []
        for (node, path) in roots(of: m, in: doc) {
            if let include, case .key(let k)? = path.components.first, !include.contains(k) { continue }
            walk(node, path, doc, &out)
        }
        return out
    }

    private static func walk(_ n: Int, _ path: JSONPath, _ doc: JSONDocument, _ out: inout [ToolValue]) {
        switch doc.kind(n) {
        case .object:
            for c in doc.children(n) { walk(c, path.appending(key: doc.key(c) ?? ""), doc, &out) }
        case .array:
            for (k, c) in doc.children(n).enumerated() { walk(c, path.appending(index: k), doc, &out) }
        default:
            out.append(ToolValue(node: n, path: path.description))
        }
    }

    /// A module given by id, or a message naming the ids there are.
    static func module(_ id: Int, in bp: Blueprint) throws(ToolError) -> Module {
        guard let m = bp.module(id: id) else {
            let ids = bp.modules.compactMap(\.id).sorted()
            let sample = ids.prefix(12).map { "#\($0)" }.joined(separator: " ") + (ids.count > 12 ? " …" : "")
            throw ToolError("no module #\(id) in this scenario (modules: \(sample.isEmpty ? "none" : sample))")
        }
        return m
    }

    /// `#5 "Label" (app:Module v2)`.
    static func describe(_ m: Module) -> String {
        let v = m.version.map { " v\($0)" } ?? ""
        return "\(m.idText)\(m.label.map { " \"\($0)\"" } ?? "") (\(m.moduleName)\(v))"
    }
}

extension EditSession {
    /// Applies one tool's splices as one undoable step; false when there was nothing to change.
    @discardableResult
    public mutating func performTool(_ label: String, _ splices: [Splice]) throws(ToolError) -> Bool {
        do {
            return try perform(label) { (ed: inout JSONEditor) throws(JSONEditError) in try ed.apply(splices) }
        } catch {
            throw ToolError("\(label): \(error)")
        }
    }
}
