import Testing
import BlueprintKit
@testable import EditorUI

/// Tree rows with long labels and long connection names: the label keeps 16 columns (or
/// all of it) before the connection gets any, the connection shrinks first and is left
/// out on narrow trees, truncation ends in the glyph set's ellipsis; modules without a
/// label show the catalog's `App › Module` name, unknown apps their raw name.
@Suite struct TreeLayoutTests {
    static func module(_ id: Int, _ module: String, label: String?, connection: String?, extra: String = "") -> String {
        let params = connection == nil ? "{}" : #"{"__IMTCONN__": \#(id * 1000)}"#
        var meta = #""designer": {"x": 0, "y": 0\#(label.map { #", "name": "\#($0)""# } ?? "")}"#
        if let c = connection {
            meta += #", "restore": {"parameters": {"__IMTCONN__": {"data": {"scoped": "true", "connection": "google"}, "label": "\#(c)"}}}"#
        }
        return #"{"id": \#(id), "module": "\#(module)", "version": 2, "parameters": \#(params), "mapper": {}\#(extra), "metadata": {\#(meta)}}"#
    }

    /// A crafted scenario: long labels, long connection names, unlabelled modules of
    /// known and unknown apps, a router with a filtered route.
    static let bytes: [UInt8] = {
        let flow = [
            module(1, "google-sheets:watchRows", label: "Watch new rows in the quarterly planning spreadsheet",
                   connection: "Finance Google Workspace (finance-team@example.com)"),
            module(2, "google-sheets:filterRows", label: nil, connection: "My Google Restricted connection for the finance team"),
            module(3, "workfront-workfront:search", label: nil, connection: nil),
            module(4, "acme-unknown:DoSomethingVeryLong", label: nil, connection: "Acme production account"),
            module(5, "google-sheets:updateRow", label: "Update", connection: "WAC Updates (theaiartist@example.com)",
                   extra: #", "filter": {"name": "only rows with a total", "conditions": [[{"a": "{{1.total}}", "o": "exist"}]]}"#),
            module(6, "google-sheets:addRow", label: "Append a row to the archive sheet with every field of the order",
                   connection: "Archive Google (archive@example.com)"),
        ]
        return Array(#"{"name": "Long labels and long connection names", "flow": [\#(flow.joined(separator: ", "))], "metadata": {"version": 1}}"#.utf8)
    }()

    func frame(_ keys: String, width: Int, height: Int, glyphs: Glyphs = .unicode) throws -> String {
        let e = try Editor(bytes: Self.bytes, path: "/tmp/long-labels.json", displayName: "long-labels.json",
                           services: EditorServices(today: "2026-12-01"), glyphs: glyphs)
        return Snapshot.render(e, keys: try Key.parseSequence(keys), width: width, height: height).plainText()
    }

    @Test func columnsGiveTheLabelSixteenBeforeTheConnectionAndDropTheConnectionWhenNarrow() {
        // Everything fits.
        #expect(TreeView.columns(label: 10, connection: 12, room: 40) == (10, 12))
        // A long label gets what the full connection leaves.
        #expect(TreeView.columns(label: 50, connection: 30, room: 60) == (35, 24))
        // The connection shrinks first, down to the label's 16 columns.
        #expect(TreeView.columns(label: 50, connection: 30, room: 30) == (16, 13))
        // A short label keeps all of itself.
        #expect(TreeView.columns(label: 6, connection: 30, room: 20) == (6, 13))
        // Too narrow for a useful connection column: it disappears and the label takes the room.
        #expect(TreeView.columns(label: 50, connection: 30, room: 22) == (22, 0))
        #expect(TreeView.columns(label: 5, connection: 0, room: 3) == (3, 0))
    }

    @Test func longLabelsKeepSixteenColumnsAndEndInAnEllipsis() throws {
        // Side by side at 100 columns the tree has 55: each label keeps 16 columns.
        let text = try frame("", width: 100, height: 30)
        #expect(text.contains("#1 Watch new rows i… Finance Google Workspac…"))
        #expect(text.contains("#5 Update          WAC Updates (theaiartis… F"), "a short label keeps all of itself")
        // The whole width: labels get what the connections leave.
        let wide = try frame("D", width: 80, height: 24)
        #expect(wide.contains("#1 Watch new rows in the quarterly planning … Finance Google Workspac…"))
        #expect(wide.contains("#2 Google Sheets › Search Rows "), "unlabelled modules show the catalog's name")
        #expect(wide.contains("#3 Workfront › search"), "the app's title, the module's name when the catalog has none")
        #expect(wide.contains("#4 acme-unknown › DoSomethingVeryLong"), "unknown apps keep the raw name")
        let detail = try frame("j", width: 100, height: 30)
        #expect(detail.contains("│ google-sheets:filterRows v2"), "the detail pane names the raw module")
        let ascii = try frame("", width: 100, height: 30, glyphs: .ascii)
        #expect(ascii.contains("#1 Watch new rows... Finance Google Worksp..."), "the ASCII ellipsis")
        #expect(ascii.contains("#2 Google Sheets ... "))
        #expect(ascii.unicodeScalars.allSatisfy { $0.isASCII })
        // The narrowest terminal: the connection shrinks to what the label's 16 columns leave.
        let narrow = try frame("D", width: 40, height: 12)
        #expect(narrow.contains("#1 Watch new rows … Finance G…"))
    }

    @Test func goldenFrames() throws {
        for (w, h) in [(80, 24), (100, 30)] {
            Golden.check("tree-long-labels-\(w)x\(h).txt", try frame("", width: w, height: h))
            Golden.check("tree-long-labels-no-detail-\(w)x\(h).txt", try frame("D", width: w, height: h))
            Golden.check("tree-long-labels-ascii-\(w)x\(h).txt", try frame("", width: w, height: h, glyphs: .ascii))
        }
    }
}
