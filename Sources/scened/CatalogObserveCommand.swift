// `scened catalog observe DIR...` (the observations file), `scened catalog --coverage`,
// and the app-version and value-rule parts of `scened catalog`'s listing.
import BlueprintKit

/// `-o OUT` and the export files (folders searched for `*.json`) of `catalog observe` / `catalog shapes`.
func exportArguments(_ argv: [String], _ name: String) -> Result<(out: String?, files: [String]), ExitFailure> {
    var args = Args(argv, command: "catalog \(name)")
    let out: String?
    let inputs: [String]
    do {
        out = try args.option("-o")
        inputs = try args.positionals()
    } catch { return .failure(ExitFailure(code: usageFailure(catalogCommand, error.message))) }
    guard !inputs.isEmpty else { return .failure(ExitFailure(code: usageFailure(catalogCommand, "catalog \(name) needs a folder or files of exports"))) }
    var files: [String] = []
    for i in inputs { if FileIO.isDirectory(i) { files += FileIO.jsonFiles(under: i) } else { files.append(i) } }
    return .success((out, files))
}

func runCatalogObserve(_ argv: [String]) -> Int32 {
    let out: String?, files: [String]
    switch exportArguments(argv, "observe") {
    case .success(let a): (out, files) = a
    case .failure(let f): return f.code
    }
    var obs = ObservedCatalog()
    var skipped = 0
    for f in files {
        guard let bytes = try? FileIO.read(f), let bp = try? Blueprint(bytes: bytes, scanReferences: false) else {
            skipped += 1
            continue
        }
        obs.add(bp)
    }
    let text = obs.json()
    if skipped > 0 { FileIO.writeStderr("scened catalog observe: \(skipped) file\(skipped == 1 ? "" : "s") skipped (not a readable blueprint)\n") }
    if let out {
        do { try SafeSave.write(Array(text.utf8), to: out) } catch {
            FileIO.writeStderr("scened catalog observe: \(error)\n")
            return Exit.cantCreate
        }
        FileIO.writeStderr("scened catalog observe: \(obs.files.count) app versions from \(obs.fileCount) exports written to \(out)\n")
    } else {
        FileIO.writeStdout(text)
    }
    return Exit.ok
}

/// What the catalog covers, by basis: the README's coverage table.
struct CatalogCoverage {
    let catalog: Catalog
    init(_ c: Catalog) { catalog = c }

    var text: String {
        let avs = catalog.sortedAppVersions
        let documented = avs.filter { $0.basis == .documented }
        let observed = avs.filter { $0.basis == .observed }
        let documentedApps = Set(documented.map(\.app)).union(catalog.apps.values.filter { $0.title != nil || !$0.notes.isEmpty }.map(\.app))
            .union(catalog.entries.keys.map { String(AppVersionKey.app(of: $0.module)) })
        let observedOnly = Set(observed.map(\.app)).subtracting(documentedApps)
        let titled = catalog.apps.values.filter { $0.title != nil }.count
        let entries = catalog.sortedEntries
        let values = catalog.allValueRules
        func st(_ list: [CatalogStatus]) -> String {
            CatalogStatus.allCases.map { s in "\(list.filter { $0 == s }.count) \(s.rawValue)" }.joined(separator: ", ")
        }
        var out = "| what | documented | observed only | by status |\n|---|---|---|---|\n"
        out += "| apps | \(documentedApps.count) (\(titled) with a title) | \(observedOnly.count) | \(documentedApps.count + observedOnly.count) apps in all |\n"
        out += "| app versions | \(documented.count) | \(observed.count) | \(st(avs.filter { $0.basis == .documented }.map(\.status))) (documented) |\n"
        out += "| module entries | \(entries.filter { $0.basis == .documented }.count) | \(entries.filter { $0.basis == .observed }.count) | \(st(entries.map(\.status))) |\n"
        let withRules = entries.filter { $0.replacement?.mode == .automatic }.count
        out += "| upgrade rules | \(withRules) automatic, \(entries.filter { $0.replacement?.mode == .manual }.count) manual | — | |\n"
        out += "| value rules | \(values.count) | — | \(values.filter { $0.replacement != nil }.count) with a replacement value |\n"
        return out
    }
}

func appVersionsText(_ list: [AppVersionEntry], _ c: Catalog) -> String {
    var out = "App versions (the status of every module of that app version):\n"
    let w = min(40, list.map { $0.key.description.count }.max() ?? 0)
    for a in list {
        var line = "\(a.key.description.padded(w + 2))\(a.status.rawValue.padded(12))"
        line += a.basis == .observed ? "observed in \(a.seenIn ?? 0) exports" : (a.title ?? c.apps[a.app]?.title ?? "documented")
        if let r = a.replacementVersion { line += "  → v\(r)" }
        if let d = a.dates.stopsWorking { line += "  stops working \(d)" }
        if let d = a.dates.unsupportedAfter { line += "  unsupported after \(d)" }
        if !a.source.hasPrefix("shipped") { line += "  [\(a.source)]" }
        out += line + "\n"
    }
    return out
}

func valuesText(_ list: [ValueRule]) -> String {
    guard !list.isEmpty else { return "" }
    var out = "\nValue rules (a retired value of one field):\n"
    for r in list {
        var line = "\(r.app)\(r.version.map { " v\($0)" } ?? "")  \(r.field) = \"\(r.value)\"  \(r.status.rawValue)"
        line += r.replacement.map { "  → \"\($0)\"" } ?? "  (choose another value)"
        if let d = r.dates.stopsWorking { line += "  stops working \(d)" }
        out += line + "\n"
    }
    return out
}

func appVersionJSON(_ a: AppVersionEntry, _ c: Catalog) -> JSONValue {
    .object([
        ("app", .string(a.app)), ("version", a.version.map { .int($0) } ?? .null),
        ("title", (a.title ?? c.apps[a.app]?.title).map { .string($0) } ?? .null),
        ("status", .string(a.status.rawValue)), ("basis", .string(a.basis.rawValue)),
        ("seenIn", a.seenIn.map { .int($0) } ?? .null),
        ("deprecatedSince", a.dates.deprecatedSince.map { .string($0) } ?? .null),
        ("stopsWorking", a.dates.stopsWorking.map { .string($0) } ?? .null),
        ("unsupportedAfter", a.dates.unsupportedAfter.map { .string($0) } ?? .null),
        ("replacementVersion", a.replacementVersion.map { .int($0) } ?? .null),
        ("notes", .array(a.notes.map { .string($0) })), ("provenance", .array(a.provenance.map { .string($0) })),
        ("source", .string(a.source)),
    ])
}

func valueRuleJSON(_ r: ValueRule) -> JSONValue {
    .object([
        ("app", .string(r.app)), ("modules", .array(r.modules.map { .string($0) })), ("version", r.version.map { .int($0) } ?? .null),
        ("field", .string(r.field.description)), ("value", .string(r.value)),
        ("replacement", r.replacement.map { .string($0) } ?? .null), ("status", .string(r.status.rawValue)),
        ("stopsWorking", r.dates.stopsWorking.map { .string($0) } ?? .null),
        ("notes", .array(r.notes.map { .string($0) })), ("provenance", .array(r.provenance.map { .string($0) })),
        ("source", .string(r.source)),
    ])
}

/// `scened catalog shapes DIR...`: the shapes of the (module, version)s real exports show.
func runCatalogShapes(_ argv: [String]) -> Int32 {
    let out: String?, files: [String]
    switch exportArguments(argv, "shapes") {
    case .success(let a): (out, files) = a
    case .failure(let f): return f.code
    }
    var obs = ShapeObserver()
    var n = 0
    for f in files {
        guard let bytes = try? FileIO.read(f), let bp = try? Blueprint(bytes: bytes, scanReferences: false) else { continue }
        obs.add(bp)
        n += 1
    }
    let text = obs.json(description: "Module shapes read from \(n) public exports (scened catalog shapes): field names, fields every real module has, outputs")
    if let out {
        // what changed against the file there, so a refresh can be reviewed
        if let old = try? FileIO.read(out), let oldCat = { () -> Catalog? in var c = Catalog(); do { try c.add(bytes: old, source: out) } catch { return nil }; return c }() {
            let new = Set(obs.shapes.map(\.key)), before = Set(oldCat.shapes.keys)
            let changed = obs.shapes.filter { s in oldCat.shapes[s.key].map { $0 != s } ?? false }.count
            FileIO.writeStderr("scened catalog shapes: \(new.subtracting(before).count) new, \(before.subtracting(new).count) gone, \(changed) changed\n")
        }
        do { try SafeSave.write(Array(text.utf8), to: out) } catch {
            FileIO.writeStderr("scened catalog shapes: \(error)\n")
            return Exit.cantCreate
        }
        FileIO.writeStderr("scened catalog shapes: \(obs.shapes.count) shapes from \(n) exports written to \(out)\n")
    } else {
        FileIO.writeStdout(text)
    }
    return Exit.ok
}
