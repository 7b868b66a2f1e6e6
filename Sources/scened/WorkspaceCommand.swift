// `scened DIR` (or several files): the workspace's scenario list in the terminal, and
// the terminal loop the editor and the workspace share.
#if canImport(Glibc)
import Glibc
#endif
import BlueprintKit
import CursesTerminal
import EditorUI

/// Scans the inputs into a workspace (non-blueprints in folders skipped); nil with exit 66
/// and a message when there is no blueprint at all.
func makeWorkspace(_ inputs: BlueprintInputs, services: EditorServices, settings: Settings, glyphs: Glyphs,
                   command: String) -> Result<Workspace, ExitFailure> {
    let title = inputs.folders.count == 1 && inputs.files.count == inputs.folders[0].files.count
        ? inputs.folders[0].dir : "\(inputs.files.count) files"
    let w = Workspace(title: title, files: inputs.files, fromFolder: inputs.fromFolder, services: services,
                      keyTable: settings.keyTable, glyphs: glyphs)
    if w.entries.isEmpty {
        let msgs = inputs.emptyFolderMessages(skipped: Set(inputs.files))
        let prefix = command == "scened" ? "scened" : "scened \(command)"
        for m in msgs.isEmpty ? ["no scenario blueprints"] : msgs { FileIO.writeStderr("\(prefix): \(m)\n") }
        return .failure(ExitFailure(code: Exit.noInput))
    }
    return .success(w)
}

/// What to open when no file is given: the config's `set workspace` folder, or nothing
/// (the built-in demo). A folder that does not exist is exit 66, naming the config line.
func configuredInputs(_ settings: Settings, command: String) -> Result<[String], ExitFailure> {
    guard let w = settings.workspace else { return .success([]) }
    guard FileIO.isDirectory(w.path) else {
        let why = FileIO.exists(w.path) ? "is not a folder" : "does not exist"
        let prefix = command == "scened" ? "scened" : "scened \(command)"
        FileIO.writeStderr("\(prefix): \(w.origin): set workspace: \(w.path) \(why)\n")
        return .failure(ExitFailure(code: Exit.noInput))
    }
    return .success([w.path])
}

@MainActor
func runWorkspace(_ inputs: BlueprintInputs, settings: Settings, services: EditorServices) -> Int32 {
    let w: Workspace
    switch makeWorkspace(inputs, services: services, settings: settings, glyphs: settings.glyphs, command: "scened") {
    case .success(let ws): w = ws
    case .failure(let f): return f.code
    }
    let screen: CursesScreen
    do { screen = try CursesScreen(theme: settings.theme, forceMono: settings.forceMono) } catch {
        FileIO.writeStderr("scened: \(error)\n")
        return 1
    }
    TerminalGuard.install(onTerminate: RecoveryWriter.signalHook)
    defer { screen.shutdown() }
    screen.enableMouse(settings.mouse)
    // Each scenario opened keeps its own recovery file, as a single file in the editor does.
    w.configureEditor = { e in
        MainActor.assumeIsolated {
            e.saveOptions = SaveOptions(backup: settings.backup)
            e.showsDetail = settings.detail
            e.runsWorkInBackground = true
            if let p = e.path { SafeSave.removeStaleTemporaries(for: p) }
            e.enableRecovery()
            if let found = Recovery.find(for: e.path) { e.offerRecovery(found) }
            e.runExternalEditor = { text in MainActor.assumeIsolated { screen.runOutsideCurses { ExternalEditor.run(text) } } }
            e.drawNow = { MainActor.assumeIsolated { screen.present(WorkspaceView.render(w, width: screen.size.width, height: screen.size.height)) } }
        }
    }
    w.drawNow = { MainActor.assumeIsolated { screen.present(WorkspaceView.render(w, width: screen.size.width, height: screen.size.height)) } }
    let code = terminalLoop(screen, render: { WorkspaceView.render(w, width: $0, height: $1) }, handle: { w.handle($0) },
                            takeRedraw: { defer { w.wantsFullRedraw = false }; return w.wantsFullRedraw },
                            busy: { w.isBusy }, poll: { w.pollWork() },
                            hangup: { for e in w.openEditors where e.isModified { e.recoveryWriter?.writeNow() } })
    if code == Exit.ok { for e in w.openEditors { e.finishRecovery() } }
    return code
}

/// Draws, reads a key, hands it on, until `handle` says stop (exit 0) or the terminal is
/// gone (74, after `hangup`). Keys already waiting are handled before the next frame.
/// While `busy` (an upgrade-all on another thread), a frame is drawn every tenth of a
/// second for its progress and `poll` finishes the work once it is done.
@MainActor
func terminalLoop(_ screen: CursesScreen, render: (Int, Int) -> ScreenBuffer, handle: (Key) -> Bool,
                  takeRedraw: () -> Bool, busy: () -> Bool = { false }, poll: () -> Void = {},
                  hangup: () -> Void) -> Int32 {
    var failedReads = 0
    while true {
        let size = screen.size
        if takeRedraw() { screen.forceRedraw() }
        screen.present(render(size.width, size.height))
        if busy() {
            if let key = screen.readKey(timeoutMs: 100) {
                if !handle(key) { return Exit.ok }
            }
            poll()
            continue
        }
        guard let key = screen.readKey() else {
            // A blocking read that keeps failing means the terminal is gone (hangup).
            failedReads += 1
            if failedReads >= 100 { hangup(); return Exit.ioError }
            continue
        }
        failedReads = 0
        if !handle(key) { return Exit.ok }
        for _ in 0..<256 where key != .resize {
            guard let next = screen.readKey(timeoutMs: 0) else { break }
            if !handle(next) { return Exit.ok }
            if next == .resize { break }
        }
    }
}
