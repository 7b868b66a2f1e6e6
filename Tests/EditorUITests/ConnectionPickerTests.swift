import Foundation
import Testing
import BlueprintKit
@testable import EditorUI

/// A small team list for the demo: its Slack connection and two more Slack ones,
/// its Google and Gmail connections, and a Twitter one.
enum TeamFixture {
    /// What `scened connections EDITS --connections team.json` writes for the demo.
    static func headless(_ edit: (inout ConnectionScript) throws -> Void) throws -> [UInt8] {
        var script = ConnectionScript()
        try edit(&script)
        var s = EditSession(document: try JSONDocument(bytes: DemoScenario.bytes))
        _ = try script.run(on: &s, team: team)
        return s.document.bytes.array
    }

    static let json = """
    {"connections": [
      {"id": 771204, "name": "Ops Slack (ops@example.com)", "accountName": "slack2", "accountLabel": "Slack", "scoped": true},
      {"id": 880011, "name": "Sales Slack (sales@example.com)", "accountName": "slack3", "accountLabel": "Slack", "scoped": true},
      {"id": 2210931, "name": "Finance Google (finance@example.com)", "accountName": "google", "accountLabel": "Google"},
      {"id": 990001, "name": "Support Slack", "accountName": "slack3", "accountLabel": "Slack"},
      {"id": 1093344, "name": "orders@example.com", "accountName": "google-restricted", "accountLabel": "Gmail"},
      {"id": 3300777, "name": "Shop Twitter", "accountName": "twitter", "accountLabel": "X"}
    ]}
    """
    static var team: TeamConnections { try! TeamConnections(bytes: Array(json.utf8), source: "team.json") }

    static func editor(team: Bool = true) throws -> Editor {
        try Editor(bytes: DemoScenario.bytes, path: nil, displayName: DemoScenario.displayName,
                   services: EditorServices(team: team ? TeamFixture.team : nil))
    }
}

/// The connection picker (`c`) driven through keys, checked against the headless
/// `scened connections` edits (ConnectionScript / ConnectionEditor).
@Suite struct ConnectionPickerTests {
    func press(_ e: Editor, _ keys: String) throws { for k in try Key.parseSequence(keys) { e.handle(k) } }

    func connection(_ e: Editor, _ id: Int) -> AccountRef? { e.blueprint.module(id: id)?.connections.first }

    func headless(_ edit: (inout ConnectionScript) throws -> Void) throws -> [UInt8] { try TeamFixture.headless(edit) }

    @Test func assignThenApplyToOthersEqualsTheHeadlessSwapAndUndoesInTwoSteps() throws {
        let e = try TeamFixture.editor()
        try press(e, ":8<Enter>c")
        let p = try #require(e.connectionPicker)
        #expect(p.selected?.isCurrent == true)
        #expect(p.current == AccountID("771204"))
        try press(e, "sales<Enter>")
        guard case .applyToOthers(let old, let label, let count, _, _)? = e.connectionPicker?.stage else {
            Issue.record("no apply-to-others question; stage \(String(describing: e.connectionPicker?.stage))"); return
        }
        #expect(old == AccountID("771204") && count == 1 && label == "Ops Slack (ops@example.com)")
        // The first step is already made: #8 uses the new connection, #4 still the old one.
        #expect(connection(e, 8)?.intValue == 880011 && connection(e, 4)?.intValue == 771204)
        #expect(e.session.undoStack.count == 1)
        try press(e, "y")
        #expect(e.connectionPicker == nil)
        #expect(e.connectionUI.lastPickerOutcome == .assigned(id: AccountID("880011"), modules: 2))
        #expect(e.session.undoStack.count == 2)
        #expect(connection(e, 4)?.label == "Sales Slack (sales@example.com)" && connection(e, 4)?.connectionType == "slack3")
        let expected = try headless { try $0.addSwap("771204=880011") }
        #expect(same(e.session.document.bytes.array, expected))

        try press(e, "z")
        #expect(connection(e, 4)?.intValue == 771204 && connection(e, 8)?.intValue == 880011)
        try press(e, "z")
        #expect(same(e.session.document.bytes.array, DemoScenario.bytes))
    }

    @Test func declinedApplyToOthersKeepsTheOtherModules() throws {
        let e = try TeamFixture.editor()
        try press(e, ":8<Enter>csup<Enter>n")
        #expect(e.connectionPicker == nil)
        #expect(connection(e, 8)?.intValue == 990001 && connection(e, 4)?.intValue == 771204)
        #expect(e.session.undoStack.count == 1)
        #expect(e.message?.contains("1 other module keeps \"Ops Slack (ops@example.com)\"") == true)
        let expected = try headless { try $0.addSet("8=990001") }
        #expect(same(e.session.document.bytes.array, expected))
    }

    @Test func typeAheadNarrowsAndBackspaceWidens() throws {
        let e = try TeamFixture.editor()
        try press(e, ":8<Enter>c")
        #expect(e.connectionPicker?.visible.count == 3)   // the Slack ones: slack2 and two slack3
        try press(e, "sup")
        #expect(e.connectionPicker?.filter == "sup")
        #expect(e.connectionPicker?.visible.map(\.choice.label) == ["Support Slack"])
        try press(e, "<BS><BS>")
        #expect(e.connectionPicker?.visible.count == 3)   // "s" matches every Slack label
        try press(e, "<BS>")
        #expect(e.connectionPicker?.filter == "")
        try press(e, "<BS>")
        #expect(e.connectionPicker?.filter == nil)
        // While filtering, command letters type; "/" opens the filter for them.
        try press(e, "/t")
        #expect(e.connectionPicker?.filter == "t" && e.connectionPicker?.showAll == false)
        try press(e, "wi")
        #expect(e.connectionPicker?.visible.isEmpty == true)   // Twitter is not a Slack type
        try press(e, "<C-t>")
        #expect(e.connectionPicker?.visible.map { AccountID($0.choice.id)?.text } == ["530118", "3300777"])
        try press(e, "<Esc>")
        #expect(e.connectionPicker?.filter == nil && e.connectionPicker != nil)
        try press(e, "<Esc>")
        #expect(e.connectionPicker == nil && e.session.undoStack.isEmpty)
        #expect(e.connectionUI.lastPickerOutcome == .cancelled)
    }

    @Test func tShowsIncompatibleOnesMarkedAndAssigningOneAsksFirst() throws {
        let e = try TeamFixture.editor()
        try press(e, ":8<Enter>ct")
        let p = try #require(e.connectionPicker)
        #expect(p.showAll && p.visible.count == 7)
        #expect(p.visible.filter { $0.accepted == false }.count == 4)
        let frame = Snapshot.render(e, keys: [], width: 120, height: 40).plainText()
        #expect(frame.contains("✗ Shop Twitter"))
        #expect(frame.contains("not accepted"))
        try press(e, "/twitter")
        #expect(e.connectionPicker?.visible.count == 2)
        try press(e, "<Enter>")
        guard case .confirmIncompatible(let c)? = e.connectionPicker?.stage else { Issue.record("no question"); return }
        #expect(c.type == "twitter")
        try press(e, "n")
        #expect(e.connectionPicker?.stage == .list && e.session.undoStack.isEmpty)
        try press(e, "<Enter>y")
        // Assigned anyway; the inventory now warns about the type.
        #expect(connection(e, 8)?.connectionType == "twitter")
        #expect(e.warnings(for: e.blueprint.module(id: 8)!.index).contains { $0.contains("not accepted") })
    }

    @Test func newIdIsValidatedThenTakesALabel() throws {
        let e = try TeamFixture.editor()
        try press(e, ":8<Enter>cn")
        #expect(e.connectionPicker?.stage == .newId(text: "", error: nil))
        try press(e, "abc<Enter>")
        guard case .newId("abc", let err?)? = e.connectionPicker?.stage else { Issue.record("letters accepted as an id"); return }
        #expect(err.contains("positive integer"))
        try press(e, "<C-u>0<Enter>")
        guard case .newId("0", _?)? = e.connectionPicker?.stage else { Issue.record("0 accepted as an id"); return }
        try press(e, "<C-u>-5<Enter>")
        guard case .newId("-5", _?)? = e.connectionPicker?.stage else { Issue.record("-5 accepted as an id"); return }
        try press(e, "<C-u>4242<Enter>")
        #expect(e.connectionPicker?.stage == .newLabel(id: "4242", text: ""))
        try press(e, "Backup Slack<Enter>")
        #expect(connection(e, 8)?.intValue == 4242 && connection(e, 8)?.label == "Backup Slack")
        #expect(e.message?.contains("not in the team list") == true)
        try press(e, "n")
        #expect(e.connectionPicker == nil && connection(e, 4)?.intValue == 771204)
        // A team id gets its team name as the suggested label.
        try press(e, ":4<Enter>cn880011<Enter>")
        #expect(e.connectionPicker?.stage == .newLabel(id: "880011", text: "Sales Slack (sales@example.com)"))
    }

    @Test func moduleWithoutAConnectionShowsAMessage() throws {
        let e = try TeamFixture.editor()
        try press(e, ":2<Enter>c")
        #expect(e.connectionPicker == nil)
        #expect(e.message == "#2 util:SetVariable has no connection parameter: nothing to pick")
        #expect(e.openConnectionPicker(moduleIndex: 999) == false)
    }

    @Test func pickerOpenedFromAnotherScreenReturnsToItUnchanged() throws {
        let e = try TeamFixture.editor()
        _ = Snapshot.render(e, keys: try Key.parseSequence("?jjj"), width: 80, height: 24)
        #expect(e.screen == .help && e.screenScroll == 3)
        let m8 = try #require(e.blueprint.module(id: 8))
        #expect(e.openConnectionPicker(moduleIndex: m8.index))
        #expect(e.keyContext == .picker)
        try press(e, "j<Esc>")
        #expect(e.screen == .help && e.screenScroll == 3 && e.connectionPicker == nil)
        // From the connections view, an assignment returns there too.
        try press(e, "q:8<Enter>Cjj")
        let before = e.connectionUI.view
        #expect(e.openConnectionPicker(moduleIndex: m8.index))
        try press(e, "sup<Enter>y")
        #expect(e.screen == .connections && e.connectionUI.view.cursor == before.cursor)
        #expect(e.connectionUI.lastPickerOutcome == .assigned(id: AccountID("990001"), modules: 2))
    }
}

/// Byte equality without printing both documents when it fails; names the first difference.
func same(_ a: [UInt8], _ b: [UInt8]) -> Bool {
    if a == b { return true }
    let i = (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
    let ctx = { (x: [UInt8]) in String(decoding: x[max(0, i - 60)..<min(x.count, i + 60)], as: UTF8.self) }
    print("bytes differ at \(i) (\(a.count) vs \(b.count)):\n--- got\n\(ctx(a))\n--- expected\n\(ctx(b))")
    return false
}

/// A module with two account parameters (a connection that is not set, and a webhook),
/// and another module whose connection is set.
@Suite struct ConnectionPickerParameterTests {
    static let json = """
    {"name": "Two parameters", "flow": [
      {"id": 1, "module": "slack:WatchEvents", "version": 1,
       "parameters": {"__IMTCONN__": null, "__IMTHOOK__": 501},
       "metadata": {"restore": {"parameters": {"__IMTHOOK__": {"label": "Events hook"}}},
                    "parameters": [{"name": "__IMTCONN__", "type": "account:slack2,slack3", "required": true},
                                   {"name": "__IMTHOOK__", "type": "hook:slack-events", "required": true}]}},
      {"id": 2, "module": "slack:CreateMessage", "version": 4,
       "parameters": {"__IMTCONN__": 880011},
       "metadata": {"restore": {"parameters": {"__IMTCONN__": {"label": "Sales Slack", "data": {"scoped": "true", "connection": "slack3"}}}},
                    "parameters": [{"name": "__IMTCONN__", "type": "account:slack2,slack3", "required": true}]}}
    ], "metadata": {"version": 1}}
    """

    func press(_ e: Editor, _ keys: String) throws { for k in try Key.parseSequence(keys) { e.handle(k) } }

    @Test func tabMovesToTheNextParameterAndAnUnsetOneIsSimplySet() throws {
        let e = try Editor(bytes: Array(Self.json.utf8), path: nil)
        try press(e, ":1<Enter>c")
        var p = try #require(e.connectionPicker)
        #expect(p.target == .module(index: 0, parameter: "__IMTCONN__") && p.current == nil)
        #expect(p.visible.map { AccountID($0.choice.id)?.text } == ["880011"])
        try press(e, "<Tab>")
        p = try #require(e.connectionPicker)
        #expect(p.target == .module(index: 0, parameter: "__IMTHOOK__") && p.kind == .webhook)
        #expect(p.current == AccountID("501") && p.selected?.isCurrent == true)
        try press(e, "<Tab><Enter>")
        // Not set before: assigned in one step, no question about other modules.
        #expect(e.connectionPicker == nil)
        #expect(e.blueprint.modules[0].accounts.first?.intValue == 880011)
        #expect(e.session.undoStack.count == 1)
        #expect(e.message?.hasPrefix("#1 __IMTCONN__ now uses connection 880011") == true)
        // The connections view refuses to swap the "not set" group.
        try press(e, "zC")
        let notSet = e.connectionTable().2.firstIndex { $0.id == nil && $0.kind == .connection }
        for _ in 0..<(notSet ?? 0) { try press(e, "j") }
        try press(e, "s")
        #expect(e.connectionPicker == nil && e.messageIsError)
        #expect(e.message?.contains("Enter lists them, then c on a module picks one") == true)
    }
}
