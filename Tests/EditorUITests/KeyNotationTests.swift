import Testing
@testable import EditorUI

@Suite struct KeyNotationTests {
    @Test func parsesVimNotation() throws {
        let keys = try Key.parseSequence("jj<Enter><C-s><Down>:12<Esc>")
        #expect(keys == [.char("j"), .char("j"), .enter, .ctrl("s"), .down, .char(":"), .char("1"), .char("2"), .escape])
        #expect(try Key.parseSequence("<CR><cr><S-Tab><BS><Del><PgUp><PgDn><PageUp><pagedown><Home><End>")
            == [.enter, .enter, .backTab, .backspace, .delete, .pageUp, .pageDown, .pageUp, .pageDown, .home, .end])
        #expect(try Key.parseSequence("<Space><lt><F1><F12><Tab><Insert><Left><Right><Up>")
            == [.char(" "), .char("<"), .function(1), .function(12), .tab, .insert, .left, .right, .up])
        #expect(try Key.parseSequence("<C-S><M-x><A-x><C-Space>") == [.ctrl("s"), .alt("x"), .alt("x"), .ctrl(" ")])
        #expect(try Key.parseSequence("<C-i><C-m><C-[>") == [.tab, .enter, .escape])
        #expect(try Key.parseSequence("") == [])
        #expect(Key.parse("<C-s>") == .ctrl("s"))
        #expect(Key.parse("jk") == nil)
    }

    @Test func rejectsMalformedNotationWithAHelpfulMessage() {
        #expect(throws: KeyNotationError(reason: .unterminated, offset: 1)) { try Key.parseSequence("a<Enter") }
        #expect(throws: KeyNotationError(reason: .unknownName("Nope"), offset: 0)) { try Key.parseSequence("<Nope>") }
        #expect(throws: KeyNotationError(reason: .empty, offset: 0)) { try Key.parseSequence("<>") }
        #expect(throws: KeyNotationError.self) { try Key.parseSequence("<F99>") }
        let message = KeyNotationError(reason: .unterminated, offset: 1).description
        #expect(message.contains("<lt>") && message.contains("position 2"))
    }

    static let allKinds: [Key] = [
        .char("j"), .char("G"), .char(" "), .char("<"), .char(">"), .char("模"), .char("é"),
        .ctrl("s"), .ctrl(" "), .ctrl(">"), .ctrl("-"), .alt("x"), .enter, .escape, .tab, .backTab,
        .backspace, .delete, .up, .down, .left, .right, .home, .end, .pageUp, .pageDown, .insert,
        .function(1), .function(12), .resize, .unknown(410),
    ]

    @Test(arguments: allKinds)
    func notationRoundTrips(_ key: Key) throws {
        #expect(try Key.parseSequence(key.notation) == [key], "\(key.notation)")
    }

    @Test func printedNotationAndDisplayNames() {
        #expect(Key.ctrl("s").notation == "<C-s>")
        #expect(Key.enter.notation == "<Enter>")
        #expect(Key.char(" ").notation == "<Space>")
        #expect(Key.pageDown.notation == "<PageDown>")
        #expect(Key.ctrl("s").displayName == "Ctrl-S")
        #expect(Key.down.displayName == "↓")
        #expect(Key.down.displayName(ascii: true) == "Down")
        #expect(Key.enter.displayName == "Enter")
        #expect(Key.char(" ").displayName == "Space")
        #expect(Key.function(5).displayName == "F5")
        #expect(Key.backTab.displayName == "Shift-Tab")
        let sequence: [Key] = [.char("g"), .char("g"), .ctrl("s"), .down, .escape]
        #expect(sequence.map(\.notation).joined() == "gg<C-s><Down><Esc>")
    }
}
