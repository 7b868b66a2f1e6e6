import Foundation
import Testing
@testable import BlueprintKit

@Suite struct ConnectionScriptTests {
    let team = TeamConnections(connections: [
        TeamConnection(id: .int(900), name: "Support Slack", type: "slack2", scoped: true, line: 2),
        TeamConnection(id: .int(901), name: "Alice Google", type: "google", line: 3),
    ], source: "team.json")

    func run(_ build: (inout ConnectionScript) throws -> Void, team: TeamConnections? = nil) throws -> (EditSession, Result<[String], ConnectionScriptError>) {
        var script = ConnectionScript()
        try build(&script)
        var s = try ConnFixture.session()
        let r: Result<[String], ConnectionScriptError>
        do { r = .success(try script.run(on: &s, team: team)) } catch { r = .failure(error) }
        return (s, r)
    }

    @Test func parsesSpecs() throws {
        #expect(try ModuleParameterSpec(parsing: "5", option: "--set") == ModuleParameterSpec(moduleId: 5))
        #expect(try ModuleParameterSpec(parsing: "#5.__IMTCONN__", option: "--set") == ModuleParameterSpec(moduleId: 5, parameter: "__IMTCONN__"))
        #expect(throws: ConnectionScriptError.usage("--set x=1: expected a module id such as 5 or 5.__IMTCONN__")) {
            var s = ConnectionScript(); try s.addSet("x=1")
        }
        #expect(throws: ConnectionScriptError.usage("--swap 123: expected LEFT=RIGHT")) { var s = ConnectionScript(); try s.addSwap("123") }
        #expect(throws: ConnectionScriptError.usage("--swap 123=: both sides of '=' must be given")) { var s = ConnectionScript(); try s.addSwap("123=") }
        #expect(throws: ConnectionScriptError.usage("--clear 5.: missing parameter name after '.'")) { var s = ConnectionScript(); try s.addClear("5.") }
        var s = ConnectionScript()
        try s.addLabel("123=a=b")
        #expect(s.labels.first! == ("123", "a=b"))
    }

    @Test func setFillsLabelAndTypeFromTheTeamList() throws {
        let (s, r) = try run({ try $0.addSet("2=900") }, team: team)
        #expect(try r.get() == ["set #2 __IMTCONN__ to connection 900 (\"Support Slack\", slack2)"])
        let u = ConnectionInventory(blueprint: try Blueprint(document: s.document)).uses(module: ConnFixture.index(try ConnFixture.blueprint(), 2))
        #expect(u.map(\.label) == ["Support Slack"] && u.map(\.type) == ["slack2"] && u.map(\.value) == [.int(900)])
    }

    @Test func setRefusesAnIdMissingFromTheTeamOrOfTheWrongType() throws {
        var (s, r) = try run({ try $0.addSet("2=12345") }, team: team)
        #expect(throws: ConnectionScriptError.refused("--set #2=12345: connection 12345 is not in the team list team.json (use --force to assign it anyway)")) { try r.get() }
        #expect(!s.canUndo)
        (s, r) = try run({ try $0.addSet("2=901") }, team: team)
        #expect(throws: ConnectionScriptError.refused("#2 slack:CreateMessage __IMTCONN__ does not accept connection type google (accepts slack2, slack3) (use --force to assign it anyway)")) { try r.get() }
        (s, r) = try run({ try $0.addSet("2=901"); $0.force = true }, team: team)
        #expect(try r.get().count == 1 && s.canUndo)
        // without a team list any id goes, and a placeholder may be written on purpose
        (s, r) = try run({ try $0.addSet("2=12345"); try $0.addSwap("4821=YOUR_CONNECTION_ID") })
        #expect(try r.get().last == "the label of connection YOUR_CONNECTION_ID is unknown: modules keep the old label (give --label YOUR_CONNECTION_ID=TEXT or --connections)")
        #expect(try r.get().count == 3)
        // with --label for the new id, no note
        (s, r) = try run({ try $0.addSwap("4821=5"); try $0.addLabel("5=Five") })
        #expect(try r.get() == ["swapped connection 4821 for 5 in 1 module parameter (#6)", "labelled connection 5 \"Five\" in 1 module parameter (#6)"])
    }

    @Test func moduleAndParameterResolution() throws {
        var (_, r) = try run({ try $0.addSet("99=1") })
        #expect(throws: ConnectionScriptError.refused("--set #99=1: there is no module #99")) { try r.get() }
        (_, r) = try run({ try $0.addSet("3=1") })
        #expect(throws: ConnectionScriptError.refused("--set #3=1: #3 builtin:BasicRouter has no connection or other account parameter")) { try r.get() }
        (_, r) = try run({ try $0.addSet("2.account=1") })
        #expect(throws: ConnectionScriptError.refused("--set #2.account=1: #2 slack:CreateMessage has no account parameter account (it has __IMTCONN__)")) { try r.get() }
        // a data store module's only account parameter is found without naming it
        var s: EditSession
        (s, r) = try run({ try $0.addSet("9=61000") })
        #expect(try r.get() == ["set #9 datastore to data store 61000"])
        #expect(s.document.text.contains("\"datastore\": 61000"))
        // several account parameters: ask for one
        let two = ConnFixture.replace(ConnFixture.text, "\"account\": 4821,", "\"account\": 4821,\n                                    \"proxyKeychain\": 5,")
        let two2 = ConnFixture.replace(two, #"{"name": "account", "type": "account:smtp,google-restricted,microsoft-smtp-imap", "label": "Connection", "required": true}"#,
                                       #"{"name": "account", "type": "account:smtp,google-restricted,microsoft-smtp-imap", "label": "Connection", "required": true}, {"name": "proxyKeychain", "type": "keychain:proxy"}"#)
        var script = ConnectionScript()
        script.kind = .keychain
        try script.addSet("6=7")
        var t = try ConnFixture.session(two2)
        #expect(try script.run(on: &t, team: nil) == ["set #6 proxyKeychain to key 7"])
        var both = ConnectionScript()
        both.kind = .webhook
        try both.addSet("6=7")
        #expect(throws: ConnectionScriptError.refused("--set #6=7: #6 email:ActionSendEmail has several account parameters (account, proxyKeychain); name one as 6.PARAM")) {
            _ = try both.run(on: &t, team: nil)
        }
    }

    @Test func swapThatMatchesNothingIsReported() throws {
        var (_, r) = try run({ try $0.addSwap("1=2") })
        #expect(throws: ConnectionScriptError.nothingMatched("--swap 1=2: no module uses connection 1")) { try r.get() }
        (_, r) = try run({ try $0.addSwap("2545853=2"); $0.app = "google-sheets" })
        #expect(throws: ConnectionScriptError.nothingMatched("--swap 2545853=2: no module uses connection 2545853 in app google-sheets")) { try r.get() }
        (_, r) = try run({ try $0.addLabel("1=x") })
        #expect(throws: ConnectionScriptError.nothingMatched("--label 1=x: no module uses connection 1")) { try r.get() }
    }

    @Test func editsRunInOrderAsSeparateUndoableSteps() throws {
        let (s, r) = try run({
            try $0.addLabel("900=Slack for support")
            try $0.addSwap("2545853=900")
            $0.app = "slack"
            try $0.addClear("14")
        })
        #expect(try r.get() == [
            "cleared connection of #14 __IMTCONN__",
            "swapped connection 2545853 for 900 in 3 module parameters (#2, #4, #13)",
            "labelled connection 900 \"Slack for support\" in 3 module parameters (#2, #4, #13)",
        ])
        #expect(s.undoStack.map(\.label) == ["Clear connection of #14", "Swap connection 2545853 → 900", "Rename connection 900"])
        let inv = ConnectionInventory(blueprint: try Blueprint(document: s.document))
        #expect(inv.entry(id: AccountID("900"))?.labels == ["Slack for support"])
        var u = s
        while u.canUndo { u.undo() }
        #expect(u.document.bytes.array == ConnFixture.bytes)
    }

    @Test func labelOfAnIdNoModuleKeepsALabelFor() throws {
        let (s, r) = try run({ try $0.addLabel("{{var.input.CanvasLMSConnection}}=Canvas") })
        #expect(try r.get() == ["connection {{var.input.CanvasLMSConnection}}: no module keeps a restore label for it; nothing to rename"])
        #expect(!s.canUndo)
    }
}
