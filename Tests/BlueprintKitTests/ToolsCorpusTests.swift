// The scenario tools over the real exports (../shared/corpus): remap leaves no
// reference to A and changes nothing else, find agrees with a plain search of the
// values, swap-expr touches only whole expressions, copy mapping keeps the target's
// connection and id. Each check compares against an independent walk of the JSON
// (CorpusSupport.swift), not against the model the tools use.
import Foundation
import Testing
@testable import BlueprintKit

@Suite struct ToolsCorpusTests {
    func blueprint(_ name: String) throws -> Blueprint {
        try Blueprint(bytes: try Corpus.bytes("blueprints/" + name))
    }

    /// Walks two JSON trees side by side; every scalar that differs is passed to `allowed`
    /// (with its path), and any difference in shape fails.
    func compare(_ a: JSONValue, _ b: JSONValue, path: String = "", _ file: String,
                 allowed: (String, JSONValue, JSONValue) -> Bool) -> Int {
        switch (a, b) {
        case (.object(let x), .object(let y)):
            guard x.map(\.0) == y.map(\.0) else { Issue.record("\(file) \(path): keys differ"); return 0 }
            return zip(x, y).reduce(0) { $0 + compare($1.0.1, $1.1.1, path: path + "." + $1.0.0, file, allowed: allowed) }
        case (.array(let x), .array(let y)):
            guard x.count == y.count else { Issue.record("\(file) \(path): lengths differ"); return 0 }
            return zip(x, y).enumerated().reduce(0) { $0 + compare($1.1.0, $1.1.1, path: path + "[\($1.0)]", file, allowed: allowed) }
        default:
            if a == b { return 0 }
            if !allowed(path, a, b) { Issue.record("\(file) \(path): \(a.compactText) → \(b.compactText) was not expected to change") }
            return 1
        }
    }

    /// `s` with every `A.` reference inside `{{…}}` pointing at B instead (regular expressions).
    static func remapped(_ s: String, _ a: Int, _ b: Int) -> String {
        let ns = s as NSString
        var out = s as NSString
        var shift = 0
        for block in IndependentWalk.blockRegex.matches(in: s, range: NSRange(location: 0, length: ns.length)) {
            for m in IndependentWalk.refRegex.matches(in: s, range: block.range(at: 1)) where Int(ns.substring(with: m.range(at: 1))) == a {
                let r = m.range(at: 1)
                out = out.replacingCharacters(in: NSRange(location: r.location + shift, length: r.length), with: String(b)) as NSString
                shift += String(b).utf16.count - r.length
            }
        }
        return out as String
    }

    @Test func remapLeavesNoReferenceToAAndChangesNothingElse() throws {
        guard Corpus.available else { return }
        var files = 0, remaps = 0, rewritten = 0
        for f in Corpus.blueprints {
            let bp = try blueprint(f)
            // up to two sources per file: modules something refers to
            let sources = Array(Set(bp.references.filter { !$0.dangling }.map(\.targetId))).sorted().prefix(2)
            for a in sources {
                // the target: a module with an id that does not itself refer to A
                guard let target = bp.modules.first(where: { m in
                    m.id != nil && m.id != a && bp.module(id: m.id!)?.index == m.index && !bp.references(from: m.index).contains { $0.targetId == a }
                }), let b = target.id else { continue }
                let plan = try RemapSource.plan(bp, from: a, to: b)
                var s = EditSession(document: bp.document)
                try RemapSource.apply(plan, to: &s)
                let after = try Blueprint(document: s.document)
                // no reference to A is left anywhere, by the model and by regular expression
                #expect(after.references(to: a).isEmpty, "\(f): #\(a) → #\(b)")
                let old = try JSONValue.parse(bp.document), new = try JSONValue.parse(after.document)
                let left = IndependentWalk.modules(of: new).flatMap { IndependentWalk.imlStrings(of: $0) }
                    .flatMap { IndependentWalk.references(in: $0) }.filter { $0.id == a }
                #expect(left.isEmpty, "\(f): \(left.count) references to #\(a) left")
                // every changed value is a reference string with A → B, or a feeder / its label
                let changed = compare(old, new, f) { path, x, y in
                    if case .string(let xs) = x, case .string(let ys) = y {
                        return Self.remapped(xs, a, b) == ys || (path.hasSuffix("feeder.label") && ys.hasSuffix("[\(b)]"))
                    }
                    return path.hasSuffix("parameters.feeder") && x == .int(a) && y == .int(b)
                }
                #expect(changed > 0 && changed <= plan.rewrites.count + 2 * plan.feeders.count, "\(f)")
                // and B is referred to as many more times as A was
                #expect(after.references(to: b).count == bp.references(to: b).count + plan.rewrites.count)
                remaps += 1
                rewritten += plan.rewrites.count
            }
            files += 1
        }
        print("remap over \(files) corpus files: \(remaps) remaps, \(rewritten) references rewritten")
        #expect(remaps > 100 && rewritten > 800)
    }

    @Test func findAgreesWithAPlainSearchOfTheValues() throws {
        guard Corpus.available else { return }
        var total = 0
        for f in Corpus.blueprints {
            let bp = try blueprint(f)
            let root = try JSONValue.parse(bp.document)
            for q in ["{{1.", "HTTP", "true", "é", "id}}", "@", "Status"] {
                let found = FindValues.find(q, in: bp)
                // independently: every scalar of parameters, mapper, filter and If-else conditions
                var plain: [String] = []
                for m in IndependentWalk.modules(of: root) {
                    let id = m["id"]?.intValue.map(String.init) ?? "nil"
                    func collect(_ v: JSONValue) {
                        switch v {
                        case .object(let o): o.forEach { collect($0.1) }
                        case .array(let a): a.forEach(collect)
                        case .null: break
                        case .string(let s): if s.lowercased().contains(q.lowercased()) { plain.append("\(id) \(s)") }
                        default: if v.compactText.lowercased().contains(q.lowercased()) { plain.append("\(id) \(v.compactText)") }
                        }
                    }
                    for (k, v) in m.objectValue ?? [] where ["parameters", "mapper", "filter"].contains(k) { collect(v) }
                    for br in m["branches"]?.arrayValue ?? [] { if let c = br["conditions"] { collect(c) } }
                }
                #expect(found.map { "\($0.moduleId.map(String.init) ?? "nil") \($0.value)" }.sorted() == plain.sorted(), "\(f): \(q)")
                // each path leads to its value
                for hit in found {
                    let m = bp.modules[hit.moduleIndex]
                    let p = try #require(JSONPath(parsing: hit.path), "\(hit.path)")
                    let d = bp.document
                    let n = try #require(d.node(at: p, from: m.node), "\(f) #\(hit.moduleId ?? -1) \(hit.path)")
                    // a redacted export repeats keys (`fldREDACTED_FIELD`): the path then names all of them
                    let same = d.members(d.node(n).parent, d.key(n) ?? "").map { FindValues.text($0, d) }
                    #expect(FindValues.text(n, d) == hit.value || (same.count > 1 && same.contains(hit.value)), "\(f) \(hit.path)")
                }
                total += found.count
            }
        }
        print("find over the corpus: \(total) matches for 7 queries")
        #expect(total > 1000)
    }

    @Test func swapExpressionTouchesOnlyWholeExpressions() throws {
        guard Corpus.available else { return }
        var swapped = 0, keptInside = 0
        let block = try NSRegularExpression(pattern: #"\{\{(.*?)\}\}"#, options: [.dotMatchesLineSeparators])
        func wholeCount(_ s: String, _ inner: String) -> Int {
            let ns = s as NSString
            return block.matches(in: s, range: NSRange(location: 0, length: ns.length)).filter { ns.substring(with: $0.range(at: 1)) == inner }.count
        }
        for f in Corpus.blueprints {
            let bp = try blueprint(f)
            // the most used reference of the file, as an expression
            var counts: [String: Int] = [:]
            for r in bp.references { counts[r.text, default: 0] += 1 }
            guard let inner = counts.max(by: { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) })?.key else { continue }
            let plan = try SwapExpression.plan(bp, old: "{{\(inner)}}", new: "{{swapped(\(inner))}}")
            var s = EditSession(document: bp.document)
            try SwapExpression.apply(plan, to: &s)
            let old = try JSONValue.parse(bp.document), new = try JSONValue.parse(s.document)
            let changed = compare(old, new, f) { _, x, y in
                guard case .string(let xs) = x, case .string(let ys) = y else { return false }
                // exactly the whole blocks changed; the same reference inside a longer expression did not
                return wholeCount(ys, inner) == 0 && ys == xs.replacingOccurrences(of: "{{\(inner)}}", with: "{{swapped(\(inner))}}")
            }
            #expect(changed == Set(plan.matches.map { "\($0.moduleIndex) \($0.location)" }).count, "\(f)")
            // no whole block is left, and the ones inside other expressions are all still there
            let strings = IndependentWalk.modules(of: new).flatMap { IndependentWalk.imlStrings(of: $0) }
            #expect(strings.allSatisfy { wholeCount($0, inner) == 0 }, "\(f)")
            let inside = IndependentWalk.modules(of: old).flatMap { IndependentWalk.imlStrings(of: $0) }
                .filter { $0.contains(inner) && wholeCount($0, inner) == 0 && $0.contains("{{") }
            for t in inside { #expect(strings.contains(t), "\(f): \(t.prefix(80)) changed") }
            keptInside += inside.count
            swapped += plan.matches.count
        }
        print("swap-expr over the corpus: \(swapped) whole expressions swapped, \(keptInside) values with it inside longer expressions untouched")
        #expect(swapped > 250 && keptInside > 100)
    }

    @Test func copyMappingKeepsTheTargetsConnectionAndId() throws {
        guard Corpus.available else { return }
        var copies = 0, withConnection = 0
        for f in Corpus.blueprints {
            let bp = try blueprint(f)
            // pairs of the same (module, version), both with unique ids
            var byKey: [ModuleKey: [Module]] = [:]
            for m in bp.modules where m.id != nil && bp.module(id: m.id!)?.index == m.index {
                byKey[ModuleKey(m.moduleName, m.version), default: []].append(m)
            }
            for (_, ms) in byKey.sorted(by: { $0.key < $1.key }).prefix(4) where ms.count >= 2 {
                let src = ms[0], dst = ms[1]
                // not nested in one another (a copy into the source's own error handler changes the source)
                guard !dst.path.components.starts(with: src.path.components), !src.path.components.starts(with: dst.path.components) else { continue }
                let plan = try CopyMapping.plan(bp, kind: .mapping, from: src.id!, to: [dst.id!])
                var s = EditSession(document: bp.document)
                try CopyMapping.apply(plan, to: &s)
                let after = try Blueprint(document: s.document)
                let doc = after.document, before = bp.document
                let t = try #require(after.module(id: dst.id!))
                func v(_ d: JSONDocument, _ m: Module, _ p: JSONPath) -> JSONValue? { d.node(at: p, from: m.node).map { d.value($0) } }
                #expect(t.path == dst.path && t.id == dst.id, "\(f)")
                #expect(v(doc, t, ["mapper"]) == v(before, src, ["mapper"]), "\(f) #\(dst.id!)")
                // the connections stay the target's, with their labels
                for acc in dst.accounts {
                    #expect(t.accounts.first { $0.parameter == acc.parameter }?.value == acc.value, "\(f) #\(dst.id!) \(acc.parameter)")
                    #expect(t.accounts.first { $0.parameter == acc.parameter }?.label == acc.label, "\(f) #\(dst.id!) \(acc.parameter)")
                    if acc.value != nil { withConnection += 1 }
                }
                // other parameters are the source's; designer metadata, filter and error handler the target's
                let own = Set(dst.accounts.map(\.parameter) + src.accounts.map(\.parameter))
                let srcParams = v(before, src, ["parameters"])?.objectValue?.filter { !own.contains($0.0) }
                let newParams = v(doc, t, ["parameters"])?.objectValue?.filter { !own.contains($0.0) }
                #expect(srcParams.map { JSONValue.object($0) } == newParams.map { JSONValue.object($0) }, "\(f) #\(dst.id!)")
                for p: JSONPath in [["metadata", "designer"], ["filter"], ["onerror"], ["id"], ["module"], ["version"]] {
                    #expect(v(doc, t, p) == v(before, dst, p), "\(f) #\(dst.id!) \(p)")
                }
                // nothing outside the target changed, byte for byte
                let start = bp.document.node(dst.node).start, end = bp.document.node(dst.node).end
                let grown = doc.bytes.count - before.bytes.count
                #expect(doc.bytes.array[..<start] == before.bytes.array[..<start] && doc.bytes.array[(end + grown)...] == before.bytes.array[end...], "\(f) #\(dst.id!)")
                copies += 1
            }
        }
        print("copy-mapping over the corpus: \(copies) copies, \(withConnection) target connections kept")
        #expect(copies > 50 && withConnection > 20)
    }
    @Test func copyFilterGivesTheTargetTheFilterAndNothingElse() throws {
        guard Corpus.available else { return }
        var copies = 0
        for f in Corpus.blueprints {
            let bp = try blueprint(f)
            let doc = bp.document
            guard let src = bp.modules.first(where: { $0.hasFilter && $0.id != nil }),
                  let dst = bp.modules.first(where: { m in
                      m.id != nil && m.index != src.index && !(m.container == .main && m.path == ["flow", 0])
                          && bp.module(id: m.id!)?.index == m.index && bp.module(id: src.id!)?.index == src.index
                          && !m.path.components.starts(with: src.path.components) && !src.path.components.starts(with: m.path.components)
                          && (doc.member(m.node, "filter").map { doc.value($0) } != doc.member(src.node, "filter").map { doc.value($0) })
                  }) else { continue }
            var s = EditSession(document: doc)
            try CopyMapping.apply(try CopyMapping.plan(bp, kind: .filter, from: src.id!, to: [dst.id!]), to: &s)
            let after = try Blueprint(document: s.document)
            let t = try #require(after.module(id: dst.id!))
            let a = after.document
            #expect(a.member(t.node, "filter").map { a.value($0) } == doc.member(src.node, "filter").map { doc.value($0) }, "\(f)")
            // every other member of the target is as it was
            let before = doc.value(dst.node).objectValue?.filter { $0.0 != "filter" }
            let now = a.value(t.node).objectValue?.filter { $0.0 != "filter" }
            #expect(before.map { JSONValue.object($0) } == now.map { JSONValue.object($0) }, "\(f) #\(dst.id!)")
            let start = doc.node(dst.node).start, end = doc.node(dst.node).end, grown = a.bytes.count - doc.bytes.count
            #expect(a.bytes.array[..<start] == doc.bytes.array[..<start] && a.bytes.array[(end + grown)...] == doc.bytes.array[end...], "\(f)")
            copies += 1
        }
        print("copy-filter over the corpus: \(copies) files")
        #expect(copies > 30)
    }

    @Test func swapAppFollowsTheCatalogOrMovesByName() throws {
        guard Corpus.available else { return }
        var byCatalog = 0, byName = 0
        for f in Corpus.blueprints {
            let bp = try blueprint(f)
            // the catalog's way: http v3 → http v4 is exactly `scened upgrade` of those modules
            if bp.modules.contains(where: { $0.app == "http" && $0.version == 3 }) {
                let plan = try SwapApp.plan(bp, app: "http", version: 3, toApp: "http", toVersion: 4)
                var s = EditSession(document: bp.document)
                try SwapApp.apply(plan, to: &s)
                var u = EditSession(document: bp.document)
                let ids = Set(plan.items.filter { $0.how == .catalog }.compactMap(\.moduleId))
                var failures: [(Int?, UpgradeError)] = []
                _ = UpgradeEngine().applyAll(in: &u, only: ids, failures: &failures)
                if plan.items.allSatisfy({ $0.how == .catalog }) {
                    #expect(s.document.bytes == u.document.bytes, "\(f)")
                }
                #expect(s.undoStack.count == 1)
                byCatalog += plan.items.filter { $0.how == .catalog }.count
            }
            // by name: slack v4 → slack v5 changes only `version`
            guard bp.modules.contains(where: { $0.app == "slack" && $0.version == 4 }) else { continue }
            let plan = try SwapApp.plan(bp, app: "slack", version: 4, toApp: "slack", toVersion: 5)
            var s = EditSession(document: bp.document)
            try SwapApp.apply(plan, to: &s)
            let changed = compare(try JSONValue.parse(bp.document), try JSONValue.parse(s.document), f) { path, x, y in
                path.hasSuffix(".version") && x == .int(4) && y == .int(5)
            }
            #expect(changed == plan.items.count, "\(f)")
            byName += plan.items.count
        }
        print("swap-app over the corpus: \(byCatalog) modules by the catalog's rules, \(byName) by name")
        #expect(byCatalog > 50 && byName > 10)
    }
}

extension JSONValue {
    /// The whole document as a value (for the independent walks).
    static func parse(_ d: JSONDocument) throws -> JSONValue { d.value(d.root) }
}
