// Edits as byte splices. Each function computes the splice that makes one
// change in the document's own style, touching only the lines of that change.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif


/// Replace `range` of the source bytes with `text`.
public struct Splice: Sendable, Equatable {
    public var range: Range<Int>
    public var text: [UInt8]
    public init(_ range: Range<Int>, _ text: [UInt8]) { self.range = range; self.text = text }
    public init(_ range: Range<Int>, _ text: String) { self.range = range; self.text = Array(text.utf8) }
}

public enum JSONEditError: Error, Sendable, CustomStringConvertible {
    case notAnObject(JSONPath)
    case notAnArray(JSONPath)
    case overlappingSplices
    case indexOutOfRange(JSONPath, Int)
    case reparse(JSONParseError)

    public var description: String {
        switch self {
        case .notAnObject(let p): return "\(p) is not an object"
        case .notAnArray(let p): return "\(p) is not an array"
        case .overlappingSplices: return "internal error: overlapping edits"
        case .indexOutOfRange(let p, let i): return "index \(i) is out of range in \(p)"
        case .reparse(let e): return "internal error: edit produced invalid JSON at \(e)"
        }
    }
}

extension JSONDocument {
    /// Applies non-overlapping splices (computed against this document) and reparses.
    /// Also returns the inverse splices, which undo the change on the result.
    public func applying(_ splices: [Splice]) throws(JSONEditError) -> (document: JSONDocument, inverse: [Splice]) {
        let (out, inverse) = try JSONDocument.splicing(bytes, splices)
        do {
            return (try JSONDocument(bytes: out), inverse)
        } catch {
            throw .reparse(error)
        }
    }

    /// The bytes with non-overlapping splices applied, and the inverse splices; no reparse.
    /// The result goes straight into new storage of the document's own: one copy.
    static func splicing(_ bytes: JSONBytes, _ splices: [Splice]) throws(JSONEditError) -> (bytes: JSONBytes, inverse: [Splice]) {
        let sorted = splices.sorted { $0.range.lowerBound < $1.range.lowerBound }
        var pos = 0
        for s in sorted {
            if s.range.lowerBound < pos || s.range.upperBound > bytes.count { throw .overlappingSplices }
            pos = s.range.upperBound
        }
        var inverse: [Splice] = []
        let size = bytes.count + sorted.reduce(0) { $0 + $1.text.count - $1.range.count }
        let storage = bytes.withUnsafeBufferPointer { src in
            ByteStorage(capacity: size) { dst in
                var pos = 0, at = 0
                func put(_ p: UnsafeBufferPointer<UInt8>) {
                    if let s = p.baseAddress, p.count > 0 { memcpy(dst.baseAddress! + at, s, p.count) }
                    at += p.count
                }
                for s in sorted {
                    put(UnsafeBufferPointer(rebasing: src[pos..<s.range.lowerBound]))
                    let newStart = at
                    s.text.withUnsafeBufferPointer { put($0) }
                    inverse.append(Splice(newStart..<at, Array(src[s.range])))
                    pos = s.range.upperBound
                }
                put(UnsafeBufferPointer(rebasing: src[pos...]))
                return at
            }
        }
        return (JSONBytes(storage: storage), inverse)
    }

    private func render(_ v: JSONValue, lineOf offset: Int) -> String {
        JSONWriter.render(v, style: style, baseIndent: style.isCompact ? "" : lineIndent(at: offset))
    }

    /// Replace node `i`'s value (the key, if any, stays).
    public func replaceValue(_ i: Int, with v: JSONValue) -> Splice {
        Splice(nodes[i].start..<nodes[i].end, render(v, lineOf: nodes[i].memberStart))
    }

    /// Replace node `i`'s value with raw JSON text (caller guarantees validity).
    public func replaceValue(_ i: Int, rawText: String) -> Splice {
        Splice(nodes[i].start..<nodes[i].end, rawText)
    }

    /// Rename an object member's key.
    public func renameKey(_ i: Int, to newKey: String) -> Splice? {
        guard let r = nodes[i].keyRange else { return nil }
        return Splice(r, JSONWriter.quoted(newKey))
    }

    /// Set `key` in object `obj`: replaces the first existing member's value, or inserts a
    /// new member. `after` lists keys that should precede a new member (it is placed after
    /// the last of them present); otherwise it is appended.
    public func setMember(_ obj: Int, _ k: String, _ v: JSONValue, after: [String] = []) throws(JSONEditError) -> Splice {
        if let m = member(obj, k) { return replaceValue(m, with: v) }
        guard nodes[obj].kind == .object else { throw .notAnObject(path(of: obj)) }
        let kids = Array(children(obj))
        var index = kids.count
        if !after.isEmpty {
            var lastMatch = -1
            for (n, c) in kids.enumerated() where after.contains(where: { keyEquals(c, $0) }) { lastMatch = n }
            index = lastMatch + 1
        }
        return try insertMember(obj, k, v, at: index)
    }

    /// Insert a new member at position `index` among the object's members.
    public func insertMember(_ obj: Int, _ k: String, _ v: JSONValue, at index: Int) throws(JSONEditError) -> Splice {
        guard nodes[obj].kind == .object else { throw .notAnObject(path(of: obj)) }
        let kids = Array(children(obj))
        guard index >= 0 && index <= kids.count else { throw .indexOutOfRange(path(of: obj), index) }
        return insertItem(container: obj, kids: kids, index: index) { indent in
            JSONWriter.quoted(k) + style.colon + JSONWriter.render(v, style: style, baseIndent: indent)
        }
    }

    /// Insert an element into array `arr` at `index` (`count` appends).
    public func insertElement(_ arr: Int, _ v: JSONValue, at index: Int) throws(JSONEditError) -> Splice {
        guard nodes[arr].kind == .array else { throw .notAnArray(path(of: arr)) }
        let kids = Array(children(arr))
        guard index >= 0 && index <= kids.count else { throw .indexOutOfRange(path(of: arr), index) }
        return insertItem(container: arr, kids: kids, index: index) { indent in
            JSONWriter.render(v, style: style, baseIndent: indent)
        }
    }

    private func insertItem(container c: Int, kids: [Int], index: Int, item: (String) -> String) -> Splice {
        let n = nodes[c]
        if kids.isEmpty {
            if style.isCompact { return Splice(n.start + 1..<n.end - 1, item("")) }
            let outer = lineIndent(at: n.memberStart)
            let inner = outer + style.indent
            return Splice(n.start + 1..<n.end - 1, style.newline + inner + item(inner) + style.newline + outer)
        }
        // Is the container laid out on several lines, or inline (`{ "a": 1, "b": 2 }`)?
        let firstStart = nodes[kids[0]].memberStart
        let multiline = !style.isCompact && hasNewline(n.start, firstStart)
        let sep: String
        let indent: String
        if multiline {
            let ref = index < kids.count ? kids[index] : kids[index - 1]
            indent = lineIndent(at: nodes[ref].memberStart)
            sep = "," + style.newline + indent
        } else {
            indent = lineIndent(at: n.start)
            // reuse the spacing seen after the first comma, if any
            if kids.count > 1 {
                let gap = String(decoding: bytes[nodes[kids[0]].end..<nodes[kids[1]].memberStart], as: UTF8.self)
                sep = gap.contains(",") ? gap : ","
            } else {
                sep = style.isCompact && !style.colon.hasSuffix(" ") ? "," : ", "
            }
        }
        if index == 0 {
            return Splice(firstStart..<firstStart, item(indent) + sep)
        }
        let prevEnd = nodes[kids[index - 1]].end
        return Splice(prevEnd..<prevEnd, sep + item(indent))
    }

    /// Remove an object member or array element (node `i`), with its separator and line.
    public func remove(_ i: Int) -> Splice {
        let p = nodes[i].parent
        let kids = Array(children(p))
        let k = kids.firstIndex(of: i)!
        if kids.count == 1 {
            return Splice(nodes[p].start + 1..<nodes[p].end - 1, "")
        }
        if k > 0 {
            return Splice(nodes[kids[k - 1]].end..<nodes[i].end, "")
        }
        return Splice(nodes[i].memberStart..<nodes[kids[1]].memberStart, "")
    }
}
