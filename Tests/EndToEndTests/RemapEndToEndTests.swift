// Remap source in a real terminal: on the rebuilt module, `r` picks the old one from
// the module picker, the references move in one undoable step, and the saved file
// is exactly what `scened remap --from OLD --to NEW` writes.
import Foundation
import Testing

extension EndToEnd {
    @Suite(.serialized) struct RemapEndToEndTests {
        /// #2 is the old Gmail module; #4 its replacement made with "Choose new"; #3 and the
        /// error handler still map #2's outputs.
        static let scenario = """
        {
            "name": "Remap in tmux",
            "flow": [
                { "id": 1, "module": "gateway:CustomWebHook", "version": 1, "parameters": { "hook": 5 },
                  "metadata": { "designer": { "x": 0, "y": 0, "name": "Incoming" } } },
                { "id": 2, "module": "google-email:TriggerNewEmail", "version": 2, "parameters": {},
                  "metadata": { "designer": { "x": 300, "y": 0, "name": "Old mail" } } },
                { "id": 4, "module": "google-email:triggerWatchNewEmails", "version": 4, "parameters": {},
                  "metadata": { "designer": { "x": 600, "y": 0, "name": "New mail" } } },
                { "id": 3, "module": "slack:CreateMessage", "version": 4, "parameters": { "__IMTCONN__": 42 },
                  "mapper": { "text": "From {{2.fromEmail}}: {{2.subject}} ({{1.id}})", "channel": "C1" },
                  "filter": { "name": "has subject", "conditions": [[{ "a": "{{2.subject}}", "o": "exist" }]] },
                  "metadata": { "designer": { "x": 900, "y": 0, "name": "Post it" } },
                  "onerror": [
                    { "id": 6, "module": "slack:CreateMessage", "version": 4, "parameters": { "__IMTCONN__": 42 },
                      "mapper": { "text": "failed for {{2.attachments}}", "channel": "C2" },
                      "metadata": { "designer": { "x": 900, "y": 300, "name": "Alert" } } }
                  ] }
            ]
        }

        """

        @Test func remapInTheEditorIsOneUndoableStepAndMatchesTheCommand() throws {
            guard let bin = scenedBinary() else { print("skip: scened binary not built"); return }
            guard which("tmux") != nil else { print("skip: tmux is not installed"); return }
            let dir = NSTemporaryDirectory() + "scened-e2e-remap-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: dir) }
            let file = dir + "/mail.json", original = dir + "/original.json", expected = dir + "/expected.json"
            try Self.scenario.write(toFile: file, atomically: true, encoding: .utf8)
            try Self.scenario.write(toFile: original, atomically: true, encoding: .utf8)

            guard let t = Tmux(width: 100, height: 30, command: "\(shellQuote(bin)) --no-config \(shellQuote(file))") else { return }
            #expect(t.waitFor("Remap in tmux").ok)
            t.type(":4")
            t.send("Enter")
            t.type("r")
            let picker = t.waitFor("#4 New mail: take over the references of")
            #expect(picker.ok, "screen was:\n\(picker.screen)")
            #expect(picker.screen.contains("#2 Old mail") && picker.screen.contains("4 references"))
            t.type("#2")
            #expect(t.wait { $0.contains("filter: #2") && $0.contains("1 of 2 shown") }.ok)
            t.send("Enter")
            let done = t.waitFor("4 references to #2 now point at #4")
            #expect(done.ok, "screen was:\n\(done.screen)")
            // the catalog knows the new Gmail module's outputs: attachments is not one
            #expect(done.screen.contains("1 to an output #4 does not have"))
            // one step: z takes it all back, Ctrl-R does it again
            t.type("z")
            #expect(t.waitFor("undid: remap {{2.…}} to {{4.…}}").ok)
            t.send("C-r")
            #expect(t.waitFor("redid: remap {{2.…}} to {{4.…}}").ok)
            t.send("C-s")
            #expect(t.waitFor("saved").ok)
            t.type("q")
            #expect(t.waitForExit() == 0)

            let saved = try String(contentsOfFile: file, encoding: .utf8)
            #expect(!saved.contains("{{2."))
            #expect(saved.contains("From {{4.fromEmail}}: {{4.subject}} ({{1.id}})"))
            let r = run([bin, "remap", original, "--from", "2", "--to", "4", "-o", expected])
            #expect(r.status == 0, "stderr: \(r.err)")
            #expect(r.err.contains("missing output: {{4.attachments}} in #6 mapper.text"))
            #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == Data(contentsOf: URL(fileURLWithPath: expected)))
        }
    }
}
