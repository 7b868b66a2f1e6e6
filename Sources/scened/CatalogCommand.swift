// `scened catalog`: list the module catalog (shipped + user catalogs), or validate
// one catalog file. Also the `--catalog` loading shared by check and upgrade.
import BlueprintKit

let catalogCommand = Command(
    name: "catalog",
    summary: "list the module catalog (or --validate a catalog file)",
    usage: """
    scened catalog [--json] [--catalog FILE]... [--status current|deprecated|retired]
    scened catalog --validate FILE
    scened catalog --coverage [--catalog FILE]...
    scened catalog observe DIR|FILE... [-o OUT]
    scened catalog learn BEFORE AFTER [BEFORE2 AFTER2 ...] [--pair OLD=NEW]... [-o FILE]

      Lists what the catalog knows: app versions (the status of every module of an
      app version), module entries (which override their app version) and value
      rules (retired field values). Sources: the shipped catalog, then
      $XDG_CONFIG_HOME/scened/catalog.d/*.json (by name), then each --catalog FILE;
      later facts replace earlier ones with the same key.
      --json      {"appVersions": [...], "entries": [...], "values": [...]} (README)
      --validate  check one catalog file; errors are printed as FILE:LINE:COL
      --coverage  counts of apps, app versions, module entries and value rules by basis
      observe     write the app versions seen in a folder of exports as a catalog
                  file of observations (how Catalog/Data/observed.json is made)
      learn       turn a scenario upgraded by hand (exports before and after) into
                  a user catalog file:
    \(catalogLearnDetails)
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
    if argv.first == "observe" { return runCatalogObserve(Array(argv.dropFirst())) }
    if argv.first == "shapes" { return runCatalogShapes(Array(argv.dropFirst())) }
    if argv.first == "learn" { return runCatalogLearn(Array(argv.dropFirst())) }
    var args = Args(argv, command: "catalog")
    let json = args.flag("--json")
    let coverage = args.flag("--coverage")
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
        let before = c.entries.count, beforeApps = c.appVersions.count
        do { try c.add(bytes: bytes, source: v) } catch {
            FileIO.writeStderr("\(error)\n")
            return Exit.dataError
        }
        let parsed = c.sortedEntries.filter { $0.source == v }
        let apps = c.sortedAppVersions.filter { $0.source == v }
        let values = c.allValueRules.filter { $0.source == v }
        func n(_ k: Int, _ one: String, _ many: String) -> String { "\(k) \(k == 1 ? one : many)" }
        var text = "\(v): ok, \(n(parsed.count, "module entry", "module entries")) (\(c.entries.count - before) new, \(parsed.count - (c.entries.count - before)) overriding the shipped catalog)"
        text += ", \(n(apps.count, "app version", "app versions")) (\(c.appVersions.count - beforeApps) new), \(n(values.count, "value rule", "value rules"))\n"
        FileIO.writeStdout(text)
        return Exit.ok
    }
    let catalog: Catalog
    switch loadCatalog(files, command: "catalog") {
    case .success(let c): catalog = c
    case .failure(let f): return f.code
    }
    if coverage { FileIO.writeStdout(CatalogCoverage(catalog).text); return Exit.ok }
    let entries = catalog.sortedEntries.filter { statusFilter == nil || $0.status.rawValue == statusFilter }
    let appVersions = catalog.sortedAppVersions.filter { statusFilter == nil || $0.status.rawValue == statusFilter }
    let values = catalog.allValueRules.filter { statusFilter == nil || $0.status.rawValue == statusFilter }
    if json {
        let doc = JSONValue.object([("appVersions", .array(appVersions.map { appVersionJSON($0, catalog) })),
                                    ("entries", .array(entries.map(catalogEntryJSON))),
                                    ("values", .array(values.map(valueRuleJSON)))])
        FileIO.writeStdout(JSONWriter.render(doc, style: .make) + "\n")
        return Exit.ok
    }
    var out = appVersionsText(appVersions, catalog)
    out += "\nModule entries (override their app version):\n"
    let w = min(48, entries.map { $0.key.description.count }.max() ?? 0)
    for e in entries {
        var line = "\(e.key.description.padded(w + 2))\(e.status.rawValue.padded(12))\(e.displayName)"
        if let r = e.replacement { line += "  → \(r.key) (\(r.mode.rawValue))" }
        if let d = e.stopsWorking { line += "  stops working \(d)" }
        if e.basis == .observed { line += "  (observed)" }
        if !e.source.hasPrefix("shipped") { line += "  [\(e.source)]" }
        out += line + "\n"
    }
    out += valuesText(values)
    let by = Dictionary(grouping: entries, by: { $0.status })
    out += "\n\(appVersions.count) app versions, \(entries.count) module entries (\(CatalogStatus.allCases.map { "\(by[$0]?.count ?? 0) \($0.rawValue)" }.joined(separator: ", "))), \(values.count) value rules\n"
    FileIO.writeStdout(out)
    return Exit.ok
}

func catalogEntryJSON(_ e: CatalogEntry) -> JSONValue {
    var o: [(String, JSONValue)] = [
        ("module", .string(e.module)), ("version", e.version.map { .int($0) } ?? .null),
        ("title", .string(e.displayName)), ("status", .string(e.status.rawValue)),
        ("basis", .string(e.basis.rawValue)),
        ("deprecatedSince", e.deprecatedSince.map { .string($0) } ?? .null),
        ("stopsWorking", e.stopsWorking.map { .string($0) } ?? .null),
        ("unsupportedAfter", e.unsupportedAfter.map { .string($0) } ?? .null),
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
