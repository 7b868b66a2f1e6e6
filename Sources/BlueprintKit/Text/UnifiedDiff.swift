// Line-based unified diff (Myers' O(ND) algorithm) for --dry-run output and the
// editor's "pending changes" view. Lines keep their ends, so CRLF and a missing
// final newline show up exactly.

public enum UnifiedDiff {
    public enum Op: Equatable, Sendable { case same, removed, added }

    public struct Line: Equatable, Sendable {
        public var op: Op
        public var text: String
    }

    /// A unified diff with `context` lines around each hunk; "" when equal.
    public static func diff(old: [UInt8], new: [UInt8], oldName: String, newName: String, context: Int = 3) -> String {
        if old == new { return "" }
        let a = splitLines(old), b = splitLines(new)
        let script = lines(a, b)
        var out = "--- \(oldName)\n+++ \(newName)\n"
        for h in hunks(script, context: context) {
            out += "@@ -\(range(h.oldStart, h.oldCount)) +\(range(h.newStart, h.newCount)) @@\n"
            for l in h.lines {
                let mark = l.op == .same ? " " : (l.op == .removed ? "-" : "+")
                var t = l.text
                var noNewline = false
                if t.hasSuffix("\n") { t.removeLast() } else { noNewline = true }
                out += mark + t + "\n"
                if noNewline { out += "\\ No newline at end of file\n" }
            }
        }
        return out
    }

    /// Number of changed lines (added + removed).
    public static func changedLineCount(old: [UInt8], new: [UInt8]) -> Int {
        lines(splitLines(old), splitLines(new)).filter { $0.op != .same }.count
    }

    static func range(_ start: Int, _ count: Int) -> String {
        count == 1 ? "\(start)" : "\(count == 0 ? start - 1 : start),\(count)"
    }

    /// Splits into lines, each keeping its "\n" (the last may lack one).
    public static func splitLines(_ bytes: [UInt8]) -> [String] {
        var out: [String] = []
        var s = 0
        for (i, c) in bytes.enumerated() where c == 0x0A {
            out.append(String(decoding: bytes[s...i], as: UTF8.self)); s = i + 1
        }
        if s < bytes.count { out.append(String(decoding: bytes[s...], as: UTF8.self)) }
        return out
    }

    /// The edit script between two line arrays (Myers), common prefix/suffix trimmed first.
    public static func lines(_ a: [String], _ b: [String]) -> [Line] {
        var pre = 0
        while pre < a.count && pre < b.count && a[pre] == b[pre] { pre += 1 }
        var suf = 0
        while suf < a.count - pre && suf < b.count - pre && a[a.count - 1 - suf] == b[b.count - 1 - suf] { suf += 1 }
        let x = Array(a[pre..<(a.count - suf)]), y = Array(b[pre..<(b.count - suf)])
        var out = a[..<pre].map { Line(op: .same, text: $0) }
        out += myers(x, y)
        out += a[(a.count - suf)...].map { Line(op: .same, text: $0) }
        return out
    }

    private static func myers(_ a: [String], _ b: [String]) -> [Line] {
        let n = a.count, m = b.count
        if n == 0 { return b.map { Line(op: .added, text: $0) } }
        if m == 0 { return a.map { Line(op: .removed, text: $0) } }
        let max = n + m
        var v = [Int](repeating: 0, count: 2 * max + 2)
        var trace: [[Int]] = []
        outer: for d in 0...max {
            trace.append(v)
            var k = -d
            while k <= d {
                var x: Int
                if k == -d || (k != d && v[k - 1 + max] < v[k + 1 + max]) { x = v[k + 1 + max] } else { x = v[k - 1 + max] + 1 }
                var y = x - k
                while x < n && y < m && a[x] == b[y] { x += 1; y += 1 }
                v[k + max] = x
                if x >= n && y >= m { break outer }
                k += 2
            }
        }
        // backtrack
        var out: [Line] = []
        var x = n, y = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let vv = trace[d]
            let k = x - y
            let prevK: Int
            if k == -d || (k != d && vv[k - 1 + max] < vv[k + 1 + max]) { prevK = k + 1 } else { prevK = k - 1 }
            let prevX = d == 0 ? 0 : vv[prevK + max]
            let prevY = prevX - prevK
            while x > prevX && y > prevY { out.append(Line(op: .same, text: a[x - 1])); x -= 1; y -= 1 }
            if d > 0 {
                if x == prevX { out.append(Line(op: .added, text: b[y - 1])); y -= 1 }
                else { out.append(Line(op: .removed, text: a[x - 1])); x -= 1 }
            }
        }
        return out.reversed()
    }

    struct Hunk { var oldStart: Int; var oldCount: Int; var newStart: Int; var newCount: Int; var lines: [Line] }

    static func hunks(_ script: [Line], context: Int) -> [Hunk] {
        var changeIdx: [Int] = []
        for (i, l) in script.enumerated() where l.op != .same { changeIdx.append(i) }
        guard !changeIdx.isEmpty else { return [] }
        // group changes whose gap is <= 2*context
        var groups: [(Int, Int)] = []
        var gs = changeIdx[0], ge = changeIdx[0]
        for i in changeIdx.dropFirst() {
            if i - ge > 2 * context { groups.append((gs, ge)); gs = i }
            ge = i
        }
        groups.append((gs, ge))
        // line numbers before each script index
        var oldNo = [Int](repeating: 0, count: script.count + 1), newNo = oldNo
        var o = 1, nn = 1
        for (i, l) in script.enumerated() {
            oldNo[i] = o; newNo[i] = nn
            if l.op != .added { o += 1 }
            if l.op != .removed { nn += 1 }
        }
        oldNo[script.count] = o; newNo[script.count] = nn
        return groups.map { g in
            let s = Swift.max(0, g.0 - context), e = Swift.min(script.count, g.1 + context + 1)
            let ls = Array(script[s..<e])
            return Hunk(oldStart: oldNo[s], oldCount: ls.filter { $0.op != .added }.count,
                        newStart: newNo[s], newCount: ls.filter { $0.op != .removed }.count, lines: ls)
        }
    }
}
