// `scened snapshot FILE --keys ...` only renders: a `w` (or quit → save) among the keys
// used to save the edits into FILE. Found by the QA pass when a key fuzzer rewrote its
// input files through snapshot.
import Foundation
import Testing
@testable import BlueprintKit

@Suite struct SnapshotNoWriteTests {
    @Test func snapshotNeverWritesTheFile() throws {
        guard let bin = Safety.binary() else { return }
        let dir = Safety.scratch("snapshot-nowrite"); defer { Safety.remove(dir) }
        let env = ["XDG_CONFIG_HOME": dir, "HOME": dir, "XDG_STATE_HOME": dir]
        let f = "\(dir)/a.json"
        Safety.write(f, DemoScenario.bytes)
        for keys in [":3<Enter>uw", ":3<Enter>u<C-s>", ":3<Enter>uqs", ":3<Enter>uW<C-u>\(dir)/b.json<Enter>"] {
            let r = Safety.run([bin, "snapshot", f, "--size", "100x12", "--keys", keys], env: env)
            #expect(r.status == 0, "\(r.err)")
            #expect(Safety.read(f) == DemoScenario.bytes, "\(keys)")
            #expect(r.out.contains("not saved: scened snapshot never writes files"), "\(keys)")
        }
        #expect(!FileManager.default.fileExists(atPath: "\(dir)/b.json"))
    }
}
