// `scened connections DIR|FILE --remote`: the real connections of the teams a pulled folder
// came from (Fusion GET /api/v3/connections, Make GET /connections?teamId=), with names and
// types. `--json` writes them in the team-list format `--connections FILE` reads.
import BlueprintKit
import PlatformAPI

func runRemoteConnections(_ argv: [String]) -> Int32 {
    var args = Args(argv, command: "connections")
    _ = args.flag("--remote")
    let json = args.flag("--json")
    let apiText: String?, paths: [String]
    do { apiText = try args.option("--api"); paths = try args.positionals() } catch { return usageFailure(connectionsCommand, error.message) }
    guard paths.count == 1 else { return usageFailure(connectionsCommand, paths.isEmpty ? "missing DIR" : "--remote takes one DIR or FILE") }
    let api: APIOrigin?
    switch parseAPIOrigin(apiText, command: connectionsCommand) {
    case .success(let a): api = a
    case .failure(let f): return f.code
    }
    let abs = absolute(paths[0])
    let dirOnly = isDirectory(abs)
    let folder = dirOnly ? abs : String(abs[..<(abs.lastIndex(of: "/") ?? abs.startIndex)])
    let manifest: RemoteManifest
    do {
        guard let m = try RemoteManifest.find(from: folder.isEmpty ? "/" : folder) else {
            FileIO.writeStderr("scened connections: \(paths[0]): no \(RemoteManifest.fileName) in its folder or above; 'scened pull' a team first\n")
            return Exit.noInput
        }
        manifest = m
    } catch { return apiFailure(error, command: "connections") }
    let rel = manifest.relative(abs) ?? ""
    let entries = manifest.entries.filter { e in dirOnly ? (rel.isEmpty || e.path.hasPrefix(rel + "/")) : e.path == rel }
    guard !entries.isEmpty else {
        FileIO.writeStderr("scened connections: \(paths[0]): no pulled scenario here\n")
        return Exit.noInput
    }
    // One listing per platform, origin and team.
    var teams: [(ManifestEntry, String)] = []
    for e in entries {
        let key = "\(e.platform.rawValue) \(api?.description ?? e.origin) \(e.teamId)"
        if !teams.contains(where: { $0.1 == key }) { teams.append((e, key)) }
    }
    guard let session = apiSession(command: "connections") else { return 69 }
    var all: [JSONValue] = []
    var text = ""
    do throws(APIError) {
        for (e, _) in teams {
            let origin: APIOrigin
            if let api { origin = api } else { origin = try APIOrigin(parsing: e.origin) }
            let client: PlatformClient = e.platform == .make
                ? try makeClient(origin: origin, session: session)
                : try fusionClient(api: origin, org: e.org ?? "", region: e.region ?? "", imsOrg: nil, session: session)
            let list = try client.connections(team: e.teamId)
            text += "team \(e.teamId) (\(e.platform.rawValue), \(origin)): \(list.count) connection\(list.count == 1 ? "" : "s")\n"
            let w = list.map { String($0.id).count }.max() ?? 0, tw = list.map { $0.type.count }.max() ?? 0
            for c in list {
                text += "  \(String(c.id).padded(w))  \(c.type.padded(tw))  \(c.name)\n"
                all.append(.object([("id", .int(c.id)), ("name", .string(c.name)), ("accountName", .string(c.type)), ("teamId", .int(c.teamId ?? e.teamId))]))
            }
        }
    } catch { return apiFailure(error, command: "connections") }
    FileIO.writeStdout(json ? JSONWriter.render(.object([("connections", .array(all))]), style: .make) + "\n" : text)
    return Exit.ok
}
