// Row 0: scenario name, file name, zone, and [+] when modified.

enum TitleBarView {
    static func draw(_ e: Editor, into buf: inout ScreenBuffer, width: Int) {
        buf.clearRow(0, x: 0, width: width, slot: .title)
        let ascii = !e.glyphs.isUnicode
        let name = inert(e.blueprint.name ?? "(unnamed scenario)", ascii: ascii)
        var right = e.displayName
        if let z = e.blueprint.zone { right += "  \(z)" }
        let rightText = inert(right, ascii: ascii) + " "
        let rw = TextWidth.of(rightText)
        let modified = e.isModified ? " [+]" : ""
        var x = buf.put(" scened ", x: 0, y: 0, slot: .title, maxWidth: width)
        let nameRoom = max(0, width - x - rw - TextWidth.of(modified) - 2)
        x += buf.put(TextWidth.truncate(name, to: nameRoom, ellipsis: true), x: x, y: 0, slot: .title, maxWidth: nameRoom)
        if !modified.isEmpty { x += buf.put(modified, x: x, y: 0, slot: .titleModified, maxWidth: width - x) }
        if width - rw > x + 1 { buf.put(rightText, x: width - rw, y: 0, slot: .title, maxWidth: rw) }
    }
}
