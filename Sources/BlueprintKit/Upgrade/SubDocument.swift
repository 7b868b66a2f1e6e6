// One module's source text as a small document of its own, so that an upgrade
// can make its changes one at a time (each re-parse is cheap) with the ordinary
// splice edits. The text is prefixed with the module line's indentation so the
// detected layout matches the file; the finished text goes back as one splice.

struct SubDocument {
    private(set) var editor: JSONEditor
    /// Bytes before the module's `{` (its line indentation).
    let prefixCount: Int
    /// Where the module starts in the full document.
    let baseStart: Int

    /// Changes made to the module's text before it became this document (earlier upgrades'
    /// reference rewrites inside it, in the full document's offsets): where each ends, and
    /// how much it grew. `applyBase` maps full-document offsets through them.
    private let earlier: [(end: Int, delta: Int)]

    /// The module node's text, with `pending` (splices in the full document's offsets, all
    /// inside the module, not overlapping) applied first: the module as it reads after the
    /// earlier steps of an upgrade-all.
    init(module node: Int, in doc: JSONDocument, pending: [Splice] = []) throws(JSONEditError) {
        let n = doc.node(node)
        let indent: [UInt8] = doc.bytes.withUnsafeBufferPointer { b in
            var ls = n.start
            while ls > 0 && (b[ls - 1] == 0x20 || b[ls - 1] == 0x09) { ls -= 1 }
            return (ls == 0 || b[ls - 1] == 0x0A) ? Array(b[ls..<n.start]) : []
        }
        var bytes = indent
        var pos = n.start
        var earlier: [(end: Int, delta: Int)] = []
        for s in pending.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            guard s.range.lowerBound >= pos, s.range.upperBound <= n.end else { throw .overlappingSplices }
            bytes += doc.bytes[pos..<s.range.lowerBound]
            bytes += s.text
            pos = s.range.upperBound
            earlier.append((s.range.upperBound, s.text.count - s.range.count))
        }
        bytes += doc.bytes[pos..<n.end]
        do { editor = JSONEditor(try JSONDocument(bytes: bytes)) } catch { throw .reparse(error) }
        prefixCount = indent.count
        baseStart = n.start
        self.earlier = earlier
    }

    var doc: JSONDocument { editor.document }

    /// The module's text after the edits (without the indentation prefix).
    var moduleBytes: [UInt8] { Array(doc.bytes[prefixCount...]) }

    func node(_ p: JSONPath) -> Int? { doc.node(at: p) }

    func value(_ p: JSONPath) -> JSONValue? { node(p).map { doc.value($0) } }

    func exists(_ p: JSONPath) -> Bool { node(p) != nil }

    mutating func apply(_ s: Splice) throws(JSONEditError) { try editor.apply(s) }

    /// Applies splices given in the full document's offsets (only those inside the module).
    mutating func applyBase(_ splices: [Splice]) throws(JSONEditError) {
        try editor.apply(splices.map { s in
            let shift = prefixCount - baseStart + earlier.reduce(0) { $1.end <= s.range.lowerBound ? $0 + $1.delta : $0 }
            return Splice((s.range.lowerBound + shift)..<(s.range.upperBound + shift), s.text)
        })
    }

    @discardableResult
    mutating func remove(_ p: JSONPath) throws(JSONEditError) -> Bool {
        guard let n = node(p), doc.node(n).parent >= 0 else { return false }
        try apply(doc.remove(n))
        return true
    }

    @discardableResult
    mutating func renameKey(_ p: JSONPath, to k: String) throws(JSONEditError) -> Bool {
        guard let n = node(p), let s = doc.renameKey(n, to: k) else { return false }
        try apply(s)
        return true
    }

    mutating func replace(_ p: JSONPath, with v: JSONValue) throws(JSONEditError) {
        guard let n = node(p) else { return }
        try apply(doc.replaceValue(n, with: v))
    }

    mutating func replace(_ p: JSONPath, rawText: String) throws(JSONEditError) {
        guard let n = node(p) else { return }
        try apply(doc.replaceValue(n, rawText: rawText))
    }

    /// Makes sure `p` is an object, creating it (or replacing a `null`) under its parent.
    mutating func ensureObject(_ p: JSONPath, after: [String] = []) throws(JSONEditError) {
        if let n = node(p) {
            if doc.kind(n) == .object { return }
            try apply(doc.replaceValue(n, with: .object([])))
            return
        }
        guard let last = p.components.last, case .key(let k) = last else { return }
        let parent = JSONPath(Array(p.components.dropLast()))
        try ensureObject(parent)
        guard let pn = node(parent) else { return }
        try apply(try doc.setMember(pn, k, .object([]), after: after))
    }

    /// Sets member `k` of object `obj` (created if needed), inserting after the listed keys.
    mutating func set(_ obj: JSONPath, _ k: String, _ v: JSONValue, after: [String] = [], objectAfter: [String] = []) throws(JSONEditError) {
        try ensureObject(obj, after: objectAfter)
        guard let on = node(obj) else { return }
        try apply(try doc.setMember(on, k, v, after: after))
    }

    /// Inserts member `k` with the exact source text `raw` (keeps a moved value byte for byte).
    mutating func setRaw(_ obj: JSONPath, _ k: String, _ raw: String, after: [String] = [], objectAfter: [String] = []) throws(JSONEditError) {
        try set(obj, k, .null, after: after, objectAfter: objectAfter)
        try replace(obj.appending(key: k), rawText: raw)
    }

    /// Appends an element to array `arr`, creating the array under its parent object if needed.
    mutating func append(_ arr: JSONPath, _ v: JSONValue, arrayAfter: [String] = []) throws(JSONEditError) {
        if let a = node(arr), doc.kind(a) == .array {
            try apply(try doc.insertElement(a, v, at: doc.node(a).count))
            return
        }
        guard let last = arr.components.last, case .key(let k) = last else { return }
        let parent = JSONPath(Array(arr.components.dropLast()))
        guard let pn = node(parent), doc.kind(pn) == .object else { return }
        try apply(try doc.setMember(pn, k, .array([v]), after: arrayAfter))
    }

    /// Index of the element of array `arr` that is an object with `name` equal to `name`.
    func descriptorIndex(_ arr: JSONPath, name: String) -> Int? {
        guard let a = node(arr), doc.kind(a) == .array else { return nil }
        for (i, c) in doc.children(a).enumerated() where doc.kind(c) == .object && doc.string(c, "name") == name { return i }
        return nil
    }
}
