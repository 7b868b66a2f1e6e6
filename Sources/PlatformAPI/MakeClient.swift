// Make API v2 (https://developers.make.com/api-documentation):
// - `Authorization: Token TOKEN` (api-reference "Authentication"; security scheme `token`);
// - zones `https://{eu1,eu2,us1,us2}.make.com/api/v2` and the Celonis zones
//   (api-reference/scenarios/blueprints.md, "servers");
// - paging `pg[offset]`, `pg[limit]` (pagination-sorting-filtering/pagination-and-sorting);
// - `GET /scenarios?teamId=` → `{"scenarios": [...]}`, `GET /scenarios/{id}` → `{"scenario": {...}}`;
// - `GET /scenarios/{id}/blueprint` → `{"response": {"blueprint": {...}}}` (api-reference/scenarios/blueprints);
// - `PATCH /scenarios/{id}` with `{"blueprint": "<JSON as a string>"}`: "To save resources, the blueprint
//   is sent as a string, not as an object" (api-reference/scenarios/patch--scenarios--scenarioid);
// - `GET /connections?teamId=` → `{"connections": [...]}`;
// - errors `{"detail", "message", "code"}` (troubleshooting/http-status-codes).
import BlueprintKit

public final class MakeClient: PlatformClient {
    public let platform = Platform.make
    public let origin: APIOrigin
    public let session: APISession
    private let token: String
    public var pageSize = 100

    public init(origin: APIOrigin, token: String, session: APISession) {
        self.origin = origin; self.token = token; self.session = session
        session.secrets.add(token)
    }

    private func get(_ path: String, _ query: [(String, String)] = []) -> HTTPRequest {
        HTTPRequest(method: "GET", url: origin.url("/api/v2" + path, query),
                    headers: [("Authorization", "Token \(token)"), ("Accept", "application/json")])
    }

    /// Follows `pg[offset]` until a page is short of the limit the answer's `pg` echoes, or
    /// comes back empty (without an echo), at most `maxPages` pages.
    private func paged(_ path: String, _ query: [(String, String)], key: String) throws(APIError) -> [JSONValue] {
        var out: [JSONValue] = []
        for _ in 0..<maxPages {
            let v = try session.json(get(path, query + [("pg[offset]", String(out.count)), ("pg[limit]", String(pageSize))]))
            guard let items = v[key]?.arrayValue else { throw .badResponse("GET /api/v2\(path): the answer has no \"\(key)\" array") }
            if items.isEmpty { return out }
            out += items
            // The answer echoes the paging it applied; fewer items than that limit is the last page.
            if let applied = v["pg"]?["limit"]?.intValue, items.count < applied { return out }
        }
        throw .badResponse("GET /api/v2\(path): more than \(maxPages) pages; stopped")
    }

    public func scenarios(team: Int, folder: Int?) throws(APIError) -> [RemoteScenario] {
        var q = [("teamId", String(team))]
        if let folder { q.append(("folderId", String(folder))) }
        return try paged("/scenarios", q, key: "scenarios").compactMap { RemoteScenario($0) }
            .filter { folder == nil || $0.folderId == folder }
    }

    public func scenario(id: Int) throws(APIError) -> RemoteScenario {
        let v = try session.json(get("/scenarios/\(id)"))
        guard let s = v["scenario"].flatMap({ RemoteScenario($0) }) else { throw .badResponse("GET /api/v2/scenarios/\(id): no \"scenario\" object") }
        return s
    }

    public func blueprint(id: Int) throws(APIError) -> JSONValue {
        let v = try session.json(get("/scenarios/\(id)/blueprint"))
        guard let bp = v["response"]?["blueprint"], bp.kind == .object else {
            throw .badResponse("GET /api/v2/scenarios/\(id)/blueprint: no \"response\".\"blueprint\" object")
        }
        return bp
    }

    public func blueprints(_ scenarios: [RemoteScenario]) throws(APIError) -> [PulledScenario] {
        var out: [PulledScenario] = []
        for s in scenarios { out.append(PulledScenario(scenario: s, blueprint: try blueprint(id: s.id))) }
        return out
    }

    /// Replaces the scenario's blueprint; returns the scenario as the answer describes it.
    public func update(id: Int, blueprint: JSONValue) throws(APIError) -> RemoteScenario? {
        let body = JSONValue.object([("blueprint", .string(blueprint.compactText))])
        let r = HTTPRequest(method: "PATCH", url: origin.url("/api/v2/scenarios/\(id)"),
                            headers: [("Authorization", "Token \(token)"), ("Accept", "application/json")],
                            body: .bytes(Array(body.compactText.utf8), contentType: "application/json"))
        let v = try session.json(r)
        return v["scenario"].flatMap { RemoteScenario($0) }
    }

    public func connections(team: Int) throws(APIError) -> [RemoteConnection] {
        try paged("/connections", [("teamId", String(team))], key: "connections").compactMap { RemoteConnection($0) }
    }
}
