import Foundation
import Testing
@testable import BlueprintKit

@Suite struct ConnectionTeamTests {
    func parse(_ text: String) throws(TeamConnectionsError) -> TeamConnections {
        try TeamConnections(bytes: Array(text.utf8), source: "team.json")
    }

    func error(_ text: String) -> String? {
        do { _ = try parse(text); return nil } catch { return error.description }
    }

    @Test func makeAPIShape() throws {
        let t = try parse("""
        {
            "connections": [
                {
                    "id": 2545853,
                    "name": "Lucy (Slack bot)",
                    "accountName": "slack3",
                    "accountLabel": "Slack",
                    "packageName": null,
                    "accountType": "oauth",
                    "scoped": true,
                    "editable": false,
                    "teamId": 12
                },
                {"id": 4821, "name": "Ops mailbox", "accountName": "smtp", "accountLabel": "Email", "accountType": "basic", "scoped": false}
            ],
            "pg": {"limit": 10000, "offset": 0}
        }
        """)
        #expect(t.connections.count == 2)
        let lucy = try #require(t.connection(id: AccountID("2545853")))
        #expect(lucy.name == "Lucy (Slack bot)" && lucy.type == "slack3" && lucy.appLabel == "Slack" && lucy.scoped == true && lucy.line == 3)
        #expect(lucy.choice == ConnectionChoice(id: .int(2545853), label: "Lucy (Slack bot)", type: "slack3", scoped: true))
        #expect(t.connection(id: AccountID("4821"))?.scoped == false)
        #expect(t.connection(id: AccountID("1")) == nil)
    }

    @Test func plainArrayShape() throws {
        let t = try parse(#"[{"id": 1, "name": "A", "type": "google"}, {"id": "2", "name": "B"}, {"id": 3, "name": "C", "type": null, "scoped": "true"}]"#)
        #expect(t.connections.map(\.name) == ["A", "B", "C"])
        #expect(t.connections.map(\.type) == ["google", nil, nil])
        // a digit-string id is accepted and written back as an integer
        #expect(t.connection(id: AccountID("2"))?.choice.id == .int(2))
        #expect(t.connection(id: AccountID("3"))?.scoped == true)
        #expect(try parse("[]").connections.isEmpty)
    }

    @Test func malformedFilesGiveLineAndColumn() {
        #expect(error("{\"connections\": [\n  {\"id\": 1, \"name\": \"A\"},\n  {\"name\": \"B\"}\n]}") == "team.json:3:3: connection has no \"id\"")
        #expect(error("[\n  {\"id\": \"abc\", \"name\": \"A\"}\n]") == "team.json:2:10: connection \"id\" must be a non-negative integer, not \"abc\"")
        #expect(error("[{\"id\": 1.5, \"name\": \"A\"}]") == "team.json:1:9: connection \"id\" must be a non-negative integer, not 1.5")
        #expect(error("[{\"id\": 1}]") == "team.json:1:2: connection 1 has no \"name\"")
        #expect(error("[{\"id\": 1, \"name\": 7}]") == "team.json:1:20: connection \"name\" must be a string, not number")
        #expect(error("[{\"id\": 1, \"name\": \"A\", \"accountName\": 3}]") == "team.json:1:40: connection \"accountName\" must be a non-empty string")
        #expect(error("[{\"id\": 1, \"name\": \"A\", \"scoped\": 1}]") == "team.json:1:35: connection \"scoped\" must be true or false")
        #expect(error("[\n{\"id\": 1, \"name\": \"A\"},\n{\"id\": 1, \"name\": \"B\"}]") == "team.json:3:8: duplicate connection id 1 (first on line 2)")
        #expect(error("[1]") == "team.json:1:2: a connection must be an object, not number")
        #expect(error("{\"data\": []}") == "team.json:1:1: not a team connection list: expected {\"connections\": [...]} or an array of connections")
        #expect(error("{\"connections\": {}}") == "team.json:1:17: \"connections\" must be an array, not object")
        #expect(error("\"x\"") == "team.json:1:1: not a team connection list: the top level is string, expected an object or an array")
        #expect(error("[{\"id\": 1,}]")?.hasPrefix("team.json:1:11: ") == true)
    }

    @Test func unreadableFileIsAnIOError() {
        do {
            _ = try TeamConnections.load(path: "/nonexistent/team.json")
            Issue.record("expected an error")
        } catch {
            #expect(error.isIOError)
            #expect(error.description.hasPrefix("/nonexistent/team.json: cannot open"))
        }
    }

    @Test func loadsFromAFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("scened-team-\(getpid()).json").path
        try Data(#"{"connections": [{"id": 9, "name": "Nine", "accountName": "google"}]}"#.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let t = try TeamConnections.load(path: path)
        #expect(t.source == path && t.connections.map(\.name) == ["Nine"])
    }

    @Test func defaultPathFollowsXDG() {
        #expect(TeamConnections.defaultPath { ["XDG_CONFIG_HOME": "/cfg", "HOME": "/home/u"][$0] } == "/cfg/scened/connections.json")
        #expect(TeamConnections.defaultPath { ["XDG_CONFIG_HOME": "", "HOME": "/home/u"][$0] } == "/home/u/.config/scened/connections.json")
        #expect(TeamConnections.defaultPath { ["XDG_CONFIG_HOME": "rel", "HOME": "/home/u/"][$0] } == "/home/u/.config/scened/connections.json")
        #expect(TeamConnections.defaultPath { _ in nil } == nil)
    }
}
