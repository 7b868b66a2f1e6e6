// The issue's "Done when": for every automatic entry of the shipped catalog, one
// real corpus module is upgraded with the shipped rules and then given a new id
// with its references re-pointed ("Choose new"); `catalog learn` learns from that
// one example, and the learned entry is applied to the other corpus modules of
// that kind and compared with the shipped rule's result: module, version and the
// sets of parameters and mapper keys, wherever the example covered the module's
// fields. The corpus is read once for the suite.
import Testing
@testable import BlueprintKit

private struct LoadedCorpus: Sendable {
    var files: [(name: String, bp: Blueprint)] = []
    /// Per (module, version): (file index, module index), in corpus order.
    var byKey: [ModuleKey: [(Int, Int)]] = [:]

    static let shared: LoadedCorpus = {
        var c = LoadedCorpus()
        for name in Corpus.blueprints {
            guard let bytes = try? Corpus.bytes("blueprints/" + name), let bp = try? Blueprint(bytes: bytes) else { continue }
            let f = c.files.count
            c.files.append((name, bp))
            for m in bp.modules where !m.moduleName.isEmpty {
                // a module whose id another module shares cannot be upgraded with its references
                guard let id = m.id, bp.module(id: id)?.index == m.index else { continue }
                c.byKey[ModuleKey(m.moduleName, m.version), default: []].append((f, m.index))
            }
        }
        return c
    }()
}

@Suite struct LearnCorpusTests {
    /// Upgrades module `id` of `bp` with `catalog`; nil when there is no plan.
    static func upgraded(_ bp: Blueprint, _ id: Int, _ catalog: Catalog) -> Blueprint? {
        var s = EditSession(document: bp.document)
        var failures: [(Int?, UpgradeError)] = []
        guard UpgradeEngine(catalog: catalog).applyAll(in: &s, only: [id], failures: &failures).count == 1 else { return nil }
        return try? Blueprint(document: s.document)
    }

    /// "Choose new": module `id` gets the next free id and every reference to it follows.
    static func choseNew(_ bp: Blueprint, _ id: Int) -> (Blueprint, Int)? {
        guard let m = bp.module(id: id), let idNode = bp.document.member(m.node, "id") else { return nil }
        let newId = (bp.modules.compactMap(\.id).max() ?? 0) + 1
        var splices: [(Range<Int>, String)] = [(bp.document.node(idNode).start..<bp.document.node(idNode).end, String(newId))]
        for r in bp.references(to: id) {
            splices.append((r.range.lowerBound..<(r.range.lowerBound + String(r.targetId).utf8.count), String(newId)))
        }
        var bytes = bp.document.bytes.array
        for (range, text) in splices.sorted(by: { $0.0.lowerBound > $1.0.lowerBound }) {
            bytes.replaceSubrange(range, with: Array(text.utf8))
        }
        return (try? Blueprint(bytes: bytes)).map { ($0, newId) }
    }

    static func keySets(_ bp: Blueprint, _ index: Int) -> (String, [String], [String]) {
        let v = bp.document.value(bp.modules[index].node)
        let key = "\(v["module"]?.stringValue ?? "") v\(v["version"]?.compactText ?? "")"
        return (key, (v["parameters"]?.objectValue ?? []).map(\.0).sorted(), (v["mapper"]?.objectValue ?? []).map(\.0).sorted())
    }

    @Test(.enabled(if: Corpus.available, Corpus.skipNote))
    func learnedEntriesAgreeWithTheShippedRules() throws {
        let corpus = LoadedCorpus.shared
        let shipped = Catalog.shipped
        let automatic = shipped.sortedEntries.filter { $0.replacement?.mode == .automatic && $0.replacement!.key != $0.key }
        var lines: [String] = []
        var tested = 0, reproduced = 0, compared = 0, agreed = 0, uncovered = 0
        for e in automatic {
            guard let places = corpus.byKey[e.key], let (fi, mi) = places.first else { lines.append("\(e.key): no corpus module"); continue }
            let before = corpus.files[fi].bp
            let id = before.modules[mi].id!
            guard let up = LearnCorpusTests.upgraded(before, id, shipped), let (after, newId) = LearnCorpusTests.choseNew(up, id) else {
                lines.append("\(e.key): the shipped rule does not apply to \(corpus.files[fi].name) #\(id)"); continue
            }
            let example = LearnExample(before: before, after: after, beforeName: corpus.files[fi].name, afterName: "chosen-new.json")
            let learned = try CatalogLearner(examples: [example], catalog: shipped, date: "2026-12-03", only: e.key).learn()
            tested += 1
            let v = learned.verifications.first { $0.oldId == id && $0.newId == newId }
            if v?.reproduces == true { reproduced += 1 }
            // the fields the example's old module had
            let (_, exP, exM) = LearnCorpusTests.keySets(before, mi)
            var ok = 0, all = 0, notCovered = 0
            var firstMismatch: String?
            for (ofi, omi) in places.dropFirst().prefix(12) {
                let bp = corpus.files[ofi].bp
                let oid = bp.modules[omi].id!
                let (_, p, m) = LearnCorpusTests.keySets(bp, omi)
                guard Set(p).isSubset(of: exP), Set(m).isSubset(of: exM) else { notCovered += 1; continue }
                guard let s = LearnCorpusTests.upgraded(bp, oid, shipped), let l = LearnCorpusTests.upgraded(bp, oid, learned.catalog) else { continue }
                all += 1
                let (ks, kl) = (LearnCorpusTests.keySets(s, omi), LearnCorpusTests.keySets(l, omi))
                if ks == kl { ok += 1 } else if firstMismatch == nil {
                    firstMismatch = "\(corpus.files[ofi].name) #\(oid): shipped \(ks.0) \(ks.1) \(ks.2), learned \(kl.0) \(kl.1) \(kl.2)"
                }
            }
            compared += all; agreed += ok; uncovered += notCovered
            lines.append("\(e.key) → \(e.replacement!.key): example \(corpus.files[fi].name) #\(id), \(learned.learned.first?.rules ?? 0) rules, reproduces: \(v?.reproduces == true ? "yes" : "no \(v?.differences.prefix(2) ?? [])"); agreement \(ok)/\(all) (\(notCovered) other modules use fields the example did not)\(firstMismatch.map { "; first difference: " + $0 } ?? "")")
        }
        print("catalog learn vs the shipped rules (\(automatic.count) automatic entries):\n  " + lines.joined(separator: "\n  "))
        print("catalog learn: \(tested) entries learned from one corpus module each, \(reproduced) reproduce their example; \(agreed)/\(compared) other modules agree with the shipped rule (\(uncovered) not covered)")
        // every learned entry must give back its own example; on other modules a single example
        // cannot know the shipped rules' conditions (HTTP treats a request without a body apart)
        #expect(tested >= 8)
        #expect(reproduced == tested)
        #expect(compared >= 20 && agreed * 10 >= compared * 6)
    }
}
