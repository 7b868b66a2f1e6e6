// The fuzz targets for EditorUI's loaders (theme files, the config file), shared by
// the libFuzzer harnesses (Tests/Fuzz/FuzzTheme.swift, FuzzConfig.swift, built by
// Tests/Fuzz/run.sh together with the EditorUI sources) and by EditorFuzzReplayTests,
// which replays the committed inputs under `swift test`. Each returns nil when the
// input was handled correctly, else what went wrong.
#if FUZZING  // run.sh compiles this file into a module made of the EditorUI sources
import BlueprintKit
#else
@testable import EditorUI
#endif

enum EditorFuzzTargets {
    static let all: [(name: String, run: @Sendable ([UInt8]) -> String?)] = [("theme", theme), ("config", config)]

    /// Lines in `bytes` as the loaders count them (a diagnostic may name line count + 1 at most).
    static func lineCount(_ bytes: [UInt8]) -> Int { 1 + bytes.lazy.filter { $0 == 0x0A }.count }

    /// A diagnostic must name the file it came from (or a file the loader opened) and a
    /// line inside it, and print as one inert line.
    static func checkDiagnostics(_ ds: [Diagnostic], files: [String: Int]) -> String? {
        for d in ds {
            guard let lines = files[d.file] ?? (d.file == "--theme" || d.file == "SCENED_THEME" ? 0 : nil) else {
                return "diagnostic names an unexpected file \(d.file)"
            }
            if d.line < 0 || d.line > lines { return "diagnostic line \(d.line) outside \(d.file) (\(lines) lines)" }
            if d.description.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || (0x80...0x9F).contains($0.value) }) {
                return "diagnostic has a control character: \(d.description.debugDescription.prefix(200))"
            }
        }
        return nil
    }

    /// Draws a row in every slot at every colour depth: a theme must always render.
    static func render(_ theme: Theme) -> String? {
        var buf = ScreenBuffer(width: StyleSlot.allCases.count, height: 1)
        for (x, slot) in StyleSlot.allCases.enumerated() { _ = buf.put("x", x: x, y: 0, slot: slot) }
        for depth in ColorDepth.allCases {
            let out = AnsiRenderer.render(buf, theme: theme, depth: depth)
            if !out.contains("x") { return "the rendered row lost its text at \(depth)" }
        }
        return nil
    }

    /// A user theme file named `fuzz`, loaded by name from the themes folder (so `inherit`
    /// can name itself, a built-in theme, or the file by path: loops must be caught).
    static func theme(_ bytes: [UInt8]) -> String? {
        let path = "/c/scened/themes/fuzz.theme"
        let text = String(decoding: bytes, as: UTF8.self)
        let lib = ThemeLibrary(userDirectory: "/c/scened/themes", fs: .memory([path: text]))
        let r = lib.load("fuzz", file: "--theme", line: 0)
        if let failure = checkDiagnostics(r.errors, files: [path: lineCount(bytes)]) { return failure }
        if let t = r.theme {
            if !r.errors.isEmpty { return "a theme and errors at once" }
            return render(t)
        }
        return r.errors.isEmpty ? "no theme and no error" : nil
    }

    /// The config file, resolved the way the editor does at startup (with a user theme
    /// it may select): every problem is a diagnostic on a line of the file, and the
    /// result still has a key table with a way to quit and to reach help, and a theme.
    static func config(_ bytes: [UInt8]) -> String? {
        let path = "/c/scened/config"
        let themePath = "/c/scened/themes/mine.theme"
        let themeText = "description = a user theme\ninherit = default\nselected fg=red bg=236 bold\n"
        let fs = ConfigFS.memory([path: String(decoding: bytes, as: UTF8.self), themePath: themeText])
        let env = ["XDG_CONFIG_HOME": "/c", "HOME": "/h", "LANG": "C.UTF-8"]
        let s = Settings.resolve(env: env, options: EditorOptions(), fs: fs)
        let c = Config.parse(String(decoding: bytes, as: UTF8.self), file: path, home: "/h")
        if let failure = checkDiagnostics(c.errors, files: [path: lineCount(bytes), themePath: 3]) { return failure }
        let (table, keyErrors) = c.keyTable()
        if let failure = checkDiagnostics(keyErrors, files: [path: lineCount(bytes)]) { return failure }
        if s.warnings.count < c.errors.count { return "Settings dropped config errors" }
        for b in table.bindings where table.action(for: b.key, in: b.context) == nil { return "binding \(b.key.notation) not found" }
        _ = table.markdown()
        if table.bindings.contains(where: { $0.action == .quit }) == false && !keyErrors.contains(where: { $0.message.contains("quit") }) {
            return "quit unbound without a warning"
        }
        return render(s.theme)
    }
}
