// Upgrade-all plans every module against one model and applies them in one pass
// (UpgradeApply.swift, UpgradeBatch.swift). It must give exactly what upgrading one module
// after the other gives: the same bytes, the same undo steps (compared after each undo),
// the same failures; and the applied plans
// it returns must not keep the document each was planned against (one whole copy of
// the file per module: 3.7 GB for a 5 MB file with 497 upgrades).
import Foundation
import Testing
@testable import BlueprintKit

@Suite struct UpgradeAllTests {
    /// Upgrade-all both ways on `bytes`; expects identical outcomes, and undo back to the start.
    func expectSameAsStepwise(_ bytes: [UInt8], _ name: String) throws {
        let bp = try Blueprint(bytes: bytes)
        var fast = EditSession(document: bp.document), slow = fast
        var fastFailures: [(Int?, UpgradeError)] = [], slowFailures: [(Int?, UpgradeError)] = []
        let engine = UpgradeEngine()
        let fastPlans = engine.applyAll(in: &fast, failures: &fastFailures)
        let slowPlans = engine.applyAllStepwise(in: &slow, failures: &slowFailures)
        #expect(fast.document.bytes.array == slow.document.bytes.array ? true : false, "\(name): different bytes")
        #expect(fast.undoStack.map(\.label) == slow.undoStack.map(\.label), "\(name): different undo steps")
        #expect(fastPlans.map(\.label) == slowPlans.map(\.label), "\(name)")
        #expect(fastPlans.map(\.rewrites.count) == slowPlans.map(\.rewrites.count), "\(name)")
        #expect(fastFailures.map(\.0) == slowFailures.map(\.0), "\(name): different failures")
        #expect(fast.generation == slow.generation)
        // every undo step gives the document the stepwise path had after the step before
        var undone = 0
        while fast.undo() != nil {
            _ = slow.undo()
            undone += 1
            let same = fast.document.bytes.array == slow.document.bytes.array
            #expect(same, "\(name): differs after \(undone) undo steps")
            if !same { break }
        }
        #expect(fast.document.bytes.array == bytes, "\(name): undo does not give the original back")
        while fast.redo() != nil { _ = slow.redo() }
        #expect(fast.document.bytes.array == slow.document.bytes.array ? true : false, "\(name): redo differs")
    }

    @Test func demoUpgradesAsOneModuleAfterTheOther() throws {
        try expectSameAsStepwise(DemoScenario.bytes, "demo")
    }

    @Test(arguments: Corpus.openable)
    func corpusFileUpgradesAsOneModuleAfterTheOther(_ file: String) throws {
        try expectSameAsStepwise(try Corpus.bytes(file), file)
    }

    /// Nested handlers referencing their owner and chains of references make plans touch
    /// each other, so upgrade-all needs several runs here.
    @Test func handWrittenChainWithOverlappingPlans() throws {
        let json = """
        {"name": "chain", "flow": [
          {"id": 1, "module": "util:SetVariable", "version": 1, "mapper": {"name": "a", "scope": "roundtrip", "value": "x"}},
          {"id": 2, "module": "util:SetVariable", "version": 1, "mapper": {"name": "b", "scope": "roundtrip", "value": "{{1.value}}"}},
          {"id": 3, "module": "http:ActionSendData", "version": 3, "parameters": {"handleErrors": true},
           "mapper": {"url": "https://x/{{2.value}}", "method": "get"},
           "onerror": [{"id": 4, "module": "slack:CreateMessage", "version": 3, "parameters": {"__IMTCONN__": 1},
                        "mapper": {"text": "{{3.statusCode}} {{3.data}} {{2.value}}", "channel": "C1"}}]},
          {"id": 5, "module": "util:SetVariable", "version": 1, "mapper": {"name": "c", "scope": "roundtrip", "value": "{{3.data}}{{4.ts}}{{2.value}}"}}
        ]}
        """
        try expectSameAsStepwise(Array(json.utf8), "chain")
    }

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
        #expect(again.document.bytes.array == session.document.bytes.array)
    }
}
