// Lines and columns of byte offsets: for `FILE:LINE:COL` messages and the excerpt
// under them (JSON syntax errors, catalog rules, team lists).
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Line and column lookup for error messages.
public enum TextPosition {
    /// 1-based line and column (in Unicode scalars; a BOM is not counted).
    public static func locate<C: RandomAccessCollection<UInt8>>(_ bytes: C, offset: Int) -> (line: Int, column: Int) where C.Index == Int {
        let end = min(offset, bytes.count)
        var line = 1
        var lineStart = 0
        var i = 0
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { i = 3; lineStart = 3 }
        while i < end {
            if bytes[i] == 0x0A { line += 1; lineStart = i + 1 }
            i += 1
        }
        var col = 1
        var k = lineStart
        while k < end {
            if bytes[k] & 0xC0 != 0x80 { col += 1 }
            k += 1
        }
        return (line, col)
    }

    /// The offsets where lines start, for many line lookups in one file.
    public struct LineIndex: Sendable {
        let starts: [Int]
        public init<C: RandomAccessCollection<UInt8>>(_ bytes: C) where C.Index == Int {
            var starts = [0]
            for (i, b) in bytes.enumerated() where b == 0x0A { starts.append(i + 1) }
            self.starts = starts
        }
        /// The same, over contiguous bytes with `memchr` (catalog files are read at every start).
        public init(_ bytes: JSONBytes) {
            var starts = [0]
            bytes.withUnsafeBufferPointer { b in
                guard let base = b.baseAddress else { return }
                var p = base
                let end = base + b.count
                while p < end, let hit = memchr(p, 0x0A, end - p) {
                    let nl = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self))
                    starts.append(nl - base + 1)
                    p = nl + 1
                }
            }
            self.starts = starts
        }
        /// The 1-based line of `offset`, as `locate` gives it.
        public func line(at offset: Int) -> Int {
            var lo = 0, hi = starts.count          // last start <= offset
            while hi - lo > 1 {
                let mid = (lo + hi) / 2
                if starts[mid] <= offset { lo = mid } else { hi = mid }
            }
            return lo + 1
        }
    }

    /// The error's line, cut to about 60 characters around the offset, and a caret under the spot.
    public static func excerpt<C: RandomAccessCollection<UInt8>>(_ bytes: C, offset: Int) -> String where C.Index == Int {
        let off = min(offset, bytes.count)
        var ls = off
        while ls > 0 && bytes[ls - 1] != 0x0A && off - ls < 40 { ls -= 1 }
        var le = off
        while le < bytes.count && bytes[le] != 0x0A && bytes[le] != 0x0D && le - off < 40 { le += 1 }
        let before = String(decoding: bytes[ls..<off], as: UTF8.self)
        let after = String(decoding: bytes[off..<le], as: UTF8.self)
        func clean(_ s: String) -> String {
            String(s.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "·" : Character($0) })
        }
        let b = clean(before), a = clean(after)
        return b + a + "\n" + String(repeating: " ", count: b.count) + "^"
    }
}
