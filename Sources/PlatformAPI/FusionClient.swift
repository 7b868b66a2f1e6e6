// Workfront Fusion API v3 (repository AdobeDocs/workfront-fusion-apis):
// - base `https://fusion.adobe.io` (static/fusion.json, "servers");
// - headers `Authorization: Bearer TOKEN`, `x-api-key` (the client id), `x-gw-ims-org-id`,
//   `x-gw-region` (src/pages/getting-started/api_headers/index.md; securitySchemes in static/fusion.json),
//   and `x-organization-id`, the Fusion organization number;
// - the token from Adobe IMS, `POST https://ims-na1.adobelogin.com/ims/token/v3` with
//   grant_type=client_credentials, client_id, client_secret, scope
//   (src/pages/getting-started/authentication/index.md);
// - `GET /api/v3/scenarios?teamId=` with `property` filters, `limit` (1-100), `orderby` (required
//   with paging) and cursor paging: `start` = the previous answer's `_page.next`, last page when
//   `_page.next` is null (static/scenarios.json; src/pages/getting-started/usage_notes/index.md);
// - `POST /api/v3/scenarios/export` `{"scenarioIds": [...]}`, at most 100 ids, answered as NDJSON,
//   one `{scenarioId, name, teamId, folderId, blueprint}` per line;
// - `GET /api/v3/connections?teamId=`, paged like scenarios;
// - v3 has no endpoint that writes a blueprint.
import BlueprintKit

public struct FusionCredentials: Sendable {
    public var clientId: String
    public var clientSecret: String?
    public var accessToken: String?
    public init(clientId: String, clientSecret: String? = nil, accessToken: String? = nil) {
        self.clientId = clientId; self.clientSecret = clientSecret; self.accessToken = accessToken
    }
}

public final class FusionClient: PlatformClient {
    public let platform = Platform.fusion
    public let origin: APIOrigin
    public let imsOrigin: APIOrigin
    public let session: APISession
    public let org: String
    public let region: String
    public let imsOrg: String?
    private let credentials: FusionCredentials
    /// The IMS token, fetched once and kept in memory only.
    private var token: String?
    public var pageSize = 100
    /// Export takes at most this many ids per request.
    public static let exportLimit = 100

    public init(origin: APIOrigin, imsOrigin: APIOrigin, org: String, region: String, imsOrg: String?,
                credentials: FusionCredentials, session: APISession) {
        self.origin = origin; self.imsOrigin = imsOrigin; self.org = org; self.region = region; self.imsOrg = imsOrg
        self.credentials = credentials; self.session = session
        token = credentials.accessToken
        if let s = credentials.clientSecret { session.secrets.add(s) }
        if let t = credentials.accessToken { session.secrets.add(t) }
    }

    func accessToken() throws(APIError) -> String {
        if let token { return token }
        guard let secret = credentials.clientSecret else {
            throw .configuration("set FUSION_ACCESS_TOKEN, or FUSION_CLIENT_SECRET to fetch one from Adobe IMS")
        }
        let r = HTTPRequest(method: "POST", url: imsOrigin.url("/ims/token/v3"), headers: [("Accept", "application/json")],
                            body: .form([("grant_type", "client_credentials"), ("client_id", credentials.clientId),
                                         ("client_secret", secret),
                                         ("scope", "openid,AdobeID,profile,additional_info.projectedProductContext")]))
        let v: JSONValue
        do { v = try session.json(r) } catch {
            if case .http(let s, let m, _) = error { throw .http(status: s, message: m, request: "Adobe IMS token request") }
            throw error
        }
        guard let t = v["access_token"]?.stringValue, !t.isEmpty else { throw .badResponse("Adobe IMS: the answer has no access_token") }
        session.secrets.add(t)
        token = t
        return t
    }

    private func headers() throws(APIError) -> [(String, String)] {
        var h = [("Authorization", "Bearer \(try accessToken())"), ("x-api-key", credentials.clientId),
                 ("x-organization-id", org), ("x-gw-region", region), ("Accept", "application/json")]
        if let imsOrg { h.append(("x-gw-ims-org-id", imsOrg)) }
        return h
    }

    /// Follows `_page.next` until it is null or missing, at most `maxPages` pages; a cursor
    /// that repeats is an error rather than a loop.
    private func paged(_ path: String, _ query: [(String, String)]) throws(APIError) -> [JSONValue] {
        var out: [JSONValue] = []
        var start: String? = nil
        var seen: Set<String> = []
        for _ in 0..<maxPages {
            var q = query + [("orderby", "+id"), ("limit", String(pageSize))]
            if let start { q.append(("start", start)) }
            let v = try session.json(HTTPRequest(method: "GET", url: origin.url("/api/v3" + path, q), headers: try headers()))
            guard let items = v["items"]?.arrayValue else { throw .badResponse("GET /api/v3\(path): the answer has no \"items\" array") }
            out += items
            guard let next = v["_page"]?["next"], next.kind != .null else { return out }
            let cursor = next.stringValue ?? next.compactText
            if items.isEmpty || !seen.insert(cursor).inserted {
                throw .badResponse("GET /api/v3\(path): the paging cursor \(cursor) repeats; stopped")
            }
            start = cursor
        }
        throw .badResponse("GET /api/v3\(path): more than \(maxPages) pages; stopped")
    }

    public func scenarios(team: Int, folder: Int?) throws(APIError) -> [RemoteScenario] {
        var q = [("teamId", String(team)), ("property", "teamId==\(team)")]
        if let folder { q.append(("property", "folderId==\(folder)")) }
        return try paged("/scenarios", q).compactMap { RemoteScenario($0) }
    }

    public func scenario(id: Int) throws(APIError) -> RemoteScenario {
        let v = try session.json(HTTPRequest(method: "GET", url: origin.url("/api/v3/scenarios/\(id)"), headers: try headers()))
        guard let s = RemoteScenario(v) else { throw .badResponse("GET /api/v3/scenarios/\(id): no scenario id in the answer") }
        return s
    }

    public func blueprints(_ scenarios: [RemoteScenario]) throws(APIError) -> [PulledScenario] {
        var byId: [Int: PulledScenario] = [:]
        var i = 0
        while i < scenarios.count {
            let chunk = Array(scenarios[i..<min(i + FusionClient.exportLimit, scenarios.count)])
            i += chunk.count
            let body = JSONValue.object([("scenarioIds", .array(chunk.map { .int($0.id) }))])
            var h = try headers()
            h.removeAll { $0.0 == "Accept" }
            h.append(("Accept", "application/x-ndjson"))
            let r = try session.send(HTTPRequest(method: "POST", url: origin.url("/api/v3/scenarios/export"), headers: h,
                                                 body: .bytes(Array(body.compactText.utf8), contentType: "application/json")))
            var lineNo = 0
            for line in r.body.split(separator: 0x0A, omittingEmptySubsequences: false) {
                lineNo += 1
                let bytes = Array(line.last == 0x0D ? line.dropLast() : line[...])
                if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
                let v: JSONValue
                do { let d = try JSONDocument(bytes: bytes); v = d.value(d.root) } catch {
                    throw .badResponse("POST /api/v3/scenarios/export: NDJSON line \(lineNo): \(error.message) (column \(error.column))")
                }
                guard let s = RemoteScenario(v, idKey: "scenarioId") else {
                    throw .badResponse("POST /api/v3/scenarios/export: NDJSON line \(lineNo) has no scenarioId")
                }
                var bp = v["blueprint"]
                if let text = bp?.stringValue, let d = try? JSONDocument(text: text) { bp = d.value(d.root) }
                guard let blueprint = bp, blueprint.kind == .object else {
                    throw .badResponse("POST /api/v3/scenarios/export: NDJSON line \(lineNo) (scenario \(s.id)) has no blueprint object")
                }
                let asked = chunk.first { $0.id == s.id }
                var merged = s
                if merged.lastEdit == nil { merged.lastEdit = asked?.lastEdit }
                if merged.teamId == 0, let t = asked?.teamId { merged.teamId = t }
                byId[s.id] = PulledScenario(scenario: merged, blueprint: blueprint)
            }
        }
        let missing = scenarios.filter { byId[$0.id] == nil }.map { String($0.id) }
        if !missing.isEmpty { throw .badResponse("POST /api/v3/scenarios/export: no blueprint for scenario \(missing.joined(separator: ", "))") }
        return scenarios.compactMap { byId[$0.id] }
    }

    public func connections(team: Int) throws(APIError) -> [RemoteConnection] {
        try paged("/connections", [("teamId", String(team)), ("property", "teamId==\(team)")]).compactMap { RemoteConnection($0) }
    }
}
