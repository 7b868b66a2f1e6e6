// Pull: write each scenario as `<team>/<id>-<slug>.json` in export layout and record it in the
// manifest; never overwrite a file with local edits (unless forced). Push (Make): refuse when the
// remote changed since the pull (unless forced), keep the remote's blueprint as a backup, PATCH
// the local one, record the new stamp. Every file is written atomically (SafeSave).
import BlueprintKit

public enum PullKind: Sendable, Equatable {
    case new, updated, unchanged
    /// The file has local edits and the remote did not change: kept, nothing to pull.
    case keptLocalEdits
    /// The file has local edits and the remote changed too: not overwritten.
    case refusedLocalEdits
    /// A file of that name exists that the manifest does not know: not overwritten.
    case refusedUntracked
}

public struct PullOutcome: Sendable {
    public var path: String
    public var scenario: RemoteScenario
    public var kind: PullKind
}

public func pull(_ pulled: [PulledScenario], from client: PlatformClient, into manifest: inout RemoteManifest, force: Bool,
                 org: String? = nil, region: String? = nil) throws(APIError) -> [PullOutcome] {
    var out: [PullOutcome] = []
    let origin = client.origin.description
    for p in pulled {
        let s = p.scenario
        let existing = manifest.entry(platform: client.platform, origin: origin, scenarioId: s.id)
        let rel = existing?.path ?? "\(s.teamId)/\(s.id)-\(slug(s.name)).json"
        let full = manifest.directory + "/" + rel
        let bytes = exportLayout(p.blueprint)
        let h = SHA256.hex(bytes)
        var entry = ManifestEntry(path: rel, platform: client.platform, origin: origin, scenarioId: s.id, teamId: s.teamId,
                                  folderId: s.folderId, name: s.name, hash: h, remoteHash: h, lastEdit: s.lastEdit, org: org, region: region)
        var kind = PullKind.new
        if FileIO.exists(full) {
            let cur: [UInt8]
            do { cur = try FileIO.read(full) } catch { throw .configuration("\(error)") }
            if cur == bytes {
                kind = .unchanged
            } else if !force, let e = existing, SHA256.hex(cur) != e.hash {
                if e.remoteHash == h {
                    kind = .keptLocalEdits
                    entry.hash = e.hash
                } else {
                    out.append(PullOutcome(path: rel, scenario: s, kind: .refusedLocalEdits)); continue
                }
            } else if !force && existing == nil {
                out.append(PullOutcome(path: rel, scenario: s, kind: .refusedUntracked)); continue
            } else {
                kind = .updated
            }
        }
        if kind == .new || kind == .updated {
            try makeParentDirectories(of: full)
            do { try SafeSave.write(bytes, to: full) } catch {
                try? manifest.save()
                throw .configuration("cannot write \(full): \(error)")
            }
        }
        manifest.put(entry)
        out.append(PullOutcome(path: rel, scenario: s, kind: kind))
    }
    try manifest.save()
    return out
}

public enum PushKind: Sendable, Equatable {
    case unchanged
    case pushed(backup: String)
    case remoteChanged(lastEdit: String?)
    case dryRun(diff: String)
}

/// Pushes one file (already read and parsed by the caller) to Make. `entry` is its manifest entry.
public func push(bytes: [UInt8], blueprint: JSONValue, entry: ManifestEntry, manifest: inout RemoteManifest, client: MakeClient,
                 force: Bool, dryRun: Bool) throws(APIError) -> PushKind {
    if SHA256.hex(bytes) == entry.hash { return .unchanged }
    let remote = exportLayout(try client.blueprint(id: entry.scenarioId))
    if SHA256.hex(remote) != entry.remoteHash && !force {
        let now = try? client.scenario(id: entry.scenarioId)
        return .remoteChanged(lastEdit: now?.lastEdit)
    }
    if dryRun {
        return .dryRun(diff: UnifiedDiff.diff(old: remote, new: bytes, oldName: "remote/\(entry.path)", newName: "local/\(entry.path)"))
    }
    let base = entry.path.hasSuffix(".json") ? String(entry.path.dropLast(5)) : entry.path
    var backup = "\(RemoteManifest.backupFolder)/\(base).\(utcStamp()).json"
    var n = 2
    while FileIO.exists(manifest.directory + "/" + backup) { backup = "\(RemoteManifest.backupFolder)/\(base).\(utcStamp())-\(n).json"; n += 1 }
    let backupPath = manifest.directory + "/" + backup
    try makeParentDirectories(of: backupPath)
    do { try SafeSave.write(remote, to: backupPath) } catch { throw .configuration("cannot keep a backup of the remote blueprint: \(error); nothing pushed") }
    let updated = try client.update(id: entry.scenarioId, blueprint: blueprint)
    var e = entry
    e.hash = SHA256.hex(bytes)
    e.remoteHash = SHA256.hex(exportLayout(try client.blueprint(id: entry.scenarioId)))
    if let u = updated {
        e.lastEdit = u.lastEdit ?? e.lastEdit
        if !u.name.isEmpty { e.name = u.name }
    }
    manifest.put(e)
    try manifest.save()
    return .pushed(backup: backup)
}
