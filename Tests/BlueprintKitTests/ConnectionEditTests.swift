import Foundation
import Testing
@testable import BlueprintKit

@Suite struct ConnectionEditTests {
    let bp: Blueprint
    init() throws { bp = try ConnFixture.blueprint() }
    func idx(_ id: Int) -> Int { ConnFixture.index(bp, id) }

    func changed(_ s: EditSession) -> [String] {
        ConnFixture.changedLines(ConnFixture.text, s.document.text).map { "\($0.1.trimmingCharacters(in: .whitespaces)) => \($0.2.trimmingCharacters(in: .whitespaces))" }
    }

    @Test func setWritesTheIdAsIntegerAndUpdatesLabelAndTypeInPlace() throws {
        var s = try ConnFixture.session()
        try ConnectionEditor.set(module: idx(2), parameter: "__IMTCONN__",
                                 to: ConnectionChoice(idText: "900", label: "Support Slack", type: "slack2"), in: &s)
        #expect(changed(s) == [
            "\"__IMTCONN__\": 2545853 => \"__IMTCONN__\": 900",
            "\"connection\": \"slack3\" => \"connection\": \"slack2\"",
            "\"label\": \"Lucy (Slack bot)\" => \"label\": \"Support Slack\"",
        ])
        #expect(s.undoStack.map(\.label) == ["Set connection of #2"])
        #expect(s.undo() == "Set connection of #2")
        #expect(s.document.bytes.array == ConnFixture.bytes)
    }

    @Test func labelBeforeDataOrderIsKept() throws {
        var s = try ConnFixture.session()
        try ConnectionEditor.set(module: idx(4), parameter: "__IMTCONN__",
                                 to: ConnectionChoice(id: .int(900), label: "Support Slack", type: "slack2", scoped: false), in: &s)
        #expect(changed(s) == [
            "\"__IMTCONN__\": 2545853 => \"__IMTCONN__\": 900",
            "\"label\": \"Lucy (Slack bot)\", => \"label\": \"Support Slack\",",
            "\"scoped\": \"true\", => \"scoped\": \"false\",",   // scoped stays a string, as Make writes it
            "\"connection\": \"slack3\" => \"connection\": \"slack2\"",
        ])
    }

    @Test func refusesATypeTheModuleDoesNotAcceptUnlessForced() throws {
        var s = try ConnFixture.session()
        let lucy = ConnectionChoice(id: .int(2545853), label: "Lucy", type: "slack3")
        #expect(throws: ConnectionEditError.typeNotAccepted(module: "#4 slack:AddReaction", parameter: "__IMTCONN__", type: "slack3", accepted: ["slack2"])) {
            try ConnectionEditor.set(module: idx(4), parameter: "__IMTCONN__", to: lucy, in: &s)
        }
        #expect(!s.canUndo && s.document.bytes.array == ConnFixture.bytes)
        try ConnectionEditor.set(module: idx(4), parameter: "__IMTCONN__", to: lucy, in: &s, force: true)
        #expect(changed(s) == ["\"label\": \"Lucy (Slack bot)\", => \"label\": \"Lucy\","])
        // a catalog override that accepts slack3 lets it through without force
        var t = try ConnFixture.session()
        try ConnectionEditor.set(module: idx(4), parameter: "__IMTCONN__", to: lucy, in: &t) { _, _ in ["slack2", "slack3"] }
        #expect(t.canUndo)
        // a bare "account" descriptor accepts anything
        try ConnectionEditor.set(module: idx(13), parameter: "__IMTCONN__", to: ConnectionChoice(id: .int(5), type: "whatever"), in: &t)
    }

    @Test func placeholderBecomesAnIntegerAndABareStringLabelStaysAString() throws {
        var s = try ConnFixture.session()
        try ConnectionEditor.set(module: idx(5), parameter: "__IMTCONN__", to: ConnectionChoice(idText: "777", label: "Team Google", type: "google"), in: &s)
        #expect(changed(s) == [
            "\"__IMTCONN__\": \"CONNECTION_PLACEHOLDER\", => \"__IMTCONN__\": 777,",
            "\"__IMTCONN__\": \"CONNECTION_PLACEHOLDER\" => \"__IMTCONN__\": \"Team Google\"",
        ])
    }

    @Test func nothingIsAddedWhereTheModuleHasNoRestoreEntry() throws {
        var s = try ConnFixture.session()
        try ConnectionEditor.set(module: idx(14), parameter: "__IMTCONN__", to: ConnectionChoice(id: .int(31), label: "Drive", type: "google-restricted"), in: &s)
        try ConnectionEditor.set(module: idx(11), parameter: "__IMTCONN__", to: ConnectionChoice(id: .int(32), label: "Slack", type: "slack2"), in: &s)
        #expect(changed(s) == [
            "\"__IMTCONN__\": \"<CONN_02>\" => \"__IMTCONN__\": 32",
            "\"__IMTCONN__\": \"YOUR_CONNECTION_ID\" => \"__IMTCONN__\": 31",
        ])
        #expect(s.undoStack.count == 2)
        s.undo(); s.undo()
        #expect(s.document.bytes.array == ConnFixture.bytes)
    }

    /// Lines indented by `indent` spaces, joined with newlines.
    func block(_ indent: Int, _ lines: String...) -> String {
        lines.map { String(repeating: " ", count: indent) + $0 }.joined(separator: "\n")
    }

    @Test func dataIsAddedBeforeTheLabelOfAnEntryThatHasOnlyALabel() throws {
        var s = try ConnFixture.session()
        try ConnectionEditor.set(module: idx(6), parameter: "account", to: ConnectionChoice(id: .int(4822), label: "Ops SMTP", type: "smtp"), in: &s)
        var expected = ConnFixture.replace(ConnFixture.text, "\"account\": 4821,", "\"account\": 4822,")
        expected = ConnFixture.replace(expected,
            block(40, #""account": {"#, #"    "label": "Ops mailbox""#, "}"),
            block(40, #""account": {"#, #"    "data": {"#, #"        "connection": "smtp""#, "    },", #"    "label": "Ops SMTP""#, "}"))
        #expect(s.document.text == expected, "\(ConnFixture.diff(expected, s.document.text))")
    }

    @Test func anAbsentParameterIsInsertedAndAMissingParametersObjectCreated() throws {
        var s = try ConnFixture.session()
        try ConnectionEditor.set(module: idx(7), parameter: "__IMTCONN__", to: ConnectionChoice(id: .int(55)), in: &s)
        let expected = ConnFixture.replace(ConnFixture.text,
            block(28, #""module": "openai-gpt-3:CreateCompletion","#, #""version": 1,"#, #""parameters": {},"#),
            block(28, #""module": "openai-gpt-3:CreateCompletion","#, #""version": 1,"#, #""parameters": {"#, #"    "__IMTCONN__": 55"#, "},"))
        #expect(s.document.text == expected, "\(ConnFixture.diff(expected, s.document.text))")
        // and without any "parameters" member: created after "version"
        let noParams = ConnFixture.replace(ConnFixture.text,
            block(28, #""module": "openai-gpt-3:CreateCompletion","#, #""version": 1,"#, #""parameters": {},"#),
            block(28, #""module": "openai-gpt-3:CreateCompletion","#, #""version": 1,"#))
        var t = try ConnFixture.session(noParams)
        try ConnectionEditor.set(module: idx(7), parameter: "__IMTCONN__", to: ConnectionChoice(id: .int(55)), in: &t)
        #expect(t.document.text == s.document.text, "\(ConnFixture.diff(s.document.text, t.document.text))")
        // an absent keychain goes after the descriptors listed before it
        var k = try ConnFixture.session(ConnFixture.replace(ConnFixture.text, "\"handleErrors\": false,\n                \"proxyKeychain\": null", "\"handleErrors\": false"))
        try ConnectionEditor.set(module: idx(8), parameter: "proxyKeychain", to: ConnectionChoice(id: .int(3)), in: &k)
        #expect(k.document.text.contains("\"handleErrors\": false,\n                \"proxyKeychain\": 3\n"))
    }

    @Test func aDigitStringIdStaysAStringAndOtherValuesKeepTheirType() {
        #expect(ConnectionEditor.value(for: .int(900), replacing: .string("2545853")) == .string("900"))
        #expect(ConnectionEditor.value(for: .string("900"), replacing: .number("2545853")) == .int(900))
        #expect(ConnectionEditor.value(for: .string("0900"), replacing: nil) == .int(900))      // never invalid JSON
        #expect(ConnectionEditor.value(for: .string("<CONN>"), replacing: .int(1)) == .string("<CONN>"))
        #expect(ConnectionEditor.value(for: .string("99999999999999999999999"), replacing: .int(1)) == .string("99999999999999999999999"))
    }

    @Test func swapChangesEveryUserInOneUndoableStep() throws {
        var s = try ConnFixture.session()
        let used = try ConnectionEditor.swap(from: AccountID("2545853"), to: ConnectionChoice(id: .int(900), label: "Support Slack", type: "slack2"), in: &s)
        #expect(used.compactMap(\.moduleId) == [2, 4, 13])
        let c = changed(s)
        #expect(c.filter { $0.contains("2545853 => \"__IMTCONN__\": 900") }.count == 3)
        #expect(c.filter { $0.hasPrefix("\"label\": \"Lucy (Slack bot)\"") && $0.contains("Support Slack") }.count == 3)
        #expect(c.filter { $0.contains("\"connection\": \"slack2\"") }.count == 3)
        #expect(c.count == 9)
        #expect(s.undoStack.count == 1)
        s.undo()
        #expect(s.document.bytes.array == ConnFixture.bytes)
        s.redo()
        #expect(changed(s) == c)
    }

    @Test func swapLimitedToOneAppAndSwapThatMatchesNothing() throws {
        var s = try ConnFixture.session()
        let text = ConnFixture.replace(ConnFixture.text, "\"account\": 4821", "\"account\": 2545853")
        s = try ConnFixture.session(text)
        let used = try ConnectionEditor.swap(from: AccountID("2545853"), to: ConnectionChoice(id: .int(1)), app: "email", in: &s)
        #expect(used.compactMap(\.moduleId) == [6])
        #expect(ConnFixture.changedLines(text, s.document.text).map(\.0).count == 1)
        let none = try ConnectionEditor.swap(from: AccountID("2545853"), to: ConnectionChoice(id: .int(1)), app: "google-sheets", in: &s)
        #expect(none.isEmpty && s.undoStack.count == 1)
    }

    @Test func swapIsRefusedWholeWhenOneModuleRejectsTheType() throws {
        var s = try ConnFixture.session()
        #expect(throws: ConnectionEditError.self) {
            try ConnectionEditor.swap(from: AccountID("2545853"), to: ConnectionChoice(id: .int(7), type: "slack3"), in: &s)
        }
        #expect(!s.canUndo && s.document.bytes.array == ConnFixture.bytes)
    }

    @Test func swapOfAWebhookAndADataStore() throws {
        var s = try ConnFixture.session()
        #expect(try ConnectionEditor.swap(.webhook, from: AccountID("2522499"), to: ConnectionChoice(id: .int(42), label: "New hook"), in: &s).count == 1)
        #expect(try ConnectionEditor.swap(.dataStore, from: AccountID("60211"), to: ConnectionChoice(id: .int(43)), in: &s).count == 1)
        // a connection swap does not touch a data store with the same number
        #expect(try ConnectionEditor.swap(from: AccountID("91442"), to: ConnectionChoice(id: .int(1)), in: &s).isEmpty)
        #expect(changed(s) == [
            "\"hook\": 2522499, => \"hook\": 42,",
            "\"label\": \"Orders hook\" => \"label\": \"New hook\"",
            "\"datastore\": 60211 => \"datastore\": 43",
        ])
    }

    @Test func renameSetsTheLabelEverywhereItIsKept() throws {
        var s = try ConnFixture.session()
        let used = try ConnectionEditor.rename(id: AccountID("2545853"), label: "Lucy \"bot\"", in: &s)
        #expect(used.count == 3)
        #expect(changed(s).count == 3)
        #expect(changed(s).allSatisfy { $0.contains(#""label": "Lucy \"bot\"""#) })
        #expect(s.undoStack.map(\.label) == ["Rename connection 2545853"])
        #expect(try ConnectionEditor.rename(id: AccountID("1"), label: "x", in: &s).isEmpty)
        #expect(s.undoStack.count == 1)
        // the bare-string restore of a sanitised export stays a bare string
        var t = try ConnFixture.session()
        try ConnectionEditor.rename(id: AccountID("CONNECTION_PLACEHOLDER"), label: "Google", in: &t)
        #expect(ConnFixture.changedLines(ConnFixture.text, t.document.text).map { $0.2.trimmingCharacters(in: .whitespaces) } == ["\"__IMTCONN__\": \"Google\""])
    }

    @Test func clearSetsNullAndDropsTheRestoreEntry() throws {
        var s = try ConnFixture.session()
        try ConnectionEditor.clear(module: idx(9), parameter: "datastore", in: &s)
        var expected = ConnFixture.replace(ConnFixture.text, "\"datastore\": 60211", "\"datastore\": null")
        expected = ConnFixture.replace(expected,
            block(20, #""parameters": {"#, #"    "datastore": {"#, #"        "label": "Leads""#, "    }", "}"),
            block(20, #""parameters": {}"#))
        #expect(s.document.text == expected, "\(ConnFixture.diff(expected, s.document.text))")
        let inv = ConnectionInventory(blueprint: try Blueprint(document: s.document))
        #expect(inv.warnings.contains { $0.moduleId == 9 && $0.code == .requiredEmpty })
        s.undo()
        #expect(s.document.bytes.array == ConnFixture.bytes)
        #expect(throws: ConnectionEditError.noSuchParameter(module: "#9 datastore:AddRecord", parameter: "nope", available: ["datastore"])) {
            try ConnectionEditor.clear(module: idx(9), parameter: "nope", in: &s)
        }
        #expect(throws: ConnectionEditError.noSuchModule(index: 99)) { try ConnectionEditor.clear(module: 99, parameter: "x", in: &s) }
    }

    @Test func compactAndCRLFDocumentsKeepTheirLayout() throws {
        let compact = JSONWriter.render(try JSONDocument(text: ConnFixture.text).value(0), style: .compact)
        var s = try ConnFixture.session(compact)
        try ConnectionEditor.swap(from: AccountID("2545853"), to: ConnectionChoice(id: .int(900), label: "S", type: "slack2"), in: &s)
        #expect(!s.document.text.contains("\n"))
        #expect(s.document.text.components(separatedBy: "\"__IMTCONN__\":900").count == 4)
        s.undo()
        #expect(s.document.text == compact)
        let crlf = ConnFixture.replace(ConnFixture.text, "\n", "\r\n")
        var t = try ConnFixture.session(crlf)
        try ConnectionEditor.set(module: idx(6), parameter: "account", to: ConnectionChoice(id: .int(1), label: "L", type: "smtp"), in: &t)
        #expect(!t.document.bytes.array.enumerated().contains { $0.element == 0x0A && ($0.offset == 0 || t.document.bytes.array[$0.offset - 1] != 0x0D) })
        t.undo()
        #expect(t.document.text == crlf)
    }
}
