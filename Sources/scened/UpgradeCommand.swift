// `scened upgrade FILE`: upgrade deprecated modules with the catalog's rules.
import BlueprintKit

let upgradeCommand = Command(
    name: "upgrade",
    summary: "upgrade deprecated modules, keeping configuration and downstream mappings",
    usage: """
    scened upgrade FILE|- [--all | --module ID...] [--dry-run] [-o OUT | -i [--force]] [--catalog FILE]...
           scened upgrade FILE|DIR... (--dry-run | -i [--force]) [--catalog FILE]...

      Upgrades every upgradable module (--all, the default) or the listed ones
      (--module ID, repeatable), each as one step: module and version change,
      fields renamed/moved/dropped/added by the catalog rules, references to
      renamed outputs rewritten everywhere in the file. Ids, positions, filters,
      error handlers and designer metadata are kept.
      --dry-run  print a unified diff (--- a/FILE, +++ b/FILE) and write nothing
      -o OUT     write the result to OUT (atomically); default: standard output
      -i         write the result back to FILE (atomically). Refused (exit 75, nothing
                 written) when FILE changed on disk since it was read
      --force    with -i: write even when FILE changed since it was read (also --overwrite)
      A summary goes to standard error: upgraded, references rewritten, fields
      flagged for review, modules needing a connection, manual modules left.
      Several files or a folder (every *.json under it; JSON that is not a blueprint
      is skipped and counted): every upgradable module of each, with -i (each file
      written atomically on its own) or --dry-run; a summary per file, then a total.
      A file that cannot be read or parsed is reported and the others go on.
      exit: 0 done, 1 a listed module cannot be upgraded, 65 malformed input,
      66 cannot open (or a folder holds no blueprint), 73 cannot write (the file
      is unchanged), 75 FILE changed since it was read; the worst over all files
    """,
    run: runUpgrade)

func runUpgrade(_ argv: [String]) -> Int32 {
    var args = Args(argv, command: "upgrade")
    let dryRun = args.flag("--dry-run", "-n")
    let inPlace = args.flag("-i", "--in-place")
    let all = args.flag("--all")
    let force = args.flag("--force", "--overwrite")
    let catalogFiles: [String], idTexts: [String], out: String?, inputs: BlueprintInputs
    do {
        catalogFiles = try args.options("--catalog")
        idTexts = try args.options("--module", "-m")
        out = try args.option("-o", "--output")
        inputs = BlueprintInputs(try args.positionals())
    } catch { return usageFailure(upgradeCommand, error.message) }
    let files = inputs.files
    guard !files.isEmpty || !inputs.folders.isEmpty else { return usageFailure(upgradeCommand, "missing FILE") }
    if inputs.isMany {
        if !idTexts.isEmpty { return usageFailure(upgradeCommand, "--module needs one FILE (ids differ from file to file)") }
        if out != nil || !(inPlace || dryRun) { return usageFailure(upgradeCommand, "several files or a folder: give -i (write each file back) or --dry-run") }
        if inPlace && dryRun { return usageFailure(upgradeCommand, "-i and --dry-run exclude each other") }
        if files.contains("-") { return usageFailure(upgradeCommand, "standard input cannot be one of several files") }
    }
    if all && !idTexts.isEmpty { return usageFailure(upgradeCommand, "--all and --module exclude each other") }
    if inPlace && out != nil { return usageFailure(upgradeCommand, "-i and -o exclude each other") }
    if inPlace && files.first == "-" { return usageFailure(upgradeCommand, "-i needs a file, not standard input") }
    if force && !inPlace { return usageFailure(upgradeCommand, "--force only applies to -i") }
    var ids: Set<Int>?
    if !idTexts.isEmpty {
        var s = Set<Int>()
        for t in idTexts {
            guard let n = Int(t.hasPrefix("#") ? String(t.dropFirst()) : t) else { return usageFailure(upgradeCommand, "--module needs a module id, not '\(t)'") }
            s.insert(n)
        }
        ids = s
    }
    if inputs.isMany { return runUpgradeMany(inputs, catalogFiles: catalogFiles, dryRun: dryRun, force: force) }
    let bp: Blueprint
    switch loadBlueprint(files[0], command: "upgrade", scanReferences: false) {   // applyAll indexes them itself
    case .success(let b): bp = b
    case .failure(let f): return f.code
    }
    let catalog: Catalog
    switch loadCatalog(catalogFiles, command: "upgrade") {
    case .success(let c): catalog = c
    case .failure(let f): return f.code
    }
    if let ids {
        for id in ids.sorted() {
            guard let m = bp.module(id: id) else {
                FileIO.writeStderr("scened upgrade: no module with id \(id)\n")
                return Exit.attention
            }
            let st = catalog.status(of: m, in: bp.document)
            if st.state != .upgradable {
                FileIO.writeStderr("scened upgrade: #\(id) \(st.key) is \(st.summary): no automatic upgrade\n")
                for n in st.notes { FileIO.writeStderr("  note: \(n)\n") }
                return Exit.attention
            }
        }
    }
    return upgradeBlueprint(bp, file: files[0], catalog: catalog, ids: ids, dryRun: dryRun, inPlace: inPlace, force: force, out: out).code
}

/// Upgrades one loaded file and writes it as asked (diff, -i, -o or stdout); the summary
/// goes to stderr, with the file named when `many`. Returns the exit code and how many
/// modules were upgraded.
func upgradeBlueprint(_ bp: Blueprint, file: String, catalog: Catalog, ids: Set<Int>?, dryRun: Bool, inPlace: Bool,
                      force: Bool, out: String?, many: Bool = false) -> (code: Int32, upgraded: Int) {
    let engine = UpgradeEngine(catalog: catalog)
    var session = EditSession(document: bp.document)
    var failures: [(Int?, UpgradeError)] = []
    let progress = ProgressLine("upgrade", unit: "modules", total: 0, quiet: many)
    let plans = engine.applyAll(in: &session, only: ids, failures: &failures) { done, total in
        progress.set(done: done, total: total)
    }
    progress.finish()
    let after = (try? Blueprint(document: session.document, scanReferences: false)).map { CheckReport(blueprint: $0, catalog: catalog) }
    let summary = UpgradeSummary(outcomes: plans.map { UpgradeOutcome(plan: $0) },
                                 failures: failures.map { ($0.0, "\($0.1)") },
                                 manualLeft: after?.counts[.manual] ?? 0, unknown: after?.counts[.unknown] ?? 0)
    // The summary says what was done, so it comes only once the result is written
    // (or shown, for --dry-run): a refused -i used to print "upgraded 3 modules"
    // right before "nothing written".
    func printSummary() {
        ProgressLine.stderrMessage(UpgradeSummary.details(plans))
        for (id, e) in failures { FileIO.writeStderr("  #\(id.map(String.init) ?? "?") failed: \(e)\n") }
        FileIO.writeStderr("scened upgrade: \(many ? "\(file): " : "")\(summary.text)\n")
    }
    var name = file == "-" ? "<stdin>" : file
    while name.hasPrefix("/") { name.removeFirst() }
    if dryRun {
        printSummary()
        FileIO.writeStdout(UnifiedDiff.diff(old: bp.document.bytes.array, new: session.document.bytes.array,
                                            oldName: "a/\(name)", newName: "b/\(name)"))
        return (failures.isEmpty ? Exit.ok : Exit.attention, plans.count)
    }
    let code = inPlace
        ? writeInPlace(session.document.bytes, to: file, original: bp.document.bytes, force: force, command: "upgrade")
        : writeOutput(session.document.bytes, to: out, command: "upgrade")
    if code != Exit.ok { return (code, 0) }
    printSummary()
    return (failures.isEmpty ? Exit.ok : Exit.attention, plans.count)
}

/// `scened upgrade DIR|FILE... -i|--dry-run`: every file in turn, then a total.
func runUpgradeMany(_ inputs: BlueprintInputs, catalogFiles: [String], dryRun: Bool, force: Bool) -> Int32 {
    let catalog: Catalog
    switch loadCatalog(catalogFiles, command: "upgrade") {
    case .success(let c): catalog = c
    case .failure(let f): return f.code
    }
    var code = Exit.ok, skipped = Set<String>(), done = 0, upgraded = 0, changed = 0
    let progress = ProgressLine("upgrade", unit: "files", total: inputs.files.count)
    for f in inputs.files {
        defer { progress.advance(by: 1, modules: 0) }
        switch loadInput(f, inputs: inputs, command: "upgrade", scanReferences: false) {
        case .skipped: skipped.insert(f)
        case .failed(let c, _): code = worstExit(code, c); done += 1
        case .loaded(let bp):
            done += 1
            let r = upgradeBlueprint(bp, file: f, catalog: catalog, ids: nil, dryRun: dryRun, inPlace: !dryRun, force: force, out: nil, many: true)
            code = worstExit(code, r.code)
            upgraded += r.upgraded
            if r.upgraded > 0 && (dryRun || r.code == Exit.ok) { changed += 1 }
        }
    }
    progress.finish()
    FileIO.writeStderr("scened upgrade: total: \(filesText(done)), \(upgraded) module\(upgraded == 1 ? "" : "s") upgraded in \(filesText(changed))"
                       + (dryRun ? " (dry run: nothing written)" : "") + "\n")
    return worstExit(code, finishInputs(inputs, skipped: skipped, command: "upgrade"))
}
