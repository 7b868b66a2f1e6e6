// `--theme NAME|PATH`, `--config FILE` and `--no-config`, shared by the editor,
// `snapshot`, `themes` and `keys`; and the one place settings are resolved.
import BlueprintKit
import EditorUI

let editorOptionsUsage = """
      --theme NAME|PATH  colour theme (default; light, high-contrast, mono, or yours in
                         $XDG_CONFIG_HOME/scened/themes); also SCENED_THEME
      --config FILE      read FILE instead of $XDG_CONFIG_HOME/scened/config
      --no-config        read no config file (default keys, settings and theme)
      --catalog FILE     add a user catalog (repeatable; after config `set catalog` files)
      --connections FILE the team's connection list for pickers and checks
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

/// Catalog and team connection list for the editor: the shipped catalog plus the
/// user catalog directory, config `set catalog` files and `--catalog` files; the
/// team list from `--connections`, config, the list `scened pull` saved beside FILE,
/// or the default path when it exists.
/// A broken file is an error (exit 65/66), as in `check` and `connections`.
func makeServices(settings: Settings, catalogFiles: [String], connections: String?, file: String?, command: String) -> Result<EditorServices, ExitFailure> {
    let catalog: Catalog
    switch loadCatalog(settings.catalogPaths + catalogFiles, command: command) {
    case .success(let c): catalog = c
    case .failure(let f): return .failure(f)
    }
    let defaultTeam = TeamConnections.defaultPath { ConfigPaths.processEnvironment()[$0] }
    guard let path = connections ?? settings.teamConnectionsPath ?? pulledTeamConnections(besides: file)
            ?? defaultTeam.flatMap({ FileIO.exists($0) ? $0 : nil }) else {
        return .success(EditorServices(catalog: catalog))
    }
    do {
        return .success(EditorServices(catalog: catalog, team: try TeamConnections.load(path: path)))
    } catch {
        FileIO.writeStderr(error.isIOError ? "scened \(command): \(error)\n" : "\(error)\n")
        return .failure(ExitFailure(code: error.isIOError ? Exit.noInput : Exit.dataError))
    }
}
