// `scened find FILE TEXT [--json]`: the DevTool's Find module(s) by mapping.
import BlueprintKit
import EditorUI

let findCommand = Command(
    name: "find",
    summary: "modules whose parameters, mapper or filter contain TEXT (Find by mapping)",
    usage: """
    scened find FILE|- TEXT [--json]

      Lists every value of a module's parameters, mapper or filter (If-else
      conditions too) that contains TEXT, ignoring case, with its path in the module:
          #5  mapper.url  https://erp.example.com/api/orders
      Strings are searched as text (escapes decoded), numbers and booleans as written.
      Values are shown on one line (control characters as \\n, \\e, …), cut at 200 characters.
      --json  a list of {"id": 5, "path": "mapper.url", "value": "…"}
      Exit: 0 found, 1 no match, 64 usage, 65 malformed FILE, 66 cannot open.
    """,
    run: runFind)

func runFind(_ argv: [String]) -> Int32 {
    var args = Args(argv, command: "find")
    let json = args.flag("--json")
    let pos: [String]
    do throws(UsageError) {
        pos = try args.positionals()
        guard pos.count == 2 else { throw UsageError(message: pos.isEmpty ? "missing FILE" : pos.count == 1 ? "missing TEXT" : "expected FILE and TEXT") }
    } catch { return usageFailure(findCommand, error.message) }
    guard !pos[1].isEmpty else { return usageFailure(findCommand, "TEXT is empty") }
    let bp: Blueprint
    switch loadBlueprint(pos[0], command: "find") {
    case .success(let b): bp = b
    case .failure(let f): return f.code
    }
    let found = FindValues.find(pos[1], in: bp)
    if json {
        FileIO.writeStdout(FindValues.json(found))
    } else {
        let w = found.map { ($0.moduleId.map { "#\($0)" } ?? "#?").count }.max() ?? 0
        let pw = min(40, found.map { $0.path.count }.max() ?? 0)
        var out = ""
        for m in found {
            let value = SafeText.inert(m.value.count > 200 ? String(m.value.prefix(200)) + "…" : m.value, ascii: false)
            out += "\((m.moduleId.map { "#\($0)" } ?? "#?").padded(w))  \(m.path.padded(pw))  \(value)\n"
        }
        let mods = Set(found.map(\.moduleIndex)).count
        out += "\(found.count) match\(found.count == 1 ? "" : "es") in \(mods) module\(mods == 1 ? "" : "s")\n"
        FileIO.writeStdout(out)
    }
    return found.isEmpty ? Exit.attention : Exit.ok
}

