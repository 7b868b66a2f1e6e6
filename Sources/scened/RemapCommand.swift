// `scened remap FILE --from A --to B [--field OLD=NEW]...`: the DevTool's Remap source.
import BlueprintKit

let remapCommand = Command(
    name: "remap",
    summary: "point every {{A.x}} reference at module B instead (Remap source)",
    usage: """
    scened remap FILE|- --from A --to B [--field OLD=NEW]... [-o OUT | -i [--force] | --dry-run] [--catalog FILE]...

      Every reference {{A.x}} in the file (mappers, parameters, filters, If-else
      conditions, in every route, error handler, branch and tool) becomes {{B.x}},
      as one edit; aggregators fed by A (parameters.feeder) are fed by B. A need not
      exist any more (it may have been deleted after "Choose new"); B must.
      --field OLD=NEW  {{A.OLD}} becomes {{B.NEW}} (repeatable)
      References inside B itself are left alone (B cannot map its own outputs).
      References to an output B does not have are listed on stderr when B's outputs
      are known (from the catalog, or from B's metadata.interface).
      -o OUT     write to OUT (atomically) instead of standard output
      -i         replace FILE atomically. Refused (exit 75, nothing written) when FILE
                 changed on disk since it was read
      --force    with -i: write even when FILE changed since it was read (also --overwrite)
      --dry-run  print a unified diff and write nothing
      Exit: 0 done, 1 no reference to A (nothing written), 64 usage, 65 malformed FILE
      or no module B, 66 cannot open, 73 cannot write, 75 FILE changed since it was read.
    """,
    run: runRemap)

func runRemap(_ argv: [String]) -> Int32 {
    var args = Args(argv, command: "remap")
    let output: EditOutput
    let fromText: String?, toText: String?, fieldTexts: [String], catalogFiles: [String], pos: [String]
    do throws(UsageError) {
        output = try EditOutput.parse(&args)
        fromText = try args.option("--from")
        toText = try args.option("--to")
        fieldTexts = try args.options("--field")
        catalogFiles = try args.options("--catalog")
        pos = try args.positionals()
        guard pos.count == 1 else { throw UsageError(message: pos.isEmpty ? "missing FILE" : "expected one FILE") }
        try output.check(file: pos[0])
    } catch { return usageFailure(remapCommand, error.message) }
    guard let fromText, let from = moduleId(fromText) else { return usageFailure(remapCommand, fromText == nil ? "missing --from A" : "--from needs a module id, not '\(fromText!)'") }
    guard let toText, let to = moduleId(toText) else { return usageFailure(remapCommand, toText == nil ? "missing --to B" : "--to needs a module id, not '\(toText!)'") }
    var fields: [String: String] = [:]
    for f in fieldTexts {
        guard let eq = f.firstIndex(of: "="), eq != f.startIndex, f.index(after: eq) != f.endIndex else {
            return usageFailure(remapCommand, "--field needs OLD=NEW, not '\(f)'")
        }
        fields[String(f[..<eq])] = String(f[f.index(after: eq)...])
    }
    let bp: Blueprint
    switch loadBlueprint(pos[0], command: "remap") {
    case .success(let b): bp = b
    case .failure(let f): return f.code
    }
    let catalog: Catalog
    switch loadCatalog(catalogFiles, command: "remap") {
    case .success(let c): catalog = c
    case .failure(let f): return f.code
    }
    let plan: RemapPlan
    do { plan = try RemapSource.plan(bp, from: from, to: to, fields: fields, catalog: catalog) } catch {
        FileIO.writeStderr("scened remap: \(error); nothing written\n")
        return Exit.dataError
    }
    for r in plan.leftInTarget { FileIO.writeStderr("  left {{\(r.text)}} in \(whereText(r.moduleId, r.location)): \(r.reason)\n") }
    guard !plan.isEmpty else {
        FileIO.writeStderr("scened remap: no reference to #\(from) to remap; nothing written\n")
        return Exit.attention
    }
    let code = output.apply(to: bp, file: pos[0], command: "remap") { (s: inout EditSession) throws(ToolError) in _ = try RemapSource.apply(plan, to: &s) }
    guard code == Exit.ok else { return code }
    for r in plan.rewrites { FileIO.writeStderr("  \(whereText(r.moduleId, r.location)): {{\(r.oldText)}} → {{\(r.newText)}}\n") }
    for f in plan.feeders { FileIO.writeStderr("  \(f.moduleId.map { "#\($0)" } ?? "#?") parameters.feeder: \(from) → \(to)\n") }
    for r in plan.missingOutputs { FileIO.writeStderr("  missing output: {{\(r.text)}} in \(whereText(r.moduleId, r.location)): \(r.reason)\n") }
    if !plan.missingOutputs.isEmpty, let names = plan.outputs, let src = plan.outputsSource {
        FileIO.writeStderr("  #\(to) outputs (\(src)): \(names.joined(separator: ", "))\n")
    }
    FileIO.writeStderr("scened remap: \(plan.summary)\n")
    return Exit.ok
}
