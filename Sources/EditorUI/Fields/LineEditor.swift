// A one-line text editor as a pure value: the text as grapheme clusters, a cursor
// between them, and one operation per key. Widths come from TextWidth, so wide
// (CJK, emoji) characters take two columns and never split.

public struct LineEditor: Sendable, Equatable {
    public private(set) var chars: [Character]
    /// Cursor position: 0 (before the first character) through `chars.count`.
    public private(set) var cursor: Int

    public init(_ text: String, cursorAtEnd: Bool = true) {
        chars = Array(text)
        cursor = cursorAtEnd ? chars.count : 0
    }

    init(_ chars: [Character], cursor: Int) {
        self.chars = chars
        self.cursor = max(0, min(chars.count, cursor))
    }

    public var text: String { String(chars) }
    public var isEmpty: Bool { chars.isEmpty }

    // MARK: editing

    /// Inserts typed or pasted text at the cursor.
    public mutating func insert(_ s: String) {
        let new = Array(s)
        chars.insert(contentsOf: new, at: cursor)
        cursor += new.count
    }

    public mutating func setText(_ s: String) { chars = Array(s); cursor = chars.count }

    public mutating func deleteBackward() {
        guard cursor > 0 else { return }
        chars.remove(at: cursor - 1)
        cursor -= 1
    }

    public mutating func deleteForward() {
        guard cursor < chars.count else { return }
        chars.remove(at: cursor)
    }

    /// Ctrl-K: deletes from the cursor to the end.
    public mutating func killToEnd() { chars.removeSubrange(cursor...) }

    /// Ctrl-U: deletes from the start to the cursor.
    public mutating func killToStart() {
        chars.removeSubrange(..<cursor)
        cursor = 0
    }

    /// Ctrl-W: deletes the word before the cursor (and the spaces after it).
    public mutating func deleteWordBackward() {
        let start = wordStart(before: cursor)
        chars.removeSubrange(start..<cursor)
        cursor = start
    }

    // MARK: movement

    public mutating func left() { cursor = max(0, cursor - 1) }
    public mutating func right() { cursor = min(chars.count, cursor + 1) }
    public mutating func home() { cursor = 0 }
    public mutating func end() { cursor = chars.count }
    public mutating func wordLeft() { cursor = wordStart(before: cursor) }

    public mutating func wordRight() {
        var i = cursor
        while i < chars.count && !isWordChar(chars[i]) { i += 1 }
        while i < chars.count && isWordChar(chars[i]) { i += 1 }
        cursor = i
    }

    func wordStart(before pos: Int) -> Int {
        var i = pos
        while i > 0 && !isWordChar(chars[i - 1]) { i -= 1 }
        while i > 0 && isWordChar(chars[i - 1]) { i -= 1 }
        return i
    }

    func isWordChar(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" }

    // MARK: display

    /// Columns one character takes on screen (controls are drawn as visible escapes).
    public static func columns(_ c: Character) -> Int {
        let s = String(c)
        return SafeText.needsEscaping(s) ? TextWidth.of(SafeText.inert(s, ascii: false)) : TextWidth.of(c)
    }

    /// Column of the cursor within the whole text.
    public var cursorColumn: Int { chars[..<cursor].reduce(0) { $0 + LineEditor.columns($1) } }

    /// The part of the text to draw in `width` columns and the cursor's column in it.
    /// The text scrolls horizontally so the cursor always stays visible.
    public func window(width: Int) -> (text: String, cursorColumn: Int) {
        guard width > 1 else { return ("", 0) }
        var start = 0
        var col = cursorColumn
        // Keep one column for the cursor itself at the right edge.
        while col > width - 1 && start < cursor {
            col -= LineEditor.columns(chars[start])
            start += 1
        }
        var out = ""
        var used = 0
        var i = start
        while i < chars.count {
            let w = LineEditor.columns(chars[i])
            if used + w > width { break }
            out.append(chars[i]); used += w; i += 1
        }
        return (out, col)
    }
}
