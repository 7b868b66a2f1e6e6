// Starts FakePlatform/fake_platform.py on 127.0.0.1 for one test, and runs the scened binary
// against it with credentials in the environment (never in arguments).
import Foundation
import Testing
import BlueprintKit
@testable import PlatformAPI

let makeToken = "make-token-5f1d9c0e7a"
let fusionClientId = "fusion-client-3b9e"
let fusionSecret = "fusion-secret-a81c47d2"
let fusionToken = "ims-token-77e0c1f4b2"
let allSecrets = [makeToken, fusionSecret, fusionToken]

/// A small blueprint in the shape of a Make export (keys in Make's order: JSONValue keeps it).
func blueprintJSON(_ name: String, id: Int) -> JSONValue {
    let text = """
    {"name": \(JSONWriter.quoted(name)), "flow": [
      {"id": 1, "module": "gateway:CustomWebHook", "version": 1, "parameters": {"hook": \(100 + id), "maxResults": 1},
       "mapper": {}, "metadata": {"designer": {"x": 0, "y": 0}}},
      {"id": 2, "module": "http:ActionSendData", "version": 3, "parameters": {"handleErrors": false},
       "mapper": {"url": "https://example.com/orders/{{1.id}}", "method": "get"}, "metadata": {"designer": {"x": 300, "y": 0}}},
      {"id": 3, "module": "slack:CreateMessage", "version": 4, "parameters": {"__IMTCONN__": 4012},
       "mapper": {"text": "order {{1.id}} sent"},
       "metadata": {"designer": {"x": 600, "y": 0}, "restore": {"parameters": {"__IMTCONN__": {"label": "Ops Slack"}}}}}],
     "metadata": {"instant": true, "version": 1, "scenario": {"roundtrips": 1, "maxErrors": 3}, "designer": {"orphans": []},
                  "zone": "eu1.make.com"}}
    """
    let d = try! JSONDocument(text: text)
    return d.value(d.root)
}

func obj(_ pairs: [(String, JSONValue)]) -> JSONValue { .object(pairs) }
func str(_ s: String) -> JSONValue { .string(s) }

final class FakePlatform: @unchecked Sendable {
    let process = Process()
    let dir: URL
    let stateDir: URL
    let port: Int
    var origin: String { "http://127.0.0.1:\(port)" }

    /// `makeScenarios`/`fusionScenarios`: how many scenarios each team holds; page sizes force paging.
    init(makeScenarios: Int = 5, makePageSize: Int = 2, fusionScenarios: Int = 0, fusionPageSize: Int = 40,
         fusionRequiredHeaders: [String] = []) throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("scened-remote-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        var make: [(String, JSONValue)] = [], fusion: [(String, JSONValue)] = []
        for i in 0..<makeScenarios {
            let id = 1001 + i
            make.append((String(id), obj([("id", .int(id)), ("name", str("Order sync \(i + 1)")), ("teamId", .int(88)),
                                          ("folderId", .int(i % 2 == 0 ? 5 : 6)), ("lastEdit", str("2026-11-0\(i % 9 + 1)T08:00:00.000Z")),
                                          ("blueprint", blueprintJSON("Order sync \(i + 1)", id: id))])))
        }
        for i in 0..<fusionScenarios {
            let id = 5001 + i
            fusion.append((String(id), obj([("id", .int(id)), ("name", str("Fusion flow \(i + 1)")), ("teamId", .int(7)),
                                            ("folderId", .int(70)), ("lastEdit", str("2026-10-01T08:00:00.000Z")),
                                            ("blueprint", blueprintJSON("Fusion flow \(i + 1)", id: id))])))
        }
        func connection(_ id: Int, _ name: String, _ app: String, _ team: Int) -> (String, JSONValue) {
            (String(id), obj([("id", .int(id)), ("name", str(name)), ("accountName", str(app)), ("teamId", .int(team))]))
        }
        let state = obj([
            ("make", obj([("token", str(makeToken)), ("pageSize", .int(makePageSize)), ("scenarios", .object(make)),
                          ("connections", obj([connection(4012, "Ops Slack", "slack2", 88), connection(4013, "Finance Google", "google", 88)]))])),
            ("fusion", obj([("ims", obj([("clientId", str(fusionClientId)), ("clientSecret", str(fusionSecret)), ("token", str(fusionToken))])),
                            ("pageSize", .int(fusionPageSize)), ("scenarios", .object(fusion)),
                            ("requiredHeaders", .array(fusionRequiredHeaders.map { .string($0) })),
                            ("connections", obj([connection(61, "Workfront prod", "workfront", 7)]))])),
        ])
        // The fake's own state (which holds the secrets) lives outside the folders tests scan.
        stateDir = dir.appendingPathComponent("server")
        try FileManager.default.createDirectory(at: stateDir, withIntermediateDirectories: true)
        let stateURL = stateDir.appendingPathComponent("state.json")
        try Data(JSONWriter.render(state, style: .compact).utf8).write(to: stateURL)
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("FakePlatform/fake_platform.py")
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, stateURL.path]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        var line = Data()
        while !line.contains(0x0A) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        let text = String(decoding: line, as: UTF8.self)
        guard text.hasPrefix("PORT "), let p = Int(text.dropFirst(5).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            kill(process.processIdentifier, SIGKILL)
            throw FakePlatformError(message: "fake_platform.py did not start: \(text)")
        }
        port = p
    }

    deinit {
        // SIGKILL: the test runner may have left SIGTERM blocked, and a blocked mask is inherited.
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: dir)
    }

    /// The folder a test pulls into.
    var pullDir: String { dir.appendingPathComponent("team").path }

    @discardableResult
    func control(_ path: String, _ body: [String: Any]? = nil) throws -> Any {
        let t = CurlTransport()!
        let r = try t.send(HTTPRequest(method: body == nil ? "GET" : "POST", url: origin + path,
                                       body: body.map { .bytes(Array(try! JSONSerialization.data(withJSONObject: $0)), contentType: "application/json") } ?? .none))
        return try JSONSerialization.jsonObject(with: Data(r.body))
    }

    /// Every request the fake has answered (control requests excluded).
    func log() throws -> [[String: Any]] { try control("/__control/log") as? [[String: Any]] ?? [] }

    func editRemotely(_ platform: String, id: Int, name: String) throws {
        try control("/__control/edit", ["platform": platform, "id": id, "name": name])
    }

    func throttle(_ prefix: String, count: Int, status: Int = 429, retryAfter: Int? = 0) throws {
        var b: [String: Any] = ["prefix": prefix, "count": count, "status": status]
        if let retryAfter { b["retryAfter"] = retryAfter }
        try control("/__control/throttle", b)
    }

    /// The next `count` requests under `prefix` get `status` with the error document `body`.
    func fail(_ prefix: String, status: Int, body: [String: Any]) throws {
        try control("/__control/fail", ["prefix": prefix, "status": status, "body": body])
    }
}

struct FakePlatformError: Error { var message: String }

struct RunResult {
    var status: Int32
    var out: String
    var err: String
}

/// The scened binary built next to this package.
let scenedPath: String? = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let bundleDir = Bundle.main.bundleURL.deletingLastPathComponent().path
    let candidates = [bundleDir + "/scened"] + [".build/debug", ".build/x86_64-unknown-linux-gnu/debug"].map { root.appendingPathComponent($0).appendingPathComponent("scened").path }
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
}()

/// Runs scened with `env` added to (or, for nil values, removed from) the test's environment.
func scened(_ args: [String], env: [String: String?] = [:], cwd: String? = nil) throws -> RunResult {
    guard let path = scenedPath else {
        Issue.record("the scened binary was not found; run `swift build` first")
        throw CancellationError()
    }
    var environment = ProcessInfo.processInfo.environment
    for k in ["MAKE_API_TOKEN", "FUSION_CLIENT_ID", "FUSION_CLIENT_SECRET", "FUSION_ACCESS_TOKEN", "FUSION_IMS_ORG_ID"] { environment[k] = nil }
    for (k, v) in env { environment[k] = v }
    let tmp = FileManager.default.temporaryDirectory.appendingPathComponent("scened-run-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: tmp) }
    let o = tmp.appendingPathComponent("o"), e = tmp.appendingPathComponent("e")
    _ = FileManager.default.createFile(atPath: o.path, contents: nil)
    _ = FileManager.default.createFile(atPath: e.path, contents: nil)
    let p = Process()
    p.executableURL = URL(fileURLWithPath: path)
    p.arguments = args
    p.environment = environment
    if let cwd { p.currentDirectoryURL = URL(fileURLWithPath: cwd) }
    let oh = try FileHandle(forWritingTo: o), eh = try FileHandle(forWritingTo: e)
    p.standardOutput = oh; p.standardError = eh
    p.standardInput = FileHandle.nullDevice
    try p.run()
    p.waitUntilExit()
    try oh.close(); try eh.close()
    return RunResult(status: p.terminationStatus, out: String(decoding: try Data(contentsOf: o), as: UTF8.self),
                     err: String(decoding: try Data(contentsOf: e), as: UTF8.self))
}

let makeEnv: [String: String?] = ["MAKE_API_TOKEN": makeToken]
let fusionEnv: [String: String?] = ["FUSION_CLIENT_ID": fusionClientId, "FUSION_CLIENT_SECRET": fusionSecret]

/// Every regular file under `dir`, recursively (hidden ones included).
func allFiles(_ dir: String) -> [String] {
    guard let e = FileManager.default.enumerator(atPath: dir) else { return [] }
    var out: [String] = []
    while let rel = e.nextObject() as? String {
        var isDir: ObjCBool = false
        let full = dir + "/" + rel
        if FileManager.default.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue { out.append(full) }
    }
    return out.sorted()
}

/// Fails the test when any file the test wrote under `fake.dir` (all but the fake's own state)
/// contains a secret.
func expectNoSecret(in fake: FakePlatform, sourceLocation: SourceLocation = #_sourceLocation) {
    let files = allFiles(fake.dir.path).filter { !$0.hasPrefix(fake.stateDir.path + "/") }
    #expect(!files.isEmpty, sourceLocation: sourceLocation)
    for f in files {
        let text = String(decoding: FileManager.default.contents(atPath: f) ?? Data(), as: UTF8.self)
        for s in allSecrets { #expect(!text.contains(s), "\(f) contains a secret", sourceLocation: sourceLocation) }
    }
}

func readText(_ path: String) -> String { String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self) }

func manifestEntries(_ dir: String) throws -> [[String: Any]] {
    let d = try Data(contentsOf: URL(fileURLWithPath: dir + "/.scened-remote.json"))
    return ((try JSONSerialization.jsonObject(with: d) as? [String: Any])?["files"] as? [[String: Any]]) ?? []
}
