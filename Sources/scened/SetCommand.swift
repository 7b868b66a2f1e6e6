// `scened set FILE MODULE PATH=VALUE ...`: the editor's field edits without the
// editor. Each assignment is one edit through the same FieldEditor, so only
// that value's lines change.
import BlueprintKit

let setCommand = Command(
    name: "set",
    summary: "set a module's label, field values, filter or route flag, or a scenario setting",
    usage: """
    scened set FILE|- MODULE PATH=VALUE [PATH=VALUE...] [--remove PATH]... [-o OUT | -i [--force] | --dry-run] [--string | --json]

      MODULE    a module id (3 or #3), or `scenario` for the scenario's name and settings
      PATH      mapper.url, parameters.maxResults, metadata.designer.name (or label),
                filter.name, filter.conditions[0][0].b, routes[1].disabled, mapper["Content Type"];
                for `scenario`: name, metadata.scenario.sequential (or just sequential)
      VALUE     parsed as JSON when it parses, else taken as a string. The field keeps its
                type: 3 for a string field is written as "3", and a number field refuses a word.
      --remove PATH  remove a field of the module's mapper or parameters (e.g. one an
                upgrade left for review: `scened check` names it); repeatable
      --string  every VALUE is a string, whatever the field held
      --json    every VALUE must be JSON and is written as given (its type may change)
      -o OUT    write to OUT (atomically) instead of standard output
      -i        replace FILE atomically (--in-place). Refused (exit 75, nothing written)
                when FILE changed on disk since it was read
      --force   with -i: write even when FILE changed since it was read (also --overwrite)
      --dry-run print a unified diff and write nothing

      Exit: 0 done, 1 no such module or field (nothing written), 64 usage,
      65 malformed FILE or a value the field refuses, 66 cannot open, 73 cannot write,
      75 FILE changed since it was read (-i).
    """,
    run: runSet)

func runSet(_ argv: [String]) -> Int32 {
    var args = Args(argv, command: "set")
    let dryRun = args.flag("--dry-run")
    let inPlace = args.flag("-i", "--in-place")
    let force = args.flag("--force", "--overwrite")
    let forceString = args.flag("--string")
    let forceJSON = args.flag("--json")
    let out: String?
    let pos: [String]
    let removals: [String]
    do {
        out = try args.option("-o", "--output")
        removals = try args.options("--remove")
        pos = try args.positionals()
    } catch { return usageFailure(setCommand, error.message) }
    guard pos.count >= 3 || (pos.count == 2 && !removals.isEmpty) else {
        return usageFailure(setCommand, pos.isEmpty ? "missing FILE" : pos.count == 1 ? "missing MODULE" : "missing PATH=VALUE (or --remove PATH)")
    }
    if forceString && forceJSON { return usageFailure(setCommand, "--string and --json contradict each other") }
    if [out != nil, inPlace, dryRun].filter({ $0 }).count > 1 { return usageFailure(setCommand, "choose one of -o, -i and --dry-run") }
    let file = pos[0]
    if inPlace && file == "-" { return usageFailure(setCommand, "-i replaces FILE; it cannot be used with standard input") }
    if force && !inPlace { return usageFailure(setCommand, "--force only applies to -i") }
    let target: SetTarget
    switch SetTarget(pos[1]) {
    case .some(let t): target = t
    case .none: return usageFailure(setCommand, "MODULE must be a module id like 3 or #3, or `scenario` (got '\(pos[1])')")
    }
    var assignments: [(path: String, value: String)] = []
    for a in pos.dropFirst(2) {
        guard let eq = assignmentSplit(a) else { return usageFailure(setCommand, "'\(a)' is not PATH=VALUE") }
        assignments.append(eq)
    }
    let bp: Blueprint
    switch loadBlueprint(file, command: "set") {
    case .success(let b): bp = b
    case .failure(let f): return f.code
    }
    let input: ValueInput = forceString ? .string : forceJSON ? .json : .auto
    var session = EditSession(document: bp.document)
    for (path, text) in assignments {
        do {
            let current = try Blueprint(document: session.document)
            let field = try target.field(path, in: current)
            let value = try FieldEditor.value(from: text, for: field, input: input)
            let changed = try FieldEditor.set(field, to: value, in: &session, label: "set \(field.display)")
            if !changed { FileIO.writeStderr("scened set: \(target.name) \(field.display) already holds that value\n") }
            if case .string(let s) = value {
                for r in Reference.scan(text: s) {
                    switch current.problem(with: r) {
                    case .none: break
                    case .noModule: FileIO.writeStderr("scened set: warning: {{\(r.text)}} in \(field.display): no module #\(r.targetId)\n")
                    case .unknownField(let name):
                        FileIO.writeStderr("scened set: warning: {{\(r.text)}} in \(field.display): #\(r.targetId) (\(name)) lists no output '\(r.field)'\n")
                    }
                }
            }
        } catch let e as FieldError {
            let hint = e.kind == .refused && input == .auto ? " (--string or --json changes the type on purpose)" : ""
            FileIO.writeStderr("scened set: \(e.message)\(hint); nothing written\n")
            return e.kind == .notFound ? Exit.attention : Exit.dataError
        } catch {
            FileIO.writeStderr("scened set: \(error); nothing written\n")
            return Exit.software
        }
    }
    for path in removals {
        do {
            let current = try Blueprint(document: session.document)
            let field = try target.field(path, in: current)
            guard field.section == .mapper || field.section == .parameters else {
                FileIO.writeStderr("scened set: --remove takes a field of the module's mapper or parameters, not \(path); nothing written\n")
                return Exit.usage
            }
            guard field.value != nil, let node = session.document.node(at: field.path) else {
                throw FieldError(.notFound, "\(target.name) has no field \(field.display)")
            }
            try session.perform("remove \(field.display) from \(target.name)") { (ed: inout JSONEditor) throws(JSONEditError) in
                try ed.apply(ed.document.remove(node))
            }
        } catch let e as FieldError {
            FileIO.writeStderr("scened set: \(e.message); nothing written\n")
            return e.kind == .notFound ? Exit.attention : Exit.dataError
        } catch {
            FileIO.writeStderr("scened set: \(error); nothing written\n")
            return Exit.software
        }
    }
    let bytes = session.document.bytes.array
    if dryRun {
        let shown = file == "-" ? "<stdin>" : file
        let name = shown.hasPrefix("/") ? String(shown.dropFirst()) : shown
        FileIO.writeStdout(UnifiedDiff.diff(old: bp.document.bytes.array, new: bytes, oldName: "a/\(name)", newName: "b/\(name)"))
        return Exit.ok
    }
    if inPlace {
        if bytes == bp.document.bytes.array { return Exit.ok }
        return writeInPlace(bytes, to: file, original: bp.document.bytes.array, force: force, command: "set")
    }
    return writeOutput(bytes, to: out, command: "set")
}

/// What `scened set` edits: one module, or the scenario.
enum SetTarget {
    case module(Int)
    case scenario

    init?(_ text: String) {
        if text.lowercased() == "scenario" { self = .scenario; return }
        let t = text.hasPrefix("#") ? String(text.dropFirst()) : text
        guard let id = Int(t) else { return nil }
        self = .module(id)
    }

    var name: String {
        switch self {
        case .module(let id): return "#\(id)"
        case .scenario: return "scenario"
        }
    }

    func field(_ path: String, in bp: Blueprint) throws(FieldError) -> FieldRef {
        switch self {
        case .scenario: return try FieldList.scenarioField(path, in: bp.document)
        case .module(let id):
            guard let m = bp.module(id: id) else {
                let ids = bp.modules.compactMap(\.id).sorted()
                let sample = ids.prefix(12).map { "#\($0)" }.joined(separator: " ") + (ids.count > 12 ? " …" : "")
                throw FieldError(.notFound, "no module #\(id) in this scenario (modules: \(sample.isEmpty ? "none" : sample))")
            }
            return try FieldList.field(path, module: m, in: bp.document)
        }
    }
}

/// Splits `PATH=VALUE` at the first `=` outside `[...]`.
func assignmentSplit(_ a: String) -> (path: String, value: String)? {
    var depth = 0
    var inQuote = false
    for i in a.indices {
        let c = a[i]
        if inQuote { if c == "\"" { inQuote = false }; continue }
        switch c {
        case "\"" where depth > 0: inQuote = true
        case "[": depth += 1
        case "]": depth = max(0, depth - 1)
        case "=" where depth == 0:
            let p = String(a[..<i])
            return p.isEmpty ? nil : (p, String(a[a.index(after: i)...]))
        default: break
        }
    }
    return nil
}
