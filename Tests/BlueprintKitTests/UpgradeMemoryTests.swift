// Upgrade-all returns its applied plans for the report; they must not keep the
// document each one was planned against (one whole copy of the file per module:
// 3.7 GB for a 5 MB file with 497 upgrades).
import Testing
@testable import BlueprintKit

@Suite struct UpgradeMemoryTests {
    @Test func appliedPlansDoNotKeepTheirBaseDocuments() throws {
        let bp = try Blueprint(bytes: DemoScenario.bytes)
        var session = EditSession(document: bp.document)
        var failures: [(Int?, UpgradeError)] = []
        let plans = UpgradeEngine().applyAll(in: &session, failures: &failures)
        #expect(plans.count == 6)
        #expect(failures.isEmpty)
        #expect(plans.allSatisfy { $0.base.bytes.count < 16 })
        // A released plan cannot be applied again.
        var again = session
        #expect(throws: UpgradeError.self) { try UpgradeEngine().apply(plans[0], to: &again) }
        #expect(again.document.bytes == session.document.bytes)
    }
}
