// `scened push make FILE|DIR...`: upload changed blueprints back to Make (PATCH), refusing a
// scenario edited remotely since the pull. `scened push fusion` explains that the Fusion API
// cannot write blueprints and lists the changed files with the import steps.
import BlueprintKit
import PlatformAPI

let pushCommand = Command(
    name: "push",
    summary: "push changed blueprints back to Make; for Fusion, list the files to import",
    usage: """
    scened push make FILE|DIR... [--dry-run] [--force] [--api ORIGIN]
           scened push fusion [FILE|DIR...]

      Each FILE is found in the nearest .scened-remote.json in its folder or above (a DIR pushes
      every pulled file under it). For each file with local changes: the remote blueprint is
      fetched; when it is no longer the one pulled (someone edited the scenario since), that file
      is refused (exit 75) unless --force; else the remote blueprint is kept in
      .scened-backups/ beside the manifest, the file is sent (PATCH /scenarios/{id}) and the new
      stamp recorded. MAKE_API_TOKEN holds the token.
      --dry-run     print the diff against the remote blueprint; write and send nothing
      --force       push even when the scenario changed remotely (its blueprint is still backed up)
      --api ORIGIN  send requests to ORIGIN instead of the origin recorded at pull
      fusion: the Fusion API has no endpoint that writes a blueprint; lists the changed files and
      how to import them in the Fusion scenario editor
    exit: 0 ok, 64 usage, 65 a file is not a valid blueprint, 66 a file is not in a pulled folder,
      69 no curl or no answer, 75 refused (changed remotely), 76 unexpected answer, 77 credentials refused
    """,
    run: runPush)

/// A file to push: its manifest and entry.
private struct Tracked { var manifest: RemoteManifest; var entry: ManifestEntry }

/// Resolves FILE|DIR arguments to manifest entries; prints why one cannot be.
private func tracked(_ paths: [String]) -> Result<[Tracked], ExitFailure> {
    var out: [Tracked] = []
    for p in paths {
        let abs = absolute(p)
        let isDir = isDirectory(abs)
        let folder = isDir ? abs : String(abs[..<(abs.lastIndex(of: "/") ?? abs.startIndex)])
        let manifest: RemoteManifest?
        do { manifest = try RemoteManifest.find(from: folder.isEmpty ? "/" : folder) } catch {
            FileIO.writeStderr("scened push: \(error)\n"); return .failure(ExitFailure(code: error.exitCode))
        }
        guard let manifest, let rel = manifest.relative(abs) else {
            FileIO.writeStderr("scened push: \(p): not in a pulled folder (no \(RemoteManifest.fileName) in its folder or above); pull it first\n")
            return .failure(ExitFailure(code: Exit.noInput))
        }
        if isDir {
            let prefix = rel.isEmpty ? "" : rel + "/"
            out += manifest.entries.filter { $0.path.hasPrefix(prefix) }.map { Tracked(manifest: manifest, entry: $0) }
        } else if let e = manifest.entry(forPath: rel) {
            out.append(Tracked(manifest: manifest, entry: e))
        } else {
            FileIO.writeStderr("scened push: \(p): not listed in \(manifest.path); pull it first\n")
            return .failure(ExitFailure(code: Exit.noInput))
        }
    }
    return .success(out)
}

func runPush(_ argv: [String]) -> Int32 {
    var args = Args(argv, command: "push")
    let force = args.flag("--force"), dryRun = args.flag("--dry-run")
    let apiText: String?, positionals: [String]
    do { apiText = try args.option("--api"); positionals = try args.positionals() } catch { return usageFailure(pushCommand, error.message) }
    guard let name = positionals.first, let platform = Platform(rawValue: name) else {
        return usageFailure(pushCommand, "say which platform: scened push make FILE|DIR... or scened push fusion")
    }
    let paths = Array(positionals.dropFirst())
    if platform == .fusion {
        if force || dryRun || apiText != nil { return usageFailure(pushCommand, "push fusion sends nothing; --force, --dry-run and --api do not apply") }
        return explainFusionImport(paths)
    }
    guard !paths.isEmpty else { return usageFailure(pushCommand, "missing FILE or DIR") }
    let api: APIOrigin?
    switch parseAPIOrigin(apiText, command: pushCommand) {
    case .success(let a): api = a
    case .failure(let f): return f.code
    }
    let files: [Tracked]
    switch tracked(paths) {
    case .success(let t): files = t
    case .failure(let f): return f.code
    }
    if let fusion = files.first(where: { $0.entry.platform != .make }) {
        FileIO.writeStderr("scened push: \(fusion.entry.path) was pulled from Workfront Fusion; 'scened push fusion' lists how to import it\n")
        return Exit.usage
    }
    guard let session = apiSession(command: "push") else { return 69 }
    var clients: [String: MakeClient] = [:]
    var manifests: [String: RemoteManifest] = [:]
    var pushed = 0, unchanged = 0, refused = 0
    var status = Exit.ok
    for t in files {
        var manifest = manifests[t.manifest.directory] ?? t.manifest
        let entry = manifest.entry(forPath: t.entry.path) ?? t.entry
        let full = manifest.directory + "/" + entry.path
        let bp: Blueprint
        switch loadBlueprint(full, command: "push") {
        case .success(let b): bp = b
        case .failure(let f): status = status == Exit.ok ? f.code : status; continue
        }
        do {
            let originText = api?.description ?? entry.origin
            let client: MakeClient
            if let c = clients[originText] { client = c } else {
                client = try makeClient(origin: try APIOrigin(parsing: originText), session: session)
                clients[originText] = client
            }
            let doc = bp.document
            let result = try PlatformAPI.push(bytes: doc.bytes.array, blueprint: doc.value(doc.root), entry: entry, manifest: &manifest,
                                              client: client, force: force, dryRun: dryRun)
            manifests[manifest.directory] = manifest
            switch result {
            case .unchanged:
                unchanged += 1
                FileIO.writeStdout("unchanged \(entry.path)\n")
            case .dryRun(let diff):
                pushed += 1
                FileIO.writeStdout(diff.isEmpty ? "same as remote \(entry.path)\n" : diff)
            case .pushed(let backup):
                pushed += 1
                FileIO.writeStdout("pushed    \(entry.path) → scenario \(entry.scenarioId) (remote blueprint kept in \(backup))\n")
            case .remoteChanged(let lastEdit):
                refused += 1
                FileIO.writeStderr("scened push: \(entry.path): scenario \(entry.scenarioId) was edited remotely since it was pulled"
                                   + (lastEdit.map { " (last edit \($0))" } ?? "") + "; nothing pushed for it. "
                                   + "Pull it again and redo the change, or pass --force to overwrite the remote version\n")
                if status == Exit.ok { status = Exit.changedOnDisk }
            }
        } catch {
            let code = apiFailure(error, command: "push")
            if status == Exit.ok || status == Exit.changedOnDisk { status = code }
        }
    }
    FileIO.writeStdout("\(dryRun ? "would push" : "pushed") \(pushed), unchanged \(unchanged), refused \(refused)\n")
    return status
}

/// `push fusion`: what cannot be done, and how to import the changed files by hand.
private func explainFusionImport(_ paths: [String]) -> Int32 {
    FileIO.writeStdout("""
    The Workfront Fusion API (v3) has no endpoint that writes a blueprint, so scened cannot push to Fusion.
    Import each changed file in the Fusion scenario editor:
      1. open the scenario (Scenarios › the team › the scenario) and leave it inactive while you import;
      2. click the … (More) menu in the toolbar at the bottom and choose Import Blueprint;
      3. choose the file, confirm that it replaces the scenario, and click Save;
      4. run 'scened pull fusion' again so that the folder records the new version.
    """ + "\n")
    guard !paths.isEmpty else { return Exit.ok }
    let files: [Tracked]
    switch tracked(paths) {
    case .success(let t): files = t
    case .failure(let f): return f.code
    }
    var changed = 0
    for t in files where t.entry.platform == .fusion {
        let full = t.manifest.directory + "/" + t.entry.path
        guard let bytes = try? FileIO.read(full) else { continue }
        if SHA256.hex(bytes) == t.entry.hash { continue }
        changed += 1
        FileIO.writeStdout("  \(full)  →  scenario \(t.entry.scenarioId) \"\(t.entry.name)\" (team \(t.entry.teamId))\n")
    }
    FileIO.writeStdout(changed == 0 ? "No pulled Fusion file has local changes.\n" : "\(changed) file\(changed == 1 ? "" : "s") to import.\n")
    return Exit.ok
}
