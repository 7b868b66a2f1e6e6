// An in-memory frame: a grid of cells, each holding one grapheme and a style slot.
// Views draw here; the ncurses backend, `scened snapshot` and the tests read it.
// Every operation clips: any coordinates, negative or huge, are safe.

/// One terminal column. A wide grapheme lives in its first cell (`width == 2`); the
/// cell to its right is a `continuation` cell with empty text.
public struct Cell: Equatable, Sendable {
    public var text: String
    public var width: UInt8
    public var slot: StyleSlot
    public var continuation: Bool

    public init(text: String, width: UInt8, slot: StyleSlot, continuation: Bool = false) {
        self.text = text
        self.width = width
        self.slot = slot
        self.continuation = continuation
    }

    public static func blank(_ slot: StyleSlot = .normal) -> Cell { Cell(text: " ", width: 1, slot: slot) }
    static func continuation(_ slot: StyleSlot) -> Cell { Cell(text: "", width: 0, slot: slot, continuation: true) }
}

public struct ScreenBuffer: Sendable {
    public let width: Int
    public let height: Int
    private var cells: [Cell]
    /// An ASCII frame (the terminal's locale is not UTF-8): everything drawn is folded
    /// with `SafeText.inert(_:ascii: true)` (`→` becomes `->`, other scripts `?`), so no
    /// non-ASCII byte can reach the terminal, whichever view drew it.
    public let ascii: Bool

    public init(width: Int, height: Int, ascii: Bool = false) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.ascii = ascii
        cells = Array(repeating: .blank(), count: self.width * self.height)
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// The cell at (x, y); a blank cell outside the buffer.
    public subscript(x: Int, y: Int) -> Cell {
        guard let i = index(x, y) else { return .blank() }
        return cells[i]
    }

    /// Row `y` holds the same cells in both buffers (of the same width).
    public func rowEquals(_ y: Int, _ other: ScreenBuffer) -> Bool {
        guard width == other.width, y >= 0, y < height, y < other.height else { return false }
        let start = y * width
        for i in start..<(start + width) where cells[i] != other.cells[i] { return false }
        return true
    }

    private func index(_ x: Int, _ y: Int) -> Int? {
        guard x >= 0, y >= 0, x < width, y < height else { return nil }
        return y * width + x
    }

    /// Writes `s` from column `x` of row `y` and returns the columns it advanced, so
    /// calls can be chained (`x += put(...)`). The text is clipped at the buffer's edges
    /// and after `maxWidth` columns. A wide character is never split: one that would
    /// straddle the clip edge is drawn as a space. Control and bidi characters are drawn
    /// inert (see `SafeText`), so nothing can reach the terminal as an escape sequence.
    /// Zero-width characters (a lone combining mark) attach to the previous cell.
    @discardableResult
    public mutating func put(_ s: String, x: Int, y: Int, slot: StyleSlot, maxWidth: Int? = nil) -> Int {
        var right = width
        if let m = maxWidth {
            let (sum, overflow) = x.addingReportingOverflow(max(0, m))
            if !overflow { right = min(right, sum) }
        }
        guard x < right else { return 0 }
        let text = ascii || SafeText.needsEscaping(s) ? SafeText.inert(s, ascii: ascii) : s
        let rowVisible = y >= 0 && y < height
        var col = x
        // Printable ASCII (most of what views draw): one column per byte, no grapheme
        // breaking or width lookups; the same cells as the loop below.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
            for b in text.utf8 {
                guard col < right else { break }
                if rowVisible && col >= 0 {
                    let i = y * width + col
                    if cells[i].continuation || cells[i].width == 2 { breakWide(at: col, y: y) }
                    cells[i] = Cell(text: Self.asciiText[Int(b &- 0x20)], width: 1, slot: slot)
                }
                col += 1
            }
            return col - x
        }
        var lastDrawn: Int? = nil
        for ch in text {
            guard col < right else { break }
            let w = TextWidth.of(ch)
            if w == 0 {
                if let i = lastDrawn { cells[i].text.append(ch) }
                continue
            }
            lastDrawn = nil
            if col + w > right {
                // A wide character cut by the clip edge: its visible column becomes a space.
                if rowVisible { setNarrow(" ", x: col, y: y, slot: slot) }
                col += 1
                break
            }
            if rowVisible && col + w > 0 {
                if col < 0 {
                    setNarrow(" ", x: 0, y: y, slot: slot)   // wide char cut by the left edge
                } else if w == 2 {
                    setWide(ch, x: col, y: y, slot: slot)
                    lastDrawn = index(col, y)
                } else {
                    setNarrow(ch, x: col, y: y, slot: slot)
                    lastDrawn = index(col, y)
                }
            }
            col += w
        }
        return col - x
    }

    /// Fills a rectangle with `char` (a space by default) in `slot`.
    public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, slot: StyleSlot, char: Character = " ") {
        let area = Rect(x: x, y: y, width: w, height: h).intersection(bounds)
        guard !area.isEmpty else { return }
        let cw = max(1, TextWidth.of(char))
        var row = ""
        if char == " " { TextWidth.appendSpaces(area.width, to: &row) } else { row = String(repeating: String(char), count: (area.width + cw - 1) / cw) }
        for yy in area.y..<area.maxY {
            put(row, x: area.x, y: yy, slot: slot, maxWidth: area.width)
        }
    }

    /// Fills the rectangle `r`.
    public mutating func fill(_ r: Rect, slot: StyleSlot, char: Character = " ") {
        fill(x: r.x, y: r.y, width: r.width, height: r.height, slot: slot, char: char)
    }

    /// Changes the style of columns `from..<to` of `row` without touching the text,
    /// e.g. to paint a selection bar over an already drawn line.
    public mutating func restyle(row: Int, from: Int, to: Int, slot: StyleSlot) {
        guard row >= 0, row < height else { return }
        let lo = max(0, from), hi = min(width, to)
        guard lo < hi else { return }
        for x in lo..<hi { cells[row * width + x].slot = slot }
    }

    /// Plain text of each row (continuation cells skipped, trailing spaces trimmed).
    public var lines: [String] {
        (0..<height).map { y in
            var line = ""
            for x in 0..<width where !cells[y * width + x].continuation { line += cells[y * width + x].text }
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    /// All rows joined with "\n": what a golden snapshot compares.
    public func plainText() -> String { lines.joined(separator: "\n") }

    /// One string per row, `#` where a cell has `slot` and `.` elsewhere (one character
    /// per column), so tests can assert *where* a style landed.
    public func styleMask(_ slot: StyleSlot) -> [String] {
        (0..<height).map { y in
            String((0..<width).map { cells[y * width + $0].slot == slot ? "#" : "." })
        }
    }

    // MARK: - Cell writes that keep wide characters whole

    /// The text of a cell holding printable ASCII byte `b`, at `b - 0x20`.
    private static let asciiText: [String] = (0x20..<0x7F).map { String(Unicode.Scalar(UInt8($0))) }

    private mutating func setNarrow(_ ch: Character, x: Int, y: Int, slot: StyleSlot) {
        guard let i = index(x, y) else { return }
        breakWide(at: x, y: y)
        cells[i] = Cell(text: String(ch), width: 1, slot: slot)
    }

    private mutating func setWide(_ ch: Character, x: Int, y: Int, slot: StyleSlot) {
        guard let i = index(x, y), index(x + 1, y) != nil else { return }
        breakWide(at: x, y: y)
        breakWide(at: x + 1, y: y)
        cells[i] = Cell(text: String(ch), width: 2, slot: slot)
        cells[i + 1] = .continuation(slot)
    }

    /// Before overwriting column x: if it is half of a wide character, blank the other half.
    private mutating func breakWide(at x: Int, y: Int) {
        guard let i = index(x, y) else { return }
        if cells[i].continuation, let lead = index(x - 1, y) {
            cells[lead] = .blank(cells[lead].slot)
        } else if cells[i].width == 2, let tail = index(x + 1, y) {
            cells[tail] = .blank(cells[tail].slot)
        }
    }
}
