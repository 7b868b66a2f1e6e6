// The "done when" checks of issue #3 over the whole shared corpus.
import Foundation
import Testing
@testable import BlueprintKit

@Suite struct UpgradeCorpusTests {
    @Test func explore() throws {
        guard CatalogCorpus.available else { return }
        let engine = UpgradeEngine()
        var counts: [String: Int] = [:]
        var rewrites = 0, flagged = 0, dangling = 0, upgraded = 0
        for f in CatalogCorpus.files {
            let bp = try CatalogCorpus.blueprint(f)
            for m in bp.modules {
                let st = engine.catalog.status(of: m)
                counts[st.state.rawValue, default: 0] += 1
                if st.state == .unknown { print("UNKNOWN", f.lastPathComponent, m.moduleName, m.version as Any) }
                if let p = engine.plan(for: m, in: bp) {
                    for c in p.flagged { print("FLAG", m.moduleName, c.keyText, (c.before ?? "").prefix(60), "|", c.note ?? "") }
                    for d in p.dangling { print("DANGLE", m.moduleName, d.text, d.location, d.reason) }
                    for d in p.referencesToReview { print("REVIEWREF", m.moduleName, d.text, d.reason) }
                    for r in p.rewrites { print("REWRITE", m.moduleName, r.oldText, "->", r.newText, r.location) }
                }
            }
            var s = EditSession(document: bp.document)
            var failures: [(Int?, UpgradeError)] = []
            let out = engine.upgradeAll(in: &s, only: nil, failures: &failures)
            for (id, e) in failures { print("FAIL", f.lastPathComponent, id as Any, e) }
            upgraded += out.count
            rewrites += out.reduce(0) { $0 + $1.referencesRewritten }
            flagged += out.reduce(0) { $0 + $1.flaggedFields }
            dangling += out.reduce(0) { $0 + $1.danglingReferences }
        }
        print("STATUS", counts, "upgraded", upgraded, "rewrites", rewrites, "flagged", flagged, "dangling", dangling)
    }
}
