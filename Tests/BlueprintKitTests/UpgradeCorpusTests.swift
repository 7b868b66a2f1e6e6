// The "done when" checks of issue #3 over the whole shared corpus: check
// statuses, every rule on real instances, and upgrade-all on every file.
import Foundation
import Testing
@testable import BlueprintKit

@Suite struct UpgradeCorpusTests {
    let engine = UpgradeEngine()

    /// `check` reports every old-version module of the shipped rules, and nothing current as outdated.
    @Test func checkOverTheCorpus() throws {
        guard CatalogCorpus.available else { return }
        var counts: [ModuleStatus.State: Int] = [:]
        var httpSend = 0
        let deprecated = Set(engine.catalog.entries.values.filter { $0.status != .current }.map(\.key))
        for f in CatalogCorpus.validFiles {
            let bp = try CatalogCorpus.blueprint(f)
            let report = CheckReport(blueprint: bp, catalog: engine.catalog)
            for (k, v) in report.counts { counts[k, default: 0] += v }
            for m in bp.modules {
                let st = engine.catalog.status(of: m, in: bp.document)
                let key = ModuleKey(m.moduleName, m.version)
                // deprecated by its own entry, by its app version, or by a retired value it holds
                let app = engine.catalog.appVersion(String(AppVersionKey.app(of: m.moduleName)), m.version)
                let byApp = engine.catalog.entries[key] == nil && app.map { $0.status != .current } == true
                #expect((st.state == .upgradable || st.state == .manual) == (deprecated.contains(key) || byApp || st.value != nil),
                        "\(key) in \(f.lastPathComponent)")
                if m.moduleName.hasPrefix("http:ActionSendData") && m.version == 3 {
                    httpSend += 1
                    #expect(st.state == .upgradable && st.target == ModuleKey("http:MakeRequest", 4))
                }
            }
        }
        print("check over blueprints/: \(CheckReport.countsText(counts))")
        #expect(httpSend == 86)
        #expect(counts[.unknown] == 0)
        // 86 HTTP send + 7 get-file + 9 Gmail send + 2 Gmail trigger + 2 Slack + 1 X = 107; Gmail move 1 + Notion 10
        // + 4 OpenAI Assistants (vendor API shut down) + 2 Slack v3 and 2 X v5 modules by app version = 19
        #expect(counts[.upgradable] == 107 && counts[.manual] == 19)
        #expect(counts.values.reduce(0, +) == 1676)
    }

    /// Parameter and mapper keys seen on each current module in the corpus.
    static func observedKeys(_ all: [(file: String, bp: Blueprint, module: Module)]) -> [ModuleKey: [(params: Set<String>, mapper: Set<String>)]] {
        var out: [ModuleKey: [(Set<String>, Set<String>)]] = [:]
        for (_, bp, m) in all {
            let v = bp.document.value(m.node)
            out[ModuleKey(m.moduleName, m.version), default: []].append((Set(v["parameters"]?.keys ?? []), Set(v["mapper"]?.keys ?? [])))
        }
        return out
    }

    /// Every automatic rule on its real instances: key sets like the target's, values carried over, provenance.
    @Test func everyRuleOnRealInstances() throws {
        guard CatalogCorpus.available else { return }
        let all = try CatalogCorpus.allModules()
        let observed = UpgradeCorpusTests.observedKeys(all)
        var checked: [ModuleKey: Int] = [:]
        var exact = 0
        for (file, bp, m) in all where engine.catalog.status(of: m).state == .upgradable {
            let plan = try engine.makePlan(for: m, in: bp)
            var s = EditSession(document: bp.document)
            try engine.apply(plan, to: &s)
            let old = bp.document.value(m.node)
            let new = s.document.value(try Blueprint(document: s.document).modules[m.index].node)
            let where_ = "\(m.idText) \(m.moduleName) in \(file)"
            #expect(new["id"] == old["id"] && new["filter"] == old["filter"] && new["onerror"] == old["onerror"], "\(where_)")
            #expect(new["metadata"]?["designer"] == old["metadata"]?["designer"], "\(where_)")
            // provenance on every field change
            #expect(plan.changes.dropFirst(2).allSatisfy { $0.provenance != nil }, "\(where_)")
            // values carried over are unchanged, but for the item keys a rule's `items` renames
            let rules = engine.catalog.entry(module: plan.from.module, version: plan.from.version)?.replacement?.rules ?? []
            for c in plan.changes where c.kind == .renamed {
                guard let a = c.keyBefore.flatMap(JSONPath.init(parsing:)), let b = c.keyAfter.flatMap(JSONPath.init(parsing:)) else { continue }
                let carried = UpgradeCorpusTests.itemKeys(of: c, in: rules).map { UpgradeCorpusTests.renaming(JSONDocument.lookup(old, a), $0) }
                #expect((carried ?? JSONDocument.lookup(old, a)) == JSONDocument.lookup(new, b), "\(c.keyText) in \(where_)")
            }
            for domain in ["parameters", "mapper"] {
                for (k, v) in old[domain]?.objectValue ?? [] where new[domain]?[k] != nil {
                    let touched = plan.changes.contains {
                        ($0.keyBefore == "\(domain).\(k)" || $0.keyBefore?.hasPrefix("\(domain).\(k)[") == true) && $0.kind != .flagged
                    }
                    if !touched { #expect(new[domain]?[k] == v, "\(domain).\(k) in \(where_)") }
                }
            }
            // key sets: only keys seen on the target; every key that all target instances have
            let flaggedKeys = Set(plan.flagged.compactMap { $0.keyAfter?.split(separator: ".").dropFirst().first.map(String.init) })
            var params = Set(new["parameters"]?.keys ?? []).subtracting(flaggedKeys)
            let mapper = Set(new["mapper"]?.keys ?? []).subtracting(flaggedKeys)
            guard let seen = observed[plan.to], !seen.isEmpty else { continue }
            checked[plan.from, default: 0] += 1
            let unionP = seen.reduce(Set<String>()) { $0.union($1.params) }
            // mapper keys seen on the target, or given by its documented shape (the url-encoded and
            // multipart body fields come from sources outside the corpus)
            let unionM = seen.reduce(engine.catalog.shape(plan.to)?.mapper ?? []) { $0.union($1.mapper) }
            // a connection to choose again whose v4 parameter is not observed (HTTP OAuth, basic auth)
            if let c = plan.connection, c.action == .reassign, !unionP.contains(c.parameterAfter) { params.remove(c.parameterAfter) }
            #expect(params.isSubset(of: unionP), "parameters \(params.subtracting(unionP)) never seen on \(plan.to): \(where_)")
            #expect(mapper.isSubset(of: unionM), "mapper \(mapper.subtracting(unionM)) never seen on \(plan.to): \(where_)")
            if plan.flagged.isEmpty {
                let allP = seen.dropFirst().reduce(seen[0].params) { $0.intersection($1.params) }
                let allM = seen.dropFirst().reduce(seen[0].mapper) { $0.intersection($1.mapper) }
                #expect(allP.subtracting(["__IMTCONN__", "proxyKeychain", "apiKeyKeychain"]).isSubset(of: params), "\(where_)")
                // a key every real target has may be missing only when the old module lacked it too
                // (an old v3 export without parseResponse): an upgrade does not invent values
                #expect(allM.subtracting(mapper).allSatisfy { old["mapper"]?[$0] == nil }, "mapper lacks \(allM.subtracting(mapper)): \(where_)")
                if seen.contains(where: { $0.params == params && $0.mapper == mapper }) { exact += 1 }
            }
        }
        print("rules checked on real instances: \(checked.sorted { $0.key < $1.key }.map { "\($0.key) ×\($0.value)" }.joined(separator: ", ")); \(exact) upgraded modules have a key set seen exactly on the target")
        #expect(checked[ModuleKey("http:ActionSendData", 3)] ?? 0 >= 69)
        #expect(checked.count == 12)
        #expect(exact >= 40)
    }

    /// The `items` option of the rename rule behind a change (searched through `when` branches).
    static func itemKeys(of c: PlanChange, in rules: [FieldRule]) -> ItemKeys? {
        for r in rules {
            switch r.kind {
            case .rename(let f, let to, _, let items?) where f.description == c.keyBefore && to.description == c.keyAfter: return items
            case .when(_, let a, let b): if let i = itemKeys(of: c, in: a) ?? itemKeys(of: c, in: b) { return i }
            default: continue
            }
        }
        return nil
    }

    /// An array value with its object items' keys renamed as `items` says.
    static func renaming(_ v: JSONValue?, _ items: ItemKeys) -> JSONValue? {
        guard case .array(let list)? = v else { return v }
        return .array(list.map { item in
            guard case .object(let m) = item else { return item }
            return .object(m.map { (k, x) in (items.rename.first { $0.from == k }?.to ?? k, x) })
        })
    }

    /// `upgrade --all` on every file: parses, nothing that resolved dangles, variables follow their names,
    /// the diff touches only upgraded modules and rewritten references, and undo restores the bytes.
    @Test func upgradeAllOnEveryFile() throws {
        guard CatalogCorpus.available else { return }
        var upgraded = 0, rewritten = 0, flagged = 0, dangling = 0, reassign = 0, variableRefs = 0
        for f in CatalogCorpus.files {
            let bp = try CatalogCorpus.blueprint(f)
            var s = EditSession(document: bp.document)
            var failures: [(Int?, UpgradeError)] = []
            let plans = engine.applyAll(in: &s, failures: &failures)
            #expect(failures.isEmpty, "\(f.lastPathComponent): \(failures.map { "\($0.1)" })")
            guard !plans.isEmpty else { continue }
            let after = try Blueprint(document: s.document)   // the output parses as a blueprint
            #expect(after.modules.count == bp.modules.count)
            #expect(after.references.count == bp.references.count)
            for (a, b) in zip(bp.references, after.references) where !a.dangling { #expect(!b.dangling, "\(a.text) in \(f.lastPathComponent)") }
            for p in plans {
                #expect(engine.catalog.status(of: after.modules[p.moduleIndex]).state == .current)
                if p.from.module == "util:SetVariable" || p.from.module == "util:GetVariable" {
                    let name = try #require(bp.document.value(bp.modules[p.moduleIndex].node)["mapper"]?["name"]?.stringValue)
                    for r in after.references(to: try #require(p.moduleId)) {
                        #expect(r.field == name); variableRefs += 1
                    }
                }
            }
            // every changed line of the input lies in an upgraded module or holds a rewritten reference
            var allowed = IndexSet()
            for p in plans {
                let n = bp.document.node(bp.modules[p.moduleIndex].node)
                allowed.insert(integersIn: lineOf(bp.document.bytes.array, n.start)...lineOf(bp.document.bytes.array, n.end))
                for r in p.rewrites { allowed.insert(lineOf(bp.document.bytes.array, r.fieldRange.lowerBound)) }
            }
            var line = 1
            for l in UnifiedDiff.lines(UnifiedDiff.splitLines(bp.document.bytes.array), UnifiedDiff.splitLines(s.document.bytes.array)) {
                if l.op == .removed { #expect(allowed.contains(line), "line \(line) of \(f.lastPathComponent) changed") }
                if l.op != .added { line += 1 }
            }
            upgraded += plans.count
            rewritten += plans.reduce(0) { $0 + $1.rewrites.count }
            flagged += plans.reduce(0) { $0 + $1.flagged.count }
            dangling += plans.reduce(0) { $0 + $1.dangling.count }
            reassign += plans.filter { $0.connection?.mustReassign ?? false }.count
            while s.canUndo { s.undo() }
            #expect(s.document.bytes.array == bp.document.bytes.array, "undo of \(f.lastPathComponent)")
        }
        print("upgrade --all over the corpus: \(upgraded) modules, \(rewritten) references rewritten, \(flagged) fields flagged, \(dangling) references to removed outputs, \(reassign) connections to choose again")
        #expect(upgraded == 115)   // 107 in blueprints/ + 6 HTTP and 2 Tools variables in the BOM exports of invalid/
        #expect(rewritten >= 2 && variableRefs >= 1)
    }

    func lineOf(_ b: [UInt8], _ offset: Int) -> Int { 1 + b[..<offset].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } }
}

extension JSONDocument {
    /// A value at a path inside a plain value.
    static func lookup(_ v: JSONValue, _ p: JSONPath) -> JSONValue? {
        var cur: JSONValue? = v
        for c in p.components {
            switch c {
            case .key(let k): cur = cur?[k]
            case .index(let i): cur = cur?.arrayValue.flatMap { i < $0.count ? $0[i] : nil }
            }
        }
        return cur
    }
}
