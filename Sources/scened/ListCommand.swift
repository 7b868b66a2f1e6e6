// `scened list FILE|-`: the module tree as indented text, or every module as JSON.
import BlueprintKit

let listCommand = Command(
    name: "list",
    summary: "print the module tree (or --json: every module with path and references)",
    usage: """
    scened list FILE|DIR...|- [--json]

      Prints every module in tree order: main flow, router routes, error handlers,
      If-else branches, AI-agent tools and orphan fragments, indented by nesting.
      --json  an array of modules: path, id, module, version, label, container,
              depth, parent, references (target, field, location, dangling)
      Several files or a folder (every *.json under it; JSON that is not a blueprint
      is skipped and counted): each file under a `==> FILE <==` line, then a total;
      --json is then {"files": [{"file", "modules": [...]}], "totals": {...}}.
      exit: 0 ok, 65 a file is malformed (the others are still listed), 66 a file
            cannot be opened or a folder holds no blueprint
    """,
    run: runList)

func runList(_ argv: [String]) -> Int32 {
    var args = Args(argv, command: "list")
    let json = args.flag("--json")
    let inputs: BlueprintInputs
    do { inputs = BlueprintInputs(try args.positionals()) } catch { return usageFailure(listCommand, error.message) }
    guard !inputs.files.isEmpty || !inputs.folders.isEmpty else { return usageFailure(listCommand, "missing FILE") }
    if inputs.isMany { return runListMany(inputs, json: json) }
    let files = inputs.files
    let bp: Blueprint
    switch loadBlueprint(files[0], command: "list") {
    case .success(let b): bp = b
    case .failure(let f): return f.code
    }
    FileIO.writeStdout(json ? listJSON(bp) : listText(bp))
    return Exit.ok
}

func listText(_ bp: Blueprint) -> String {
    var out = "\(bp.name ?? "(unnamed scenario)")\(bp.zone.map { "  [\($0)]" } ?? "")\n"
    var lastHeader: String?
    for m in bp.modules {
        let header: String? = m.container == .main ? nil : m.container.description
        let indent = String(repeating: "  ", count: m.depth)
        if let h = header, h != lastHeader, m.container != .main {
            out += "\(String(repeating: "  ", count: max(0, m.depth - 1)))\(h):\n"
        }
        lastHeader = header
        var line = "\(indent)\(m.idText)  "
        if let l = m.label, !l.isEmpty { line += "\(l)  (\(m.moduleName))" } else { line += m.moduleName.isEmpty ? "(no module)" : m.moduleName }
        line += m.version.map { "  v\($0)" } ?? "  v?"
        out += line + "\n"
    }
    out += "\(bp.modules.count) module\(bp.modules.count == 1 ? "" : "s")\n"
    return out
}

/// `scened list DIR|FILE...`: each file's tree (or modules) with its file, then totals.
func runListMany(_ inputs: BlueprintInputs, json: Bool) -> Int32 {
    var code = Exit.ok, skipped = Set<String>(), results: [JSONValue] = [], text = ""
    var listed = 0, modules = 0, failed = 0
    let progress = ProgressLine("list", unit: "files", total: inputs.files.count, quiet: json)
    for f in inputs.files {
        progress.advance(by: 1)
        switch loadInput(f, inputs: inputs, command: "list") {
        case .skipped: skipped.insert(f)
        case .failed(let c, let j): code = worstExit(code, c); failed += 1; results.append(j)
        case .loaded(let bp):
            listed += 1
            modules += bp.modules.count
            if json { results.append(.object([("file", .string(f)), ("modules", listModules(bp))])) }
            else { text += "==> \(f) <==\n" + listText(bp) + "\n" }
        }
    }
    progress.finish()
    if json {
        let totals = JSONValue.object([("files", .int(listed + failed)), ("malformed", .int(failed)),
                                       ("skipped", .int(skipped.count)), ("modules", .int(modules))])
        FileIO.writeStdout(JSONWriter.render(.object([("files", .array(results)), ("totals", totals)]), style: .make) + "\n")
    } else {
        text += "total: \(filesText(listed + failed))\(failed > 0 ? " (\(failed) not listed)" : ""), \(modules) module\(modules == 1 ? "" : "s")\n"
        FileIO.writeStdout(text)
    }
    return worstExit(code, finishInputs(inputs, skipped: skipped, command: "list"))
}

func listJSON(_ bp: Blueprint) -> String { JSONWriter.render(listModules(bp), style: .make) + "\n" }

func listModules(_ bp: Blueprint) -> JSONValue {
    var byModule: [Int: [Reference]] = [:]
    for r in bp.references { byModule[r.moduleIndex, default: []].append(r) }
    let items: [JSONValue] = bp.modules.map { m in
        var o: [(String, JSONValue)] = [
            ("path", .string(m.path.description)),
            ("id", m.id.map { .int($0) } ?? .null),
            ("module", .string(m.moduleName)),
            ("version", m.version.map { .int($0) } ?? .null),
            ("label", m.label.map { .string($0) } ?? .null),
            ("container", .string(m.container.kindName)),
            ("containerDescription", .string(m.container.description)),
            ("depth", .int(m.depth)),
            ("parent", m.parentIndex.flatMap { bp.modules[$0].id }.map { .int($0) } ?? .null),
        ]
        o.append(("references", .array((byModule[m.index] ?? []).map { r in
            .object([("target", .int(r.targetId)), ("field", .string(r.field)),
                     ("location", .string(r.location)), ("dangling", .bool(r.dangling))])
        })))
        return .object(o)
    }
    return .array(items)
}
