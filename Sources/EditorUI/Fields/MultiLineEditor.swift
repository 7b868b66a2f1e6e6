// A multi-line text editor as a pure value, for long values (HTML bodies, prompts,
// JSON in a string). Lines soft-wrap at the view's width; the cursor moves over
// display rows vertically and over characters horizontally. `text` gives back
// exactly what was loaded when nothing was edited.

public struct MultiLineEditor: Sendable, Equatable {
    public private(set) var lines: [[Character]]
    public private(set) var row = 0
    public private(set) var col = 0
    /// First display row shown; `scrollToCursor` keeps the cursor visible.
    public private(set) var top = 0
    private var goalColumn: Int?

    public init(_ text: String) {
        var ls: [[Character]] = [[]]
        for c in text { if c == "\n" { ls.append([]) } else { ls[ls.count - 1].append(c) } }
        lines = ls
        row = 0; col = 0
    }

    public var text: String { lines.map { String($0) }.joined(separator: "\n") }

    // MARK: layout

    /// One logical line cut into display rows of at most `width` columns (at least one row).
    static func segments(_ line: [Character], width: Int) -> [Range<Int>] {
        let w = max(1, width)
        var out: [Range<Int>] = []
        var start = 0, used = 0
        for (i, c) in line.enumerated() {
            let cw = LineEditor.columns(c)
            if used + cw > w && i > start { out.append(start..<i); start = i; used = 0 }
            used += cw
        }
        out.append(start..<line.count)
        return out
    }

    /// Every display row: its logical line and character range.
    public func displayRows(width: Int) -> [(line: Int, range: Range<Int>)] {
        var out: [(Int, Range<Int>)] = []
        for (i, l) in lines.enumerated() { for r in MultiLineEditor.segments(l, width: width) { out.append((i, r)) } }
        return out.map { (line: $0.0, range: $0.1) }
    }

    /// The cursor's display row and column.
    public func cursorPosition(width: Int) -> (row: Int, column: Int) {
        var r = 0
        for i in 0..<row { r += MultiLineEditor.segments(lines[i], width: width).count }
        let segs = MultiLineEditor.segments(lines[row], width: width)
        for (k, s) in segs.enumerated() where col < s.upperBound || k == segs.count - 1 {
            let column = lines[row][s.lowerBound..<min(col, s.upperBound)].reduce(0) { $0 + LineEditor.columns($1) }
            return (r + k, column)
        }
        return (r, 0)
    }

    public mutating func scrollToCursor(width: Int, height: Int) {
        let r = cursorPosition(width: width).row
        if r < top { top = r }
        if r >= top + max(1, height) { top = r - max(1, height) + 1 }
        top = max(0, top)
    }

    // MARK: editing

    public mutating func insert(_ s: String) {
        for c in s {
            if c == "\n" { newline(); continue }
            lines[row].insert(c, at: col)
            col += 1
        }
        goalColumn = nil
    }

    public mutating func newline() {
        let rest = Array(lines[row][col...])
        lines[row].removeSubrange(col...)
        lines.insert(rest, at: row + 1)
        row += 1; col = 0; goalColumn = nil
    }

    public mutating func deleteBackward() {
        goalColumn = nil
        if col > 0 { lines[row].remove(at: col - 1); col -= 1; return }
        guard row > 0 else { return }
        col = lines[row - 1].count
        lines[row - 1] += lines[row]
        lines.remove(at: row)
        row -= 1
    }

    public mutating func deleteForward() {
        goalColumn = nil
        if col < lines[row].count { lines[row].remove(at: col); return }
        guard row + 1 < lines.count else { return }
        lines[row] += lines[row + 1]
        lines.remove(at: row + 1)
    }

    /// Ctrl-K: to the end of the line; at the end, joins the next line.
    public mutating func killToEnd() {
        if col == lines[row].count { deleteForward() } else { lines[row].removeSubrange(col...) }
    }

    public mutating func killToStart() { lines[row].removeSubrange(..<col); col = 0; goalColumn = nil }

    public mutating func deleteWordBackward() {
        guard col > 0 else { deleteBackward(); return }
        let start = LineEditor(lines[row], cursor: col).wordStart(before: col)
        lines[row].removeSubrange(start..<col)
        col = start; goalColumn = nil
    }

    // MARK: movement

    public mutating func left() {
        goalColumn = nil
        if col > 0 { col -= 1 } else if row > 0 { row -= 1; col = lines[row].count }
    }

    public mutating func right() {
        goalColumn = nil
        if col < lines[row].count { col += 1 } else if row + 1 < lines.count { row += 1; col = 0 }
    }

    public mutating func wordLeft() {
        guard col > 0 else { left(); return }
        let l = LineEditor(lines[row], cursor: col)
        col = l.wordStart(before: col); goalColumn = nil
    }

    public mutating func wordRight() {
        guard col < lines[row].count else { right(); return }
        var l = LineEditor(lines[row], cursor: col)
        l.wordRight()
        col = l.cursor; goalColumn = nil
    }

    public mutating func home() { col = 0; goalColumn = nil }
    public mutating func end() { col = lines[row].count; goalColumn = nil }
    public mutating func documentStart() { row = 0; col = 0; goalColumn = nil }
    public mutating func documentEnd() { row = lines.count - 1; col = lines[row].count; goalColumn = nil }

    /// Moves `n` display rows down (negative: up), keeping the column where it can.
    public mutating func moveVertically(_ n: Int, width: Int) {
        let rows = displayRows(width: width)
        let here = cursorPosition(width: width)
        let goal = goalColumn ?? here.column
        let target = max(0, min(rows.count - 1, here.row + n))
        let (line, range) = rows[target]
        var c = range.lowerBound, used = 0
        while c < range.upperBound {
            let w = LineEditor.columns(lines[line][c])
            if used + w > goal { break }
            used += w; c += 1
        }
        // A full wrapped row ends where the next begins: stay on this row.
        if c == range.upperBound && range.upperBound < lines[line].count && c > range.lowerBound { c -= 1 }
        row = line; col = c
        goalColumn = goal
    }
}
