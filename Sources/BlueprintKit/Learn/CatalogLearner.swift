// `scened catalog learn`: turns exports of a scenario before and after a person
// upgraded modules by hand into catalog entries in the rule language, then checks
// that the entries, applied by the upgrade engine, give back what the person made.

/// One example: a scenario before and after the manual upgrade.
public struct LearnExample: Sendable {
    public var before: Blueprint
    public var after: Blueprint
    /// How the files are named in evidence and messages (their paths, as given).
    public var beforeName: String
    public var afterName: String

    public init(before: Blueprint, after: Blueprint, beforeName: String, afterName: String) {
        self.before = before; self.after = after; self.beforeName = beforeName; self.afterName = afterName
    }
}

public struct LearnError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

public struct LearnResult: Sendable {
    /// The catalog file (format 1).
    public var text: String
    /// Pairing, modules present in one file only, disagreements between examples.
    public var report: [String]
    /// Each learned entry: old (module, version) → new.
    public var learned: [(from: ModuleKey, to: ModuleKey, rules: Int)]
    public var verifications: [LearnVerification]
    /// The catalog given to the learner with the learned file added.
    public var catalog: Catalog

    public var allReproduce: Bool { verifications.allSatisfy(\.reproduces) }
}

public struct CatalogLearner: Sendable {
    public var examples: [LearnExample]
    /// `--pair OLD=NEW` requests, applied to every example that has both ids.
    public var pairs: [(Int, Int)]
    /// The catalog the learned file joins (statuses and dates of the old modules come from it).
    public var catalog: Catalog
    /// The date written in the evidence (`YYYY-MM-DD`).
    public var date: String
    /// Learn only this (module, version) (the editor's `L`).
    public var only: ModuleKey?

    public init(examples: [LearnExample], pairs: [(Int, Int)] = [], catalog: Catalog = .shipped, date: String, only: ModuleKey? = nil) {
        self.examples = examples; self.pairs = pairs; self.catalog = catalog; self.date = date; self.only = only
    }

    public func learn(source: String = "learned") throws(LearnError) -> LearnResult {
        var report: [String] = []
        var evidence: [PairEvidence] = []
        var extraNotes: [ModuleKey: [String]] = [:]
        var pairings: [LearnPairing] = []
        for (k, ex) in examples.enumerated() {
            let pairing = LearnPairing(before: ex.before, after: ex.after, user: pairs)
            pairings.append(pairing)
            let scenario = ex.before.name.map { ", scenario \"\($0)\"" } ?? ""
            report.append("example \(k + 1): \(ex.beforeName) → \(ex.afterName)\(scenario)")
            report += pairing.problems.map { "  " + $0 }
            let deriver = LearnDeriver(before: ex.before, after: ex.after, pairing: pairing)
            var upgraded: [ModulePair] = []
            for p in pairing.pairs {
                let o = ex.before.modules[p.old], n = ex.after.modules[p.new]
                guard o.moduleName != n.moduleName || o.version != n.version else { continue }
                if let only, only != o.key { continue }
                let how = p.how == .id ? "kept its id" : p.how == .place ? "paired by place" : "paired by --pair"
                guard n.version != nil else {
                    report.append("  \(o.idText) \(o.moduleName) \(o.key.versionText) → \(n.idText) \(n.moduleName): the new module has no version, so it cannot be a replacement")
                    continue
                }
                report.append("  \(o.idText) \(o.moduleName) \(o.key.versionText) → \(n.idText) \(n.moduleName) \(n.key.versionText) (\(how))")
                upgraded.append(p)
            }
            // outputs first: values are compared with the references already renamed
            var renames: [Int: [String: String]] = [:]
            for p in upgraded {
                guard let id = ex.before.modules[p.old].id else { continue }
                for o in deriver.outputs(ex.before.modules[p.old], ex.after.modules[p.new], "") where !o.review {
                    if let to = o.to { renames[id, default: [:]][o.field] = to }
                }
            }
            for p in upgraded {
                let o = ex.before.modules[p.old], n = ex.after.modules[p.new]
                let text = "learned from \(ex.beforeName) → \(ex.afterName)\(scenario), module \(o.idText) → \(n.idText), \(date)"
                evidence.append(deriver.derive(p, example: k + 1, evidence: text, renames: renames))
            }
            oneSided(ex, pairing, upgraded, &report, &extraNotes)
        }
        guard !evidence.isEmpty else {
            throw LearnError(message: only.map { "no pair of the examples upgrades \($0): nothing to learn" }
                             ?? "no module changed its module or version between the files: nothing to learn")
        }
        var merged: [MergedEntry] = []
        for key in Set(evidence.map(\.oldKey)).sorted() {
            var e = LearnMerger.merge(evidence.filter { $0.oldKey == key }, report: &report)
            for n in extraNotes[key] ?? [] where !e.notes.contains(n) { e.notes.append(n) }
            merged.append(e)
        }
        let text = LearnWriter.file(description: description(), entries: heads(merged))
        var joined = catalog
        do { try joined.add(bytes: Array(text.utf8), source: source) } catch {
            throw LearnError(message: "the learned entries do not fit the catalog: \(error.message)")
        }
        var verifications: [LearnVerification] = []
        for (k, ex) in examples.enumerated() {
            // the pairs learned from (a pair whose replacement lost to the other examples' is not)
            let pairs = pairings[k].pairs.filter { p in
                let o = ex.before.modules[p.old], n = ex.after.modules[p.new]
                return merged.contains { $0.oldKey == o.key && $0.newKey == n.key } && evidence.contains { $0.example == k + 1 && $0.oldIndex == p.old }
            }
            verifications += LearnVerifier.verify(example: k + 1, before: ex.before, after: ex.after, pairing: pairings[k], pairs: pairs,
                                                  entries: merged, catalog: joined)
        }
        return LearnResult(text: text, report: report, learned: merged.map { ($0.oldKey, $0.newKey, $0.rules.count) },
                           verifications: verifications, catalog: joined)
    }

    private func description() -> String {
        let files = examples.map { "\($0.beforeName) → \($0.afterName)" }.joined(separator: ", ")
        return "learned by scened catalog learn from \(examples.count == 1 ? "one example" : "\(examples.count) examples") (\(files)), \(date)"
    }

    /// Each entry's own members, and a current entry for a replacement the catalog does not know.
    private func heads(_ merged: [MergedEntry]) -> [(head: [(String, JSONValue)], entry: MergedEntry?)] {
        var out: [(head: [(String, JSONValue)], entry: MergedEntry?)] = []
        var targets: [ModuleKey] = []
        for e in merged {
            let known = catalog.entry(module: e.oldKey.module, version: e.oldKey.version)
            let keepStatus = known.map { $0.status != .current } ?? false
            var head: [(String, JSONValue)] = [("module", .string(e.oldKey.module)), ("version", e.oldKey.version.map { .int($0) } ?? .null)]
            if let t = known?.title { head.append(("title", .string(t))) }
            head.append(("status", .string(keepStatus ? known!.status.rawValue : CatalogStatus.deprecated.rawValue)))
            if keepStatus, let k = known {
                for (n, v) in [("deprecatedSince", k.deprecatedSince), ("stopsWorking", k.stopsWorking), ("unsupportedAfter", k.unsupportedAfter)] {
                    if let v { head.append((n, .string(v))) }
                }
            }
            let n = e.evidences.count
            head.append(("provenance", .array([.string("learned by scened catalog learn from \(n == 1 ? "one example" : "\(n) examples"), \(date)")])))
            out.append((head, e))
            let app = String(AppVersionKey.app(of: e.newKey.module))
            let av = catalog.appVersion(app, e.newKey.version)
            if catalog.entry(module: e.newKey.module, version: e.newKey.version) == nil, av == nil || av?.status == .current,
               !merged.contains(where: { $0.oldKey == e.newKey }), !targets.contains(e.newKey) {
                targets.append(e.newKey)
            }
        }
        for t in targets {
            let where_ = merged.filter { $0.newKey == t }.flatMap(\.evidences).map { examples[$0.example - 1].afterName }
            var seen: [String] = []
            for w in where_ where !seen.contains(w) { seen.append(w) }
            out.append(([("module", .string(t.module)), ("version", .int(t.version ?? 0)), ("status", .string("current")),
                         ("provenance", .array([.string("the replacement chosen in \(seen.joined(separator: ", ")), \(date)")]))], nil))
        }
        return out.sorted { ModuleKey($0.head[0].1.stringValue!, $0.head[1].1.intValue) < ModuleKey($1.head[0].1.stringValue!, $1.head[1].1.intValue) }
    }

    /// Reports modules present in only one file; one next to an upgraded module is noted in its entry.
    private func oneSided(_ ex: LearnExample, _ pairing: LearnPairing, _ upgraded: [ModulePair],
                          _ report: inout [String], _ notes: inout [ModuleKey: [String]]) {
        let afterSiblings = LearnPairing.siblings(ex.after), beforeSiblings = LearnPairing.siblings(ex.before)
        for i in pairing.onlyAfter {
            let m = ex.after.modules[i]
            let what = "\(m.idText) `\(m.moduleName)` \(m.key.versionText) was added"
            if let prev = afterSiblings[i].0, let p = upgraded.first(where: { $0.new == prev }) {
                let o = ex.before.modules[p.old], n = ex.after.modules[p.new]
                report.append("  \(what) after the upgraded \(n.idText): not something a rule can do; noted in the entry")
                notes[o.key, default: []].append("in \(ex.afterName), \(what) after the upgraded module: a rule cannot add modules; add it by hand where it is needed")
            } else {
                report.append("  \(what): not something a rule can do")
            }
        }
        for i in pairing.onlyBefore {
            let m = ex.before.modules[i]
            let what = "\(m.idText) `\(m.moduleName)` \(m.key.versionText) was removed"
            if let prev = beforeSiblings[i].0, let p = upgraded.first(where: { $0.old == prev }) {
                let o = ex.before.modules[p.old]
                report.append("  \(what) after the upgraded \(o.idText): not something a rule can do; noted in the entry")
                notes[o.key, default: []].append("in \(ex.afterName), \(what) after the upgraded module: a rule cannot remove modules; remove it by hand where it is needed")
            } else {
                report.append("  \(what): not something a rule can do")
            }
        }
    }
}

extension Module {
    /// The module's (module, version).
    var key: ModuleKey { ModuleKey(moduleName, version) }
}

extension CatalogLearner {
    /// `learned-google-email-ActionSendEmail-v2.json`: the file the editor's `L` saves for a (module, version).
    public static func fileName(for key: ModuleKey) -> String {
        let safe = String(key.module.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "-" })
        return "learned-\(safe)-\(key.version.map { "v\($0)" } ?? "noversion").json"
    }

    /// Writes a learned catalog file atomically (SafeSave), creating its folder first.
    public static func save(_ text: String, to path: String) throws(FileError) {
        RecoveryWriter.makeDirectories(SafeSave.directory(of: path))
        try SafeSave.write(Array(text.utf8), to: path)
    }
}
