import Foundation
import Testing
@testable import EditorUI

/// The $EDITOR round trip with a scripted "editor" (no terminal needed).
@Suite struct ExternalEditorTests {
    @Test func roundTripsTheTextThroughATempFile() {
        let out = ExternalEditor.run("method: post", command: "sed -i 's/post/put/'")
        #expect(out == "method: put")
    }

    @Test func keepsUnicodeAndNewlines() {
        let text = "<p>注文 {{1.id}}</p>\n<p>two</p>"
        #expect(ExternalEditor.run(text, command: "true") == text)
    }

    @Test func failingEditorGivesNil() {
        #expect(ExternalEditor.run("x", command: "false") == nil)
        #expect(ExternalEditor.run("x", command: "/nonexistent/editor") == nil)
    }

    @Test func commandPrefersVisualThenEditorThenVi() {
        #expect(ExternalEditor.command { ["VISUAL": "nano", "EDITOR": "vim"][$0] } == "nano")
        #expect(ExternalEditor.command { ["EDITOR": "code -w"][$0] } == "code -w")
        #expect(ExternalEditor.command { _ in nil } == "vi")
    }
}
