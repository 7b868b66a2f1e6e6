// `scened fmt FILE`: write the document back unchanged (keep) or in Make's layout (make).
import BlueprintKit

let fmtCommand = Command(
    name: "fmt",
    summary: "rewrite a blueprint byte-for-byte (keep) or in Make's export layout (make)",
    usage: """
    scened fmt FILE|- [-o OUT] [--check] [--style keep|make]

      --style keep  (default) write the document through the editor's save path with
                    no edits: byte-identical to the input for every well-formed file
      --style make  Make's export layout: JSON.stringify(blueprint, null, 4), raw
                    UTF-8, no final newline, key order and number text kept
      --check       write nothing; exit 1 when the output would differ from the input
      -o OUT        write to OUT (atomically) instead of standard output
    """,
    run: runFmt)

func runFmt(_ argv: [String]) -> Int32 {
    var args = Args(argv, command: "fmt")
    let check = args.flag("--check")
    let style: String
    let out: String?
    let files: [String]
    do {
        style = try args.option("--style") ?? "keep"
        out = try args.option("-o", "--output")
        files = try args.positionals()
    } catch { return usageFailure(fmtCommand, error.message) }
    guard style == "keep" || style == "make" else { return usageFailure(fmtCommand, "--style must be keep or make") }
    guard files.count == 1 else { return usageFailure(fmtCommand, files.isEmpty ? "missing FILE" : "expected one FILE") }
    let bp: Blueprint
    switch loadBlueprint(files[0], command: "fmt") {
    case .success(let b): bp = b
    case .failure(let f): return f.code
    }
    let doc = bp.document
    let output: [UInt8] = style == "keep" ? doc.bytes.array : Array(JSONWriter.render(doc.value(doc.root), style: .make).utf8)
    if check { return output == doc.bytes.array ? Exit.ok : Exit.attention }
    return writeOutput(output, to: out, command: "fmt")
}
