// The parsed form of a JSON document: a flat, pre-order array of nodes ("tape")
// that point back into the source bytes. Nothing is decoded until asked for, so
// the exact source text of every number and string is always available and an
// unmodified document writes back byte for byte.

/// What a node is.
public enum JSONKind: UInt8, Sendable, CustomStringConvertible {
    case object, array, string, number, `true`, `false`, null

    public var description: String {
        switch self {
        case .object: return "object"
        case .array: return "array"
        case .string: return "string"
        case .number: return "number"
        case .true: return "true"
        case .false: return "false"
        case .null: return "null"
        }
    }

    public var isContainer: Bool { self == .object || self == .array }
    public var isScalar: Bool { !isContainer }
}

/// One value in the tape. Offsets are byte offsets into `JSONDocument.bytes`.
/// A container's first child is the next node; its children follow one another
/// by `subtreeEnd`. For object members the node is the member's value and
/// `keyStart..<keyEnd` is the key's quoted source text.
public struct JSONNode: Sendable {
    public var kind: JSONKind
    /// The key's source text holds an escape (so it must be decoded to compare it).
    /// Fits in the padding after `kind`: the node stays 32 bytes.
    var _keyEscaped: Bool = false
    var _start: UInt32
    var _end: UInt32
    var _keyStart: UInt32
    var _keyEnd: UInt32
    var _subtreeEnd: UInt32
    var _parent: Int32
    var _count: UInt32

    static let noKey = UInt32.max

    @inline(__always) public var start: Int { Int(_start) }
    @inline(__always) public var end: Int { Int(_end) }
    @inline(__always) public var hasKey: Bool { _keyStart != JSONNode.noKey }
    /// Byte range of the quoted key, for object members.
    @inline(__always) public var keyRange: Range<Int>? { hasKey ? Int(_keyStart)..<Int(_keyEnd) : nil }
    /// Index of the first node after this node's subtree.
    @inline(__always) public var subtreeEnd: Int { Int(_subtreeEnd) }
    /// Index of the parent node, or -1 for the root.
    @inline(__always) public var parent: Int { Int(_parent) }
    /// Number of direct children (containers only).
    @inline(__always) public var count: Int { Int(_count) }
    /// The source span of the member: key (when present) through value.
    @inline(__always) public var memberStart: Int { hasKey ? Int(_keyStart) : Int(_start) }
}

/// A step in a path from the root to a node.
public enum JSONPathComponent: Hashable, Sendable, CustomStringConvertible {
    case key(String)
    case index(Int)

    public var description: String {
        switch self {
        case .key(let k): return k
        case .index(let i): return "[\(i)]"
        }
    }
}

/// A path like `flow[3].routes[0].flow[1]`.
public struct JSONPath: Hashable, Sendable, CustomStringConvertible, ExpressibleByArrayLiteral {
    public var components: [JSONPathComponent]

    public init(_ components: [JSONPathComponent] = []) { self.components = components }
    public init(arrayLiteral elements: JSONPathComponent...) { self.components = elements }

    public func appending(_ c: JSONPathComponent) -> JSONPath { JSONPath(components + [c]) }
    public func appending(key: String) -> JSONPath { appending(.key(key)) }
    public func appending(index: Int) -> JSONPath { appending(.index(index)) }

    public var description: String {
        var s = ""
        for c in components {
            switch c {
            case .key(let k):
                // ASCII letters, digits, `_` and `$` (byte test: Unicode properties were a third of opening a big file)
                let plain = !k.isEmpty && k != "$" && k.utf8.allSatisfy { c in
                    (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) || c == 0x5F || c == 0x24
                }
                if plain {
                    if !s.isEmpty { s += "." }
                    s += k
                } else {
                    s += "[\(JSONWriter.quoted(k))]"
                }
            case .index(let i): s += "[\(i)]"
            }
        }
        return s.isEmpty ? "$" : s
    }

    /// Parses `a.b[2].c` and `a["x y"]`. Returns nil on malformed input.
    public init?(parsing text: String) {
        if text == "$" { components = []; return }   // the root, as `description` prints it
        var comps: [JSONPathComponent] = []
        let chars = Array(text.unicodeScalars)
        var i = 0
        var cur = ""
        func flush() { if !cur.isEmpty { comps.append(.key(cur)); cur = "" } }
        while i < chars.count {
            let c = chars[i]
            if c == "." { flush(); i += 1; continue }
            if c == "[" {
                flush()
                if i + 1 < chars.count && chars[i + 1] == "\"" {
                    // a quoted key as `description` writes it (JSON string escapes; may contain `]`)
                    var q = i + 2
                    while q < chars.count && chars[q] != "\"" { q += chars[q] == "\\" ? 2 : 1 }
                    guard q + 1 < chars.count, chars[q + 1] == "]" else { return nil }
                    let literal = Array(String(String.UnicodeScalarView(chars[(i + 1)...q])).utf8)
                    guard let doc = try? JSONDocument(bytes: literal), doc.kind(0) == .string, let key = doc.string(0) else { return nil }
                    comps.append(.key(key))
                    i = q + 2
                    continue
                }
                guard let close = chars[(i + 1)...].firstIndex(of: "]"),
                      let n = Int(String(String.UnicodeScalarView(chars[(i + 1)..<close]))) else { return nil }
                comps.append(.index(n))
                i = close + 1
                continue
            }
            cur.unicodeScalars.append(c)
            i += 1
        }
        flush()
        if comps.isEmpty { return nil }
        components = comps
    }
}

extension JSONPathComponent: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    public init(stringLiteral value: String) { self = .key(value) }
    public init(integerLiteral value: Int) { self = .index(value) }
}
