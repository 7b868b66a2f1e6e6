// `--theme NAME|PATH`, `--config FILE` and `--no-config`, shared by the editor,
// `snapshot`, `themes` and `keys`; and the one place settings are resolved.
import BlueprintKit
import EditorUI

let editorOptionsUsage = """
      --theme NAME|PATH  colour theme (default; light, high-contrast, mono, or yours in
                         $XDG_CONFIG_HOME/scened/themes); also SCENED_THEME
      --config FILE      read FILE instead of $XDG_CONFIG_HOME/scened/config
      --no-config        read no config file (default keys, settings and theme)
    """

/// Takes the theme and config options out of `args`.
func parseEditorOptions(_ args: inout Args) throws(UsageError) -> EditorOptions {
    let theme = try args.option("--theme")
    let config = try args.option("--config")
    let noConfig = args.flag("--no-config")
    if theme?.isEmpty == true { throw UsageError(message: "--theme needs a name or a path") }
    if config != nil && noConfig { throw UsageError(message: "--config and --no-config exclude each other") }
    if let c = config { return EditorOptions(theme: theme, config: .file(c)) }
    return EditorOptions(theme: theme, config: noConfig ? .none : .standard)
}

/// Settings from the environment, the options and the config file. With
/// `reportWarnings`, each config/theme problem goes to stderr once, prefixed `scened:`.
func resolveSettings(_ options: EditorOptions, reportWarnings: Bool = true) -> Settings {
    let s = Settings.resolve(env: ConfigPaths.processEnvironment(), options: options)
    if reportWarnings { for w in s.warnings { FileIO.writeStderr("scened: \(w)\n") } }
    return s
}
