// Row 0: scenario name, file name, zone, and [+] when modified.

enum TitleBarView {
    static func draw(_ e: Editor, into buf: inout ScreenBuffer, width: Int) {
        buf.clearRow(0, x: 0, width: width, slot: .title)
        let ascii = !e.glyphs.isUnicode
        let name = inert(e.blueprint.name ?? "(unnamed scenario)", ascii: ascii)
        let modified = e.isModified ? " [+]" : ""
        // On a narrow terminal the zone goes first, then the file name, so that the
        // scenario's name keeps some room (it used to vanish at 40 columns once modified).
        let fixed = TextWidth.of(" scened ") + TextWidth.of(modified) + 2
        let wanted = min(12, TextWidth.of(name))
        var choices = [e.displayName]
        if let z = e.blueprint.zone { choices.insert(e.displayName + "  \(z)", at: 0) }
        if let p = e.workspacePosition { choices = choices.map { "\(p)  \($0)" } + choices + [p] }
        let rightText = choices.map { inert($0, ascii: ascii) + " " }
            .first { width - fixed - TextWidth.of($0) >= wanted } ?? ""
        let rw = TextWidth.of(rightText)
        var x = buf.put(" scened ", x: 0, y: 0, slot: .title, maxWidth: width)
        let nameRoom = max(0, width - x - rw - TextWidth.of(modified) - 2)
        x += buf.put(TextWidth.truncate(name, to: nameRoom, ellipsis: e.glyphs.ellipsis), x: x, y: 0, slot: .title, maxWidth: nameRoom)
        if !modified.isEmpty { x += buf.put(modified, x: x, y: 0, slot: .titleModified, maxWidth: width - x) }
        if rw > 0 && width - rw > x + 1 { buf.put(rightText, x: width - rw, y: 0, slot: .title, maxWidth: rw) }
    }
}
