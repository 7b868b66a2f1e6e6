// A lossless JSON document: the source bytes plus a tape of nodes into them.
// Writing an unmodified document gives back the input byte for byte; edits
// (see JSONEdits.swift) splice new text into the bytes and re-serialize only
// what changed, in the document's own style.

public struct JSONDocument: Sendable {
    /// The source bytes: the document's own copy, or a mapping of the file (FileIO.map).
    public let bytes: JSONBytes
    public let nodes: [JSONNode]
    /// The document's own layout, detected from its first members.
    public let style: JSONStyle
    public let hasBOM: Bool

    public init(bytes: [UInt8]) throws(JSONParseError) {
        try self.init(bytes: JSONBytes(bytes))
    }

    public init(bytes: JSONBytes) throws(JSONParseError) {
        self.bytes = bytes
        self.nodes = try JSONParser.parse(bytes)
        self.hasBOM = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF
        self.style = JSONDocument.detectStyle(bytes, nodes)
    }

    public init(text: String) throws(JSONParseError) {
        try self.init(bytes: Array(text.utf8))
    }

    public var root: Int { 0 }
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    // MARK: navigation

    @inline(__always) public func kind(_ i: Int) -> JSONKind { nodes[i].kind }
    @inline(__always) public func node(_ i: Int) -> JSONNode { nodes[i] }

    /// Direct children of a container, in source order.
    public func children(_ i: Int) -> ChildIndices { ChildIndices(nodes: nodes, parent: i) }

    public struct ChildIndices: Sequence {
        let nodes: [JSONNode]
        let parent: Int
        public func makeIterator() -> Iterator {
            let n = nodes[parent]
            return Iterator(nodes: nodes, cursor: n.kind.isContainer && n.count > 0 ? parent + 1 : -1, end: n.subtreeEnd)
        }
        public struct Iterator: IteratorProtocol {
            let nodes: [JSONNode]
            var cursor: Int
            let end: Int
            public mutating func next() -> Int? {
                guard cursor >= 0 && cursor < end else { return nil }
                let c = cursor
                cursor = nodes[c].subtreeEnd
                return c
            }
        }
    }

    /// The decoded key of an object member node.
    public func key(_ i: Int) -> String? {
        guard let r = nodes[i].keyRange else { return nil }
        return JSONStringDecoder.decode(bytes, r)
    }

    /// True when the member's key equals `k` (no allocation for plain keys).
    public func keyEquals(_ i: Int, _ k: String) -> Bool {
        guard nodes[i].hasKey else { return false }
        var k = k
        return k.withUTF8 { kb in bytes.withUnsafeBufferPointer { bb in keyMatches(i, nodes[i], bb, kb) } }
    }

    /// Whether member `c` (its node `node`) has the key `kb`. A key without escapes (the
    /// parser flags the others) is its own source text, compared byte for byte; it cannot
    /// equal a key holding a backslash, which its source would have had to escape.
    @inline(__always)
    func keyMatches(_ c: Int, _ node: JSONNode, _ bb: UnsafeBufferPointer<UInt8>, _ kb: UnsafeBufferPointer<UInt8>) -> Bool {
        if node._keyEscaped { return key(c) == String(decoding: kb, as: UTF8.self) }
        let lo = Int(node._keyStart) + 1, n = Int(node._keyEnd) - 1 - lo
        guard n == kb.count else { return false }
        var j = 0
        while j < n { if bb[lo &+ j] != kb[j] { return false }; j &+= 1 }   // keys are short: no memcmp call
        return true
    }

    /// The first member of object `obj` with key `k`.
    public func member(_ obj: Int, _ k: String) -> Int? {
        guard nodes[obj].kind == .object, nodes[obj].count > 0 else { return nil }
        var k = k
        return k.withUTF8 { kb in
            nodes.withUnsafeBufferPointer { nb in
                bytes.withUnsafeBufferPointer { bb -> Int? in
                    var c = obj + 1
                    while c < nb[obj].subtreeEnd {
                        if keyMatches(c, nb[c], bb, kb) { return c }
                        c = nb[c].subtreeEnd
                    }
                    return nil
                }
            }
        }
    }

    /// Keys to look up together with `firstMembers`, as UTF-8 bytes.
    public struct KeySet: Sendable {
        let keys: [[UInt8]]
        public init(_ keys: [String]) { self.keys = keys.map { Array($0.utf8) } }
    }

    /// The first member of `obj` for each key of `set` (nil where absent), found in one
    /// pass over the members: the same answers as `member` per key, with each member
    /// visited once.
    public func firstMembers(_ obj: Int, _ set: KeySet) -> [Int?] {
        var found = [Int?](repeating: nil, count: set.keys.count)
        guard nodes[obj].kind == .object, nodes[obj].count > 0 else { return found }
        var missing = set.keys.count
        nodes.withUnsafeBufferPointer { nb in
            bytes.withUnsafeBufferPointer { bb in
                var c = obj + 1
                while c < nb[obj].subtreeEnd && missing > 0 {
                    for k in 0..<set.keys.count where found[k] == nil
                        && set.keys[k].withUnsafeBufferPointer({ kb in keyMatches(c, nb[c], bb, kb) }) {
                        found[k] = c
                        missing -= 1
                    }
                    c = nb[c].subtreeEnd
                }
            }
        }
        return found
    }

    /// Every member with key `k` (duplicates are kept by the parser).
    public func members(_ obj: Int, _ k: String) -> [Int] {
        guard nodes[obj].kind == .object else { return [] }
        return children(obj).filter { keyEquals($0, k) }
    }

    public func element(_ arr: Int, _ index: Int) -> Int? {
        guard nodes[arr].kind == .array, index >= 0, index < nodes[arr].count else { return nil }
        var k = 0
        for c in children(arr) { if k == index { return c }; k += 1 }
        return nil
    }

    /// Follows a path from `from` (the root by default).
    public func node(at path: JSONPath, from: Int = 0) -> Int? {
        var cur = from
        for comp in path.components {
            switch comp {
            case .key(let k): guard let n = member(cur, k) else { return nil }; cur = n
            case .index(let i): guard let n = element(cur, i) else { return nil }; cur = n
            }
        }
        return cur
    }

    /// The path from the root to a node.
    public func path(of i: Int) -> JSONPath {
        var comps: [JSONPathComponent] = []
        var cur = i
        while nodes[cur].parent >= 0 {
            let p = nodes[cur].parent
            if nodes[p].kind == .object {
                comps.append(.key(key(cur) ?? ""))
            } else {
                var k = 0
                for c in children(p) { if c == cur { break }; k += 1 }
                comps.append(.index(k))
            }
            cur = p
        }
        return JSONPath(comps.reversed())
    }

    /// Nesting depth (root is 0).
    public func depth(of i: Int) -> Int {
        var d = 0
        var cur = i
        while nodes[cur].parent >= 0 { d += 1; cur = nodes[cur].parent }
        return d
    }

    // MARK: scalar access

    public func sourceText(_ i: Int) -> String {
        String(decoding: bytes[nodes[i].start..<nodes[i].end], as: UTF8.self)
    }

    public func string(_ i: Int) -> String? {
        guard nodes[i].kind == .string else { return nil }
        return JSONStringDecoder.decode(bytes, nodes[i].start..<nodes[i].end)
    }

    public func int(_ i: Int) -> Int? {
        guard nodes[i].kind == .number else { return nil }
        return Int(sourceText(i))
    }

    public func bool(_ i: Int) -> Bool? {
        switch nodes[i].kind {
        case .true: return true
        case .false: return false
        default: return nil
        }
    }

    public func isNull(_ i: Int) -> Bool { nodes[i].kind == .null }

    /// Convenience: the string at a member, if it is a string.
    public func string(_ obj: Int, _ k: String) -> String? { member(obj, k).flatMap { string($0) } }
    public func int(_ obj: Int, _ k: String) -> Int? { member(obj, k).flatMap { int($0) } }

    /// The whole subtree as a plain value (duplicate keys and number text kept).
    public func value(_ i: Int) -> JSONValue {
        switch nodes[i].kind {
        case .null: return .null
        case .true: return .bool(true)
        case .false: return .bool(false)
        case .number: return .number(sourceText(i))
        case .string: return .string(string(i) ?? "")
        case .array: return .array(children(i).map { value($0) })
        case .object: return .object(children(i).map { (key($0) ?? "", value($0)) })
        }
    }

    // MARK: layout

    /// Leading whitespace of the line that contains byte `offset`.
    public func lineIndent(at offset: Int) -> String {
        var s = offset
        while s > 0 && bytes[s - 1] != 0x0A { s -= 1 }
        var e = s
        while e < bytes.count && (bytes[e] == 0x20 || bytes[e] == 0x09) { e += 1 }
        return String(decoding: bytes[s..<e], as: UTF8.self)
    }

    /// True when there is a line break between two offsets.
    func hasNewline(_ from: Int, _ to: Int) -> Bool {
        guard from < to else { return false }
        return bytes[from..<to].contains(0x0A)
    }

    static func detectStyle(_ b: JSONBytes, _ nodes: [JSONNode]) -> JSONStyle {
        // Separator after keys: taken from the first member seen (also for one-line
        // documents, so `{ "a": 1 }` gets `"b": 2`, not `"b":2`).
        var detectedColon: String? = nil
        if let m = nodes.first(where: { $0.hasKey }), let kr = m.keyRange {
            let c = String(decoding: b[kr.upperBound..<m.start], as: UTF8.self)
            if !c.contains("\n") && !c.contains("\r") { detectedColon = c }
        }
        var newline = "\n"
        if let nl = b.firstIndex(of: 0x0A) {
            if nl > 0 && b[nl - 1] == 0x0D { newline = "\r\n" }
        } else {
            return JSONStyle(indent: "", newline: "", colon: detectedColon ?? ":")
        }
        let colon = detectedColon ?? ": "
        // Indent unit: leading whitespace of the first member or element of the root.
        var indent = "    "
        if nodes.count > 1, nodes[0].kind.isContainer, nodes[0].count > 0 {
            let first = nodes[1].memberStart
            var s = first
            while s > 0 && (b[s - 1] == 0x20 || b[s - 1] == 0x09) { s -= 1 }
            if s > 0 && b[s - 1] == 0x0A && s < first {
                // subtract the root's own line indent (usually none; a BOM is not indent)
                var rs = nodes[0].start
                while rs > 0 && (b[rs - 1] == 0x20 || b[rs - 1] == 0x09) { rs -= 1 }
                let rootIndent = nodes[0].start - rs
                let unit = Array(b[s..<first])
                indent = String(decoding: unit.dropFirst(min(rootIndent, unit.count)), as: UTF8.self)
                if indent.isEmpty { indent = String(decoding: unit, as: UTF8.self) }
            }
        }
        return JSONStyle(indent: indent, newline: newline, colon: colon)
    }
}
