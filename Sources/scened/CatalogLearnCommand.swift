// `scened catalog learn BEFORE AFTER [BEFORE2 AFTER2 ...]`: a manual upgrade,
// exported before and after, becomes a user catalog file (BlueprintKit/Learn).
import BlueprintKit

/// The part of `scened catalog --help` about `learn`.
let catalogLearnDetails = """
              BEFORE and AFTER: one scenario exported before and after a
              person replaced or upgraded modules in Fusion or Make. Modules
              pair by id, else by place (same container and neighbours, or
              the same position), else by --pair OLD=NEW (module ids, for
              every example that has both). Each pair whose module or version
              changed becomes an entry in the rule language; several examples
              merge. The entry is applied to BEFORE and compared with AFTER
              ("reproduces the example: yes", or the differences).
              -o FILE         write the catalog file (atomically); default stdout
              --catalog FILE  catalogs the learned file joins
              exit: 0 every pair reproduces, 1 some do not (the file is still
              written), 65 malformed input or nothing to learn, 66 cannot open
"""

func runCatalogLearn(_ argv: [String]) -> Int32 {
    var args = Args(argv, command: "catalog learn")
    let out: String?, pairTexts: [String], files: [String], catalogFiles: [String]
    do {
        out = try args.option("-o", "--output")
        pairTexts = try args.options("--pair")
        catalogFiles = try args.options("--catalog")
        files = try args.positionals()
    } catch { return usageFailure(catalogCommand, error.message) }
    guard !files.isEmpty, files.count % 2 == 0 else {
        return usageFailure(catalogCommand, files.isEmpty ? "catalog learn needs BEFORE and AFTER" : "catalog learn needs files in pairs: BEFORE AFTER [BEFORE2 AFTER2 ...]")
    }
    var pairs: [(Int, Int)] = []
    for t in pairTexts {
        let parts = t.split(separator: "=", omittingEmptySubsequences: false).map { $0.hasPrefix("#") ? String($0.dropFirst()) : String($0) }
        guard parts.count == 2, let a = Int(parts[0]), let b = Int(parts[1]) else {
            return usageFailure(catalogCommand, "--pair needs OLD=NEW module ids, not '\(t)'")
        }
        pairs.append((a, b))
    }
    var examples: [LearnExample] = []
    for k in stride(from: 0, to: files.count, by: 2) {
        var bps: [Blueprint] = []
        for f in [files[k], files[k + 1]] {
            switch loadBlueprint(f, command: "catalog learn") {
            case .success(let b): bps.append(b)
            case .failure(let e): return e.code
            }
        }
        examples.append(LearnExample(before: bps[0], after: bps[1], beforeName: files[k], afterName: files[k + 1]))
    }
    for (a, b) in pairs where !examples.contains(where: { $0.before.module(id: a) != nil && $0.after.module(id: b) != nil }) {
        FileIO.writeStderr("scened catalog learn: --pair \(a)=\(b): no example has module #\(a) before and #\(b) after\n")
        return Exit.dataError
    }
    let catalog: Catalog
    switch loadCatalog(catalogFiles, command: "catalog learn") {
    case .success(let c): catalog = c
    case .failure(let f): return f.code
    }
    let result: LearnResult
    do {
        result = try CatalogLearner(examples: examples, pairs: pairs, catalog: catalog, date: Deadline.today()).learn(source: out ?? "learned")
    } catch {
        FileIO.writeStderr("scened catalog learn: \(error.message)\n")
        return Exit.dataError
    }
    FileIO.writeStderr(learnReport(result))
    let code = writeOutput(Array(result.text.utf8), to: out, command: "catalog learn")
    if code != Exit.ok { return code }
    if let out, out != "-" { FileIO.writeStderr("scened catalog learn: \(result.learned.count) entr\(result.learned.count == 1 ? "y" : "ies") written to \(out)\n") }
    return result.allReproduce ? Exit.ok : Exit.attention
}

/// The pairing, each entry and its verification per example, as `catalog learn` prints it.
func learnReport(_ r: LearnResult) -> String {
    var s = r.report.map { $0 + "\n" }.joined()
    for e in r.learned {
        s += "learned \(e.from) → \(e.to): \(e.rules) rule\(e.rules == 1 ? "" : "s")\n"
        for v in r.verifications where v.from == e.from {
            s += "  example \(v.example), #\(v.oldId.map(String.init) ?? "?") → #\(v.newId.map(String.init) ?? "?"): reproduces the example: \(v.reproduces ? "yes" : "no")\n"
            for d in v.differences { s += "      \(d)\n" }
            for n in v.notCompared { s += "      not compared: \(n)\n" }
        }
    }
    return s
}
