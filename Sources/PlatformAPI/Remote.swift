// What PlatformAPI returns: scenarios, their blueprints, team connections, and the
// interface both platforms' clients share.
import BlueprintKit

public enum Platform: String, Sendable { case fusion, make }

public struct RemoteScenario: Sendable, Equatable {
    public var id: Int
    public var name: String
    public var teamId: Int
    public var folderId: Int?
    /// The platform's last-edit stamp (ISO 8601), when it sends one.
    public var lastEdit: String?

    public init(id: Int, name: String, teamId: Int, folderId: Int? = nil, lastEdit: String? = nil) {
        self.id = id; self.name = name; self.teamId = teamId; self.folderId = folderId; self.lastEdit = lastEdit
    }

    init?(_ v: JSONValue, idKey: String = "id") {
        guard let id = v[idKey]?.intValue ?? v["id"]?.intValue else { return nil }
        self.id = id
        name = v["name"]?.stringValue ?? ""
        teamId = v["teamId"]?.intValue ?? 0
        folderId = v["folderId"]?.intValue
        lastEdit = v["lastEdit"]?.stringValue ?? v["updatedAt"]?.stringValue
    }
}

/// A scenario with its blueprint.
public struct PulledScenario: Sendable {
    public var scenario: RemoteScenario
    public var blueprint: JSONValue
    public init(scenario: RemoteScenario, blueprint: JSONValue) { self.scenario = scenario; self.blueprint = blueprint }
}

/// A connection of the team, as the connections endpoints list it.
public struct RemoteConnection: Sendable, Equatable {
    public var id: Int
    public var name: String
    /// The app / connection type (`accountName`, e.g. `slack2`).
    public var type: String
    public var teamId: Int?

    init?(_ v: JSONValue) {
        guard let id = v["id"]?.intValue else { return nil }
        self.id = id
        name = v["name"]?.stringValue ?? ""
        type = v["accountName"]?.stringValue ?? v["type"]?.stringValue ?? v["accountType"]?.stringValue ?? ""
        teamId = v["teamId"]?.intValue
    }
}

/// The bound on pages followed in one listing: 1,000 pages of 100 is 100,000 scenarios.
public let maxPages = 1000

public protocol PlatformClient: AnyObject {
    var platform: Platform { get }
    var origin: APIOrigin { get }
    var session: APISession { get }
    func scenarios(team: Int, folder: Int?) throws(APIError) -> [RemoteScenario]
    /// Scenarios by id, with their blueprints, in the order given.
    func blueprints(_ scenarios: [RemoteScenario]) throws(APIError) -> [PulledScenario]
    /// One scenario's metadata (for `--scenario ID` without a listing).
    func scenario(id: Int) throws(APIError) -> RemoteScenario
    func connections(team: Int) throws(APIError) -> [RemoteConnection]
}

/// The blueprint as scened writes it: Make's export layout (`fmt --style make`).
public func exportLayout(_ blueprint: JSONValue) -> [UInt8] {
    Array(JSONWriter.render(blueprint, style: .make).utf8)
}

/// The team's connections as `scened pull` saves them beside the team's files, in the
/// team-list format (`{"connections": [{"id", "name", "accountName", "teamId"}]}`) that
/// the editor's picker and `connections --connections` read.
public let teamConnectionsFileName = ".scened-connections.json"

public func teamConnectionsJSON(_ list: [RemoteConnection], team: Int) -> String {
    let items: [JSONValue] = list.map {
        .object([("id", .int($0.id)), ("name", .string($0.name)), ("accountName", .string($0.type)), ("teamId", .int($0.teamId ?? team))])
    }
    return JSONWriter.render(.object([("connections", .array(items))]), style: .make) + "\n"
}
