// Upgrade-all in the editor on a real terminal: the pass runs beside the key loop, the
// status line counts the modules, Ctrl-C cancels it with nothing applied, and the editor
// goes on taking keys; then the whole pass, its question and `y`, and the saved file.
import Foundation
import Testing

extension EndToEnd {
    @Suite(.serialized) struct LongWorkEndToEndTests {
        /// `count` HTTP v3 requests (upgradable to v4), each mapping the one before it.
        static func blueprint(_ count: Int) -> String {
            let modules = (1...count).map { i in
                """
                {"id": \(i), "module": "http:ActionSendData", "version": 3, "parameters": {"handleErrors": true},
                 "mapper": {"url": "https://example.com/\(i)?prev={{\(max(1, i - 1)).statusCode}}", "method": "get", "headers": [], "qs": [],
                            "bodyType": "", "parseResponse": true, "timeout": "", "shareCookies": false, "ca": "", "rejectUnauthorized": true,
                            "followRedirect": true, "useQuerystring": false, "gzip": true, "useMtls": false, "followAllRedirects": false,
                            "serializeUrl": false},
                 "metadata": {"designer": {"x": \(i * 300), "y": 0, "name": "Call \(i)"}}}
                """
            }
            return "{\"name\": \"Many requests\", \"flow\": [\n" + modules.joined(separator: ",\n") + "\n], \"metadata\": {\"version\": 1}}\n"
        }

        @Test func ctrlCCancelsUpgradeAllAndTheWholePassThenApplies() throws {
            guard let bin = scenedBinary() else { print("skip: scened binary not built"); return }
            guard which("tmux") != nil else { print("skip: tmux is not installed"); return }
            let file = NSTemporaryDirectory() + "scened-e2e-long-\(UUID().uuidString.prefix(8)).json"
            defer { unlink(file) }
            // large enough that the debug build's pass takes seconds
            try Self.blueprint(1500).write(toFile: file, atomically: true, encoding: .utf8)
            let t = try #require(Tmux(width: 120, height: 30, command: "\(shellQuote(bin)) \(shellQuote(file))"))
            #expect(t.waitFor("1500 upgradable", timeout: 60).ok)
            t.type("U")
            let busy = t.wait(timeout: 60) { $0.contains("preparing the upgrades:") && $0.contains("/1,500 modules") }
            #expect(busy.ok, "no progress in the status line:\n\(busy.screen)")
            #expect(busy.screen.contains("Ctrl-C cancels"))
            t.send("C-c")
            let cancelled = t.waitFor("upgrade-all cancelled: nothing was changed", timeout: 120)
            #expect(cancelled.ok, "screen was:\n\(cancelled.screen)")
            #expect(cancelled.screen.contains("1500 upgradable"))
            // keys work again, and the document is untouched: q quits without asking
            t.type("j")
            #expect(t.waitFor("2/1500").ok)
            // the whole pass: the question says what it will do, y applies, w saves
            t.type("U")
            let asked = t.waitFor("Upgrade 1500 modules", timeout: 240)
            #expect(asked.ok, "screen was:\n\(asked.screen)")
            t.type("y")
            #expect(t.waitFor("upgraded 1500 modules (1500 undo steps)", timeout: 60).ok)
            t.type("w")
            #expect(t.waitFor("saved", timeout: 60).ok)
            t.type("q")
            #expect(t.waitForExit(timeout: 30) == 0)
            let check = run([bin, "check", file])
            #expect(check.status == 0, "\(check.out)")
        }
    }
}
