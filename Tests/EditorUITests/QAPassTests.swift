// Regressions found by a QA pass over the upgrade review, the connection screens and
// the safety features (issues #6 and #8), each driven through keys as a user would.
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import BlueprintKit
@testable import EditorUI

@Suite struct QAPassTests {
    func press(_ e: Editor, _ keys: String, width: Int = 100, height: Int = 30) throws {
        for k in try Key.parseSequence(keys) {
            e.handle(k)
            _ = EditorView.render(e, width: width, height: height)
        }
    }

    func frame(_ e: Editor, _ width: Int, _ height: Int) -> String {
        EditorView.render(e, width: width, height: height).plainText()
    }

    func scratch() -> String {
        let d = NSTemporaryDirectory() + "scened-qa-\(UUID().uuidString)"
        mkdir(d, 0o755)
        return d
    }

    // MARK: a terminal too small to draw the editor

    /// "enlarge or press q": keys must not act on a screen nobody can see. In the review,
    /// `q` used to end the review (and a second `q` closed its summary) instead of quitting.
    @Test func tooSmallInTheReviewQQuitsAndChangesNothing() throws {
        let e = try Editor(bytes: DemoScenario.bytes, path: nil)
        _ = frame(e, 100, 30)
        try press(e, "R")
        #expect(e.screen == .review)
        #expect(frame(e, 20, 6).contains("enlarge or press q"))
        try press(e, "yyan", width: 20, height: 6)   // hidden: would apply upgrades
        #expect(!e.isModified)
        #expect(e.review?.position == 0)
        #expect(e.screen == .review)
        #expect(e.handle(.char("q")) == false)        // quits
    }

    /// With unsaved changes `q` asks, and the question is what the small screen shows.
    @Test func tooSmallWithUnsavedChangesQAsksOnTheSmallScreen() throws {
        let e = try Editor(bytes: DemoScenario.bytes, path: nil)
        try press(e, ":3<Enter>u")
        #expect(e.isModified)
        _ = frame(e, 30, 8)
        try press(e, "j:", width: 30, height: 8)
        #expect(e.prompt == nil)
        #expect(e.cursor == e.rows.firstIndex { $0.moduleIndex == e.blueprint.modules.firstIndex { $0.id == 3 } })
        #expect(e.handle(.char("q")) == true)         // asks first
        #expect(e.confirm == .quit)
        let small = frame(e, 30, 8)
        #expect(small.contains("Save changes before"))
        #expect(small.contains("(d)iscard"))
        #expect(!small.contains("enlarge or press q"))
        try press(e, "c", width: 30, height: 8)
        #expect(e.confirm == nil)
        #expect(e.isModified)
        #expect(e.handle(.char("q")) == true)
        #expect(e.handle(.char("d")) == false)        // discard: quits
    }

    /// A field being edited when the terminal shrinks: typed keys must not go into the hidden value.
    @Test func tooSmallWhileEditingAFieldTypesNothing() throws {
        let e = try Editor(bytes: DemoScenario.bytes, path: nil)
        try press(e, ":3<Enter><Tab>jjjjj<Enter>")
        let before = e.fields.edit
        #expect(before != nil)
        _ = frame(e, 30, 8)
        try press(e, "xyz<Enter>", width: 30, height: 8)
        #expect(e.fields.edit?.mode == before?.mode)
        #expect(!e.isModified)
        _ = frame(e, 100, 30)   // enlarged again: keys work as before
        try press(e, "<Esc>")
        #expect(e.fields.edit == nil)
    }

    // MARK: save as

    /// After `W` to another file the title must name that file (the editor now saves there),
    /// not the file (or demo) it was opened as.
    @Test func saveAsRenamesTheTitle() throws {
        let dir = scratch(); defer { try? FileManager.default.removeItem(atPath: dir) }
        let a = "\(dir)/a.json"
        _ = FileManager.default.createFile(atPath: a, contents: Data(DemoScenario.bytes))
        let e = try Editor(bytes: DemoScenario.bytes, path: a, stamp: FileStamp(bytes: DemoScenario.bytes))
        try press(e, ":3<Enter>uW<C-u>\(dir)/b.json<Enter>")
        #expect(e.path == "\(dir)/b.json")
        #expect(!e.isModified)
        let title = frame(e, 100, 30).split(separator: "\n")[0]
        #expect(title.contains("b.json"))
        #expect(!title.contains("a.json"))

        let demo = try Editor(bytes: DemoScenario.bytes, path: nil, displayName: DemoScenario.displayName)
        try press(demo, ":3<Enter>uw\(dir)/c.json<Enter>")
        #expect(demo.path == "\(dir)/c.json")
        let t2 = frame(demo, 100, 30).split(separator: "\n")[0]
        #expect(t2.contains("c.json"))
        #expect(!t2.contains(DemoScenario.displayName))
    }

    // MARK: `?` in the connection picker

    /// `?` is "show this help" everywhere; in the picker it said "not available". Help opens
    /// at the picker's keys, and closing it returns to the picker as it was.
    @Test func helpFromThePickerReturnsToIt() throws {
        let e = try Editor(bytes: DemoScenario.bytes, path: nil)
        try press(e, ":8<Enter>cj?")
        #expect(e.screen == .help)
        #expect(e.connectionPicker != nil)
        let help = frame(e, 100, 30)
        #expect(help.split(separator: "\n")[1].contains("Connection picker"))
        #expect(!help.contains("type to filter"))     // the picker is not drawn over help
        let cursor = e.connectionPicker?.cursor
        let top = e.screenScroll
        e.handle(.mouse(MouseEvent(kind: .scrollDown, x: 3, y: 5)))   // the wheel scrolls help
        #expect(e.connectionPicker?.cursor == cursor)
        #expect(e.screenScroll > top)
        try press(e, "q")                              // closes help, not the picker
        #expect(e.screen == .main)
        #expect(e.connectionPicker != nil)
        #expect(frame(e, 100, 30).contains("type to filter"))
        try press(e, "<Esc>")
        #expect(e.connectionPicker == nil)

        // from the review's picker: back to the picker, then to the review
        let r = try Editor(bytes: DemoScenario.bytes, path: nil)
        try press(r, "Rnnnnc?")
        #expect(r.screen == .help)
        try press(r, "<Esc>")
        #expect(r.connectionPicker != nil)
        try press(r, "<Esc>")
        #expect(r.connectionPicker == nil)
        #expect(r.screen == .review)
    }

    // MARK: z in the review after `c`

    /// `c` on an upgrade that needs a new connection applies it and assigns one; `z` in the
    /// review used to refuse ("other changes were made after it: undo them in the tree
    /// first") although both steps were made in the review. It takes the answer back
    /// with its connection now.
    @Test func undoInTheReviewTakesBackAConnectionChosenWithC() throws {
        let e = try Editor(bytes: ReviewFixture.bytes, path: nil, displayName: "fixture.json")
        try press(e, "Rcn800002<Enter>Support Gmail (new)<Enter>")
        #expect(e.review?.current?.moduleId == 2)
        #expect(e.session.undoStack.count == 2)
        try press(e, "z")
        #expect(e.session.undoStack.count == 0)
        #expect(e.session.document.bytes.array.elementsEqual(ReviewFixture.bytes), "back to the fixture's bytes")
        #expect(e.review?.current?.moduleId == 1 && e.review?.current?.answer == nil)
        #expect(e.message?.contains("and the connection chosen for it") == true)
        // answered again differently
        try press(e, "nnm")
        #expect(e.review?.summary.skipped.map(\.moduleId) == [1, 2])
    }

    /// A connection chosen with `c` (and "apply to the others") for a module not answered
    /// yet is taken back on its own, before the earlier answers, one `z` at a time.
    @Test func undoInTheReviewTakesBackAConnectionOfAnUnansweredModuleFirst() throws {
        let e = try Editor(bytes: DemoScenario.bytes, path: nil)
        try press(e, "Rnnyc")                          // #2, #3 skipped, #7 applied, picker for #8
        let afterAnswers = e.session.document.bytes.array
        try press(e, "n42<Enter>Z<Enter>y")           // #8 and #4 now use 42: two steps
        #expect(e.review?.current?.moduleId == 8 && e.review?.current?.answer == nil)
        #expect(e.session.undoStack.count == 3)
        try press(e, "z")
        #expect(e.session.document.bytes.array.elementsEqual(afterAnswers), "back to the bytes after the answers")
        #expect(e.review?.current?.moduleId == 8)
        #expect(e.message == "took back the connection chosen for #8")
        try press(e, "z")                              // then #7's upgrade
        #expect(e.session.undoStack.count == 0)
        #expect(e.review?.current?.moduleId == 7)
        // undone in the tree meanwhile: nothing is undone twice
        try press(e, "ycn43<Enter>W<Enter>n<Esc>zR")
        #expect(e.session.undoStack.count == 1)       // #7's upgrade only
        try press(e, "z")
        #expect(e.session.undoStack.count == 0)
        #expect(e.review?.current?.moduleId == 7)
    }

    /// Keys the review does not bind said nothing at all (w, Ctrl-R, d, ...).
    @Test func anUnboundKeyInTheReviewSaysSo() throws {
        let e = try Editor(bytes: DemoScenario.bytes, path: nil)
        try press(e, "Rd")
        #expect(e.screen == .review)
        #expect(e.message?.contains("d does nothing in the review") == true)
    }

    // MARK: the picker's header and message

    /// An old export whose module keeps no restore entry (and a module just upgraded)
    /// stores only the id: the message said `now uses connection 777 ("X2", twitter2)`
    /// although neither label nor type was written. The header named an unlabelled
    /// module by its module name twice and showed an empty label as `""`.
    @Test func pickerSaysWhenTheLabelCannotBeStoredAndNamesModulesAsTheTreeDoes() throws {
        let old = """
        {"name": "old export", "flow": [
          {"id": 1, "module": "slack:CreateMessage", "version": 4, "parameters": {"__IMTCONN__": 5},
           "mapper": {"text": "hi"}, "metadata": {"restore": {"__IMTCONN__": {"label": ""}}}},
          {"id": 2, "module": "slack:CreateMessage", "version": 4, "parameters": {"__IMTCONN__": 5},
           "mapper": {"text": "hi"}, "metadata": {}}
        ], "metadata": {"version": 1}}
        """
        let e = try Editor(bytes: Array(old.utf8), path: nil)
        try press(e, "c")
        let top = frame(e, 100, 12).split(separator: "\n")
        #expect(top[1].contains("Connection for #1 Slack › Create a message · slack:CreateMessage · __IMTCONN__"))
        #expect(top[2].hasSuffix("now 5"))
        try press(e, "<Esc>jc")
        try press(e, "n777<Enter>X2<Enter>n")
        #expect(e.connectionPicker == nil)
        #expect(e.message?.hasPrefix("#2 now uses connection 777 (its label \"X2\" is not stored: #2 keeps no restore entry for __IMTCONN__)") == true)
    }

    // MARK: quit → save on the demo

    /// "Save changes before quitting? (s)ave" on the demo asks for a file name; after it was
    /// saved the editor stayed open. It quits now; Esc on the name cancels the quit.
    @Test func quitThenSaveOnTheDemoQuitsOnceSaved() throws {
        let dir = scratch(); defer { try? FileManager.default.removeItem(atPath: dir) }
        let e = try Editor(bytes: DemoScenario.bytes, path: nil)
        try press(e, ":3<Enter>uqs")
        #expect(e.prompt?.kind == .saveAs)
        try press(e, "<Esc>")
        #expect(!e.wantsQuit)
        try press(e, "w\(dir)/x.json<Enter>")         // a plain save later does not quit
        #expect(!e.wantsQuit && !e.isModified)
        try press(e, ":7<Enter>uqs")                   // the file has a name now: saves and quits
        #expect(e.wantsQuit)

        let d = try Editor(bytes: DemoScenario.bytes, path: nil)
        try press(d, ":3<Enter>uqs\(dir)/y.json")
        #expect(d.handle(.enter) == false)             // saved, then quits
        #expect(FileManager.default.fileExists(atPath: "\(dir)/y.json"))
    }

    // MARK: save as over another file

    /// `W` with the name of another existing file replaced it without a word (a typo could
    /// cost a colleague's scenario). It asks now; n keeps that file and the edits.
    @Test func saveAsOverAnExistingFileAsksFirst() throws {
        let dir = scratch(); defer { try? FileManager.default.removeItem(atPath: dir) }
        let other = "\(dir)/other.json", precious = Array(#"{"precious": true}"#.utf8)
        _ = FileManager.default.createFile(atPath: other, contents: Data(precious))
        let e = try Editor(bytes: DemoScenario.bytes, path: nil)
        try press(e, ":3<Enter>uW\(other)<Enter>")
        #expect(e.confirm == .overwriteOther(name: other))
        #expect(frame(e, 100, 30).contains("other.json already exists: overwrite it? (y/n)"))
        try press(e, "n")
        #expect(e.confirm == nil && e.isModified && e.path == nil)
        #expect(FileManager.default.contents(atPath: other).map { Array($0) } == precious)
        try press(e, "W<C-u>\(other)<Enter>y")
        #expect(!e.isModified && e.path == other)
        #expect(FileManager.default.contents(atPath: other).map { Array($0).elementsEqual(e.session.document.bytes.array) } == true)
        // saving again to the file now being edited does not ask
        try press(e, ":7<Enter>uw")
        #expect(e.confirm == nil && !e.isModified)
        // a new name does not ask either, nor does a device
        try press(e, "W<C-u>\(dir)/new.json<Enter>")
        #expect(e.confirm == nil && e.path == "\(dir)/new.json")
        #expect(Editor.isExistingRegularFile("/dev/null") == false)
    }

    // MARK: the minimum terminal size

    /// At 40x8, the size the editor says it needs, the picker was not drawn at all (the
    /// tree showed while keys went to the hidden picker) and the connections view was blank.
    @Test func pickerAndConnectionsViewDrawAtTheMinimumSize() throws {
        let e = try Editor(bytes: DemoScenario.bytes, path: nil)
        _ = frame(e, 40, 8)
        try press(e, ":8<Enter>c", width: 40, height: 8)
        var lines = frame(e, 40, 8).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[1].contains("Connection for #8"))
        #expect(lines[2].contains("771204"))
        #expect(lines[5].contains("Enter assign"))
        try press(e, "<Esc>C", width: 40, height: 8)
        lines = frame(e, 40, 8).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[1].contains("id") && lines[1].contains("label"))
        #expect(lines.contains { $0.contains("771204") })
        #expect(lines[5].contains("Enter modules"))
    }

    /// At 40 columns a modified scenario's title was only " scened  [+]": the name and the
    /// file both vanished. The zone and then the file name give way first now.
    @Test func narrowTitleKeepsTheScenarioName() throws {
        let e = try Editor(bytes: DemoScenario.bytes, path: nil, displayName: DemoScenario.displayName)
        try press(e, ":3<Enter>u", width: 40, height: 8)
        let title = frame(e, 40, 8).split(separator: "\n")[0]
        #expect(title.hasPrefix(" scened Shop orders"))
        #expect(title.contains("[+]"))
        #expect(title.contains("demo scenario"))
        #expect(frame(e, 100, 8).split(separator: "\n")[0].contains("us1.make.com"))
    }

    /// Tab in the review (or help) moved the focus of the hidden panes: leaving the review
    /// with Esc then landed in the detail pane.
    @Test func tabInTheReviewDoesNotMoveTheHiddenFocus() throws {
        let e = try Editor(bytes: DemoScenario.bytes, path: nil)
        try press(e, "R<Tab><Esc>")
        #expect(e.screen == .main && e.pane == .tree)
        try press(e, "?<Tab>q")
        #expect(e.screen == .main && e.pane == .tree)
        try press(e, "<Tab>")
        #expect(e.pane == .detail)
    }

    /// The new-id prompt of a webhook (or key) picker said "'abc' is not a connection id".
    @Test func newIdErrorNamesTheKind() throws {
        let e = try Editor(bytes: DemoScenario.bytes, path: nil)
        try press(e, ":1<Enter>cnabc<Enter>")
        #expect(e.connectionPicker?.stage == .newId(text: "abc", error: "'abc' is not a webhook id: use a positive integer such as 4242"))
    }
}
