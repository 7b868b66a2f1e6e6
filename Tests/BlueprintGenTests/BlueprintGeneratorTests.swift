// The benchmark's blueprint generator: what it produces must open in scened, be the
// same for the same seed, have the size asked for, and contain every feature the
// benchmark relies on (deep routers, error handlers, long IML, non-ASCII text,
// connections, modules the shipped catalog upgrades).
import BlueprintGen
import BlueprintKit
import Testing

@Suite struct BlueprintGeneratorTests {
    @Test func sameSeedSameBytesOtherSeedOtherBytes() {
        let a = BlueprintGenerator.generate(seed: 7, target: .modules(300))
        let b = BlueprintGenerator.generate(seed: 7, target: .modules(300))
        let c = BlueprintGenerator.generate(seed: 8, target: .modules(300))
        #expect(a == b)
        #expect(a != c)
    }

    @Test(arguments: [1, 10, 57, 1000, 2500])
    func moduleCountIsExact(_ n: Int) throws {
        let bp = try Blueprint(bytes: BlueprintGenerator.generate(seed: 42, target: .modules(n)))
        #expect(bp.modules.count == n)
        #expect(bp.danglingReferences.isEmpty)
    }

    @Test(arguments: [200_000, 1_000_000, 3_000_000])
    func byteSizeIsWithinOneModule(_ size: Int) throws {
        // The last module may overshoot by its own size (a long Gmail body is ~10 KB).
        let bytes = BlueprintGenerator.generate(seed: 3, target: .bytes(size))
        #expect(abs(bytes.count - size) <= max(size / 100, 12_000), "asked for \(size) bytes, got \(bytes.count)")
        _ = try Blueprint(bytes: bytes)
    }

    @Test func containsEveryFeature() throws {
        let bytes = BlueprintGenerator.generate(seed: 11, target: .bytes(400_000))
        let bp = try Blueprint(bytes: bytes)
        let modules = bp.modules

        // Routers nested five deep, routes with filters, else routes.
        let routers = modules.filter { $0.moduleName == "builtin:BasicRouter" }
        #expect(routers.count >= 5)
        let routeDepths = modules.filter { if case .route = $0.container { return true }; return false }.map(\.depth)
        #expect(routeDepths.max() == BlueprintGenerator.maxRouterDepth)
        #expect(modules.contains { $0.hasFilter && $0.filterName != nil })
        #expect(bp.document.text.contains("\"else\": "))

        // Error handlers, with a directive module after the alert.
        let handled = modules.filter(\.hasErrorHandler)
        #expect(!handled.isEmpty)
        #expect(modules.contains { if case .onError = $0.container { return $0.moduleName.hasPrefix("builtin:") }; return false })

        // Long IML strings full of references, all of them to modules that exist.
        #expect(bp.danglingReferences.isEmpty)
        let refsPerString = Dictionary(grouping: bp.references, by: \.stringNode).mapValues(\.count)
        #expect((refsPerString.values.max() ?? 0) >= 20)
        let longest = refsPerString.keys.map { bp.document.string($0)?.utf8.count ?? 0 }.max() ?? 0
        #expect(longest >= 2000)

        // Non-ASCII labels (several scripts, emoji).
        let labels = modules.compactMap(\.label)
        #expect(labels.contains { $0.unicodeScalars.contains { $0.value >= 0x3040 && $0.value < 0x30FF } })   // Japanese
        #expect(labels.contains { $0.unicodeScalars.contains { $0.value >= 0x0400 && $0.value < 0x0500 } })   // Cyrillic
        #expect(labels.contains { $0.unicodeScalars.contains { $0.properties.isEmojiPresentation } })

        // Connections with restore labels.
        let conns = modules.flatMap(\.connections)
        #expect(conns.contains { $0.parameter == "__IMTCONN__" && $0.intValue != nil && $0.label != nil })
        #expect(conns.contains { $0.parameter == "account" && $0.connectionType == "google-restricted" })

        // Deprecated modules: HTTP v3 and others upgrade automatically, Notion needs a person.
        let report = CheckReport(blueprint: bp, catalog: .shipped)
        #expect((report.counts[.upgradable] ?? 0) >= 10)
        #expect((report.counts[.manual] ?? 0) >= 1)
        #expect(modules.contains { $0.moduleName == "http:ActionSendData" && $0.version == 3 })
    }

    @Test func shippedCatalogUpgradesEveryAutomaticModule() throws {
        let bp = try Blueprint(bytes: BlueprintGenerator.generate(seed: 5, target: .modules(120)))
        let before = CheckReport(blueprint: bp, catalog: .shipped).counts[.upgradable] ?? 0
        #expect(before > 0)
        var session = EditSession(document: bp.document)
        var failures: [(Int?, UpgradeError)] = []
        let done = UpgradeEngine().upgradeAll(in: &session, failures: &failures)
        #expect(failures.isEmpty)
        #expect(done.count == before)
        let after = try Blueprint(document: session.document)
        #expect(CheckReport(blueprint: after, catalog: .shipped).counts[.upgradable] ?? 0 == 0)
        #expect(after.modules.count == bp.modules.count)
        #expect(after.danglingReferences.isEmpty)
    }
}
