import Foundation
import Testing
@testable import BlueprintKit

/// Setting a connection on a module that keeps no label for that parameter (for
/// instance right after an upgrade that emptied it) records the label the way Make
/// writes it, inside the module's existing `metadata.restore.parameters`.
@Suite struct ConnectionRestoreEntryTests {
    static let json = """
    {
        "name": "restore",
        "flow": [
            {
                "id": 1,
                "module": "http:MakeRequest",
                "version": 4,
                "parameters": {
                    "account": null,
                    "tlsType": ""
                },
                "mapper": {},
                "metadata": {
                    "restore": {
                        "parameters": {
                            "tlsType": {
                                "label": "Empty"
                            }
                        }
                    },
                    "parameters": [
                        { "name": "account", "type": "account:oauth2", "label": "Connection", "required": true }
                    ]
                }
            },
            {
                "id": 2,
                "module": "http:MakeRequest",
                "version": 4,
                "parameters": { "account": null },
                "mapper": {},
                "metadata": {
                    "parameters": [ { "name": "account", "type": "account:oauth2", "label": "Connection" } ]
                }
            }
        ],
        "metadata": { "version": 1 }
    }
    """

    func session() throws -> EditSession { EditSession(document: try JSONDocument(text: Self.json)) }
    func account(_ s: EditSession, _ id: Int) throws -> AccountRef? {
        try Blueprint(document: s.document).module(id: id)?.accounts.first { $0.parameter == "account" }
    }

    @Test func aLabelIsAddedBesideTheOtherRestoreEntriesAndUndoneWithTheSet() throws {
        var s = try session()
        try ConnectionEditor.set(module: 0, parameter: "account",
                                 to: ConnectionChoice(idText: "44001", label: "Backup OAuth", type: "oauth2"), in: &s)
        let a = try #require(try account(s, 1))
        #expect(a.value == .int(44001) && a.label == "Backup OAuth" && a.connectionType == "oauth2")
        // in the document's own layout: after tlsType, data before label (as Make writes it)
        let squeezed = s.document.text.filter { !$0.isWhitespace }
        #expect(squeezed.contains(#""tlsType":{"label":"Empty"},"account":{"data":{"connection":"oauth2"},"label":"BackupOAuth"}}}"#))
        #expect(s.document.text.contains("\n                        \"account\": {\n                            \"data\": {"))
        #expect(s.undoStack.count == 1)
        _ = s.undo()
        #expect(s.document.text == Self.json)
    }

    @Test func withoutALabelOrWithoutRestoreParametersNothingIsAdded() throws {
        var s = try session()
        try ConnectionEditor.set(module: 0, parameter: "account", to: ConnectionChoice(idText: "44001"), in: &s)
        #expect(s.document.text == Self.json.replacingOccurrences(of: "\"account\": null,", with: "\"account\": 44001,"))
        var t = try session()
        try ConnectionEditor.set(module: 1, parameter: "account",
                                 to: ConnectionChoice(idText: "44001", label: "Backup OAuth", type: "oauth2"), in: &t)
        #expect(t.document.text == Self.json.replacingOccurrences(of: "\"parameters\": { \"account\": null }", with: "\"parameters\": { \"account\": 44001 }"))
    }
}
