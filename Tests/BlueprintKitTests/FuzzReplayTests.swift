// Replays the committed fuzz inputs (Tests/BlueprintKitTests/FuzzCorpus/TARGET/):
// inputs that once crashed or hung a target, plus a few seeds. Each must now be
// handled by the same checks the libFuzzer harness runs (FuzzTargets).
import Foundation
import Testing
@testable import BlueprintKit

@Suite struct FuzzReplayTests {
    static let corpusRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("FuzzCorpus")

    @Test func everyTargetHasAReplayDirectory() {
        for t in FuzzTargets.all {
            #expect(FileManager.default.fileExists(atPath: Self.corpusRoot.appendingPathComponent(t.name).path), "FuzzCorpus/\(t.name) missing")
        }
    }

    @Test(arguments: FuzzTargets.all.map(\.name))
    func replay(target: String) throws {
        let body = try #require(FuzzTargets.all.first { $0.name == target }?.run)
        let dir = Self.corpusRoot.appendingPathComponent(target)
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        #expect(!files.isEmpty, "FuzzCorpus/\(target) has no inputs")
        for f in files {
            let bytes = try #require(FileManager.default.contents(atPath: dir.appendingPathComponent(f).path))
            if let failure = body(Array(bytes)) { Issue.record("FuzzCorpus/\(target)/\(f): \(failure)") }
        }
    }

    @Test func hostileSeedsPassEveryTarget() {
        // The hostile shapes from HostileInputTests, small enough to run through every target.
        let seeds: [[UInt8]] = [
            [], [0xEF, 0xBB, 0xBF], Array(String(repeating: "[", count: 2000).utf8),
            Array("{\"flow\":[{\"id\":1,\"mapper\":{\"a\":\"{{1.`x`}} {{2.b}}\"}}],\"a\":\"\0\"}".utf8),
            Array("{\"flow\":[{\"id\":00}]}".utf8), [0x22, 0xED, 0xA0, 0x80, 0x22],
        ]
        for t in FuzzTargets.all {
            for (k, s) in seeds.enumerated() { #expect(t.run(s) == nil, "\(t.name) seed \(k)") }
        }
    }
}
