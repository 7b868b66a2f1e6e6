// `scened pull make` / `push make` / `connections --remote` against the fake Make API.
import Foundation
import Testing
@testable import PlatformAPI

@Suite struct MakePullTests {
    @Test func pullsEveryPageIntoTeamFolderInExportLayout() throws {
        let fake = try FakePlatform(makeScenarios: 5, makePageSize: 2)
        let r = try scened(["pull", "make", "--team", "88", "--api", fake.origin, fake.pullDir], env: makeEnv)
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("pulled 5 scenarios into \(fake.pullDir): 5 new, 0 updated, 0 unchanged"))
        let files = allFiles(fake.pullDir).filter { !($0.split(separator: "/").last ?? "").hasPrefix(".") }
        #expect(files.map { String($0.dropFirst(fake.pullDir.count + 1)) } == (1...5).map { "88/\(1000 + $0)-order-sync-\($0).json" })
        // Each file is exactly what `scened fmt --style make` writes.
        for f in files { #expect(try scened(["fmt", f, "--style", "make", "--check"]).status == 0, "\(f) is not in export layout") }
        #expect(readText(files[0]).contains("\n    \"name\": \"Order sync 1\",\n    \"flow\": ["))
        // Three pages of two (pg[offset] 0, 2, 4), the last one short.
        let lists = try fake.log().filter { ($0["path"] as? String) == "/api/v2/scenarios" }
        #expect(lists.map { (($0["query"] as? [String: [String]])?["pg[offset]"] ?? []).first ?? "" } == ["0", "2", "4"])
        #expect(lists.allSatisfy { (($0["headers"] as? [String: String])?["authorization"]) == "Token \(makeToken)" })
        let m = try manifestEntries(fake.pullDir)
        #expect(m.count == 5)
        #expect(m[0]["platform"] as? String == "make" && m[0]["origin"] as? String == fake.origin && m[0]["scenarioId"] as? Int == 1001)
        #expect(m[0]["teamId"] as? Int == 88 && m[0]["folderId"] as? Int == 5 && m[0]["name"] as? String == "Order sync 1")
        #expect(m[0]["hash"] as? String == SHA256.hex(Array(FileManager.default.contents(atPath: files[0])!)))
        #expect(m[0]["lastEdit"] as? String == "2026-11-01T08:00:00.000Z")
        expectNoSecret(in: fake)

        // Again: nothing changed remotely, nothing written.
        let again = try scened(["pull", "make", "--team", "88", "--api", fake.origin, fake.pullDir], env: makeEnv)
        #expect(again.status == 0 && again.out.contains("0 new, 0 updated, 5 unchanged"))
    }

    @Test func folderAndScenarioFilters() throws {
        let fake = try FakePlatform(makeScenarios: 4)
        let r = try scened(["pull", "make", "--team", "88", "--folder", "6", "--api", fake.origin, fake.pullDir], env: makeEnv)
        #expect(r.status == 0 && r.out.contains("pulled 2 scenarios"), "\(r.err)")
        let one = try scened(["pull", "make", "--team", "88", "--scenario", "1003", "--api", fake.origin, fake.dir.path + "/one"], env: makeEnv)
        #expect(one.status == 0 && one.out.contains("new       88/1003-order-sync-3.json"), "\(one.err)")
    }

    @Test func localEditsAreNotOverwrittenWhenTheRemoteChangedToo() throws {
        let fake = try FakePlatform(makeScenarios: 2)
        #expect(try scened(["pull", "make", "--team", "88", "--api", fake.origin, fake.pullDir], env: makeEnv).status == 0)
        let file = fake.pullDir + "/88/1001-order-sync-1.json"
        let edited = readText(file).replacingOccurrences(of: "\"method\": \"get\"", with: "\"method\": \"post\"")
        try edited.write(toFile: file, atomically: true, encoding: .utf8)
        // Remote unchanged: the local edit is kept, no refusal.
        let kept = try scened(["pull", "make", "--team", "88", "--api", fake.origin, fake.pullDir], env: makeEnv)
        #expect(kept.status == 0 && kept.out.contains("kept      88/1001-order-sync-1.json"))
        try fake.editRemotely("make", id: 1001, name: "Renamed remotely")
        let refused = try scened(["pull", "make", "--team", "88", "--api", fake.origin, fake.pullDir], env: makeEnv)
        #expect(refused.status == 75)
        #expect(refused.err.contains("88/1001-order-sync-1.json: has local edits and scenario 1001 changed remotely; not overwritten"))
        #expect(readText(file) == edited)
        let forced = try scened(["pull", "make", "--team", "88", "--force", "--api", fake.origin, fake.pullDir], env: makeEnv)
        #expect(forced.status == 0 && forced.out.contains("updated   88/1001-order-sync-1.json"))
        #expect(readText(file).contains("Renamed remotely") && !readText(file).contains("\"post\""))
    }

    @Test func documentedErrorsAreReportedWithoutTheToken() throws {
        let fake = try FakePlatform(makeScenarios: 1)
        let bad = try scened(["pull", "make", "--team", "88", "--api", fake.origin, fake.pullDir], env: ["MAKE_API_TOKEN": "not-the-token"])
        #expect(bad.status == 77)
        #expect(bad.err.contains("HTTP 401: Access denied: Invalid access token. (SC401)"))
        // A server that echoes the header back: the token is redacted.
        try fake.fail("/api/v2/scenarios", status: 403, body: ["detail": "header was Token \(makeToken)", "message": "Permission denied", "code": "SC403"])
        let echoed = try scened(["pull", "make", "--team", "88", "--api", fake.origin, fake.pullDir], env: makeEnv)
        #expect(echoed.status == 77 && echoed.err.contains("header was Token [redacted]") && !echoed.err.contains(makeToken))
        let missing = try scened(["pull", "make", "--team", "88", "--api", fake.origin, fake.pullDir])
        #expect(missing.status == 78 && missing.err.contains("set MAKE_API_TOKEN"))
        #expect(allFiles(fake.pullDir).isEmpty)
    }

    @Test func honoursRetryAfterABoundedNumberOfTimes() throws {
        let fake = try FakePlatform(makeScenarios: 1)
        try fake.throttle("/api/v2/scenarios", count: 1, status: 429, retryAfter: 1)
        try fake.throttle("/api/v2/scenarios/1001/blueprint", count: 1, status: 503, retryAfter: 0)
        let start = Date()
        let r = try scened(["pull", "make", "--team", "88", "--api", fake.origin, fake.pullDir], env: makeEnv)
        #expect(r.status == 0, "\(r.err)")
        #expect(Date().timeIntervalSince(start) >= 1.0, "Retry-After: 1 was not waited for")
        #expect(r.err.contains("HTTP 429, waiting 1 s before retry 1 of 4") && r.err.contains("HTTP 503, waiting 0 s before retry 1 of 4"))
        // Refused more often than the bound: reported, not retried for ever.
        try fake.throttle("/api/v2/scenarios", count: 50, status: 429, retryAfter: 0)
        let gaveUp = try scened(["pull", "make", "--team", "88", "--api", fake.origin, fake.pullDir], env: makeEnv)
        #expect(gaveUp.status == 69 && gaveUp.err.contains("HTTP 429: Too many requests (SC429); still refused after 4 retries"))
        // First pull: list (refused once, then answered), blueprint (same), team connections
        // (a full page of 2, then an empty one); second: 1 + 4 retries, then it gives up.
        #expect(try fake.log().count == 6 + 5)
    }

    @Test func aLongRetryAfterIsReportedNotWaited() throws {
        let fake = try FakePlatform(makeScenarios: 1)
        try fake.throttle("/api/v2/", count: 1, status: 429, retryAfter: 3600)
        let r = try scened(["pull", "make", "--team", "88", "--api", fake.origin, fake.pullDir], env: makeEnv)
        #expect(r.status == 69 && r.err.contains("the server asks to wait 3600 s (Retry-After), more than 60 s; try again later"))
    }

    @Test func remoteConnections() throws {
        let fake = try FakePlatform(makeScenarios: 1)
        #expect(try scened(["pull", "make", "--team", "88", "--api", fake.origin, fake.pullDir], env: makeEnv).status == 0)
        let r = try scened(["connections", fake.pullDir, "--remote"], env: makeEnv)
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out == "team 88 (make, \(fake.origin)): 2 connections\n  4012  slack2  Ops Slack\n  4013  google  Finance Google\n")
        let j = try scened(["connections", fake.pullDir + "/88/1001-order-sync-1.json", "--remote", "--json"], env: makeEnv)
        #expect(j.status == 0 && j.out.contains("\"accountName\": \"slack2\""))
        // The JSON is a team list that `connections FILE --connections` reads.
        let team = fake.dir.path + "/team.json"
        try j.out.write(toFile: team, atomically: true, encoding: .utf8)
        let check = try scened(["connections", fake.pullDir + "/88/1001-order-sync-1.json", "--connections", team])
        #expect(check.status == 0 || check.status == 1, "\(check.err)")
        #expect(check.err.isEmpty)
    }
}

@Suite struct PulledTeamConnectionsTests {
    @Test func pullSavesTheTeamsConnectionsForThePickerAndConnectionsFile() throws {
        let fake = try FakePlatform(makeScenarios: 1)
        #expect(try scened(["pull", "make", "--team", "88", "--api", fake.origin, fake.pullDir], env: makeEnv).status == 0)
        let list = fake.pullDir + "/88/" + teamConnectionsFileName
        #expect(readText(list).contains("\"name\": \"Finance Google\""))
        let file = fake.pullDir + "/88/1001-order-sync-1.json"
        // The editor's connection picker (c on module #3) offers the team's real connections.
        let snap = try scened(["snapshot", file, "--size", "100x20", "--keys", "jjc", "--no-config"], env: ["HOME": fake.dir.path])
        #expect(snap.status == 0, "\(snap.err)")
        #expect(snap.out.contains("Connection for #3") && snap.out.contains("Finance Google") && snap.out.contains("team list 2"))
        // `connections FILE` checks against it without --connections.
        let c = try scened(["connections", file], env: ["HOME": fake.dir.path])
        #expect(c.out.contains("team list \(list) (2 connections)"), "\(c.out)")
    }
}

@Suite struct MakePushTests {
    /// Pulls two scenarios and edits the first one's URL locally.
    func pulledAndEdited(_ fake: FakePlatform) throws -> String {
        #expect(try scened(["pull", "make", "--team", "88", "--api", fake.origin, fake.pullDir], env: makeEnv).status == 0)
        let file = fake.pullDir + "/88/1001-order-sync-1.json"
        let t = readText(file).replacingOccurrences(of: "https://example.com/orders/", with: "https://erp.example.com/v2/orders/")
        try t.write(toFile: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test func pushesChangedFilesWithABackupOfTheRemote() throws {
        let fake = try FakePlatform(makeScenarios: 2)
        let file = try pulledAndEdited(fake)
        let before = readText(fake.pullDir + "/88/1002-order-sync-2.json")
        let dry = try scened(["push", "make", fake.pullDir, "--dry-run"], env: makeEnv)
        #expect(dry.status == 0, "\(dry.err)")
        #expect(dry.out.contains("-                \"url\": \"https://example.com/orders/{{1.id}}\",\n+                \"url\": \"https://erp.example.com/v2/orders/{{1.id}}\","))
        #expect(dry.out.hasPrefix("--- remote/88/1001-order-sync-1.json\n+++ local/88/1001-order-sync-1.json\n"))
        #expect(try fake.log().allSatisfy { ($0["method"] as? String) != "PATCH" })
        #expect(!FileManager.default.fileExists(atPath: fake.pullDir + "/.scened-backups"))

        let r = try scened(["push", "make", file], env: makeEnv)
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("pushed    88/1001-order-sync-1.json → scenario 1001 (remote blueprint kept in .scened-backups/88/1001-order-sync-1."))
        let patches = try fake.log().filter { ($0["method"] as? String) == "PATCH" }
        #expect(patches.count == 1 && patches[0]["path"] as? String == "/api/v2/scenarios/1001")
        // The body is {"blueprint": "<the blueprint as a JSON string>"}.
        let body = try JSONSerialization.jsonObject(with: Data((patches[0]["body"] as! String).utf8)) as! [String: Any]
        #expect((body["blueprint"] as? String)?.contains("https://erp.example.com/v2/orders/{{1.id}}") == true)
        let backups = allFiles(fake.pullDir + "/.scened-backups")
        #expect(backups.count == 1 && readText(backups[0]).contains("https://example.com/orders/{{1.id}}"))
        #expect(readText(fake.pullDir + "/88/1002-order-sync-2.json") == before)
        // Recorded: pushing again sends nothing, and a pull finds it unchanged.
        let again = try scened(["push", "make", fake.pullDir], env: makeEnv)
        #expect(again.status == 0 && again.out.contains("pushed 0, unchanged 2, refused 0"))
        let pull = try scened(["pull", "make", "--team", "88", "--api", fake.origin, fake.pullDir], env: makeEnv)
        #expect(pull.status == 0 && pull.out.contains("0 new, 0 updated, 2 unchanged"), "\(pull.out)")
        expectNoSecret(in: fake)
    }

    @Test func aRemoteEditSincePullIsRefusedThenForced() throws {
        let fake = try FakePlatform(makeScenarios: 2)
        let file = try pulledAndEdited(fake)
        try fake.editRemotely("make", id: 1001, name: "Edited in the web editor")
        let r = try scened(["push", "make", file], env: makeEnv)
        #expect(r.status == 75)
        #expect(r.err.contains("88/1001-order-sync-1.json: scenario 1001 was edited remotely since it was pulled (last edit 2026-12-03T10:00:01.000Z); nothing pushed for it"))
        #expect(try fake.log().allSatisfy { ($0["method"] as? String) != "PATCH" })
        let forced = try scened(["push", "make", file, "--force"], env: makeEnv)
        #expect(forced.status == 0, "\(forced.err)")
        let backups = allFiles(fake.pullDir + "/.scened-backups")
        #expect(backups.count == 1 && readText(backups[0]).contains("Edited in the web editor"))
        #expect(try fake.log().filter { ($0["method"] as? String) == "PATCH" }.count == 1)
        expectNoSecret(in: fake)
    }

    @Test func filesOutsideAPulledFolderAndBadBlueprints() throws {
        let fake = try FakePlatform(makeScenarios: 1)
        let stray = fake.dir.path + "/stray.json"
        try "{\"flow\": []}".write(toFile: stray, atomically: true, encoding: .utf8)
        let r = try scened(["push", "make", stray], env: makeEnv)
        #expect(r.status == 66 && r.err.contains("not in a pulled folder"))
        #expect(try scened(["pull", "make", "--team", "88", "--api", fake.origin, fake.pullDir], env: makeEnv).status == 0)
        let file = fake.pullDir + "/88/1001-order-sync-1.json"
        try "{\n  \"flow\": [\n}".write(toFile: file, atomically: true, encoding: .utf8)
        let bad = try scened(["push", "make", file], env: makeEnv)
        #expect(bad.status == 65 && bad.err.contains("1001-order-sync-1.json:3:1:"))
    }
}

@Suite struct RemoteSafetyTests {
    @Test func plainHTTPIsRefusedForNonLoopbackOrigins() throws {
        let r = try scened(["pull", "make", "--team", "1", "--api", "http://example.com", "/tmp/x"], env: makeEnv)
        #expect(r.status == 64 && r.err.contains("plain http is accepted only for loopback addresses"))
    }

    @Test func withoutCurlOnlyTheNetworkCommandsStop() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("scened-nocurl-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let noPath: [String: String?] = ["PATH": "/nonexistent", "MAKE_API_TOKEN": makeToken]
        let r = try scened(["pull", "make", "--team", "1", "--api", "http://127.0.0.1:9", dir + "/t"], env: noPath)
        #expect(r.status == 69 && r.err.contains("no curl was found on PATH; install it"))
        let file = dir + "/bp.json"
        try "{\"name\": \"x\", \"flow\": []}".write(toFile: file, atomically: true, encoding: .utf8)
        #expect(try scened(["fmt", file, "--style", "make"], env: noPath).status == 0)
        #expect(try scened(["check", file], env: noPath).status == 0)
        #expect(try scened(["push", "fusion"], env: noPath).status == 0)
    }
}
