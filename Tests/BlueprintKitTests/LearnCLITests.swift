// `scened catalog learn` as a user runs it: the report, the written file that
// `catalog --validate` and `upgrade --catalog` take, and the exit codes.
import Foundation
import Testing
@testable import BlueprintKit

@Suite struct LearnCLITests {
    typealias F = LearnFixture

    static func files(_ pair: (String, String)) throws -> (URL, String, String) {
        let dir = try makeTempDir()
        let b = dir.appendingPathComponent("before.json"), a = dir.appendingPathComponent("after.json")
        try Data(pair.0.utf8).write(to: b)
        try Data(pair.1.utf8).write(to: a)
        return (dir, b.path, a.path)
    }

    @Test func learnsValidatesAndUpgradesAnotherScenario() throws {
        let (dir, b, a) = try LearnCLITests.files(F.pair(("{}", "{ \"url\": \"{{1.u}}\" }"), ("{}", "{ \"address\": \"{{1.u}}\" }"),
                                                         consumerBefore: "{ \"text\": \"{{3.html}}\" }", consumerAfter: "{ \"text\": \"{{7.body}}\" }"))
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("learned.json").path
        let r = try Scened.run(["catalog", "learn", b, a, "-o", out])
        #expect(r.status == 0 && r.out.isEmpty)
        #expect(r.stderr.contains("learned acme:OldThing v1 → acme:NewThing v2: 1 rule\n  example 1, #3 → #7: reproduces the example: yes\n"))
        #expect(r.stderr.hasSuffix("scened catalog learn: 1 entry written to \(out)\n"))
        let v = try Scened.run(["catalog", "--validate", out])
        #expect(v.status == 0 && v.out.hasPrefix("\(out): ok, 2 module entries"))
        let other = dir.appendingPathComponent("other.json")
        try Data(F.scenario(F.module(id: 3, "acme:OldThing", 1, mapper: "{ \"url\": \"x\" }"), consumer: "{ \"text\": \"{{3.html}}!\" }").utf8).write(to: other)
        let u = try Scened.run(["upgrade", "--catalog", out, other.path])
        #expect(u.status == 0 && u.out.contains("\"address\": \"x\"") && u.out.contains("{{3.body}}!"))
        // to standard output without -o
        let s = try Scened.run(["catalog", "learn", b, a])
        #expect(s.status == 0 && s.out.hasPrefix("{\n    \"scenedCatalog\": 1,\n"))
    }

    @Test func aPairThatDoesNotReproduceExitsOneAndStillWrites() throws {
        let (dir, b, a) = try LearnCLITests.files(F.pair(("{}", "{ \"q\": \"a\" }"), ("{}", "{ \"q\": \"a\" }"),
                                                         metaBefore: "{ \"expect\": [ { \"name\": \"q\", \"type\": \"text\" } ] }",
                                                         metaAfter: "{ \"expect\": [ { \"name\": \"q\", \"type\": \"select\" } ] }"))
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("learned.json").path
        let r = try Scened.run(["catalog", "learn", b, a, "-o", out])
        #expect(r.status == 1)
        #expect(r.stderr.contains("reproduces the example: no\n      metadata.expect q: the example has \"select\", the learned entry gives \"text\"\n"))
        #expect(FileManager.default.fileExists(atPath: out))
    }

    @Test func badInputExitCodes() throws {
        let (dir, b, a) = try LearnCLITests.files(F.pair(("{}", "{ \"q\": 1 }"), ("{}", "{ \"q\": 1 }")))
        defer { try? FileManager.default.removeItem(at: dir) }
        let bad = dir.appendingPathComponent("bad.json")
        try Data("{ \"flow\": [\n  { \"id\": 1, }\n] }".utf8).write(to: bad)
        let broken = try Scened.run(["catalog", "learn", bad.path, a])
        #expect(broken.status == 65 && broken.stderr.hasPrefix("\(bad.path):2:"))
        #expect(try Scened.run(["catalog", "learn", dir.appendingPathComponent("missing.json").path, a]).status == 66)
        #expect(try Scened.run(["catalog", "learn", b]).status == 64)
        let same = try Scened.run(["catalog", "learn", b, b])
        #expect(same.status == 65 && same.stderr.contains("nothing to learn"))
        let pair = try Scened.run(["catalog", "learn", b, a, "--pair", "3=99"])
        #expect(pair.status == 65 && pair.stderr.contains("--pair 3=99: no example has module #3 before and #99 after"))
        #expect(try Scened.run(["catalog", "learn", b, a, "--pair", "x"]).status == 64)
    }
}
