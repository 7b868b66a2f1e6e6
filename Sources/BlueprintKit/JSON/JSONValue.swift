// A plain JSON value for building new content. Objects keep their key order
// and duplicate keys; numbers keep their exact source text.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// The number's exact text, e.g. `"42"`, `"-0.25"`, `"1e400"`.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func int(_ v: Int) -> JSONValue { .number(String(v)) }

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.number(let x), .number(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.array(let x), .array(let y)): return x == y
        case (.object(let x), .object(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    public var kind: JSONKind {
        switch self {
        case .null: return .null
        case .bool(let b): return b ? .true : .false
        case .number: return .number
        case .string: return .string
        case .array: return .array
        case .object: return .object
        }
    }

    public var stringValue: String? { if case .string(let s) = self { return s }; return nil }
    public var intValue: Int? { if case .number(let s) = self { return Int(s) }; return nil }
    public var boolValue: Bool? { if case .bool(let b) = self { return b }; return nil }
    public var arrayValue: [JSONValue]? { if case .array(let a) = self { return a }; return nil }
    public var objectValue: [(String, JSONValue)]? { if case .object(let o) = self { return o }; return nil }

    /// First member with this key, for objects.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let o) = self else { return nil }
        return o.first { $0.0 == key }?.1
    }

    /// Compact one-line JSON text (`JSON.stringify(v)` spacing).
    public var compactText: String { JSONWriter.render(self, style: .compact) }
}

/// How new text is laid out: indent unit, newline and the separator after keys.
public struct JSONStyle: Sendable, Equatable {
    public var indent: String
    public var newline: String
    public var colon: String

    public init(indent: String, newline: String, colon: String) {
        self.indent = indent; self.newline = newline; self.colon = colon
    }

    /// Make's export layout: `JSON.stringify(x, null, 4)`.
    public static let make = JSONStyle(indent: "    ", newline: "\n", colon: ": ")
    /// One line, no spaces (`JSON.stringify(x)`).
    public static let compact = JSONStyle(indent: "", newline: "", colon: ":")

    public var isCompact: Bool { newline.isEmpty }
}

/// Serializes values the way Make does (JSON.stringify rules).
public enum JSONWriter {
    /// A string literal: raw UTF-8, `\" \\ \b \f \n \r \t` escapes, lowercase `\u00xx` for other controls, no `\/`.
    public static func quoted(_ s: String) -> String {
        // Byte by byte: only ASCII bytes are ever escaped, every other UTF-8 byte is copied.
        var s = s
        return s.withUTF8 { src in
            let hex = Array("0123456789abcdef".utf8)
            var out = [UInt8]()
            out.reserveCapacity(src.count + 2)
            out.append(0x22)
            var run = 0                               // start of the bytes not yet copied
            for i in 0..<src.count {
                let c = src[i]
                guard c < 0x20 || c == 0x22 || c == 0x5C else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: src[run..<i]))
                run = i + 1
                switch c {
                case 0x22: out += [0x5C, 0x22]
                case 0x5C: out += [0x5C, 0x5C]
                case 0x0A: out += [0x5C, 0x6E]
                case 0x0D: out += [0x5C, 0x72]
                case 0x09: out += [0x5C, 0x74]
                case 0x08: out += [0x5C, 0x62]
                case 0x0C: out += [0x5C, 0x66]
                default: out += [0x5C, 0x75, 0x30, 0x30, hex[Int(c >> 4)], hex[Int(c & 15)]]
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: src[run..<src.count]))
            out.append(0x22)
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Renders a value; nested lines start with `baseIndent` plus one `style.indent` per level.
    public static func render(_ v: JSONValue, style: JSONStyle, baseIndent: String = "") -> String {
        var out = ""
        write(v, style: style, indent: baseIndent, into: &out)
        return out
    }

    static func write(_ v: JSONValue, style: JSONStyle, indent: String, into out: inout String) {
        switch v {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let t): out += t
        case .string(let s): out += quoted(s)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "["
            let inner = indent + style.indent
            for (k, item) in items.enumerated() {
                if k > 0 { out += "," }
                out += style.newline; out += style.isCompact ? "" : inner
                write(item, style: style, indent: inner, into: &out)
            }
            out += style.newline; out += style.isCompact ? "" : indent
            out += "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{"
            let inner = indent + style.indent
            for (k, m) in members.enumerated() {
                if k > 0 { out += "," }
                out += style.newline; out += style.isCompact ? "" : inner
                out += quoted(m.0); out += style.colon
                write(m.1, style: style, indent: inner, into: &out)
            }
            out += style.newline; out += style.isCompact ? "" : indent
            out += "}"
        }
    }
}

/// Decodes the body of a JSON string literal (source bytes including quotes).
enum JSONStringDecoder {
    /// Malformed escapes (possible only in bytes that changed after they were parsed, e.g.
    /// a mapped file rewritten underneath) decode to U+FFFD instead of reading past the end.
    /// The string token at `range` of `bytes`, read from contiguous memory (the generic path
    /// below goes byte by byte through the collection: several times slower on every key).
    static func decode(_ bytes: JSONBytes, _ range: Range<Int>) -> String {
        bytes.withUnsafeBufferPointer { all in
            let token = UnsafeBufferPointer(rebasing: all[range])
            guard token.count >= 2 else { return decode(token) }
            let body = UnsafeBufferPointer(rebasing: token[1..<(token.count - 1)])
            if body.isEmpty { return "" }
            if memchr(body.baseAddress!, Int32(UInt8(ascii: "\\")), body.count) == nil { return String(decoding: body, as: UTF8.self) }
            return decode(token)
        }
    }

    static func decode<C: RandomAccessCollection<UInt8>>(_ b: C) -> String where C.Index == Int {
        let body = b.dropFirst().dropLast()
        if !body.contains(UInt8(ascii: "\\")) { return String(decoding: body, as: UTF8.self) }
        var out = [UInt8]()
        out.reserveCapacity(body.count)
        var i = body.startIndex
        let e = body.endIndex
        while i < e {
            let c = body[i]
            if c != UInt8(ascii: "\\") { out.append(c); i += 1; continue }
            let next = body.index(after: i)
            guard next < e else { out += [0xEF, 0xBF, 0xBD]; break }
            let x = body[next]
            i = body.index(after: next)
            switch x {
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "u"):
                guard body.distance(from: i, to: e) >= 4 else { out += [0xEF, 0xBF, 0xBD]; i = e; break }
                var cp = UInt32(max(0, hex4(body, i))); i = body.index(i, offsetBy: 4)
                if cp >= 0xD800 && cp < 0xDC00, body.distance(from: i, to: e) >= 6, body[i] == UInt8(ascii: "\\"),
                   body[body.index(after: i)] == UInt8(ascii: "u") {
                    let lo = UInt32(max(0, hex4(body, body.index(i, offsetBy: 2))))
                    if lo >= 0xDC00 && lo < 0xE000 {
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00); i = body.index(i, offsetBy: 6)
                    }
                }
                let scalar = UnicodeScalar(cp) ?? "\u{FFFD}"   // lone surrogates become U+FFFD
                out.append(contentsOf: Array(String(scalar).utf8))
            default: out.append(x)   // \" \\ \/
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func hex4<C: Collection<UInt8>>(_ b: C, _ i: C.Index) -> Int {
        var v = 0
        var k = i
        for _ in 0..<4 {
            let h = hexValue(b[k])
            if h < 0 { return -1 }
            v = v << 4 | h
            k = b.index(after: k)
        }
        return v
    }
}
