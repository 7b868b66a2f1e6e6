// IML references between modules: `{{5.data}}`, ``{{5.`Approval Status`}}``,
// `{{get(5.arr; 1)}}`. Found by scanning the raw source text of every string
// in a module's parameters, mapper, filter, flags and If-else conditions
// (metadata is not scanned), so each reference knows the exact bytes of its
// field token and can be rewritten with a one-token splice.

public struct Reference: Sendable, Equatable {
    /// The module whose configuration contains the reference.
    public var moduleIndex: Int
    /// The JSON string node that contains it.
    public var stringNode: Int
    /// The referenced module id.
    public var targetId: Int
    /// The first path segment after `ID.` (backticks removed): `data`, `Approval Status`.
    public var field: String
    /// Absolute byte range of the field token in the document (backticks included when quoted).
    public var fieldRange: Range<Int>
    /// Absolute byte range of `ID.field`.
    public var range: Range<Int>
    /// Where in the referencing module: `mapper.url`, `filter.conditions[0][0].a`.
    public var location: String
    /// True when no module has `targetId`.
    public var dangling: Bool

    /// `5.data` or ``5.`Approval Status` `` as written.
    public var text: String { "\(targetId).\(fieldIsQuoted ? "`\(field)`" : field)" }
    public var fieldIsQuoted: Bool { fieldRange.count >= 2 && field.utf8.count + 2 == fieldRange.count }
}

enum ReferenceScanner {
    static let scannedKeys = ["parameters", "mapper", "filter", "flags"]

    static func scan(module: Module, in doc: JSONDocument, ids: [Int: Int], into out: inout [Reference]) {
        let m = module.node
        for c in doc.children(m) {
            if scannedKeys.contains(where: { doc.keyEquals(c, $0) }) {
                scanSubtree(c, module: module, doc: doc, ids: ids, into: &out)
            } else if doc.keyEquals(c, "branches"), doc.kind(c) == .array {
                for br in doc.children(c) where doc.kind(br) == .object {
                    if let conds = doc.member(br, "conditions") { scanSubtree(conds, module: module, doc: doc, ids: ids, into: &out) }
                }
            }
        }
    }

    private static func scanSubtree(_ n: Int, module: Module, doc: JSONDocument, ids: [Int: Int], into out: inout [Reference]) {
        let end = doc.node(n).subtreeEnd
        var i = n
        while i < end {
            let node = doc.node(i)
            if node.kind == .string {
                scanString(i, node.start, node.end, module: module, doc: doc, ids: ids, into: &out)
            }
            i += 1
        }
    }

    @inline(__always) private static func isWordByte(_ c: UInt8) -> Bool {
        (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x5F || c >= 0x80
    }

    private static func scanString(_ node: Int, _ start: Int, _ end: Int, module: Module, doc: JSONDocument,
                                   ids: [Int: Int], into out: inout [Reference]) {
        let b = doc.bytes
        var i = start + 1
        let e = end - 1
        // quick reject: no "{{" in the string
        var found = false
        while i + 1 < e { if b[i] == 0x7B && b[i + 1] == 0x7B { found = true; break }; i += 1 }
        guard found else { return }
        var location: String?
        while i + 1 < e {
            guard b[i] == 0x7B && b[i + 1] == 0x7B else { i += 1; continue }
            // inside an IML block: up to the matching "}}" (or the end of the string)
            var j = i + 2
            var blockEnd = e
            while j + 1 < e { if b[j] == 0x7D && b[j + 1] == 0x7D { blockEnd = j; break }; j += 1 }
            var k = i + 2
            while k < blockEnd {
                let c = b[k]
                guard c >= 0x30 && c <= 0x39 else { k += 1; continue }
                let prev = b[k - 1]
                if (isWordByte(prev) && !isEscapedWhitespace(b, k - 1)) || prev == 0x2E || prev == 0x60 {
                    while k < blockEnd && isWordByte(b[k]) { k += 1 }
                    continue
                }
                let numStart = k
                var num = 0
                var overflow = false
                while k < blockEnd && b[k] >= 0x30 && b[k] <= 0x39 {
                    let (m1, o1) = num.multipliedReportingOverflow(by: 10)
                    let (m2, o2) = m1.addingReportingOverflow(Int(b[k] - 0x30))
                    overflow = overflow || o1 || o2
                    num = m2
                    k += 1
                }
                guard !overflow, k + 1 < blockEnd, b[k] == 0x2E else { continue }
                let fStart = k + 1
                var fEnd = fStart
                var field = ""
                if b[fStart] == 0x60 {   // `quoted name`
                    var q = fStart + 1
                    while q < blockEnd && b[q] != 0x60 { q += 1 }
                    guard q < blockEnd, q > fStart + 1 else { k = fStart; continue }
                    fEnd = q + 1
                    field = decodeRaw(b[(fStart + 1)..<q])
                } else {
                    let c0 = b[fStart]
                    let startOK = (c0 >= 0x41 && c0 <= 0x5A) || (c0 >= 0x61 && c0 <= 0x7A) || c0 == 0x5F || c0 == 0x24
                    guard startOK else { k = fStart; continue }
                    fEnd = fStart + 1
                    while fEnd < blockEnd && (isWordByte(b[fEnd]) && b[fEnd] < 0x80 || b[fEnd] == 0x24) { fEnd += 1 }
                    field = String(decoding: b[fStart..<fEnd], as: UTF8.self)
                }
                if location == nil { location = relativeLocation(node, module: module, doc: doc) }
                out.append(Reference(moduleIndex: module.index, stringNode: node, targetId: num, field: field,
                                     fieldRange: fStart..<fEnd, range: numStart..<fEnd, location: location!,
                                     dangling: ids[num] == nil))
                k = fEnd
            }
            i = blockEnd + 2
        }
    }

    /// True when the byte at `i` is the letter of a `\n`, `\r`, `\t`, `\b` or `\f` escape
    /// (an odd run of backslashes before it): whitespace in the decoded text, not a word character.
    private static func isEscapedWhitespace(_ b: JSONBytes, _ i: Int) -> Bool {
        switch b[i] {
        case UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"), UInt8(ascii: "b"), UInt8(ascii: "f"): break
        default: return false
        }
        var slashes = 0
        var j = i - 1
        while j >= 0 && b[j] == 0x5C { slashes += 1; j -= 1 }
        return slashes % 2 == 1
    }

    /// Decodes JSON escapes inside a backtick-quoted field name.
    private static func decodeRaw(_ s: Slice<JSONBytes>) -> String {
        if !s.contains(0x5C) { return String(decoding: s, as: UTF8.self) }
        return JSONStringDecoder.decode([0x22] + s + [0x22])
    }

    /// The path from the module object down to `node`. Walks up only to the module, so
    /// sibling scans stay inside the module (not the whole flow array, which made
    /// building a blueprint quadratic in the number of modules of one flow).
    private static func relativeLocation(_ node: Int, module: Module, doc: JSONDocument) -> String {
        var comps: [JSONPathComponent] = []
        var cur = node
        while cur != module.node {
            let p = doc.node(cur).parent
            guard p >= 0 else { break }
            if doc.kind(p) == .object {
                comps.append(.key(doc.key(cur) ?? ""))
            } else {
                var k = 0
                for c in doc.children(p) { if c == cur { break }; k += 1 }
                comps.append(.index(k))
            }
            cur = p
        }
        return JSONPath(comps.reversed()).description
    }
}
