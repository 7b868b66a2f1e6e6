// Upgrade-all on generated scenarios (hundreds of upgradable modules, nested error
// handlers referring to their owners): the one-pass upgrade gives exactly what upgrading
// one module after the other gives, after every undo step too.
import BlueprintGen
import Testing
@testable import BlueprintKit

@Suite struct UpgradeAllGeneratedTests {
    @Test(arguments: [1, 2, 3, 4] as [UInt64])
    func runsEqualOneModuleAfterTheOther(_ seed: UInt64) throws {
        let bytes = BlueprintGenerator.generate(seed: seed, target: .modules(250))
        let bp = try Blueprint(bytes: bytes)
        var fast = EditSession(document: bp.document), slow = fast
        var ff: [(Int?, UpgradeError)] = [], sf: [(Int?, UpgradeError)] = []
        let engine = UpgradeEngine()
        let plans = engine.applyAll(in: &fast, failures: &ff)
        _ = engine.applyAllStepwise(in: &slow, failures: &sf)
        #expect(plans.count > 50)
        #expect(fast.document.bytes.array == slow.document.bytes.array)
        #expect(fast.undoStack.map(\.label) == slow.undoStack.map(\.label))
        #expect(ff.map(\.0) == sf.map(\.0))
        // undo both step by step (the corpus and demo tests compare after every step;
        // here every 7th, which keeps this debug-build test at about half a minute)
        var undone = 0
        while fast.undo() != nil {
            _ = slow.undo()
            undone += 1
            if undone % 7 == 0 { #expect(fast.document.bytes.array == slow.document.bytes.array ? true : false, "after \(undone) undo steps") }
        }
        #expect(fast.document.bytes.array == bytes)
    }
}
