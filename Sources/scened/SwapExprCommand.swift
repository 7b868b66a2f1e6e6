// `scened swap-expr FILE OLD NEW`: the DevTool's Swap variable.
import BlueprintKit

let swapExprCommand = Command(
    name: "swap-expr",
    summary: "replace one IML expression everywhere it is a whole {{…}} (Swap variable)",
    usage: """
    scened swap-expr FILE|- OLD NEW [-o OUT | -i [--force] | --dry-run]

      OLD is one IML expression, {{3.email}} (or 3.email: the braces are added). Every
      {{…}} block in a value (mappers, parameters, filters, If-else conditions) that is
      exactly OLD becomes NEW, as one edit: "Hi {{3.email}}" changes, {{3.emailAddress}},
      {{lower(3.email)}} and plain text do not. NEW gets braces like OLD unless it has them.
      -o OUT, -i [--force], --dry-run as for `scened set`.
      Exit: 0 done, 1 OLD occurs nowhere (nothing written), 64 usage, 65 malformed FILE,
      66 cannot open, 73 cannot write, 75 FILE changed since it was read.
    """,
    run: runSwapExpr)

func runSwapExpr(_ argv: [String]) -> Int32 {
    var args = Args(argv, command: "swap-expr")
    let output: EditOutput
    let pos: [String]
    do throws(UsageError) {
        output = try EditOutput.parse(&args)
        pos = try args.positionals()
        guard pos.count == 3 else {
            throw UsageError(message: pos.isEmpty ? "missing FILE" : pos.count == 1 ? "missing OLD and NEW" : pos.count == 2 ? "missing NEW" : "too many arguments")
        }
        try output.check(file: pos[0])
    } catch { return usageFailure(swapExprCommand, error.message) }
    let bp: Blueprint
    switch loadBlueprint(pos[0], command: "swap-expr") {
    case .success(let b): bp = b
    case .failure(let f): return f.code
    }
    let plan: SwapExpressionPlan
    do { plan = try SwapExpression.plan(bp, old: pos[1], new: pos[2]) } catch {
        return usageFailure(swapExprCommand, error.message)
    }
    guard !plan.matches.isEmpty else {
        FileIO.writeStderr("scened swap-expr: \(plan.old) occurs nowhere as a whole expression; nothing written\n")
        return Exit.attention
    }
    let code = output.apply(to: bp, file: pos[0], command: "swap-expr") { (s: inout EditSession) throws(ToolError) in _ = try SwapExpression.apply(plan, to: &s) }
    guard code == Exit.ok else { return code }
    for m in plan.matches { FileIO.writeStderr("  \(whereText(m.moduleId, m.location))\n") }
    FileIO.writeStderr("scened swap-expr: \(plan.summary)\n")
    return Exit.ok
}
