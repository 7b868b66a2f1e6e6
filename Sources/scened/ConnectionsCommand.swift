// `scened connections FILE`: the connection inventory, and connection edits
// (--set, --swap, --label, --clear) written to stdout, -o OUT, -i, or shown as a diff.
#if canImport(Glibc)
import Glibc
#endif
import BlueprintKit

let connectionsCommand = Command(
    name: "connections",
    summary: "list connections, webhooks, keys, data stores; set, swap, relabel or clear them",
    usage: """
    scened connections FILE|- [--json] [--connections TEAMFILE] [edits] [--dry-run | -o OUT | -i [--overwrite]]
           scened connections FILE|DIR... [--json] [--connections TEAMFILE] [edits --dry-run | edits -i [--overwrite]]
           scened connections DIR|FILE --remote [--json] [--api ORIGIN]

      Without edits: every connection (and webhook, key, data store, data structure,
      device) the scenario uses, with id, label, type, the modules using it and warnings.
      Exit 0 when there are no warnings, 1 when there are.
      --json               the inventory as JSON (see README.md (Connections))
      --connections FILE   the team's connections ({"connections":[{"id","name","accountName",…}]}
                           or [{"id","name","type"}]); default: the list 'scened pull' saved beside
                           FILE (.scened-connections.json), else $XDG_CONFIG_HOME/scened/connections.json
                           or ~/.config/scened/connections.json when it exists. New ids are then
                           checked against it, and labels and types come from it
    edits (applied in this order, each may be repeated):
      --clear MODULE[.PARAM]      set the parameter to null and drop its restore label
      --set MODULE[.PARAM]=ID     point one module at connection ID
      --swap OLD=NEW              replace connection OLD with NEW in every module using it
      --app APP                   limit --swap to modules of app APP (e.g. slack)
      --label ID=TEXT             set the label of ID in every module that keeps one
      --kind KIND                 what --swap, --label and a bare --set MODULE act on: connection
                                  (default), webhook, keychain, datastore, datastructure, device
      --force                     allow a connection type the module does not accept, or an id
                                  missing from the team list
    output of edits (default: the edited blueprint on standard output):
      --dry-run    print a unified diff and write nothing
      -o OUT       write to OUT (atomically)
      -i           replace FILE atomically (--in-place). Refused (exit 75, nothing written)
                   when FILE changed on disk since it was read
      --overwrite  with -i: write even when FILE changed since it was read (here --force
                   means the connection check above, not this)
    --remote: the real connections of the teams a pulled folder (or file) came from, listed by the
    API with id, type and name (credentials as for 'scened pull'); --json writes them in the
    team-list format that --connections FILE reads.
    A swap or label that matches nothing exits 1 and writes nothing; a refused edit
    (unknown module, wrong type, id not in the team list) exits 65. 73: cannot write
    (the file is unchanged); 75: FILE changed since it was read (-i).
    Several files or a folder (every *.json under it; JSON that is not a blueprint is skipped
    and counted): the inventory of each file, then totals (--json: {"files": [...], "totals"});
    edits apply to every file where they match (-i writes each file atomically, --dry-run
    shows the diffs); exit 1 only when they match in no file. The exit code is the worst
    over all files; 66 also when a folder holds no blueprint.
    """,
    run: runConnections)

func runConnections(_ argv: [String]) -> Int32 {
    if argv.contains("--remote") { return runRemoteConnections(argv) }
    var args = Args(argv, command: "connections")
    let json = args.flag("--json"), force = args.flag("--force"), dryRun = args.flag("--dry-run")
    let inPlace = args.flag("-i", "--in-place")
    let overwrite = args.flag("--overwrite")
    var script = ConnectionScript()
    let out: String?, teamPath: String?, kindText: String?, inputs: BlueprintInputs
    do {
        out = try args.option("-o", "--output")
        teamPath = try args.option("--connections")
        kindText = try args.option("--kind")
        script.app = try args.option("--app")
        let clears = try args.options("--clear"), sets = try args.options("--set")
        let swaps = try args.options("--swap"), labels = try args.options("--label")
        inputs = BlueprintInputs(try args.positionals())
        do {
            for c in clears { try script.addClear(c) }
            for s in sets { try script.addSet(s) }
            for s in swaps { try script.addSwap(s) }
            for l in labels { try script.addLabel(l) }
        } catch { return usageFailure(connectionsCommand, error.description) }
    } catch { return usageFailure(connectionsCommand, error.message) }
    let files = inputs.files
    guard !files.isEmpty || !inputs.folders.isEmpty else { return usageFailure(connectionsCommand, "missing FILE") }
    if let kindText {
        guard let k = accountKind(kindText) else {
            return usageFailure(connectionsCommand, "--kind must be connection, webhook, keychain, datastore, datastructure or device")
        }
        script.kind = k
    }
    script.force = force
    if script.app != nil && script.swaps.isEmpty { return usageFailure(connectionsCommand, "--app limits --swap; give a --swap") }
    if script.isEmpty {
        if out != nil || inPlace || dryRun || force || overwrite {
            return usageFailure(connectionsCommand, "-o, -i, --dry-run, --force and --overwrite need an edit (--set, --swap, --label or --clear)")
        }
    } else {
        if json { return usageFailure(connectionsCommand, "--json lists the inventory; it cannot be combined with edits") }
        if inPlace && (out != nil || files.first == "-") { return usageFailure(connectionsCommand, "-i replaces FILE; it cannot be used with -o or standard input") }
        if overwrite && !inPlace { return usageFailure(connectionsCommand, "--overwrite only applies to -i") }
    }
    if inputs.isMany {
        if files.contains("-") { return usageFailure(connectionsCommand, "standard input cannot be one of several files") }
        if !script.isEmpty && out != nil || !script.isEmpty && !(inPlace || dryRun) {
            return usageFailure(connectionsCommand, "edits of several files or a folder: give -i (write each file back) or --dry-run")
        }
        return runConnectionsMany(inputs, script: script, json: json, teamPath: teamPath, dryRun: dryRun, overwrite: overwrite)
    }
    let file = files[0], shown = file == "-" ? "<stdin>" : file
    let bp: Blueprint
    switch loadBlueprint(file, command: "connections") {
    case .success(let b): bp = b
    case .failure(let f): return f.code
    }
    let team: TeamConnections?
    switch teamConnections(teamPath, besides: file) {
    case .success(let t): team = t
    case .failure(let f): return f.code
    }
    if script.isEmpty {
        let inv = ConnectionInventory(blueprint: bp, team: team)
        FileIO.writeStdout(json ? JSONWriter.render(ConnectionReport.json(inv, file: shown), style: .make) + "\n"
                                : ConnectionReport.text(inv, file: shown))
        return inv.warnings.isEmpty ? Exit.ok : Exit.attention
    }
    var session = EditSession(document: bp.document)
    do {
        let notes = try script.run(on: &session, team: team)
        FileIO.writeStderr(notes.map { "scened connections: \($0)\n" }.joined())
    } catch {
        FileIO.writeStderr("scened connections: \(error)\n")
        switch error {
        case .usage: return Exit.usage
        case .refused: return Exit.dataError
        case .nothingMatched: return Exit.attention
        }
    }
    let bytes = session.document.bytes.array
    if dryRun {
        let name = shown.hasPrefix("/") ? String(shown.dropFirst()) : shown
        FileIO.writeStdout(UnifiedDiff.diff(old: bp.document.bytes.array, new: bytes, oldName: "a/\(name)", newName: "b/\(name)"))
        return Exit.ok
    }
    if inPlace {
        return writeInPlace(bytes, to: file, original: bp.document.bytes.array, force: overwrite, command: "connections",
                            forceFlag: "--overwrite")
    }
    return writeOutput(bytes, to: out, command: "connections")
}

/// The team list for FILE: --connections, else the one `scened pull` saved beside it, else
/// the user's default when it exists; nil when there is none. A bad list prints why.
func teamConnections(_ teamPath: String?, besides file: String) -> Result<TeamConnections?, ExitFailure> {
    let defaultTeam = TeamConnections.defaultPath { getenv($0).map { String(cString: $0) } }
    guard let path = teamPath ?? pulledTeamConnections(besides: file) ?? defaultTeam.flatMap({ FileIO.exists($0) ? $0 : nil }) else {
        return .success(nil)
    }
    do { return .success(try TeamConnections.load(path: path)) } catch {
        FileIO.writeStderr(error.isIOError ? "scened connections: \(error)\n" : "\(error)\n")
        return .failure(ExitFailure(code: error.isIOError ? Exit.noInput : Exit.dataError))
    }
}

func accountKind(_ s: String) -> AccountKind? {
    switch s.lowercased() {
    case "connection", "account": return .connection
    case "webhook", "hook": return .webhook
    case "keychain", "key": return .keychain
    case "datastore", "data-store": return .dataStore
    case "datastructure", "data-structure", "udt": return .dataStructure
    case "device": return .device
    default: return nil
    }
}
