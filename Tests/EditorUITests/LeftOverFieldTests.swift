import Foundation
import Testing
import BlueprintKit
@testable import EditorUI

/// A field an upgrade (or a hand edit) left in a module of a version that does not have it:
/// the badge says needs review, `o` lists the module first, the status line names it, and `x`
/// on the field in the detail pane removes it, turning the badge ✓ (one undoable step).
@Suite struct LeftOverFieldTests {
    static let text = #"{"name": "left-over", "flow": ["#
        + #"{"id": 1, "module": "http:ActionSendData", "version": 3, "parameters": {"handleErrors": true}, "mapper": {"url": "https://a.example", "method": "get"}},"#
        + #"{"id": 2, "module": "http:MakeRequest", "version": 4, "parameters": {"authenticationType": "noAuth", "tlsType": ""},"#
        + #""mapper": {"url": "https://x.example", "method": "post", "parseResponse": true, "stopOnHttpError": true, "allowRedirects": true,"#
        + #""shareCookies": false, "requestCompressedContent": true, "bodyType": "multipart_form_data", "formDataFields": []}}], "metadata": {"version": 1}}"#

    func press(_ e: Editor, _ keys: String) throws {
        for k in try Key.parseSequence(keys) {
            e.handle(k)
            _ = EditorView.render(e, width: 120, height: 40)
        }
    }

    @Test func xRemovesTheLeftOverFieldsAndTheBadgeTurnsCurrent() throws {
        let e = try Editor(bytes: Array(Self.text.utf8), path: nil)
        let mi = try #require(e.blueprint.modules.firstIndex { $0.id == 2 })
        #expect(e.badges[mi].state == BadgeState.needsReview)
        // the status line names it; `o` shows it before the upgradable module
        let screen = EditorView.render(e, width: 120, height: 40).plainText()
        #expect(screen.contains("1 needs review (#2)"))
        try press(e, "o")
        #expect(e.rows.first?.moduleIndex == mi)
        try press(e, "o")

        // x on a field the version has is the usual array-item delete (refused: not an item)
        try press(e, ":2<Enter><Tab>")
        func focus(_ display: String) throws {
            let i = try #require(e.currentFields().firstIndex { $0.display == display }, "no field \(display)")
            try press(e, "g" + String(repeating: "j", count: i))
            #expect(e.selectedField?.display == display)
        }
        try focus("mapper.url")
        try press(e, "x")
        #expect(e.session.undoStack.isEmpty)

        try focus("mapper.bodyType")
        try press(e, "x")
        #expect(e.message?.hasPrefix("removed mapper.bodyType") == true)
        #expect(e.message?.contains("1 field still left for review") == true)
        #expect(e.badges[mi].state == BadgeState.needsReview)
        try focus("mapper.formDataFields")
        try press(e, "x")
        #expect(e.badges[mi].state == BadgeState.current, "\(e.message ?? "")")
        #expect(e.message?.contains("#2 now matches its version") == true)
        #expect(e.session.undoStack.count == 2)
        let saved = try Blueprint(bytes: e.session.document.bytes.array)
        #expect(CheckReport(blueprint: saved, catalog: .shipped).counts[.needsReview] == 0)
        try press(e, "zz")
        #expect(e.session.document.bytes.array == Array(Self.text.utf8))
        #expect(e.badges[mi].state == BadgeState.needsReview)
    }

    /// One v3 request with an XML body: no v4 form is known, so the body stays and is flagged.
    static let xml = #"{"name": "xml", "flow": [{"id": 1, "module": "http:ActionSendData", "version": 3, "parameters": {"handleErrors": true},"#
        + #""mapper": {"url": "https://a.example", "method": "post", "bodyType": "raw", "contentType": "application/xml", "data": "<a/>","#
        + #""headers": [], "qs": [], "parseResponse": true, "timeout": "", "shareCookies": false, "followRedirect": true, "gzip": true}}],"#
        + #""metadata": {"version": 1}}"#

    @Test func theReviewShowsTheVerdictAndTheSummaryListsTheModule() throws {
        let e = try Editor(bytes: Array(Self.xml.utf8), path: nil)
        try press(e, "R")
        let page = EditorView.render(e, width: 120, height: 40).plainText()
        #expect(page.contains("leaves 2 fields for review: mapper.bodyType, mapper.data"), "\(page)")
        let body = try #require(ReviewContent.page(e, width: 118)).body.map { $0.segments.map(\.0).joined() }
        let at = try #require(body.firstIndex { $0.contains("Left for review in http:MakeRequest v4 (2)") })
        #expect(body[at + 1].contains("mapper.bodyType: not a field of http:MakeRequest v4"))
        try press(e, "y")
        let summary = EditorView.render(e, width: 120, height: 40).plainText()
        #expect(summary.contains("left for review       1"), "\(summary)")
        #expect(summary.contains("#1 ") && summary.contains("leaves 2 fields: mapper.bodyType, mapper.data"))
    }

    @Test func upgradeAllSaysWhichModulesNeedReview() throws {
        let e = try Editor(bytes: Array(Self.xml.utf8), path: nil)
        try press(e, "U")
        #expect(e.confirm == .upgradeAll(automatic: 1, manual: 0, partial: 1))
        #expect(e.confirm?.text.contains("0 whole, 1 leaves fields for review") == true)
        try press(e, "y")
        #expect(e.message?.contains("1 need review (o shows them): #1") == true, "\(e.message ?? "")")
        #expect(EditorView.render(e, width: 120, height: 40).plainText().contains("1 needs review (#1)"))
    }
}
