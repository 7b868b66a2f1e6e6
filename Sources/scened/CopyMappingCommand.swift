// `scened copy-mapping FILE --from A --to B,C` and `scened copy-filter …`: the
// DevTool's Copy mapping and Copy filter.
import BlueprintKit

let copyMappingCommand = Command(
    name: "copy-mapping",
    summary: "give modules of the same kind module A's mapping (Copy mapping)",
    usage: """
    scened copy-mapping FILE|- --from A --to B[,C...] [-o OUT | -i [--force] | --dry-run]

      The targets (same module and version as A) get A's mapper and parameters and
      the restore labels that go with them, as one edit. Each keeps its id, label,
      position, filter, error handler and its own connections, webhooks, keys and data
      stores. -o OUT, -i [--force], --dry-run as for `scened set`.
      Exit: 0 done, 1 the targets already had it (nothing written), 64 usage,
      65 malformed FILE, no such module or another kind of module, 66 cannot open,
      73 cannot write, 75 FILE changed since it was read.
    """,
    run: { runCopy($0, kind: .mapping) })

let copyFilterCommand = Command(
    name: "copy-filter",
    summary: "put module A's filter on the route into other modules (Copy filter)",
    usage: """
    scened copy-filter FILE|- --from A --to B[,C...] [-o OUT | -i [--force] | --dry-run]

      The targets get the filter of the route into A (name and conditions), replacing
      theirs, as one edit. The scenario's first module cannot have one.
      -o OUT, -i [--force], --dry-run as for `scened set`.
      Exit: 0 done, 1 the targets already had it (nothing written), 64 usage,
      65 malformed FILE, no such module or A has no filter, 66 cannot open,
      73 cannot write, 75 FILE changed since it was read.
    """,
    run: { runCopy($0, kind: .filter) })

func runCopy(_ argv: [String], kind: CopyPlan.Kind) -> Int32 {
    let cmd = kind == .mapping ? copyMappingCommand : copyFilterCommand
    var args = Args(argv, command: cmd.name)
    let output: EditOutput
    let fromText: String?, toTexts: [String], pos: [String]
    do throws(UsageError) {
        output = try EditOutput.parse(&args)
        fromText = try args.option("--from")
        toTexts = try args.options("--to")
        pos = try args.positionals()
        guard pos.count == 1 else { throw UsageError(message: pos.isEmpty ? "missing FILE" : "expected one FILE") }
        try output.check(file: pos[0])
    } catch { return usageFailure(cmd, error.message) }
    guard let fromText, let from = moduleId(fromText) else { return usageFailure(cmd, fromText == nil ? "missing --from A" : "--from needs a module id, not '\(fromText!)'") }
    guard !toTexts.isEmpty else { return usageFailure(cmd, "missing --to B[,C...]") }
    var targets: [Int] = []
    for t in toTexts {
        guard let ids = moduleIds(t) else { return usageFailure(cmd, "--to needs module ids like 4,7, not '\(t)'") }
        targets += ids
    }
    let bp: Blueprint
    switch loadBlueprint(pos[0], command: cmd.name) {
    case .success(let b): bp = b
    case .failure(let f): return f.code
    }
    let plan: CopyPlan
    var session = EditSession(document: bp.document)
    let changed: Bool
    do {
        plan = try CopyMapping.plan(bp, kind: kind, from: from, to: targets)
        changed = try CopyMapping.apply(plan, to: &session)
    } catch {
        FileIO.writeStderr("scened \(cmd.name): \(error); nothing written\n")
        return Exit.dataError
    }
    guard changed else {
        FileIO.writeStderr("scened \(cmd.name): the targets already have #\(from)'s \(kind.rawValue); nothing written\n")
        return Exit.attention
    }
    let code = output.write(session.document.bytes.array, original: bp.document.bytes.array, file: pos[0], command: cmd.name)
    guard code == Exit.ok else { return code }
    FileIO.writeStderr("scened \(cmd.name): \(plan.summary)\n")
    return Exit.ok
}
