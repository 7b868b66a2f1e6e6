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
        // How long two saves take here and now (a loaded machine is much slower than the
        // tens of milliseconds an idle one needs): kills are spread over that window, so
        // some land after a completed save of B.
        let m0 = clock_gettime_ns()
        try SafeSave.write(b, to: "\(dir)/measure.json")
        try SafeSave.write(a, to: "\(dir)/measure.json")
        unlink("\(dir)/measure.json")
        let window = UInt32(min(2_000_000, max(150_000, (clock_gettime_ns() - m0) / 1000 * 2)))
        let rounds = 200
        var sawA = 0, sawB = 0, leftBehind = 0
        var spawnNs: UInt64 = 0, checkNs: UInt64 = 0
        for round in 0..<rounds {
            let t0 = clock_gettime_ns()
            let p = Process()
            p.executableURL = URL(fileURLWithPath: bin)
            p.arguments = ["__save-loop", target, pa, pb]
            let o = Pipe()
            p.standardOutput = o
            try p.run()
            _ = o.fileHandleForReading.availableData   // "saving": it has read A and B
            let t1 = clock_gettime_ns()
            usleep(UInt32.random(in: 0...window))
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            let t2 = clock_gettime_ns()
            let now = try #require(Safety.read(target))
            defer { checkNs += clock_gettime_ns() - t2; spawnNs += t1 - t0 }
            if same(now, a) { sawA += 1 } else if same(now, b) { sawB += 1 } else {
                Issue.record("round \(round): the file is neither the old nor the new bytes (\(now.count) bytes)")
                break
            }
            leftBehind += Safety.temporaries(in: dir).count
            SafeSave.removeStaleTemporaries(for: target)   // what the next open does
            #expect(Safety.temporaries(in: dir).isEmpty, "round \(round): a temporary file survived the next open")
        }
        print("kill test: \(rounds) rounds, kills within \(window / 1000) ms, file was A \(sawA)x and B \(sawB)x, \(leftBehind) temporary files cleaned up; "
              + "spawn \(spawnNs / 1_000_000) ms, checks \(checkNs / 1_000_000) ms in total")
        #expect(sawA + sawB == rounds)
        #expect(sawB > 0, "the saves must have completed at least once, or the test proves nothing")
    }

    /// Byte equality without a per-element generic loop (5 MB, 400 times).
    func same(_ x: [UInt8], _ y: [UInt8]) -> Bool {
        x.count == y.count && x.withUnsafeBytes { p in y.withUnsafeBytes { q in memcmp(p.baseAddress!, q.baseAddress!, x.count) == 0 } }
    }
}
