// `scened swap-app FILE APP@V --to APP2@V2`: move every module of one app version
// to another (the DevTool's "upgrade the app's modules to the latest version").
import BlueprintKit

let swapAppCommand = Command(
    name: "swap-app",
    summary: "move every module of one app version to another (Swap app)",
    usage: """
    scened swap-app FILE|- APP[@V] --to APP2[@V2] [--yes] [-o OUT | -i [--force] | --dry-run] [--catalog FILE]...

      Every module of APP (of version V, when given) moves to APP2 (version V2, or its
      own version): by the catalog's upgrade rules where it has an automatic upgrade to
      APP2, else by name (google-email:TriggerNewEmail v2 becomes APP2:TriggerNewEmail
      V2) with its configuration left as it is. The whole swap is one edit.
      Without --yes (or --dry-run) it lists exactly what will change and what is left
      for review, writes nothing and exits 1: run it again with --yes to apply.
      -o OUT, -i [--force], --dry-run as for `scened set`.
      Exit: 0 done (or listed, with --dry-run), 1 listed only (no --yes), 64 usage,
      65 malformed FILE or no module of APP@V, 66 cannot open, 73 cannot write,
      75 FILE changed since it was read.
    """,
    run: runSwapApp)

func runSwapApp(_ argv: [String]) -> Int32 {
    var args = Args(argv, command: "swap-app")
    let yes = args.flag("--yes", "-y")
    let output: EditOutput
    let toText: String?, catalogFiles: [String], pos: [String]
    do throws(UsageError) {
        output = try EditOutput.parse(&args)
        toText = try args.option("--to")
        catalogFiles = try args.options("--catalog")
        pos = try args.positionals()
        guard pos.count == 2 else { throw UsageError(message: pos.isEmpty ? "missing FILE" : pos.count == 1 ? "missing APP@V" : "too many arguments") }
        try output.check(file: pos[0])
    } catch { return usageFailure(swapAppCommand, error.message) }
    guard let from = SwapApp.parse(pos[1]) else { return usageFailure(swapAppCommand, "'\(pos[1])' is not APP or APP@VERSION (e.g. google-email@2)") }
    guard let toText else { return usageFailure(swapAppCommand, "missing --to APP2[@V2]") }
    guard let to = SwapApp.parse(toText) else { return usageFailure(swapAppCommand, "--to '\(toText)' is not APP or APP@VERSION") }
    let bp: Blueprint
    switch loadBlueprint(pos[0], command: "swap-app") {
    case .success(let b): bp = b
    case .failure(let f): return f.code
    }
    let catalog: Catalog
    switch loadCatalog(catalogFiles, command: "swap-app") {
    case .success(let c): catalog = c
    case .failure(let f): return f.code
    }
    let plan: SwapAppPlan
    do { plan = try SwapApp.plan(bp, app: from.app, version: from.version, toApp: to.app, toVersion: to.version, catalog: catalog) } catch {
        FileIO.writeStderr("scened swap-app: \(error); nothing written\n")
        return Exit.dataError
    }
    FileIO.writeStderr(plan.listing.map { "  \($0)\n" }.joined())
    guard yes || output.dryRun else {
        FileIO.writeStderr("scened swap-app: \(plan.summary)\nnothing written: run again with --yes to apply (or --dry-run for the diff)\n")
        return Exit.attention
    }
    let code = output.apply(to: bp, file: pos[0], command: "swap-app") { (s: inout EditSession) throws(ToolError) in _ = try SwapApp.apply(plan, to: &s, catalog: catalog) }
    guard code == Exit.ok else { return code }
    FileIO.writeStderr("scened swap-app: \(plan.summary)\n")
    return Exit.ok
}
