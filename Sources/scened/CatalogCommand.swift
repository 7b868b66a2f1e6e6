// `scened catalog`: list the module catalog (shipped + user catalogs), or validate
// one catalog file. Also the `--catalog` loading shared by check and upgrade.
import BlueprintKit

let catalogCommand = Command(
    name: "catalog",
    summary: "list the module catalog (or --validate a catalog file)",
    usage: """
    scened catalog [--json] [--catalog FILE]... [--status current|deprecated|retired]
    scened catalog --validate FILE

      Lists every (module, version) the catalog knows: the shipped catalog, then
      $XDG_CONFIG_HOME/scened/catalog.d/*.json (by name), then each --catalog FILE;
      later entries replace earlier ones with the same module and version.
      --json      an array of entries: module, version, title, status, dates,
                  replacement {module, version, mode, rules, connection}, source
      --validate  check one catalog file; errors are printed as FILE:LINE:COL
    """,
    run: runCatalog)

/// Loads the shipped, directory and `--catalog` catalogs; prints `FILE:LINE:COL: message` on failure.
func loadCatalog(_ files: [String], command: String) -> Result<Catalog, ExitFailure> {
    do {
        return .success(try Catalog.load(files: files))
    } catch {
        if error.line == 0 {
            FileIO.writeStderr("scened \(command): \(error.file): \(error.message)\n")
            return .failure(ExitFailure(code: Exit.noInput))
        }
        FileIO.writeStderr("\(error)\n")
        return .failure(ExitFailure(code: Exit.dataError))
    }
}

func runCatalog(_ argv: [String]) -> Int32 {
    var args = Args(argv, command: "catalog")
    let json = args.flag("--json")
    let validate: String?
    let files: [String]
    let statusFilter: String?
    do {
        validate = try args.option("--validate")
        files = try args.options("--catalog")
        statusFilter = try args.option("--status")
        let rest = try args.positionals()
        guard rest.isEmpty else { return usageFailure(catalogCommand, "unexpected argument '\(rest[0])'") }
    } catch { return usageFailure(catalogCommand, error.message) }
    if let f = statusFilter, CatalogStatus(rawValue: f) == nil {
        return usageFailure(catalogCommand, "--status must be current, deprecated or retired")
    }
    if let v = validate {
        let bytes: [UInt8]
        do { bytes = try FileIO.read(v) } catch {
            FileIO.writeStderr("scened catalog: \(error)\n")
            return Exit.noInput
        }
        var c = Catalog.shipped   // a user file may include the shipped rule sets
        let before = c.entries.count
        do { try c.add(bytes: bytes, source: v) } catch {
            FileIO.writeStderr("\(error)\n")
            return Exit.dataError
        }
        let parsed = c.sortedEntries.filter { $0.source == v }
        FileIO.writeStdout("\(v): ok, \(parsed.count) entr\(parsed.count == 1 ? "y" : "ies") (\(c.entries.count - before) new, \(parsed.count - (c.entries.count - before)) overriding the shipped catalog)\n")
        return Exit.ok
    }
    let catalog: Catalog
    switch loadCatalog(files, command: "catalog") {
    case .success(let c): catalog = c
    case .failure(let f): return f.code
    }
    let entries = catalog.sortedEntries.filter { statusFilter == nil || $0.status.rawValue == statusFilter }
    if json {
        FileIO.writeStdout(JSONWriter.render(.array(entries.map(catalogEntryJSON)), style: .make) + "\n")
        return Exit.ok
    }
    let w = min(48, entries.map { $0.key.description.count }.max() ?? 0)
    var out = ""
    for e in entries {
        var line = "\(e.key.description.padded(w + 2))\(e.status.rawValue.padded(12))\(e.displayName)"
        if let r = e.replacement { line += "  → \(r.key) (\(r.mode.rawValue))" }
        if let d = e.stopsWorking { line += "  stops working \(d)" }
        if !e.source.hasPrefix("shipped") { line += "  [\(e.source)]" }
        out += line + "\n"
    }
    let by = Dictionary(grouping: entries, by: { $0.status })
    out += "\(entries.count) entries: \(CatalogStatus.allCases.map { "\(by[$0]?.count ?? 0) \($0.rawValue)" }.joined(separator: ", "))\n"
    FileIO.writeStdout(out)
    return Exit.ok
}

func catalogEntryJSON(_ e: CatalogEntry) -> JSONValue {
    var o: [(String, JSONValue)] = [
        ("module", .string(e.module)), ("version", e.version.map { .int($0) } ?? .null),
        ("title", .string(e.displayName)), ("status", .string(e.status.rawValue)),
        ("deprecatedSince", e.deprecatedSince.map { .string($0) } ?? .null),
        ("stopsWorking", e.stopsWorking.map { .string($0) } ?? .null),
    ]
    if let r = e.replacement {
        var ro: [(String, JSONValue)] = [("module", .string(r.module)), ("version", .int(r.version)),
                                         ("mode", .string(r.mode.rawValue)), ("rules", .int(r.rules.count)),
                                         ("outputs", .array(r.outputs.map { .string($0.field) }))]
        if let c = r.connection {
            ro.append(("connection", .object([("parameter", .string(c.parameter)), ("to", .string(c.newParameter)),
                                              ("accepted", .array(c.accepted.map { .string($0) })), ("action", .string(c.action.rawValue))])))
        }
        o.append(("replacement", .object(ro)))
    } else {
        o.append(("replacement", .null))
    }
    o.append(("notes", .array(e.notes.map { .string($0) })))
    o.append(("provenance", .array(e.provenance.map { .string($0) })))
    o.append(("source", .string(e.source)))
    return .object(o)
}
