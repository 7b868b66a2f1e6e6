// How much of a real export the catalog can speak for, and how it knows. The
// corpus figures are printed (modules by basis); the leave-one-out run estimates
// the unknown share on exports the team has never seen: each file is checked
// against a catalog whose observations come from the other 127 files only.
import Foundation
import Testing
@testable import BlueprintKit

@Suite struct CatalogCoverageTests {
    /// The shipped documented layers (everything but the observations), loaded once.
    static let documented: Catalog = {
        var c = Catalog()
        for (name, bytes) in ShippedCatalog.files where name != "observed" { try! c.add(bytes: bytes, source: "shipped:\(name)") }
        return c
    }()

    /// Observations made from `others`, under the documented layers (which win, as in the shipped order).
    static func catalog(observing others: [Blueprint]) throws -> Catalog {
        var obs = ObservedCatalog()
        for bp in others { obs.add(bp) }
        var c = Catalog()
        try c.add(bytes: Array(obs.json().utf8), source: "observed")
        c.merge(documented)
        return c
    }

    @Test func corpusModulesByBasis() throws {
        guard CatalogCorpus.available else { return }
        var by: [Basis: Int] = [:]
        var total = 0
        for f in CatalogCorpus.files {
            let bp = try CatalogCorpus.blueprint(f)
            for m in bp.modules where !m.moduleName.isEmpty {
                by[Catalog.shipped.status(of: m, in: bp.document).basis, default: 0] += 1
                total += 1
            }
        }
        print("corpus modules by basis (\(total)): " + Basis.allCases.map { "\($0.rawValue) \(by[$0] ?? 0)" }.joined(separator: ", "))
        #expect(by[.unknown, default: 0] == 0)
        // documented knowledge (module or app version) covers most of the corpus, not observations
        #expect(by[.documented, default: 0] + by[.appVersion, default: 0] > by[.observed, default: 0])
    }

    @Test func leaveOneOutUnknownShare() throws {
        guard CatalogCorpus.available else { return }
        let all = try CatalogCorpus.files.map { try CatalogCorpus.blueprint($0) }
        var unknown = 0, total = 0
        var basis: [Basis: Int] = [:]
        for (i, bp) in all.enumerated() {
            let c = try CatalogCoverageTests.catalog(observing: all.enumerated().filter { $0.offset != i }.map(\.element))
            for m in bp.modules where !m.moduleName.isEmpty {
                let b = c.status(of: m, in: bp.document).basis
                basis[b, default: 0] += 1
                if b == .unknown { unknown += 1 }
                total += 1
            }
        }
        let share = Double(unknown) / Double(max(total, 1))
        print("leave-one-out over \(all.count) exports: \(unknown) of \(total) modules unknown (\(String(format: "%.1f", share * 100))%); "
              + Basis.allCases.map { "\($0.rawValue) \(basis[$0] ?? 0)" }.joined(separator: ", "))
        #expect(share <= 0.05, "more than 5% unknown on exports the observations did not include")
    }
}
