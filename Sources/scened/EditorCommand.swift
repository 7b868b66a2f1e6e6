// Opening the editor: load the file (or the demo), then run the curses loop.
#if canImport(Glibc)
import Glibc
#endif
import BlueprintKit
import CursesTerminal
import EditorUI

/// Loads a file (or the built-in demo for nil) into an editor, reporting errors like every command.
func makeEditor(path: String?, command: String, glyphs: Glyphs, keyTable: KeyTable = .default) -> Result<Editor, ExitFailure> {
    guard let path else {
        do { return .success(try Editor(bytes: DemoScenario.bytes, path: nil, displayName: DemoScenario.displayName, keyTable: keyTable, glyphs: glyphs)) }
        catch { FileIO.writeStderr("scened: the built-in demo failed to load: \(error)\n"); return .failure(ExitFailure(code: Exit.software)) }
    }
    let bytes: [UInt8]
    do { bytes = try FileIO.read(path) } catch {
        FileIO.writeStderr("scened \(command): \(error)\n")
        return .failure(ExitFailure(code: Exit.noInput))
    }
    do {
        return .success(try Editor(bytes: bytes, path: path == "-" ? nil : path, keyTable: keyTable, glyphs: glyphs))
    } catch {
        FileIO.writeStderr("\(path):\(error.line):\(error.column): \(error.message)\n")
        return .failure(ExitFailure(code: Exit.dataError))
    }
}

@MainActor
func runEditor(path: String?, argv: [String]) -> Int32 {
    var args = Args(argv, command: "scened")
    let options: EditorOptions
    var files: [String]
    do {
        options = try parseEditorOptions(&args)
        files = try args.positionals()
    } catch {
        FileIO.writeStderr("scened: \(error.message)\nTry 'scened --help'.\n")
        return Exit.usage
    }
    if let path { files.insert(path, at: 0) }
    if files.count > 1 {
        FileIO.writeStderr("scened: open one file at a time (got \(files.count))\n")
        return Exit.usage
    }
    // Theme, keys, glyphs, mouse, backup, paths. Config/theme problems go to stderr now,
    // on the normal screen (seen again after quitting), and the first to the status line.
    let settings = resolveSettings(options)
    // Load before touching the terminal, so errors print on a normal screen.
    let editor: Editor
    switch makeEditor(path: files.first, command: "scened", glyphs: settings.glyphs, keyTable: settings.keyTable) {
    case .success(let e): editor = e
    case .failure(let f): return f.code
    }
    let screen: CursesScreen
    do {
        screen = try CursesScreen(theme: settings.theme, forceMono: settings.forceMono)
    } catch {
        FileIO.writeStderr("scened: \(error)\n")
        return 1
    }
    TerminalGuard.install()
    defer { screen.shutdown() }
    screen.enableMouse(settings.mouse)
    editor.showStartupWarnings(settings.warnings)
    var failedReads = 0
    while true {
        let size = screen.size
        if editor.wantsFullRedraw { screen.forceRedraw(); editor.wantsFullRedraw = false }
        screen.present(EditorView.render(editor, width: size.width, height: size.height))
        guard let key = screen.readKey() else {
            // A blocking read that keeps failing means the terminal is gone (hangup):
            // stop instead of spinning.
            failedReads += 1
            if failedReads >= 100 { break }
            continue
        }
        failedReads = 0
        if !editor.handle(key) { break }
    }
    return Exit.ok
}
