// Opening the editor: load the file (or the demo), then run the curses loop.
#if canImport(Glibc)
import Glibc
#endif
import BlueprintKit
import CursesTerminal
import EditorUI

/// Loads a file (or the built-in demo for nil) into an editor, reporting errors like every command.
func makeEditor(path: String?, command: String, glyphs: Glyphs) -> Result<Editor, ExitFailure> {
    guard let path else {
        do { return .success(try Editor(bytes: DemoScenario.bytes, path: nil, displayName: DemoScenario.displayName, glyphs: glyphs)) }
        catch { FileIO.writeStderr("scened: the built-in demo failed to load: \(error)\n"); return .failure(ExitFailure(code: Exit.software)) }
    }
    let bytes: [UInt8]
    do { bytes = try FileIO.read(path) } catch {
        FileIO.writeStderr("scened \(command): \(error)\n")
        return .failure(ExitFailure(code: Exit.noInput))
    }
    do {
        return .success(try Editor(bytes: bytes, path: path == "-" ? nil : path, glyphs: glyphs))
    } catch {
        FileIO.writeStderr("\(path):\(error.line):\(error.column): \(error.message)\n")
        return .failure(ExitFailure(code: Exit.dataError))
    }
}

@MainActor
func runEditor(path: String?, argv: [String]) -> Int32 {
    if let bad = argv.first(where: { $0.hasPrefix("-") }) {
        FileIO.writeStderr("scened: unknown option '\(bad)'\nTry 'scened --help'.\n")
        return Exit.usage
    }
    if !argv.isEmpty {
        FileIO.writeStderr("scened: open one file at a time (got \(argv.count + 1))\n")
        return Exit.usage
    }
    // Load before touching the terminal, so errors print on a normal screen.
    let editor: Editor
    switch makeEditor(path: path, command: "scened", glyphs: localeIsUTF8() ? .unicode : .ascii) {
    case .success(let e): editor = e
    case .failure(let f): return f.code
    }
    let screen: CursesScreen
    do {
        screen = try CursesScreen(theme: .default, forceMono: false)
    } catch {
        FileIO.writeStderr("scened: \(error)\n")
        return 1
    }
    TerminalGuard.install()
    defer { screen.shutdown() }
    // `E` on a field: the person's $EDITOR runs with curses mode left for the duration.
    editor.runExternalEditor = { text in MainActor.assumeIsolated { screen.runOutsideCurses { ExternalEditor.run(text) } } }
    while true {
        let size = screen.size
        if editor.wantsFullRedraw { screen.forceRedraw(); editor.wantsFullRedraw = false }
        screen.present(EditorView.render(editor, width: size.width, height: size.height))
        guard let key = screen.readKey() else { continue }
        if !editor.handle(key) { break }
    }
    return Exit.ok
}

/// True when the current locale's character set is UTF-8 (LC_ALL, LC_CTYPE, LANG).
func localeIsUTF8() -> Bool {
    for name in ["LC_ALL", "LC_CTYPE", "LANG"] {
        if let v = getenv(name).map({ String(cString: $0) }), !v.isEmpty {
            let u = v.uppercased()
            return u.contains("UTF-8") || u.contains("UTF8")
        }
    }
    return false
}
