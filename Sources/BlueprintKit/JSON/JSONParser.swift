// A validating, non-recursive JSON parser that builds the node tape.
// It never allocates per byte: strings and numbers are only scanned and
// validated (escapes, UTF-8, number grammar); decoding happens on demand.

/// A parse failure with a precise position.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Byte offset into the input (including any BOM).
    public var offset: Int
    /// 1-based line.
    public var line: Int
    /// 1-based column, counted in characters (Unicode scalars) from the line start.
    public var column: Int
    /// A plain message such as `expected ',' or '}' after object member`.
    public var message: String
    /// A short excerpt of the line around the error, with a caret line.
    public var excerpt: String

    public var description: String { "\(line):\(column): \(message)" }
}

/// Nesting deeper than this is rejected with an error (no recursion is involved,
/// so this protects memory and the tools that walk the tree, not the stack).
public let jsonMaxDepth = 1024

struct JSONParser {
    static func parse(_ bytes: JSONBytes) throws(JSONParseError) -> [JSONNode] {
        // Offsets are stored as UInt32: refuse what they cannot address instead of trapping.
        if bytes.count >= Int(UInt32.max) {
            throw JSONParseError(offset: 0, line: 1, column: 1, message: "document too large: \(bytes.count) bytes (the limit is 4 GiB)", excerpt: "")
        }
        var p = JSONParser(window: ResidentWindow(bytes))
        do {
            try bytes.withUnsafeBufferPointer { (buf) throws(Failure) in try p.run(buf) }
        } catch {
            throw makeError(bytes, offset: error.offset, message: error.message)
        }
        return p.nodes
    }

    struct Failure: Error { var offset: Int; var message: String }

    /// Drops the pages of a mapped file that the parse has gone past (ResidentWindow).
    var window: ResidentWindow
    var nodes: [JSONNode] = []
    var stack: [Int32] = []

    private mutating func run(_ b: UnsafeBufferPointer<UInt8>) throws(Failure) {
        let n = b.count
        var i = 0
        if n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF { i = 3 }
        nodes.reserveCapacity(max(16, n / 12))
        let capacityBytes = nodes.capacity * MemoryLayout<JSONNode>.stride
        nodes.withUnsafeMutableBufferPointer { p in   // huge pages for a big node tape (see FileIO)
            if let base = p.baseAddress { FileIO.adviseHugePages(UnsafeMutableRawBufferPointer(start: base, count: capacityBytes)) }
        }
        i = skipWS(b, i)
        if i >= n { throw Failure(offset: i, message: n == 0 ? "empty document" : "document has no value") }

        var pendingKeyStart = JSONNode.noKey
        var pendingKeyEnd: UInt32 = 0
        var pendingKeyEscaped = false
        // expectValue: a value must start at i.
        while true {
            // ---- parse one value at i ----
            i = skipWS(b, i)
            window.passed(i)
            if i >= n { throw Failure(offset: i, message: unexpectedEndMessage()) }
            let c = b[i]
            let parent: Int32 = stack.last ?? -1
            let idx = nodes.count
            var node = JSONNode(kind: .null, _keyEscaped: pendingKeyEscaped, _start: UInt32(i), _end: 0, _keyStart: pendingKeyStart,
                                _keyEnd: pendingKeyEnd, _subtreeEnd: 0, _parent: parent, _count: 0)
            pendingKeyStart = JSONNode.noKey
            pendingKeyEscaped = false
            if parent >= 0 { nodes[Int(parent)]._count += 1 }
            switch c {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                if c == UInt8(ascii: "{") && i + 1 < n && b[i + 1] == UInt8(ascii: "{") {
                    throw Failure(offset: i, message: "unquoted '{{' placeholder: an IML expression must be inside a JSON string")
                }
                node.kind = c == UInt8(ascii: "{") ? .object : .array
                if stack.count >= jsonMaxDepth {
                    throw Failure(offset: i, message: "nesting deeper than \(jsonMaxDepth) levels")
                }
                nodes.append(node)
                stack.append(Int32(idx))
                i += 1
                let j = skipWS(b, i)
                if j < n && b[j] == (c == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                    // empty container
                    stack.removeLast()
                    nodes[idx]._end = UInt32(j + 1)
                    nodes[idx]._subtreeEnd = UInt32(nodes.count)
                    i = j + 1
                } else if c == UInt8(ascii: "{") {
                    i = try parseKey(b, j, &pendingKeyStart, &pendingKeyEnd, &pendingKeyEscaped, first: true)
                    continue
                } else {
                    i = j
                    continue
                }
            case UInt8(ascii: "\""):
                node.kind = .string
                var escaped = false
                let e = try scanString(b, i, &escaped)
                node._end = UInt32(e); node._subtreeEnd = UInt32(idx + 1)
                nodes.append(node)
                i = e
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                node.kind = .number
                let e = try scanNumber(b, i)
                node._end = UInt32(e); node._subtreeEnd = UInt32(idx + 1)
                nodes.append(node)
                i = e
            case UInt8(ascii: "t"):
                try literal(b, i, "true"); node.kind = .true
                node._end = UInt32(i + 4); node._subtreeEnd = UInt32(idx + 1); nodes.append(node); i += 4
            case UInt8(ascii: "f"):
                try literal(b, i, "false"); node.kind = .false
                node._end = UInt32(i + 5); node._subtreeEnd = UInt32(idx + 1); nodes.append(node); i += 5
            case UInt8(ascii: "n"):
                try literal(b, i, "null"); node.kind = .null
                node._end = UInt32(i + 4); node._subtreeEnd = UInt32(idx + 1); nodes.append(node); i += 4
            default:
                throw Failure(offset: i, message: unexpectedCharMessage(b, i, expecting: "a value"))
            }
            // ---- after a value: close containers / separators ----
            while true {
                guard let top = stack.last else {
                    let j = skipWS(b, i)
                    if j < n { throw Failure(offset: j, message: "unexpected content after the end of the document") }
                    return
                }
                let isObject = nodes[Int(top)].kind == .object
                i = skipWS(b, i)
                if i >= n {
                    throw Failure(offset: i, message: isObject ? "unexpected end of input: expected ',' or '}' after object member"
                                                               : "unexpected end of input: expected ',' or ']' after array element")
                }
                let d = b[i]
                if d == UInt8(ascii: ",") {
                    i += 1
                    if isObject {
                        i = try parseKey(b, skipWS(b, i), &pendingKeyStart, &pendingKeyEnd, &pendingKeyEscaped, first: false)
                    } else {
                        let j = skipWS(b, i)
                        if j < n && b[j] == UInt8(ascii: "]") { throw Failure(offset: j, message: "trailing comma before ']'") }
                    }
                    break
                } else if d == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                    stack.removeLast()
                    nodes[Int(top)]._end = UInt32(i + 1)
                    nodes[Int(top)]._subtreeEnd = UInt32(nodes.count)
                    i += 1
                    continue
                } else {
                    throw Failure(offset: i, message: isObject ? "expected ',' or '}' after object member"
                                                               : "expected ',' or ']' after array element")
                }
            }
        }
    }

    private func unexpectedEndMessage() -> String {
        "unexpected end of input: expected a value"
    }

    /// Parses `"key" :` starting at i (whitespace already skipped); returns the index after ':'.
    private func parseKey(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ ks: inout UInt32, _ ke: inout UInt32, _ escaped: inout Bool, first: Bool) throws(Failure) -> Int {
        let n = b.count
        if i >= n { throw Failure(offset: i, message: "unexpected end of input: expected a string key") }
        if b[i] == UInt8(ascii: "}") && !first { throw Failure(offset: i, message: "trailing comma before '}'") }
        guard b[i] == UInt8(ascii: "\"") else {
            throw Failure(offset: i, message: unexpectedCharMessage(b, i, expecting: "a string key"))
        }
        let e = try scanString(b, i, &escaped)
        ks = UInt32(i); ke = UInt32(e)
        let j = skipWS(b, e)
        if j >= n { throw Failure(offset: j, message: "unexpected end of input: expected ':' after object key") }
        guard b[j] == UInt8(ascii: ":") else { throw Failure(offset: j, message: "expected ':' after object key") }
        return j + 1
    }

    @inline(__always)
    private func skipWS(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        var i = i
        let n = b.count
        guard let base = b.baseAddress else { return i }
        while i < n {
            // Indentation (most of a pretty-printed blueprint) eight spaces at a time.
            if i + 8 <= n {
                let d = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) ^ 0x2020_2020_2020_2020
                if d == 0 { i += 8; continue }
                i += d.trailingZeroBitCount >> 3          // the spaces before the first other byte
            }
            let c = base[i]
            if c == 0x20 || c == 0x0A || c == 0x0D || c == 0x09 { i += 1 } else { break }
        }
        return i
    }

    private func literal(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ word: StaticString) throws(Failure) {
        let w = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        for k in 0..<w.count {
            if i + k >= b.count { throw Failure(offset: i + k, message: "unexpected end of input in literal '\(word)'") }
            if b[i + k] != w[k] { throw Failure(offset: i, message: "invalid literal: expected '\(word)'") }
        }
    }

    /// Scans a string starting at the opening quote; returns the index after the closing quote.
    /// Sets `escaped` when the string holds a backslash escape.
    private func scanString(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ escaped: inout Bool) throws(Failure) -> Int {
        var i = start + 1
        let n = b.count
        let base = b.baseAddress!
        while i < n {
            // Eight plain ASCII bytes at a time: none is '"', '\\', a control byte or non-ASCII.
            while i + 8 <= n {
                let x = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
                let special = swarSpecial(x)
                if special == 0 { i += 8; continue }
                i += special.trailingZeroBitCount >> 3    // the lowest flagged byte is exact
                break
            }
            guard i < n else { break }
            let c = b[i]
            if c == UInt8(ascii: "\"") { return i + 1 }
            if c == UInt8(ascii: "\\") {
                escaped = true
                guard i + 1 < n else { break }
                let e = b[i + 1]
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"),
                     UInt8(ascii: "f"), UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    i += 2
                case UInt8(ascii: "u"):
                    guard i + 5 < n else {
                        throw Failure(offset: n, message: "unexpected end of input: unterminated string starting at byte \(start)")
                    }
                    for k in 2...5 where hexValue(b[i + k]) < 0 {
                        throw Failure(offset: i + k, message: "invalid \\u escape: expected 4 hex digits")
                    }
                    i += 6
                default:
                    throw Failure(offset: i, message: "invalid escape '\\\(printable(e))' in string")
                }
                continue
            }
            if c < 0x20 {
                throw Failure(offset: i, message: c == 0 ? "NUL byte in string" : "unescaped control character 0x\(hex2(c)) in string")
            }
            if c < 0x80 { i += 1; continue }
            i = try validateUTF8(b, i)
        }
        throw Failure(offset: n, message: "unexpected end of input: unterminated string starting at byte \(start)")
    }

    /// Validates one multi-byte UTF-8 sequence at i; returns the index after it.
    /// Errors name the class of the problem and point at the sequence's first byte
    /// (or at the stray continuation byte itself).
    private func validateUTF8(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) throws(Failure) -> Int {
        let c = b[i]
        let n = b.count
        let len: Int
        switch c {
        case 0x80...0xBF: throw Failure(offset: i, message: "invalid UTF-8: unexpected continuation byte 0x\(hex2(c))")
        case 0xC0, 0xC1: throw Failure(offset: i, message: "invalid UTF-8: overlong encoding (lead byte 0x\(hex2(c)))")
        case 0xC2...0xDF: len = 2
        case 0xE0...0xEF: len = 3
        case 0xF0...0xF4: len = 4
        default: throw Failure(offset: i, message: "invalid UTF-8: byte 0x\(hex2(c)) never occurs in UTF-8")
        }
        for k in 1..<len {
            if i + k >= n { throw Failure(offset: i, message: "truncated UTF-8 sequence at end of input") }
            if b[i + k] & 0xC0 != 0x80 { throw Failure(offset: i, message: "invalid UTF-8: incomplete \(len)-byte sequence") }
        }
        let c1 = b[i + 1]
        switch c {
        case 0xE0 where c1 < 0xA0, 0xF0 where c1 < 0x90:
            throw Failure(offset: i, message: "invalid UTF-8: overlong encoding (lead byte 0x\(hex2(c)))")
        case 0xED where c1 > 0x9F:
            throw Failure(offset: i, message: "invalid UTF-8: encoded surrogate (U+D800 to U+DFFF)")
        case 0xF4 where c1 > 0x8F:
            throw Failure(offset: i, message: "invalid UTF-8: code point above U+10FFFF")
        default:
            return i + len
        }
    }

    private func scanNumber(_ b: UnsafeBufferPointer<UInt8>, _ start: Int) throws(Failure) -> Int {
        var i = start
        let n = b.count
        @inline(__always) func isDigit(_ i: Int) -> Bool { i < n && b[i] >= 0x30 && b[i] <= 0x39 }
        if b[i] == UInt8(ascii: "-") { i += 1 }
        guard isDigit(i) else {
            throw Failure(offset: i, message: i >= n ? "unexpected end of input in number" : "expected a digit in number")
        }
        if b[i] == UInt8(ascii: "0") {
            i += 1
            if isDigit(i) { throw Failure(offset: i - 1, message: "leading zeros are not allowed in numbers") }
        } else {
            while isDigit(i) { i += 1 }
        }
        if i < n && b[i] == UInt8(ascii: ".") {
            i += 1
            guard isDigit(i) else {
                throw Failure(offset: i, message: (i >= n ? "unexpected end of input: " : "") + "expected a digit after '.' in number")
            }
            while isDigit(i) { i += 1 }
        }
        if i < n && (b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E")) {
            i += 1
            if i < n && (b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-")) { i += 1 }
            guard isDigit(i) else {
                throw Failure(offset: i, message: (i >= n ? "unexpected end of input: " : "") + "expected a digit in number exponent")
            }
            while isDigit(i) { i += 1 }
        }
        return i
    }

    private func unexpectedCharMessage(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, expecting: String) -> String {
        let c = b[i]
        if c == UInt8(ascii: "{") && i + 1 < b.count && b[i + 1] == UInt8(ascii: "{") {
            return "unexpected '{{': IML placeholders must be inside a string (expected \(expecting))"
        }
        if c >= 0x80 { return "unexpected non-ASCII byte 0x\(hex2(c)) (expected \(expecting))" }
        return "unexpected character '\(printable(c))' (expected \(expecting))"
    }

    static func makeError(_ bytes: JSONBytes, offset: Int, message: String) -> JSONParseError {
        let pos = TextPosition.locate(bytes, offset: offset)
        return JSONParseError(offset: offset, line: pos.line, column: pos.column, message: message,
                              excerpt: TextPosition.excerpt(bytes, offset: offset))
    }
}

/// Flags (bit 7 of each byte) the bytes in `x` (little-endian) that need a closer look
/// inside a string: '"', '\\', a control byte (< 0x20) or a non-ASCII byte. Zero when
/// there is none; otherwise the lowest flagged byte is exactly the first such byte
/// (the borrow trick can only add false flags above a true one).
@inline(__always) func swarSpecial(_ x: UInt64) -> UInt64 {
    let ones: UInt64 = 0x0101_0101_0101_0101, high: UInt64 = 0x8080_8080_8080_8080
    @inline(__always) func hasZero(_ v: UInt64) -> UInt64 { (v &- ones) & ~v & high }
    let quote = hasZero(x ^ (ones &* 0x22))
    let backslash = hasZero(x ^ (ones &* 0x5C))
    let control = (x &- ones &* 0x20) & ~x & high
    return quote | backslash | control | (x & high)
}

@inline(__always) func hexValue(_ c: UInt8) -> Int {
    switch c {
    case 0x30...0x39: return Int(c - 0x30)
    case 0x41...0x46: return Int(c - 0x41 + 10)
    case 0x61...0x66: return Int(c - 0x61 + 10)
    default: return -1
    }
}

func hex2(_ c: UInt8) -> String {
    let d = Array("0123456789ABCDEF".utf8)
    return String(decoding: [d[Int(c >> 4)], d[Int(c & 15)]], as: UTF8.self)
}

private func printable(_ c: UInt8) -> String {
    if c >= 0x21 && c < 0x7F { return String(UnicodeScalar(c)) }
    return "0x" + hex2(c)
}
