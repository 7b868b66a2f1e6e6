// The shipped catalog is read per app as modules are looked up (ShippedStore.swift).
// These tests hold it to the catalog read whole, file by file, through the same `add`
// users' files go through: every app's facts must be the same either way.
import Testing
@testable import BlueprintKit

@Suite struct CatalogLazyTests {
    static let eager = Catalog.loadShipped()

    /// A comparable summary of one app's facts.
    static func summary(_ f: CatalogFacts) -> [String] {
        var out: [String] = []
        for e in f.entries.values.sorted(by: { $0.key < $1.key }) {
            let r = e.replacement.map { "\($0.key) \($0.mode.rawValue) \($0.rules.count) rules \($0.outputs.count) outputs" } ?? "-"
            out.append("entry \(e.key) \(e.status.rawValue) \(e.basis) \(e.source):\(e.line):\(e.column) \(e.title ?? "") \(e.dates) \(r) \(e.notes)")
        }
        for a in f.appVersions.values.sorted(by: { $0.key < $1.key }) {
            out.append("app version \(a.key) \(a.status.rawValue) \(a.basis) \(a.source):\(a.line) \(a.dates) \(a.replacementVersion ?? -1) \(a.notes)")
        }
        for a in f.apps.values.sorted(by: { $0.app < $1.app }) {
            out.append("app \(a.app) \(a.title ?? "") \(a.moduleTitles.sorted { $0.key < $1.key }) \(a.notes) \(a.provenance)")
        }
        for (app, rules) in f.valueRules.sorted(by: { $0.key < $1.key }) {
            for r in rules { out.append("value \(app) \(r.field) \(r.value) \(r.replacement ?? "-") \(r.source):\(r.line)") }
        }
        for s in f.shapes.values.sorted(by: { $0.key < $1.key }) {
            out.append("shape \(s.key) \(s.seenIn) \(s.parameters.sorted()) \(s.mapper.sorted()) \(s.always.sorted()) \(s.outputs)")
        }
        return out
    }

    @Test func everyAppReadsAloneAsInTheWholeCatalog() throws {
        #expect(Self.eager.error == nil, "\(String(describing: Self.eager.error))")
        let whole = Self.eager.catalog
        let apps = whole.own.appNames
        #expect(apps.count > 100)
        #expect(Set(ShippedStore.shared.appNames) == apps)
        let fresh = ShippedStore(files: ShippedCatalog.files, singleApp: ShippedCatalog.singleApp)
        var differing: [String] = []
        for app in apps.sorted() {
            let lazy = Self.summary(fresh.facts(app: app)), full = Self.summary(whole.own.only(app: app))
            if lazy != full { differing.append(app) }
        }
        #expect(differing.isEmpty, "apps whose facts differ when read alone: \(differing)")
        #expect(Self.summary(fresh.all) == Self.summary(whole.own))
        #expect(fresh.error == nil)
    }

    @Test func singleAppFilesHoldOnlyThatApp() throws {
        for (name, app) in ShippedCatalog.singleApp {
            let bytes = try #require(ShippedCatalog.files.first { $0.0 == name }?.1)
            var c = Catalog()
            try c.add(bytes: bytes, source: name)
            #expect(c.own.appNames == [app], "\(name).json is declared to hold only \(app), but has \(c.own.appNames.sorted())")
        }
    }

    /// The store reads each file with its own rule sets only.
    @Test func shippedFilesIncludeOnlyTheirOwnRuleSets() {
        for (name, bytes) in ShippedCatalog.files {
            var c = Catalog()
            #expect(throws: Never.self, "\(name).json") { try c.add(bytes: bytes, source: name) }
        }
    }

    @Test func lookingUpOneAppDoesNotReadTheOthers() {
        let store = ShippedStore(files: ShippedCatalog.files, singleApp: ShippedCatalog.singleApp)
        let c = Catalog(base: store, own: CatalogFacts(), sources: store.sourceNames)
        #expect(c.status(module: "http:ActionSendData", version: 3).state == .upgradable)
        #expect(store.parsedFiles.contains("http") && !store.parsedFiles.contains("pipedrive"))
        #expect(c.status(module: "pipedrive:GetDeal", version: 2).basis != .unknown)
        #expect(store.parsedFiles.contains("pipedrive"))
    }

    /// A user file can still include a rule set of the shipped catalog, and override a shipped entry.
    @Test func userFilesLayerOverTheLazyBase() throws {
        var c = Catalog.shipped
        let text = """
        {"scenedCatalog": 1, "entries": [
          {"module": "http:ActionSendData", "version": 3, "status": "deprecated", "provenance": "https://example.com/x",
           "replacement": {"module": "http:MakeRequest", "version": 4, "mode": "manual",
                           "rules": [{"include": "http-v3-request"}]}}]}
        """
        try c.add(bytes: Array(text.utf8), source: "mine.json")
        let s = c.status(module: "http:ActionSendData", version: 3)
        #expect(s.state == .manual)
        #expect(c.entry(module: "http:ActionSendData", version: 3)?.source == "mine.json")
        #expect(Catalog.shipped.entry(module: "http:ActionSendData", version: 3)?.source == "shipped:http")
        #expect(c.entries.count == Catalog.shipped.entries.count)
    }
}
