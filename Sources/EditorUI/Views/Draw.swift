// Small drawing helpers shared by the views. All clipping happens in ScreenBuffer.

extension ScreenBuffer {
    /// Draws styled segments from (x, y), clipped to `width` columns; returns columns used.
    @discardableResult
    mutating func draw(_ segments: [(String, StyleSlot)], x: Int, y: Int, width: Int) -> Int {
        var used = 0
        for (text, slot) in segments {
            guard used < width else { break }
            used += put(text, x: x + used, y: y, slot: slot, maxWidth: width - used)
        }
        return used
    }

    /// Fills a whole row segment with spaces in `slot`.
    mutating func clearRow(_ y: Int, x: Int, width: Int, slot: StyleSlot) {
        fill(x: x, y: y, width: width, height: 1, slot: slot, char: " ")
    }
}

/// Text from a blueprint made safe to draw.
func inert(_ s: String, ascii: Bool) -> String { SafeText.inert(s, ascii: ascii) }

/// `Enter choose  / filter  Esc cancel`: the first key of each action in `context`
/// (from the key table), each followed by its short name.
func keyHints(_ e: Editor, _ actions: [(Action, String)], in context: KeyContext) -> [(String, StyleSlot)] {
    var segs: [(String, StyleSlot)] = []
    for (a, name) in actions {
        guard let k = e.keyTable.keys(for: a, in: context).first else { continue }
        segs.append((k.displayName(ascii: !e.glyphs.isUnicode), .statusKey))
        segs.append((" \(name)  ", .dim))
    }
    return segs
}
