// `scened list FILE|-`: the module tree as indented text, or every module as JSON.
import BlueprintKit

let listCommand = Command(
    name: "list",
    summary: "print the module tree (or --json: every module with path and references)",
    usage: """
    scened list FILE|- [--json]

      Prints every module in tree order: main flow, router routes, error handlers,
      If-else branches, AI-agent tools and orphan fragments, indented by nesting.
      --json  an array of modules: path, id, module, version, label, container,
              depth, parent, references (target, field, location, dangling)
    """,
    run: runList)

func runList(_ argv: [String]) -> Int32 {
    var args = Args(argv, command: "list")
    let json = args.flag("--json")
    let files: [String]
    do { files = try args.positionals() } catch { return usageFailure(listCommand, error.message) }
    guard files.count == 1 else { return usageFailure(listCommand, files.isEmpty ? "missing FILE" : "expected one FILE") }
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

func listJSON(_ bp: Blueprint) -> String {
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
    return JSONWriter.render(.array(items), style: .make) + "\n"
}
