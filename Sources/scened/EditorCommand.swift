// Opening the editor: load the file (or the demo), then run the curses loop.
#if canImport(Glibc)
import Glibc
#endif
import BlueprintKit
import CursesTerminal
import EditorUI

/// Loads a file (or the built-in demo for nil) into an editor, reporting errors like every command.
func makeEditor(path: String?, command: String, glyphs: Glyphs, keyTable: KeyTable = .default,
                services: EditorServices = .catalogBacked()) -> Result<Editor, ExitFailure> {
    guard let path else {
        do { return .success(try Editor(bytes: DemoScenario.bytes, path: nil, displayName: DemoScenario.displayName, services: services, keyTable: keyTable, glyphs: glyphs)) }
        catch { FileIO.writeStderr("scened: the built-in demo failed to load: \(error)\n"); return .failure(ExitFailure(code: Exit.software)) }
    }
    let bytes: [UInt8]
    var stamp: FileStamp? = nil
    do {
        // The stamp of exactly the bytes read: saving compares it with the file on disk.
        if path == "-" { bytes = try FileIO.read(path) } else { (bytes, stamp) = try FileStamp.read(path) }
    } catch {
        FileIO.writeStderr("scened \(command): \(error)\n")
        return .failure(ExitFailure(code: Exit.noInput))
    }
    // A large file takes a moment before the screen starts: say so on the terminal meanwhile.
    let announce = bytes.count >= Editor.announceAbove && isatty(2) == 1
    if announce { FileIO.writeStderr("scened: opening \(path) (\(bytes.count / 1_000_000) MB)…") }
    do {
        let e = try Editor(bytes: bytes, path: path == "-" ? nil : path, services: services, keyTable: keyTable,
                           glyphs: glyphs, stamp: stamp)
        if announce { FileIO.writeStderr("\r\u{1B}[K") }
        return .success(e)
    } catch {
        if announce { FileIO.writeStderr("\r\u{1B}[K") }
        FileIO.writeStderr("\(path):\(error.line):\(error.column): \(error.message)\n")
        return .failure(ExitFailure(code: Exit.dataError))
    }
}

@MainActor
func runEditor(path: String?, argv: [String]) -> Int32 {
    var args = Args(argv, command: "scened")
    let options: EditorOptions
    var files: [String]
    let catalogFiles: [String]
    let connections: String?
    do {
        options = try parseEditorOptions(&args)
        catalogFiles = try args.options("--catalog")
        connections = try args.option("--connections")
        files = try args.positionals()
    } catch {
        FileIO.writeStderr("scened: \(error.message)\nTry 'scened --help'.\n")
        return Exit.usage
    }
    if let path { files.insert(path, at: 0) }
    // Theme, keys, glyphs, mouse, backup, paths. Config/theme problems go to stderr now,
    // on the normal screen (seen again after quitting), and the first to the status line.
    let settings = resolveSettings(options)
    // No file: the config's `set workspace` folder, else the built-in demo.
    if files.isEmpty {
        switch configuredInputs(settings, command: "scened") {
        case .success(let f): files = f
        case .failure(let f): return f.code
        }
    }
    let inputs = BlueprintInputs(files)
    // Load before touching the terminal, so errors print on a normal screen.
    let services: EditorServices
    switch makeServices(settings: settings, catalogFiles: catalogFiles, connections: connections, file: inputs.files.first, command: "scened") {
    case .success(let s): services = s
    case .failure(let f): return f.code
    }
    // A folder or several files: the scenario list (WorkspaceCommand.swift).
    if inputs.isMany { return runWorkspace(inputs, settings: settings, services: services) }
    let editor: Editor
    switch makeEditor(path: files.first, command: "scened", glyphs: settings.glyphs, keyTable: settings.keyTable, services: services) {
    case .success(let e): editor = e
    case .failure(let f): return f.code
    }
    editor.saveOptions = SaveOptions(backup: settings.backup)
    editor.showsDetail = settings.detail
    // Upgrade-all runs beside the key loop: progress in the status line, Ctrl-C cancels it.
    editor.runsWorkInBackground = true
    // Safe saving: temporaries of a save that was killed go; unsaved edits are kept
    // ready for SIGHUP/SIGTERM; a recovery file from an earlier session is offered.
    // Standard input has no file to recover into: its edits are not kept.
    let fromStdin = files.first == "-"
    if !fromStdin {
        if let p = editor.path { SafeSave.removeStaleTemporaries(for: p) }
        editor.enableRecovery()
        if let found = Recovery.find(for: editor.path) { editor.offerRecovery(found) }
    }
    let screen: CursesScreen
    do {
        screen = try CursesScreen(theme: settings.theme, forceMono: settings.forceMono)
    } catch {
        FileIO.writeStderr("scened: \(error)\n")
        return 1
    }
    // SIGHUP/SIGTERM: the terminal is restored, then the unsaved document is written.
    TerminalGuard.install(onTerminate: RecoveryWriter.signalHook)
    defer { screen.shutdown() }
    screen.enableMouse(settings.mouse)
    editor.showStartupWarnings(settings.warnings)
    // `E` on a field: the person's $EDITOR runs with curses mode left for the duration.
    editor.runExternalEditor = { text in MainActor.assumeIsolated { screen.runOutsideCurses { ExternalEditor.run(text) } } }
    // "saving …" of a large file is drawn before the save.
    editor.drawNow = { MainActor.assumeIsolated { screen.present(EditorView.render(editor, width: screen.size.width, height: screen.size.height)) } }
    // Like a hangup: keep the unsaved edits in the recovery file.
    let code = terminalLoop(screen, render: { EditorView.render(editor, width: $0, height: $1) }, handle: { editor.handle($0) },
                            takeRedraw: { defer { editor.wantsFullRedraw = false }; return editor.wantsFullRedraw },
                            busy: { editor.isBusy }, poll: { editor.pollWork() },
                            hangup: { if editor.isModified { editor.recoveryWriter?.writeNow() } })
    if code != Exit.ok { return code }
    editor.finishRecovery()
    return Exit.ok
}
