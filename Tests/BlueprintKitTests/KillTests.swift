// The kill test: a process saves a 5 MB scenario over and over (A, B, A, ...)
// while we SIGKILL it at random moments. Afterwards the file must always be
// exactly A or B, never a mix, and the next open (removeStaleTemporaries)
// leaves no temporary file behind.
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import BlueprintKit

@Suite struct KillTests {
    @Test func sigkillDuringSavesNeverLeavesAMix() throws {
        guard let bin = Safety.binary() else { return }
        let dir = Safety.scratch("kill"); defer { Safety.remove(dir) }
        let a = Safety.bigBlueprint(size: 5_000_000, tag: "a"), b = Safety.bigBlueprint(size: 5_000_000, tag: "b")
        #expect(a.count >= 5_000_000 && a != b)
        let pa = "\(dir)/A.json", pb = "\(dir)/B.json", target = "\(dir)/scenario.json"
        Safety.write(pa, a); Safety.write(pb, b); Safety.write(target, a)
        let rounds = 200
        var sawA = 0, sawB = 0, leftBehind = 0
        for round in 0..<rounds {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: bin)
            p.arguments = ["__save-loop", target, pa, pb]
            let o = Pipe()
            p.standardOutput = o
            try p.run()
            _ = o.fileHandleForReading.availableData   // "saving": it has read A and B
            usleep(UInt32.random(in: 0...60_000))       // somewhere inside a save (each takes a few ms)
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            let now = try #require(Safety.read(target))
            if now == a { sawA += 1 } else if now == b { sawB += 1 } else {
                Issue.record("round \(round): the file is neither the old nor the new bytes (\(now.count) bytes)")
                break
            }
            leftBehind += Safety.temporaries(in: dir).count
            SafeSave.removeStaleTemporaries(for: target)   // what the next open does
            #expect(Safety.temporaries(in: dir).isEmpty, "round \(round): a temporary file survived the next open")
        }
        print("kill test: \(rounds) rounds, file was A \(sawA)x and B \(sawB)x, \(leftBehind) temporary files cleaned up")
        #expect(sawA + sawB == rounds)
        #expect(sawB > 0, "the saves must have completed at least once, or the test proves nothing")
    }
}
