import Foundation
import Testing
@testable import BlueprintKit

@Suite struct ConnectionInventoryTests {
    let bp: Blueprint
    init() throws { bp = try ConnFixture.blueprint() }

    func ids(_ e: ConnectionEntry) -> [Int] { e.users.compactMap(\.moduleId) }

    @Test func groupsEveryReferenceByKindAndId() {
        let inv = ConnectionInventory(blueprint: bp)
        let conns = inv.entries(of: .connection)
        #expect(conns.map { $0.id?.text } == ["2545853", "CONNECTION_PLACEHOLDER", "4821", "<CONN_02>",
                                               "{{var.input.CanvasLMSConnection}}", "YOUR_CONNECTION_ID", nil])
        let slack = conns[0]
        #expect(ids(slack) == [2, 4, 13])
        #expect(slack.label == "Lucy (Slack bot)")
        #expect(slack.type == "slack3")   // two modules say slack3, the old export says slack
        #expect(slack.users.map(\.parameter) == ["__IMTCONN__", "__IMTCONN__", "__IMTCONN__"])
        #expect(slack.users[0].accepted == ["slack2", "slack3"])
        #expect(slack.users[1].accepted == ["slack2"])
        #expect(slack.users[2].accepted == [])          // bare "account" descriptor: any type
        #expect(slack.users[2].type == "slack")        // flat restore of the oldest exports
        #expect(slack.users.allSatisfy { $0.hasRestoreEntry })
        #expect(ids(conns[2]) == [6] && conns[2].users[0].parameter == "account" && conns[2].label == "Ops mailbox")
        #expect(ids(conns[6]) == [7] && conns[6].users[0].value == nil)   // declared but absent
        #expect(inv.entries.map(\.kind) == [.connection, .connection, .connection, .connection, .connection, .connection,
                                            .connection, .webhook, .keychain, .dataStore, .dataStructure])
        #expect(inv.entry(.webhook, id: AccountID("2522499"))?.label == "Orders hook")
        #expect(inv.entry(.keychain, id: nil).map(ids) == [8])
        #expect(inv.entry(.dataStore, id: AccountID("60211"))?.label == "Leads")
        #expect(inv.entry(.dataStructure, id: AccountID("91442")).map(ids) == [10])
        #expect(inv.uses.count == 13)   // the router has none
    }

    @Test func integerAndDigitStringIdsAreTheSameConnection() throws {
        let text = ConnFixture.replace(ConnFixture.text, "\"__IMTCONN__\": \"YOUR_CONNECTION_ID\"", "\"__IMTCONN__\": \"2545853\"")
        let inv = ConnectionInventory(blueprint: try ConnFixture.blueprint(text))
        #expect(inv.entry(id: AccountID("2545853")).map(ids) == [2, 4, 13, 14])
    }

    @Test func warningsForWrongTypeEmptyRequiredAndPlaceholders() {
        let inv = ConnectionInventory(blueprint: bp)
        let got = inv.warnings.map { "\($0.moduleId!) \($0.code.rawValue)" }
        #expect(got == ["4 type-not-accepted", "5 placeholder", "7 required-empty", "11 placeholder", "14 placeholder"])
        let w = inv.warnings[0]
        #expect(w.description == "#4 slack:AddReaction __IMTCONN__: connection type slack3 is not accepted here (accepts slack2)")
        #expect(inv.warnings[1].message == "connection is the placeholder \"CONNECTION_PLACEHOLDER\", not an id")
        #expect(inv.warnings[2].message == "required connection is not set")
        #expect(inv.warnings[3].message.contains("\"<CONN_02>\""))
        // not required (proxyKeychain: null) and dynamic ({{var.input…}}): no warning
        #expect(!inv.warnings.contains { $0.moduleId == 8 || $0.moduleId == 12 })
    }

    @Test func nullAndEmptyStringCountAsNotSet() throws {
        for v in ["null", "\"\""] {
            let text = ConnFixture.replace(ConnFixture.text, "\"account\": 4821", "\"account\": \(v)")
            let inv = ConnectionInventory(blueprint: try ConnFixture.blueprint(text))
            #expect(inv.warnings.contains { $0.moduleId == 6 && $0.code == .requiredEmpty }, "value \(v)")
            #expect(inv.entry(id: nil).map(ids) == [6, 7])
        }
    }

    @Test func teamListAddsNotInTeamAndItsTypeWins() {
        let team = TeamConnections(connections: [
            TeamConnection(id: .int(2545853), name: "Lucy", type: "slack3", line: 2),
            TeamConnection(id: .int(4821), name: "Ops IMAP", type: "imap", line: 3),
        ], source: "team.json")
        var inv = ConnectionInventory(blueprint: bp, team: team)
        #expect(inv.entry(id: AccountID("4821"))?.type == "imap")
        // The restore of #6 has no type; the team's "imap" is not one the email module accepts.
        #expect(inv.warnings.contains { $0.moduleId == 6 && $0.code == .typeNotAccepted })
        let team2 = TeamConnections(connections: [TeamConnection(id: .int(2545853), name: "Lucy", type: "slack3", line: 2)], source: "team.json")
        inv = ConnectionInventory(blueprint: bp, team: team2)
        let notIn = inv.warnings.filter { $0.code == .notInTeam }
        #expect(notIn.map(\.moduleId) == [6])
        #expect(notIn[0].message == "connection 4821 is not in the team list team.json")
        // placeholders and dynamic values are not reported as missing from the team
        #expect(!inv.warnings.contains { $0.code == .notInTeam && [5, 11, 12, 14].contains($0.moduleId) })
    }

    @Test func catalogOverrideOfAcceptedTypesWins() {
        let plain = ConnectionInventory(blueprint: bp)
        #expect(plain.acceptedTypes(module: ConnFixture.index(bp, 4), parameter: "__IMTCONN__") == ["slack2"])
        let inv = ConnectionInventory(blueprint: bp) { m, _ in m.moduleName == "slack:AddReaction" ? ["slack2", "slack3"] : nil }
        #expect(inv.acceptedTypes(module: ConnFixture.index(bp, 4), parameter: "__IMTCONN__") == ["slack2", "slack3"])
        #expect(inv.acceptedTypes(module: ConnFixture.index(bp, 2), parameter: "__IMTCONN__") == ["slack2", "slack3"])
        #expect(!inv.warnings.contains { $0.code == .typeNotAccepted })
        #expect(inv.acceptedTypes(module: ConnFixture.index(bp, 4), parameter: "nope") == [])
    }

    @Test func candidatesAreFilteredByAcceptedTypeAndCountUses() {
        let team = TeamConnections(connections: [
            TeamConnection(id: .int(900), name: "Support Slack", type: "slack2", line: 2),
            TeamConnection(id: .int(901), name: "Alice Google", type: "google", line: 3),
            TeamConnection(id: .int(2545853), name: "Lucy (renamed)", type: "slack3", line: 4),
        ], source: "t")
        let inv = ConnectionInventory(blueprint: bp, team: team)
        let two = inv.candidates(module: ConnFixture.index(bp, 2), parameter: "__IMTCONN__")
        #expect(two.map { $0.choice.id.compactText } == ["2545853", "900"])
        #expect(two[0].usedBy == 3 && two[0].isCurrent && two[0].inTeam && two[0].inScenario)
        #expect(two[0].choice.label == "Lucy (Slack bot)" && two[0].choice.type == "slack3")
        #expect(two[1].usedBy == 0 && !two[1].inScenario && two[1].choice.label == "Support Slack")
        // slack:AddReaction accepts slack2 only: Lucy (slack3) is filtered out, unless asked for
        let four = inv.candidates(module: ConnFixture.index(bp, 4), parameter: "__IMTCONN__")
        #expect(four.map { $0.choice.id.compactText } == ["900"])
        let all = inv.candidates(module: ConnFixture.index(bp, 4), parameter: "__IMTCONN__", includeRejected: true)
        #expect(all.map { $0.choice.id.compactText } == ["2545853", "4821", "\"{{var.input.CanvasLMSConnection}}\"", "901", "900"])
        #expect(all.map(\.accepted) == [false, false, false, false, true])   // team ones sorted by name
        // the email module: its own 4821 (type unknown but its users accept smtp,…) and nothing of slack
        let six = inv.candidates(module: ConnFixture.index(bp, 6), parameter: "account")
        #expect(six.map { $0.choice.id.compactText } == ["4821"])
        // other kinds: the scenario's data stores
        #expect(inv.candidates(module: ConnFixture.index(bp, 9), parameter: "datastore").map(\.usedBy) == [1])
    }

    @Test func choiceTakesLabelAndTypeFromTeamThenScenario() {
        let team = TeamConnections(connections: [TeamConnection(id: .int(900), name: "Support Slack", type: "slack2", scoped: false, line: 2)], source: "t")
        let inv = ConnectionInventory(blueprint: bp, team: team)
        #expect(inv.choice(id: .int(900)) == ConnectionChoice(id: .int(900), label: "Support Slack", type: "slack2", scoped: false))
        #expect(inv.choice(id: .int(2545853)) == ConnectionChoice(id: .int(2545853), label: "Lucy (Slack bot)", type: "slack3"))
        #expect(inv.choice(id: .int(1)) == ConnectionChoice(id: .int(1)))
        #expect(inv.choice(.webhook, id: .int(2522499)).label == "Orders hook")
    }

    @Test func reportJSONListsEntriesUsersAndWarnings() throws {
        let inv = ConnectionInventory(blueprint: bp)
        let v = ConnectionReport.json(inv, file: "f.json")
        #expect(v["file"] == .string("f.json") && v["team"] == .null)
        let first = try #require(v["connections"]?.arrayValue?.first)
        #expect(first["kind"] == .string("connection") && first["id"] == .int(2545853) && first["usedBy"] == .int(3))
        #expect(first["modules"]?.arrayValue?.map { $0["module"] } == [.int(2), .int(4), .int(13)])
        #expect(first["warnings"]?.arrayValue?.first?["code"] == .string("type-not-accepted"))
        #expect(v["warnings"]?.arrayValue?.count == 5)
        let text = ConnectionReport.text(inv, file: "f.json")
        #expect(text.contains("connection 2545853  \"Lucy (Slack bot)\"  [slack3]  used by 3"))
        #expect(text.contains("! connection is the placeholder \"CONNECTION_PLACEHOLDER\", not an id: #5 __IMTCONN__"))
        #expect(text.hasSuffix("6 connections, 13 account references, 5 warnings\n"))
    }
}
