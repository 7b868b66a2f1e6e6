// `scened pull fusion` / `push fusion` against the fake Workfront Fusion API and Adobe IMS.
import Foundation
import Testing
@testable import PlatformAPI

@Suite struct FusionPullTests {
    func pullArgs(_ fake: FakePlatform, _ extra: [String] = []) -> [String] {
        ["pull", "fusion", "--org", "2245", "--region", "or2", "--team", "7", "--api", fake.origin] + extra + [fake.pullDir]
    }

    @Test func pullsPagesAndExportsAtMostAHundredIdsPerRequest() throws {
        let fake = try FakePlatform(makeScenarios: 0, fusionScenarios: 150, fusionPageSize: 40)
        let r = try scened(pullArgs(fake), env: fusionEnv)
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("pulled 150 scenarios into \(fake.pullDir): 150 new"))
        #expect(r.out.contains("note: the Fusion API cannot write blueprints; after editing, 'scened push fusion \(fake.pullDir)' lists the files to import and how"))
        let log = try fake.log()
        // One token from IMS (client credentials, kept in memory), then four pages of 40 by cursor.
        let ims = log.filter { ($0["path"] as? String) == "/ims/token/v3" }
        #expect(ims.count == 1)
        #expect((ims.first?["body"] as? String)?.contains("grant_type=client_credentials") == true)
        let lists = log.filter { ($0["path"] as? String) == "/api/v3/scenarios" }
        #expect(lists.map { (($0["query"] as? [String: [String]])?["start"] ?? []).first ?? "-" } == ["-", "5040", "5080", "5120"])
        #expect(lists.allSatisfy { (($0["query"] as? [String: [String]])?["property"] ?? []) == ["teamId==7"] })
        let headers = lists.first?["headers"] as? [String: String] ?? [:]
        #expect(headers["authorization"] == "Bearer \(fusionToken)" && headers["x-api-key"] == fusionClientId)
        #expect(headers["x-gw-region"] == "or2" && headers["x-organization-id"] == "2245")
        // Export in chunks of 100 and 50, answered as NDJSON.
        let exports = log.filter { ($0["path"] as? String) == "/api/v3/scenarios/export" }
        let sizes = try exports.map { e -> Int in
            let b = try JSONSerialization.jsonObject(with: Data((e["body"] as! String).utf8)) as! [String: Any]
            return (b["scenarioIds"] as! [Any]).count
        }
        #expect(sizes == [100, 50])
        #expect(exports.allSatisfy { ($0["headers"] as? [String: String])?["accept"] == "application/x-ndjson" })
        let files = allFiles(fake.pullDir + "/7").filter { !$0.hasSuffix("/" + teamConnectionsFileName) }
        #expect(files.count == 150 && files.first?.hasSuffix("/7/5001-fusion-flow-1.json") == true)
        #expect(try scened(["fmt", files[0], "--style", "make", "--check"]).status == 0)
        let m = try manifestEntries(fake.pullDir)
        #expect(m.count == 150 && m[0]["platform"] as? String == "fusion" && m[0]["org"] as? String == "2245" && m[0]["region"] as? String == "or2")
        expectNoSecret(in: fake)
    }

    @Test func scenariosByIdAndAReadyToken() throws {
        let fake = try FakePlatform(makeScenarios: 0, fusionScenarios: 3)
        let r = try scened(["pull", "fusion", "--org", "2245", "--region", "or2", "--scenario", "5002", "--scenario", "5003",
                            "--api", fake.origin, fake.pullDir],
                           env: ["FUSION_CLIENT_ID": fusionClientId, "FUSION_ACCESS_TOKEN": fusionToken])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("new       7/5002-fusion-flow-2.json") && r.out.contains("new       7/5003-fusion-flow-3.json"))
        #expect(try fake.log().allSatisfy { ($0["path"] as? String) != "/ims/token/v3" })
        expectNoSecret(in: fake)
    }

    @Test func documentedErrors() throws {
        let fake = try FakePlatform(makeScenarios: 0, fusionScenarios: 2, fusionRequiredHeaders: ["x-gw-ims-org-id"])
        // Missing header (the fake requires x-gw-ims-org-id): 400003.
        let missing = try scened(pullArgs(fake), env: fusionEnv)
        #expect(missing.status == 69 && missing.err.contains("HTTP 400: Missing header (error_code 400003)"), "\(missing.err)")
        // With it, the pull works.
        let ok = try scened(pullArgs(fake, ["--ims-org", "ABC123@AdobeOrg"]), env: fusionEnv)
        #expect(ok.status == 0, "\(ok.err)")
        // Invalid token: 401013.
        let badToken = try scened(pullArgs(fake, ["--ims-org", "ABC123@AdobeOrg"]),
                                  env: ["FUSION_CLIENT_ID": fusionClientId, "FUSION_ACCESS_TOKEN": "expired-token-0000"])
        #expect(badToken.status == 77 && badToken.err.contains("HTTP 401: Oauth token is not valid (error_code 401013)"))
        // Invalid api key: 403003; and the gateway's "Api Key is required" (403000) as it documents it.
        let badKey = try scened(pullArgs(fake, ["--ims-org", "ABC123@AdobeOrg"]),
                                env: ["FUSION_CLIENT_ID": "someone-else", "FUSION_ACCESS_TOKEN": fusionToken])
        #expect(badKey.status == 77 && badKey.err.contains("HTTP 403: Api Key is invalid (error_code 403003)"))
        try fake.fail("/api/v3/scenarios", status: 403, body: ["error_code": "403000", "message": "Api Key is required"])
        let noKey = try scened(pullArgs(fake, ["--ims-org", "ABC123@AdobeOrg"]), env: fusionEnv)
        #expect(noKey.status == 77 && noKey.err.contains("HTTP 403: Api Key is required (error_code 403000)"))
        // A problem document (RFC 7807), e.g. more than 100 ids.
        try fake.fail("/api/v3/scenarios/export", status: 400,
                      body: ["type": "BadRequest", "status": 400, "title": "scenarioIds must contain no more than 100 elements",
                             "report": ["request-id": "r-1", "x-gw-ims-org-id": "ABC123@AdobeOrg"]])
        let tooMany = try scened(pullArgs(fake, ["--ims-org", "ABC123@AdobeOrg"]), env: fusionEnv)
        #expect(tooMany.status == 69 && tooMany.err.contains("POST /api/v3/scenarios/export: HTTP 400: scenarioIds must contain no more than 100 elements"))
        // Wrong client secret at IMS.
        let ims = try scened(pullArgs(fake), env: ["FUSION_CLIENT_ID": fusionClientId, "FUSION_CLIENT_SECRET": "wrong-secret-1234"])
        #expect(ims.status == 69 && ims.err.contains("Adobe IMS token request: HTTP 400: invalid_client"))
        for r in [missing, ok, badToken, badKey, noKey, tooMany, ims] {
            for s in allSecrets { #expect(!r.err.contains(s) && !r.out.contains(s)) }
        }
        expectNoSecret(in: fake)
    }

    @Test func theFakeRefusesMoreThanAHundredIds() throws {
        // The limit the client keeps to, checked against the fake itself.
        let fake = try FakePlatform(makeScenarios: 0, fusionScenarios: 1)
        let t = CurlTransport()!
        let ids = (1...101).map(String.init).joined(separator: ",")
        let r = try t.send(HTTPRequest(method: "POST", url: fake.origin + "/api/v3/scenarios/export",
                                       headers: [("Authorization", "Bearer \(fusionToken)"), ("x-api-key", fusionClientId),
                                                 ("x-gw-region", "or2"), ("x-organization-id", "1")],
                                       body: .bytes(Array("{\"scenarioIds\":[\(ids)]}".utf8), contentType: "application/json")))
        #expect(r.status == 400 && errorMessage(from: r.body) == "scenarioIds must contain no more than 100 elements")
        #expect(FusionClient.exportLimit == 100)
    }

    @Test func pushFusionListsChangedFilesAndImportSteps() throws {
        let fake = try FakePlatform(makeScenarios: 0, fusionScenarios: 2)
        #expect(try scened(pullArgs(fake), env: fusionEnv).status == 0)
        let file = fake.pullDir + "/7/5002-fusion-flow-2.json"
        try readText(file).replacingOccurrences(of: "\"get\"", with: "\"post\"").write(toFile: file, atomically: true, encoding: .utf8)
        let r = try scened(["push", "fusion", fake.pullDir])
        #expect(r.status == 0)
        #expect(r.out.hasPrefix("The Workfront Fusion API (v3) has no endpoint that writes a blueprint, so scened cannot push to Fusion.\n"))
        #expect(r.out.contains("choose Import Blueprint"))
        #expect(r.out.contains("  \(file)  →  scenario 5002 \"Fusion flow 2\" (team 7)\n1 file to import.\n"))
        #expect(!r.out.contains("5001-fusion-flow-1.json"))
        let make = try scened(["push", "make", file], env: makeEnv)
        #expect(make.status == 64 && make.err.contains("was pulled from Workfront Fusion; 'scened push fusion' lists how to import it"))
        let conns = try scened(["connections", fake.pullDir, "--remote"], env: fusionEnv)
        #expect(conns.status == 0 && conns.out == "team 7 (fusion, \(fake.origin)): 1 connection\n  61  workfront  Workfront prod\n", "\(conns.err)")
    }
}
