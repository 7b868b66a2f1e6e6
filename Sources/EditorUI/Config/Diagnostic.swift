// Shared by the theme and config parsers: `file:line: message` diagnostics, line
// splitting with `#` comments, and "did you mean" suggestions.

/// A problem in a theme or config file. Never fatal: the caller shows it once and
/// carries on with defaults.
public struct Diagnostic: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    /// 1-based line number; 0 when the problem is the file as a whole.
    public var line: Int
    public var message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `file:line: message` (or `file: message` for the whole file). Everything that
    /// came from the file is made inert, so a hostile file cannot reach the terminal.
    public var description: String {
        let f = SafeText.inert(file, ascii: false)
        let m = SafeText.inert(message, ascii: false)
        return line > 0 ? "\(f):\(line): \(m)" : "\(f): \(m)"
    }
}

enum ConfigText {
    /// The lines of a file as (1-based number, text without comment), skipping blank
    /// and comment-only lines. A comment starts with `#` at the start of the line or,
    /// with `trailing`, after whitespace, so `#` inside a word is kept.
    static func lines(_ text: String, trailing: Bool = true) -> [(Int, String)] {
        var out: [(Int, String)] = []
        var n = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            n += 1
            var line = Substring(raw)
            if line.last == "\r" { line = line.dropLast() }
            var body = (trailing ? stripComment(line) : line).trimmingWhitespace()
            if body.hasPrefix("#") { body = "" }
            if !body.isEmpty { out.append((n, body)) }
        }
        return out
    }

    static func stripComment(_ line: Substring) -> Substring {
        var prevIsSpace = true
        for i in line.indices {
            let c = line[i]
            if c == "#" && prevIsSpace { return line[..<i] }
            prevIsSpace = c == " " || c == "\t"
        }
        return line
    }

    /// Whitespace-separated words.
    static func words(_ s: String) -> [String] {
        s.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    }

    /// The closest candidate to `word` (edit distance ≤ 2), for "did you mean".
    static func suggestion(for word: String, in candidates: [String]) -> String? {
        // Lengths that differ by more than 2 are more than 2 edits apart: skip them, so a
        // hostile file with a megabyte-long word costs nothing here (found by fuzzing:
        // the quadratic distance made a 3 KB line take 100 ms, a long one minutes).
        let longest = candidates.map(\.count).max() ?? 0
        guard word.utf8.count <= 4 * (longest + 2) else { return nil }
        let w = Array(word.lowercased())
        var best: (String, Int)?
        for c in candidates where abs(c.count - w.count) <= 2 {
            let d = distance(w, Array(c.lowercased()))
            if d <= 2 && d < (best?.1 ?? Int.max) { best = (c, d) }
        }
        return best?.0
    }

    /// " (did you mean 'x'?)" or "".
    static func didYouMean(_ word: String, _ candidates: [String]) -> String {
        suggestion(for: word, in: candidates).map { " (did you mean '\($0)'?)" } ?? ""
    }

    private static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev = Array(0...b.count)
        for i in 1...a.count {
            var cur = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            prev = cur
        }
        return prev[b.count]
    }
}

extension StringProtocol {
    func trimmingWhitespace() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}
