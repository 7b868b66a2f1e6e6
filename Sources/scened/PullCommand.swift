// `scened pull fusion|make ... DIR`: every scenario of a team (or the ones named) as
// `DIR/<team>/<id>-<slug>.json` in Make's export layout, recorded in `DIR/.scened-remote.json`.
import BlueprintKit
import PlatformAPI

let pullCommand = Command(
    name: "pull",
    summary: "pull whole teams from Workfront Fusion or Make into a folder (one file per scenario)",
    usage: """
    scened pull make --team ID [--folder ID] [--scenario ID]... [--zone ZONE] [--api ORIGIN] [--force] DIR
           scened pull fusion --org ORG --region REGION (--team ID... | --scenario ID...) [--folder ID] [--ims-org ID] [--api ORIGIN] [--force] DIR

      Writes DIR/<team>/<id>-<slug>.json per scenario in Make's export layout (as fmt --style make)
      and DIR/.scened-remote.json (platform, origin, ids, name, content hashes, last edit; no credential).
      Pulling again updates what changed remotely; a file with local edits is not overwritten when
      the scenario changed too (it is named; exit 75); --force overwrites.
      make:   MAKE_API_TOKEN; --zone eu1.make.com (default), eu2.make.com, us1.make.com, us2.make.com, ...
      fusion: FUSION_CLIENT_ID + FUSION_CLIENT_SECRET (exchanged at Adobe IMS), or FUSION_ACCESS_TOKEN
              with FUSION_CLIENT_ID; --org is the Fusion organization id, --region the x-gw-region
              (e.g. or2); --ims-org (or FUSION_IMS_ORG_ID) sends x-gw-ims-org-id
      --api ORIGIN  send requests to ORIGIN (scheme://host[:port]) instead; http only for loopback
    exit: 0 ok, 64 usage, 69 no curl or no answer, 73 cannot write, 75 refused to overwrite local edits,
      76 unexpected answer, 77 credentials refused (401/403), 78 missing credential
    """,
    run: runPull)

func runPull(_ argv: [String]) -> Int32 {
    var args = Args(argv, command: "pull")
    let force = args.flag("--force")
    let teams: [Int], scenarios: [Int], folder: Int?, zone: String?, apiText: String?, org: String?, region: String?, imsOrg: String?
    let positionals: [String]
    do {
        teams = try positiveInts(try args.options("--team"), option: "--team")
        scenarios = try positiveInts(try args.options("--scenario"), option: "--scenario")
        folder = try positiveInts(try args.option("--folder").map { [$0] } ?? [], option: "--folder").first
        zone = try args.option("--zone"); apiText = try args.option("--api")
        org = try args.option("--org"); region = try args.option("--region"); imsOrg = try args.option("--ims-org")
        positionals = try args.positionals()
    } catch { return usageFailure(pullCommand, error.message) }
    guard let platformName = positionals.first, let platform = Platform(rawValue: platformName) else {
        return usageFailure(pullCommand, "say which platform: scened pull make ... DIR or scened pull fusion ... DIR")
    }
    guard positionals.count == 2 else { return usageFailure(pullCommand, positionals.count < 2 ? "missing DIR" : "expected one DIR") }
    let dir = absolute(positionals[1])
    let api: APIOrigin?
    switch parseAPIOrigin(apiText, command: pullCommand) {
    case .success(let a): api = a
    case .failure(let f): return f.code
    }
    if platform == .make {
        if org != nil || region != nil || imsOrg != nil { return usageFailure(pullCommand, "--org, --region and --ims-org are for fusion") }
        guard teams.count == 1 else { return usageFailure(pullCommand, teams.isEmpty ? "missing --team ID" : "pull make takes one --team") }
    } else {
        if zone != nil { return usageFailure(pullCommand, "--zone is for make; fusion takes --region") }
        guard let org, !org.isEmpty else { return usageFailure(pullCommand, "missing --org ORG (the Fusion organization id)") }
        guard let region, !region.isEmpty else { return usageFailure(pullCommand, "missing --region REGION (x-gw-region, e.g. or2)") }
        guard !teams.isEmpty || !scenarios.isEmpty else { return usageFailure(pullCommand, "give --team ID or --scenario ID") }
    }
    guard let session = apiSession(command: "pull") else { return 69 }
    do throws(APIError) {
        var manifest = try RemoteManifest.load(directory: dir)
        let client: PlatformClient
        var wanted: [RemoteScenario] = []
        if platform == .make {
            let origin: APIOrigin
            if let api { origin = api } else { origin = try makeZoneOrigin(zone ?? "eu1.make.com") }
            let mc = try makeClient(origin: origin, session: session)
            client = mc
            if scenarios.isEmpty {
                wanted = try mc.scenarios(team: teams[0], folder: folder)
            } else {
                for id in scenarios { wanted.append(try mc.scenario(id: id)) }
            }
        } else {
            let fc = try fusionClient(api: api, org: org!, region: region!, imsOrg: imsOrg, session: session)
            client = fc
            if scenarios.isEmpty {
                for t in teams { wanted += try fc.scenarios(team: t, folder: folder) }
            } else {
                wanted = scenarios.map { RemoteScenario(id: $0, name: "", teamId: 0) }
            }
        }
        let pulled = try client.blueprints(wanted)
        let outcomes = try PlatformAPI.pull(pulled, from: client, into: &manifest, force: force,
                                            org: platform == .fusion ? org : nil, region: platform == .fusion ? region : nil)
        saveTeamConnections(outcomes, client: client, dir: dir)
        return reportPull(outcomes, dir: positionals[1], platform: platform, requests: session.requestCount)
    } catch {
        return apiFailure(error, command: "pull")
    }
}

private func reportPull(_ outcomes: [PullOutcome], dir: String, platform: Platform, requests: Int) -> Int32 {
    var counts: [String: Int] = [:]
    var refused = 0
    for o in outcomes {
        let label: String
        switch o.kind {
        case .new: label = "new"
        case .updated: label = "updated"
        case .unchanged: label = "unchanged"
        case .keptLocalEdits: label = "kept"
        case .refusedLocalEdits:
            refused += 1
            FileIO.writeStderr("scened pull: \(o.path): has local edits and scenario \(o.scenario.id) changed remotely; not overwritten "
                               + "(push or move your edits first, or pass --force to overwrite them)\n")
            continue
        case .refusedUntracked:
            refused += 1
            FileIO.writeStderr("scened pull: \(o.path): exists and was not pulled by scened; not overwritten (--force overwrites)\n")
            continue
        }
        counts[label, default: 0] += 1
        FileIO.writeStdout("\(label.padded(10))\(o.path)  scenario \(o.scenario.id) \"\(o.scenario.name)\"\n")
    }
    let n = outcomes.count
    FileIO.writeStdout("pulled \(n) scenario\(n == 1 ? "" : "s") into \(dir): \(counts["new"] ?? 0) new, \(counts["updated"] ?? 0) updated, "
                       + "\(counts["unchanged"] ?? 0) unchanged, \(counts["kept"] ?? 0) kept with local edits, \(refused) refused "
                       + "(\(requests) request\(requests == 1 ? "" : "s"))\n")
    if platform == .fusion {
        FileIO.writeStdout("note: the Fusion API cannot write blueprints; after editing, 'scened push fusion \(dir)' lists the files to import and how\n")
    }
    return refused > 0 ? Exit.changedOnDisk : Exit.ok
}

/// Saves each pulled team's connections as `DIR/<team>/.scened-connections.json`, so that the
/// editor's picker and `connections FILE` offer the real ones. A failure (e.g. a token without
/// connections:read) is a note, not an error: the scenarios are pulled.
private func saveTeamConnections(_ outcomes: [PullOutcome], client: PlatformClient, dir: String) {
    var teams: [Int] = []
    for o in outcomes where !teams.contains(o.scenario.teamId) { teams.append(o.scenario.teamId) }
    for team in teams {
        let path = "\(dir)/\(team)/\(teamConnectionsFileName)"
        do {
            let list = try client.connections(team: team)
            try makeParentDirectories(of: path)
            do { try SafeSave.write(Array(teamConnectionsJSON(list, team: team).utf8), to: path) } catch {
                FileIO.writeStderr("scened pull: note: cannot save team \(team)'s connections: \(error)\n")
            }
        } catch {
            FileIO.writeStderr("scened pull: note: team \(team)'s connections were not listed (\(error)); the editor's picker offers only the ones the files use\n")
        }
    }
}
