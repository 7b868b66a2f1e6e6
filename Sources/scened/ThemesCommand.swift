// `scened themes`: the themes `--theme` can pick, which one is in effect, and (with
// --slots) the slot names theme files and `color` lines use.
import BlueprintKit
import EditorUI

let themesCommand = Command(
    name: "themes",
    summary: "list colour themes (built in and yours) and show which one is in effect",
    usage: """
    scened themes [--slots] [--theme NAME|PATH] [--config FILE | --no-config]

      Lists the built-in themes and those in $XDG_CONFIG_HOME/scened/themes
      (~/.config/scened/themes), checking each file; marks the one in effect (from
      --theme, SCENED_THEME or `set theme` in the config). Preview one with
      `scened snapshot --ansi --theme NAME`. Format: Themes/README.md.
      --slots   print the slot names, one per line
    \(editorOptionsUsage)
    """,
    run: runThemes)

func runThemes(_ argv: [String]) -> Int32 {
    var args = Args(argv, command: "themes")
    let slots = args.flag("--slots")
    let options: EditorOptions
    do {
        options = try parseEditorOptions(&args)
        let extra = try args.positionals()
        if !extra.isEmpty { return usageFailure(themesCommand, "unexpected '\(extra[0])'") }
    } catch { return usageFailure(themesCommand, error.message) }
    if slots {
        FileIO.writeStdout(StyleSlot.allCases.map { $0.rawValue + "\n" }.joined())
        return Exit.ok
    }
    let env = ConfigPaths.processEnvironment()
    let settings = resolveSettings(options, reportWarnings: false)
    let library = ThemeLibrary(env: env)
    let entries = library.list()
    let width = (entries.map { $0.name.count }.max() ?? 0) + 2
    let current = settings.theme.name
    var out = ""
    var broken = false
    for e in entries {
        let mark = e.name == current && e.errors.isEmpty ? "* " : "  "
        let whereFrom: String
        switch e.origin {
        case .builtIn: whereFrom = "built in"
        case .file(let p): whereFrom = p
        }
        out += mark + SafeText.inert(e.name, ascii: false).padded(width) + whereFrom
        if let d = e.description { out += "\n" + String(repeating: " ", count: width + 2) + SafeText.inert(d, ascii: false) }
        out += "\n"
        for err in e.errors { out += String(repeating: " ", count: width + 2) + "error: \(err)\n"; broken = true }
    }
    out += "\nin effect: \(SafeText.inert(settings.themeOrigin, ascii: false))"
    if settings.forceMono { out += ", monochrome (NO_COLOR)" }
    out += "\nuser themes: \(library.userDirectory ?? "(no HOME or XDG_CONFIG_HOME)")\n"
    FileIO.writeStdout(out)
    for w in settings.warnings { FileIO.writeStderr("scened: \(w)\n") }
    return broken || !settings.warnings.isEmpty ? Exit.attention : Exit.ok
}
