import Testing
@testable import EditorUI

/// The one-line and multi-line editors as plain values: each key's operation,
/// wide characters, pasted text, soft wrapping.
@Suite struct FieldEditorValueTests {
    @Test func lineEditorKeysLikeAShell() {
        var l = LineEditor("hello big world")
        l.deleteWordBackward()                       // Ctrl-W
        #expect(l.text == "hello big " && l.cursor == 10)
        l.home(); l.right(); l.right()               // Ctrl-A, →, →
        l.killToEnd()                                // Ctrl-K
        #expect(l.text == "he" && l.cursor == 2)
        l.insert("y there"); l.wordLeft(); l.killToStart()   // Alt-b, Ctrl-U
        #expect(l.text == "there" && l.cursor == 0)
        l.end(); l.deleteBackward(); l.home(); l.deleteForward()
        #expect(l.text == "her")
        l.left(); l.left(); l.left(); l.left()       // clamps at 0
        #expect(l.cursor == 0)
    }

    @Test func pasteAndWideCharacters() {
        var l = LineEditor("")
        l.insert("注文 #12 🚀")                         // a paste arrives as one insert or many chars
        #expect(l.chars.count == 8)
        #expect(l.cursorColumn == 2 + 2 + 1 + 3 + 1 + 2)
        l.deleteBackward()
        #expect(l.text == "注文 #12 ")
        // The window never splits a wide character and keeps the cursor visible.
        var w = LineEditor("注文注文注文注文")
        let win = w.window(width: 5)
        #expect(win.cursorColumn <= 4)
        #expect(TextWidth.of(win.text) <= 5)
        w.home()
        #expect(w.window(width: 5).text == "注文")
        #expect(w.window(width: 5).cursorColumn == 0)
    }

    @Test func controlCharactersTakeTheWidthTheyAreDrawnWith() {
        let l = LineEditor("a\tb")
        #expect(l.cursorColumn == 1 + 2 + 1)      // a \t b, the tab drawn as a two-column escape
    }

    @Test func multiLineEditingJoinsAndSplitsLines() {
        var t = MultiLineEditor("<p>one</p>\n<p>two</p>")
        #expect(t.lines.count == 2)
        t.moveVertically(1, width: 80)
        #expect(t.row == 1 && t.col == 0)
        t.deleteBackward()                          // joins with the line above
        #expect(t.text == "<p>one</p><p>two</p>" && t.row == 0 && t.col == 10)
        t.newline(); t.insert("mid\nmore")
        #expect(t.text == "<p>one</p>\nmid\nmore<p>two</p>")
        t.killToEnd()
        #expect(t.text == "<p>one</p>\nmid\nmore")
        t.killToEnd()                               // at the end: nothing to join
        t.documentStart(); t.end(); t.killToEnd()  // joins the next line
        #expect(t.text == "<p>one</p>mid\nmore")
    }

    @Test func textRoundTripsExactly() {
        for s in ["", "\n", "a\r\nb", "x\n\ny\n", "注文\t{{1.id}}"] {
            #expect(MultiLineEditor(s).text == s)
        }
    }

    @Test func softWrapMovesOverDisplayRows() {
        var t = MultiLineEditor(String(repeating: "abcdefghij", count: 3) + "\nshort")
        #expect(t.displayRows(width: 10).count == 4)
        t.moveVertically(1, width: 10)
        #expect(t.row == 0 && t.col == 10)          // second display row of line 1
        #expect(t.cursorPosition(width: 10) == (row: 1, column: 0))
        t.end()
        #expect(t.cursorPosition(width: 10).row == 2)
        t.moveVertically(1, width: 10)
        #expect(t.row == 1 && t.col == 5)           // goal column clamps to the short line
        t.scrollToCursor(width: 10, height: 2)
        #expect(t.top == 2)
        // wide characters wrap whole
        let w = MultiLineEditor("注文注文注")
        #expect(w.displayRows(width: 3).map(\.range) == [0..<1, 1..<2, 2..<3, 3..<4, 4..<5])
    }
}
