// A streaming JSON text writer in Make's export layout (4-space indent, one member
// per line). The generator writes straight into bytes so that a 50 MB blueprint is
// produced in well under a second and its size is known at every step.

struct JSONTextWriter {
    private(set) var bytes: [UInt8] = []
    private var depth = 0
    /// Per open container: true once it has a member or element.
    private var hasItems: [Bool] = []
    /// True right after a key: the next value follows on the same line.
    private var afterKey = false

    init(reserve: Int) { bytes.reserveCapacity(reserve) }

    var count: Int { bytes.count }
    var openContainers: Int { hasItems.count }

    private mutating func raw(_ s: StaticString) {
        s.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    private mutating func newlineIndent() {
        bytes.append(0x0A)
        for _ in 0..<depth { bytes.append(contentsOf: [0x20, 0x20, 0x20, 0x20]) }
    }

    /// Comma and line break before a new item (skipped for a value after its key).
    private mutating func beforeItem() {
        if afterKey { afterKey = false; return }
        guard !hasItems.isEmpty else { return }
        if hasItems[hasItems.count - 1] { bytes.append(0x2C) }
        hasItems[hasItems.count - 1] = true
        newlineIndent()
    }

    mutating func key(_ k: String) {
        beforeItem()
        appendQuoted(k)
        raw(": ")
        afterKey = true
    }

    mutating func beginObject() { beforeItem(); bytes.append(0x7B); depth += 1; hasItems.append(false) }
    mutating func beginArray() { beforeItem(); bytes.append(0x5B); depth += 1; hasItems.append(false) }

    mutating func endObject() { close(0x7D) }
    mutating func endArray() { close(0x5D) }

    private mutating func close(_ c: UInt8) {
        depth -= 1
        if hasItems.removeLast() { newlineIndent() }
        bytes.append(c)
    }

    mutating func string(_ s: String) { beforeItem(); appendQuoted(s) }
    mutating func int(_ v: Int) { beforeItem(); bytes.append(contentsOf: Array(String(v).utf8)) }
    mutating func bool(_ v: Bool) { beforeItem(); if v { raw("true") } else { raw("false") } }
    mutating func null() { beforeItem(); raw("null") }

    mutating func newline() { bytes.append(0x0A) }
    mutating func emptyObject() { beginObject(); endObject() }
    mutating func emptyArray() { beginArray(); endArray() }

    // Shorthands for members.
    mutating func member(_ k: String, _ s: String) { key(k); string(s) }
    mutating func member(_ k: String, _ v: Int) { key(k); int(v) }
    mutating func member(_ k: String, _ v: Bool) { key(k); bool(v) }

    /// A JSON string literal: quotes, backslashes and control characters escaped; other
    /// text (including non-ASCII) as UTF-8, as Make exports it.
    private mutating func appendQuoted(_ s: String) {
        bytes.append(0x22)
        for b in s.utf8 {
            switch b {
            case 0x22: raw("\\\"")
            case 0x5C: raw("\\\\")
            case 0x0A: raw("\\n")
            case 0x0D: raw("\\r")
            case 0x09: raw("\\t")
            case 0..<0x20:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 15)]])
            default: bytes.append(b)
            }
        }
        bytes.append(0x22)
    }
}
