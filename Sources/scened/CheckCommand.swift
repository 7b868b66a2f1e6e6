// `scened check FILE...`: which modules are upgradable, manual or unknown.
import BlueprintKit

let checkCommand = Command(
    name: "check",
    summary: "report modules that are deprecated (upgradable or manual) or unknown",
    usage: """
    scened check FILE... [--json] [--catalog FILE]...

      For each file, lists the modules that are upgradable (automatic path to a
      newer module), manual (deprecated, needs a person) or unknown (in no
      catalog), with their replacement, then totals.
      --json          one JSON document: {"files": [...], "totals": {...}} (see README)
      --catalog FILE  add a user catalog (repeatable; later files win)
      exit: 0 all current, 1 something needs attention, 65 a file is malformed
            (the other files are still checked), 66 a file cannot be opened
    """,
    run: runCheck)

func runCheck(_ argv: [String]) -> Int32 {
    var args = Args(argv, command: "check")
    let json = args.flag("--json")
    let catalogFiles: [String]
    let files: [String]
    do {
        catalogFiles = try args.options("--catalog")
        files = try args.positionals()
    } catch { return usageFailure(checkCommand, error.message) }
    guard !files.isEmpty else { return usageFailure(checkCommand, "missing FILE") }
    let catalog: Catalog
    switch loadCatalog(catalogFiles, command: "check") {
    case .success(let c): catalog = c
    case .failure(let f): return f.code
    }
    var results: [JSONValue] = []
    var totals: [ModuleStatus.State: Int] = [:]
    var malformed = 0, unreadable = 0, attention = false
    var text = ""
    for f in files {
        let name = f == "-" ? "<stdin>" : f
        let bytes: [UInt8]
        do { bytes = try FileIO.read(f) } catch {
            FileIO.writeStderr("scened check: \(error)\n")
            unreadable += 1
            results.append(.object([("file", .string(name)), ("error", .object([("line", .null), ("column", .null), ("message", .string(error.message))]))]))
            continue
        }
        let bp: Blueprint
        do { bp = try Blueprint(bytes: bytes, scanReferences: false) } catch {   // the report needs no references
            FileIO.writeStderr("\(name):\(error.line):\(error.column): \(error.message)\n")
            if case .json(let e) = error { FileIO.writeStderr(indentExcerpt(e.excerpt)) }
            malformed += 1
            results.append(.object([("file", .string(name)), ("error", .object([("line", .int(error.line)), ("column", .int(error.column)), ("message", .string(error.message))]))]))
            continue
        }
        let report = CheckReport(blueprint: bp, catalog: catalog)
        for (k, v) in report.counts { totals[k, default: 0] += v }
        attention = attention || report.needsAttention
        if json { results.append(report.json(file: name)) } else { text += report.text(file: name) }
    }
    if json {
        var t = CheckReport.countsJSON(totals).objectValue ?? []
        t.insert(("files", .int(files.count)), at: 0)
        t.insert(("malformed", .int(malformed + unreadable)), at: 1)
        let doc = JSONValue.object([("files", .array(results)), ("totals", .object(t))])
        FileIO.writeStdout(JSONWriter.render(doc, style: .make) + "\n")
    } else {
        let ok = files.count - malformed - unreadable
        text += "total: \(files.count) file\(files.count == 1 ? "" : "s")"
        if malformed + unreadable > 0 { text += " (\(malformed + unreadable) not checked)" }
        text += ", \(totals.values.reduce(0, +)) modules: \(CheckReport.countsText(totals))\n"
        _ = ok
        FileIO.writeStdout(text)
    }
    if unreadable > 0 { return Exit.noInput }
    if malformed > 0 { return Exit.dataError }
    return attention ? Exit.attention : Exit.ok
}
