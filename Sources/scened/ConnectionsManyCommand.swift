// `scened connections DIR|FILE...`: the inventory of every file with totals, or the
// same edits (--swap, --set, --label, --clear) applied to every file they match,
// written back with -i (each file atomically) or shown with --dry-run.
import BlueprintKit

func runConnectionsMany(_ inputs: BlueprintInputs, script: ConnectionScript, json: Bool, teamPath: String?,
                        dryRun: Bool, overwrite: Bool) -> Int32 {
    var code = Exit.ok, skipped = Set<String>(), results: [JSONValue] = [], text = ""
    var files = 0, failed = 0, connections = 0, references = 0, warnings = 0, matched = 0, changed = 0
    var unmatched: [String] = []
    // files done / total on stderr while it takes longer than a quarter of a second (ProgressLine.swift)
    // (not with --dry-run, whose diffs go to the same terminal as they are made)
    let progress = ProgressLine("connections", unit: "files", total: inputs.files.count, quiet: json || dryRun)
    for f in inputs.files {
        let bp: Blueprint
        progress.advance(by: 1)
        switch loadInput(f, inputs: inputs, command: "connections") {
        case .skipped: skipped.insert(f); continue
        case .failed(let c, let j): code = worstExit(code, c); failed += 1; results.append(j); continue
        case .loaded(let b): bp = b
        }
        files += 1
        let team: TeamConnections?
        switch teamConnections(teamPath, besides: f) {
        case .success(let t): team = t
        case .failure(let e): code = worstExit(code, e.code); failed += 1; continue
        }
        if script.isEmpty {
            let inv = ConnectionInventory(blueprint: bp, team: team)
            connections += inv.entries(of: .connection).filter { $0.id != nil }.count
            references += inv.uses.count
            warnings += inv.warnings.count
            if !inv.warnings.isEmpty { code = worstExit(code, Exit.attention) }
            if json { results.append(ConnectionReport.json(inv, file: f)) } else { text += "==> \(f) <==\n" + ConnectionReport.text(inv, file: f) + "\n" }
            continue
        }
        var session = EditSession(document: bp.document)
        do {
            let notes = try script.run(on: &session, team: team)
            ProgressLine.stderrMessage(notes.map { "scened connections: \(f): \($0)\n" }.joined())
        } catch {
            if case .nothingMatched(let m) = error { unmatched.append("\(f): \(m)"); continue }
            ProgressLine.stderrMessage("scened connections: \(f): \(error)\n")
            if case .usage = error { code = worstExit(code, Exit.usage) } else { code = worstExit(code, Exit.dataError) }
            continue
        }
        matched += 1
        let bytes = session.document.bytes.array, original = bp.document.bytes.array
        if bytes != original { changed += 1 }
        if dryRun {
            let name = String(f.drop { $0 == "/" })
            FileIO.writeStdout(UnifiedDiff.diff(old: original, new: bytes, oldName: "a/\(name)", newName: "b/\(name)"))
        } else {
            let c = writeInPlace(bytes, to: f, original: original, force: overwrite, command: "connections", forceFlag: "--overwrite")
            if c != Exit.ok { changed -= bytes != original ? 1 : 0; code = worstExit(code, c) }
        }
    }
    progress.finish()
    if script.isEmpty {
        if json {
            let totals = JSONValue.object([("files", .int(files + failed)), ("malformed", .int(failed)), ("skipped", .int(skipped.count)),
                                           ("connections", .int(connections)), ("references", .int(references)), ("warnings", .int(warnings))])
            FileIO.writeStdout(JSONWriter.render(.object([("files", .array(results)), ("totals", totals)]), style: .make) + "\n")
        } else {
            text += "total: \(filesText(files + failed))\(failed > 0 ? " (\(failed) not read)" : ""), \(connections) connection\(connections == 1 ? "" : "s"), "
                + "\(references) account reference\(references == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\n"
            FileIO.writeStdout(text)
        }
    } else {
        if matched == 0 {
            for u in unmatched { FileIO.writeStderr("scened connections: \(u)\n") }
            code = worstExit(code, Exit.attention)
        }
        FileIO.writeStderr("scened connections: total: edits matched in \(filesText(matched)) of \(files + failed), "
                           + "\(filesText(changed)) \(dryRun ? "would change (dry run: nothing written)" : "changed")\n")
    }
    return worstExit(code, finishInputs(inputs, skipped: skipped, command: "connections"))
}
