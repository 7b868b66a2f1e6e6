// Replays the committed fuzz inputs of the EditorUI loaders
// (Tests/EditorUITests/FuzzCorpus/TARGET/): inputs that once crashed or hung a
// target, plus seeds. Each must pass the checks the libFuzzer harness runs.
import Foundation
import Testing
@testable import EditorUI

@Suite struct EditorFuzzReplayTests {
    static let corpusRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("FuzzCorpus")

    @Test(arguments: EditorFuzzTargets.all.map(\.name))
    func replay(target: String) throws {
        let body = try #require(EditorFuzzTargets.all.first { $0.name == target }?.run)
        let dir = Self.corpusRoot.appendingPathComponent(target)
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
        #expect(!files.isEmpty, "FuzzCorpus/\(target) has no inputs")
        for f in files {
            let bytes = try #require(FileManager.default.contents(atPath: dir.appendingPathComponent(f).path))
            if let failure = body(Array(bytes)) { Issue.record("FuzzCorpus/\(target)/\(f): \(failure)") }
        }
    }

    /// Found by the theme fuzzer: "did you mean" compared every unknown word with every
    /// name by edit distance, quadratic in the word's length. A megabyte-long word must
    /// cost no more than reading it.
    @Test func aHugeUnknownWordIsCheap() {
        let word = String(repeating: "a", count: 1_000_000)
        let clock = ContinuousClock()
        let t = clock.measure {
            let c = Config.parse(word + "\n", file: "config", home: nil)
            #expect(c.errors.count == 1)
            let th = ThemeFile.parse(word + " fg=1\n", name: "x", file: "x.theme")
            #expect(th.errors.count == 1)
        }
        #expect(t < .seconds(5), "took \(t)")
        #expect(ConfigText.didYouMean("selectd", StyleSlot.allCases.map(\.rawValue)) == " (did you mean 'selected'?)")
    }

    @Test func hostileSeedsPassEveryTarget() {
        let seeds: [[UInt8]] = [
            [], [0xEF, 0xBB, 0xBF], Array("\0\r\n\u{1B}[31m\n".utf8), [0xFF, 0xFE, 0x0A, 0xC3],
            Array(String(repeating: "inherit = fuzz\n", count: 50).utf8),
            Array("inherit = /c/scened/themes/fuzz.theme\n".utf8),
            Array("bind generic <C-\u{1B}> quit\nunbind generic q\nunbind generic ?\nset theme = mine\ncolor normal fg=999\n".utf8),
        ]
        for t in EditorFuzzTargets.all {
            for (k, s) in seeds.enumerated() { #expect(t.run(s) == nil, "\(t.name) seed \(k)") }
        }
    }
}
