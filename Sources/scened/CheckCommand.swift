// `scened check FILE...`: which modules are upgradable, manual or unknown.
import BlueprintKit

let checkCommand = Command(
    name: "check",
    summary: "report modules that are deprecated (upgradable or manual) or unknown",
    usage: """
    scened check FILE|DIR... [--json] [--catalog FILE]... [--before DATE]

      For each file (a folder: every *.json under it), lists the modules that are
      upgradable (automatic path to a newer module or value), manual (deprecated,
      needs a person) or unknown (in no catalog), with their replacement, how it
      is known (documented, by app version, observed only, unknown) and when it
      stops working, then totals.
      --json          one JSON document: {"files": [...], "totals": {...}} (see README)
      --catalog FILE  add a user catalog (repeatable; later files win)
      --before DATE   list only modules that stop working (or lose vendor support)
                      before DATE (YYYY-MM-DD); exit 1 if there are any
      JSON in a folder that is not a blueprint is skipped and counted.
      Deadlines count from today (SCENED_TODAY=YYYY-MM-DD sets another day).
      exit: 0 all current, 1 something needs attention, 65 a file is malformed
            (the other files are still checked), 66 a file cannot be opened or a
            folder holds no blueprint
    """,
    run: runCheck)

func runCheck(_ argv: [String]) -> Int32 {
    var args = Args(argv, command: "check")
    let json = args.flag("--json")
    let catalogFiles: [String]
    let inputs: BlueprintInputs
    let before: String?
    do {
        catalogFiles = try args.options("--catalog")
        before = try args.option("--before")
        inputs = BlueprintInputs(try args.positionals())
    } catch { return usageFailure(checkCommand, error.message) }
    let files = inputs.files
    guard !files.isEmpty || !inputs.folders.isEmpty else { return usageFailure(checkCommand, "missing FILE") }
    if let b = before, b.utf8.count != 10 || !CatalogDate.isValid(b) {
        return usageFailure(checkCommand, "--before needs a date like 2026-07-31, not '\(b)'")
    }
    let today = Deadline.today()
    // The catalog loads while the files are read and parsed, and the files are
    // checked side by side; messages and results still come in argument order.
    let catalogLoad = Background { loadCatalog(catalogFiles, command: "check") }
    let progress = ProgressLine("check", unit: "files", total: files.count, quiet: json)
    let outcomes = files.contains("-")       // standard input is read by one file at a time
        ? files.map { checkOne($0, inputs: inputs, json: json, catalog: catalogLoad, today: today, before: before, progress: progress) }
        : Parallel.map(files) { f in checkOne(f, inputs: inputs, json: json, catalog: catalogLoad, today: today, before: before, progress: progress) }
    progress.finish()
    if case .failure(let f) = catalogLoad.value { return f.code }
    var results: [JSONValue] = []
    var totals: [ModuleStatus.State: Int] = [:]
    var basisTotals: [Basis: Int] = [:]
    var urgent = 0
    var malformed = 0, unreadable = 0, attention = false
    var text = ""
    var skipped = Set<String>()
    for (f, o) in zip(files, outcomes) {
        if o.skipped { skipped.insert(f); continue }
        if !o.stderr.isEmpty { FileIO.writeStderr(o.stderr) }
        if o.unreadable { unreadable += 1 }
        if o.malformed { malformed += 1 }
        for (k, v) in o.counts { totals[k, default: 0] += v }
        for (k, v) in o.basis { basisTotals[k, default: 0] += v }
        urgent += o.urgent
        attention = attention || o.needsAttention
        if let r = o.json { results.append(r) }
        text += o.text
    }
    let checked = files.count - skipped.count
    if json {
        var t = CheckReport.countsJSON(totals).objectValue ?? []
        t.insert(("files", .int(checked)), at: 0)
        t.insert(("malformed", .int(malformed + unreadable)), at: 1)
        if !inputs.folders.isEmpty { t.insert(("skipped", .int(skipped.count)), at: 2) }
        t.append(("basis", CheckReport.basisJSON(basisTotals)))
        t.append(("urgent", .int(urgent)))
        if let before { t.append(("before", .string(before))) }
        let doc = JSONValue.object([("files", .array(results)), ("totals", .object(t))])
        FileIO.writeStdout(JSONWriter.render(doc, style: .make) + "\n")
    } else {
        text += "total: \(filesText(checked))"
        if malformed + unreadable > 0 { text += " (\(malformed + unreadable) not checked)" }
        text += ", \(totals.values.reduce(0, +)) modules: \(CheckReport.countsText(totals)) (\(CheckReport.basisText(basisTotals)))"
        text += CheckReport.urgentText(urgent) + "\n"
        FileIO.writeStdout(text)
    }
    if finishInputs(inputs, skipped: skipped, command: "check") != Exit.ok { return Exit.noInput }
    if unreadable > 0 { return Exit.noInput }
    if malformed > 0 { return Exit.dataError }
    return attention ? Exit.attention : Exit.ok
}

/// What checking one file produced, to be printed in argument order.
struct CheckOutcome: Sendable {
    var stderr = ""
    var json: JSONValue?
    var text = ""
    var counts: [ModuleStatus.State: Int] = [:]
    var basis: [Basis: Int] = [:]
    var urgent = 0
    var needsAttention = false
    var malformed = false
    var unreadable = false
    var changedWhileRead = false
    /// JSON that is not a blueprint, found in a folder: left out of the report.
    var skipped = false
}

func checkOne(_ f: String, inputs: BlueprintInputs, json: Bool, catalog: Background<Result<Catalog, ExitFailure>>, today: String, before: String?,
              progress: ProgressLine) -> CheckOutcome {
    var modules = 0
    defer { progress.advance(by: 1, modules: modules) }
    // A big file is mapped, not copied (FileIO.documentBytes). Should it change while it is
    // checked (another program truncating or rewriting it), the report could mix old and new
    // bytes: check it again from a copy of what it holds now.
    var o = checkOne(f, inputs: inputs, json: json, catalog: catalog, today: today, before: before, map: true, modules: &modules)
    if o.changedWhileRead { o = checkOne(f, inputs: inputs, json: json, catalog: catalog, today: today, before: before, map: false, modules: &modules) }
    return o
}

private func checkOne(_ f: String, inputs: BlueprintInputs, json: Bool, catalog: Background<Result<Catalog, ExitFailure>>, today: String, before: String?,
                      map: Bool, modules: inout Int) -> CheckOutcome {
    var o = CheckOutcome()
    let name = f == "-" ? "<stdin>" : f
    let bytes: JSONBytes
    do { bytes = map ? try FileIO.documentBytes(f) : try FileIO.readBytes(f) } catch {
        o.stderr = "scened check: \(error)\n"
        o.unreadable = true
        if json { o.json = fileErrorJSON(name, line: nil, column: nil, message: error.message) }
        return o
    }
    let bp: Blueprint
    do { bp = try Blueprint(bytes: bytes, scanReferences: false) } catch {   // the report needs no references
        if inputs.skips(f, error) { o.skipped = true; return o }
        o.stderr = "\(name):\(error.line):\(error.column): \(error.message)\n"
        if case .json(let e) = error { o.stderr += indentExcerpt(e.excerpt) }
        o.malformed = true
        o.changedWhileRead = bytes.fileChanged
        if json { o.json = fileErrorJSON(name, line: error.line, column: error.column, message: error.message) }
        return o
    }
    guard case .success(let cat) = catalog.value else { return o }
    let report = CheckReport(blueprint: bp, catalog: cat, today: today, before: before)
    modules = bp.modules.count
    o.counts = report.counts
    o.basis = report.basisCounts
    o.urgent = report.urgent
    o.needsAttention = report.needsAttention
    if json { o.json = report.json(file: name) } else { o.text = report.text(file: name) }
    o.changedWhileRead = bytes.fileChanged
    return o
}
