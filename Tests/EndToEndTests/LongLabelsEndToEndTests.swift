// A file with long labels and long connection names in a C locale on TERM=xterm: the
// tree keeps the labels readable, truncation shows "...", names from the catalog and
// scened's own symbols are drawn in ASCII, and no byte above 0x7F reaches the screen.
import Foundation
import Testing

extension EndToEnd {
    @Suite(.serialized) struct LongLabelsEndToEndTests {
        static let blueprint = #"""
        {"name": "Quarterly → planning", "flow": [
          {"id": 1, "module": "google-sheets:watchRows", "version": 2,
           "parameters": {"__IMTCONN__": 1000, "mode": "select", "spreadsheetId": "1a", "sheetId": "Plan", "includesHeaders": true,
                          "tableFirstRow": "A1:Z1", "limit": 2}, "mapper": {},
           "metadata": {"designer": {"x": 0, "y": 0, "name": "Watch new rows in the quarterly planning spreadsheet"},
                        "restore": {"parameters": {"__IMTCONN__": {"data": {"connection": "google"}, "label": "Finance Google Workspace (finance-team@example.com)"}}}}},
          {"id": 2, "module": "google-sheets:filterRows", "version": 2, "parameters": {"__IMTCONN__": 2000}, "mapper": {},
           "metadata": {"designer": {"x": 0, "y": 0},
                        "restore": {"parameters": {"__IMTCONN__": {"data": {"connection": "google"}, "label": "My Google Restricted connection"}}}}},
          {"id": 3, "module": "http:ActionSendData", "version": 3, "parameters": {}, "mapper": {"url": "https://example.com/?a=1"},
           "metadata": {"designer": {"x": 0, "y": 0, "name": "Café → ERP — 注文 order push with a very long label"}}}
        ], "metadata": {"version": 1}}
        """#

        @Test func longLabelsInTheCLocale() throws {
            guard let bin = scenedBinary() else { print("skip: scened binary not built"); return }
            guard which("tmux") != nil else { print("skip: tmux is not installed"); return }
            let file = NSTemporaryDirectory() + "scened-long-labels-\(UUID().uuidString).json"
            try Self.blueprint.write(toFile: file, atomically: true, encoding: .utf8)
            defer { unlink(file) }
            guard let t = Tmux(width: 100, height: 30, command: "\(shellQuote(bin)) \(shellQuote(file))",
                               env: ["LC_ALL": "C", "LANG": "C", "TERM": "xterm"]) else { return }
            let r = t.waitFor("#3")
            #expect(r.ok, "screen:\n\(r.screen)")
            let s = r.screen
            // The tree is 55 columns: each label keeps at least 16 before its connection.
            #expect(s.contains("#1 Watch new rows... Finance Google Worksp..."), "screen:\n\(s)")
            #expect(s.contains("#2 Google Sheets > Search Rows") || s.contains("#2 Google Sheets ..."), "screen:\n\(s)")
            #expect(s.contains("#3 Cafe -> ERP -- ?? order push with a ver"), "screen:\n\(s)")
            #expect(s.contains("Quarterly -> planning"))
            #expect(s.contains("google-sheets:watchRows v2 ok"), "the detail pane names the raw module; screen:\n\(s)")
            #expect(s.unicodeScalars.allSatisfy { $0.isASCII }, "screen:\n\(s)")
            // The review of the HTTP upgrade: catalog text with arrows and separators.
            t.type("R")
            let review = t.wait { $0.contains("->") && $0.contains("http:MakeRequest") }
            #expect(review.ok, "screen:\n\(review.screen)")
            #expect(review.screen.unicodeScalars.allSatisfy { $0.isASCII })
            let own = review.screen.replacingOccurrences(of: "Cafe -> ERP -- ??", with: "")
                .replacingOccurrences(of: "example.com/?a=1", with: "")
            #expect(!own.contains("?"), "no ? from scened's own text or the catalog; screen:\n\(review.screen)")
            t.send("Escape")
            #expect(t.wait { !$0.contains("Upgrade review") }.ok)
            t.type("q")
            #expect(t.waitForExit() == 0)
        }
    }
}
