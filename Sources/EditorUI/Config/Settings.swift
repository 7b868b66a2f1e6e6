// Everything the editor takes from its surroundings, resolved once at start:
// command-line options, environment (NO_COLOR, SCENED_THEME, locale, XDG paths) and
// the config file. Nothing here is fatal: every problem becomes a warning, shown once.
//
// The editor wiring calls:
//
//     let s = Settings.resolve(env: ConfigPaths.processEnvironment(), options: opts)
//     let screen = try CursesScreen(theme: s.theme, forceMono: s.forceMono)
//     screen.enableMouse(s.mouse)
//     let editor = try Editor(…, keyTable: s.keyTable, glyphs: s.glyphs(localeIsUTF8: screen.utf8))
//     show s.warnings once (status line or stderr before curses starts)

/// The command-line part: `--theme NAME|PATH`, `--config FILE`, `--no-config`.
public struct EditorOptions: Equatable, Sendable {
    public enum ConfigChoice: Equatable, Sendable { case standard, file(String), none }
    public var theme: String?
    public var config: ConfigChoice

    public init(theme: String? = nil, config: ConfigChoice = .standard) {
        self.theme = theme
        self.config = config
    }
}

/// A path a config file names, with where: `file:line` for messages about it.
public struct ConfiguredPath: Equatable, Sendable {
    public var path: String
    public var file: String
    public var line: Int
    public init(path: String, file: String, line: Int) { self.path = path; self.file = file; self.line = line }
    /// `FILE:LINE`.
    public var origin: String { "\(file):\(line)" }
}

public struct Settings: Sendable {
    /// The theme to draw with, `color` lines from the config applied.
    public var theme: Theme
    /// Where the theme came from: "default", "light (SCENED_THEME)", "/path/x.theme (--theme)".
    public var themeOrigin: String
    /// The most colour allowed: `.mono` under NO_COLOR (non-empty), else `.c256`; the
    /// terminal's own colour count lowers it further (`depth(terminalColors:)`).
    public var depthCap: ColorDepth
    /// The locale's character set is UTF-8 (LC_ALL, then LC_CTYPE, then LANG).
    public var localeIsUTF8: Bool
    public var lineGraphics: LineGraphics
    public var keyTable: KeyTable
    /// Mouse reporting (click selects, wheel scrolls); off by default so copy/paste works.
    public var mouse: Bool
    /// Keep FILE.bak when saving over a file.
    public var backup: Bool
    /// Start with the detail pane shown (`set detail = off` hides it).
    public var detail: Bool = true
    /// User catalog files from the config, in order (later files win).
    public var catalogPaths: [String]
    public var teamConnectionsPath: String?
    /// `set workspace = DIR`: the folder `scened` (and `scened snapshot`) open as a
    /// scenario list when given no file, with the config line that set it. Whether it
    /// exists is checked when it is used (it is not used when a file is given).
    public var workspace: ConfiguredPath?
    /// The config file that was read, if any.
    public var configPath: String?
    /// Problems in the config and theme files, `file:line: message`, to show once.
    public var warnings: [String]

    /// True when colours must not be used at all (pass to `CursesScreen(forceMono:)`).
    public var forceMono: Bool { depthCap == .mono }

    /// The colour depth for a terminal reporting `terminalColors` (256 → 8 → mono).
    public func depth(terminalColors: Int) -> ColorDepth {
        ColorDepth.detect(colors: terminalColors, noColor: forceMono)
    }

    /// The glyph set for the locale (the backend's `utf8`, or `localeIsUTF8`) and the
    /// `line-graphics` setting. With `ascii` line graphics in a UTF-8 locale, labels
    /// keep their non-ASCII letters (`isUnicode` stays true); only the lines change.
    public func glyphs(localeIsUTF8 utf8: Bool) -> Glyphs {
        switch lineGraphics {
        case .auto, .utf8: return utf8 ? .unicode : .ascii
        case .ascii:
            var g = Glyphs.ascii
            g.isUnicode = utf8
            return g
        }
    }

    public var glyphs: Glyphs { glyphs(localeIsUTF8: localeIsUTF8) }

    /// Resolves everything. Theme: `--theme`, else SCENED_THEME, else `set theme`, else
    /// `default`; a theme that fails to load gives its errors and `default`.
    public static func resolve(env: [String: String], options: EditorOptions, fs: ConfigFS = .real) -> Settings {
        var warnings: [Diagnostic] = []
        let home = env["HOME"]
        // config
        var config: Config? = nil
        var configPath: String? = nil
        switch options.config {
        case .none: break
        case .file(let p): configPath = p
        case .standard:
            if let p = ConfigPaths.configFile(env: env), fs.exists(p) { configPath = p }
        }
        if let p = configPath {
            switch fs.read(p) {
            case .success(let bytes):
                let c = Config.parse(String(decoding: bytes, as: UTF8.self), file: p, home: home)
                warnings += c.errors
                config = c
            case .failure(let e):
                warnings.append(Diagnostic(file: p, line: 0, message: e.message + "; using the defaults"))
            }
        }
        // theme
        var request: (spec: String, origin: String, file: String, line: Int)? = nil
        if let t = options.theme, !t.isEmpty {
            request = (t, "--theme", "--theme", 0)
        } else if let t = env["SCENED_THEME"], !t.isEmpty {
            request = (t, "SCENED_THEME", "SCENED_THEME", 0)
        } else if let t = config?.theme, let p = configPath {
            request = (t.name, "config", p, t.line)
        }
        var theme = Theme.default
        var origin = "default"
        if let r = request {
            let lib = ThemeLibrary(env: env, fs: fs)
            let spec = ConfigPaths.expand(r.spec, home: home, base: nil)
            let loaded = lib.load(spec, file: r.file, line: r.line)
            if let t = loaded.theme {
                theme = t
                origin = "\(r.spec) (\(r.origin))"
            } else {
                warnings += loaded.errors
                warnings.append(Diagnostic(file: r.file, line: r.line, message: "theme '\(r.spec)' not used; using the default theme"))
            }
        }
        if let c = config { theme = c.patched(theme) }
        // keys
        var keys = KeyTable.default
        if let c = config {
            let (t, errs) = c.keyTable()
            keys = t
            warnings += errs
        }
        // locale and line graphics
        let utf8 = Settings.localeIsUTF8(env: env)
        let lg = config?.lineGraphics ?? .auto
        if lg == .utf8 && !utf8, let p = configPath {
            warnings.append(Diagnostic(file: p, line: 0, message: "line-graphics = utf-8 needs a UTF-8 locale (\(Settings.localeName(env: env))); using ASCII"))
        }
        for (path, line) in (config?.catalogs ?? []) + (config?.teamConnections.map { [$0] } ?? []) where !fs.exists(path) {
            warnings.append(Diagnostic(file: configPath ?? "config", line: line, message: "\(path) does not exist"))
        }
        let noColor = !(env["NO_COLOR"] ?? "").isEmpty
        var s = Settings(theme: theme, themeOrigin: origin, depthCap: noColor ? .mono : .c256,
                        localeIsUTF8: utf8, lineGraphics: lg, keyTable: keys,
                        mouse: config?.mouse ?? false, backup: config?.backup ?? false, detail: config?.detail ?? true,
                        catalogPaths: (config?.catalogs ?? []).map(\.path), teamConnectionsPath: config?.teamConnections?.path,
                        configPath: configPath, warnings: warnings.map(\.description))
        if let w = config?.workspace { s.workspace = ConfiguredPath(path: w.path, file: configPath ?? "config", line: w.line) }
        return s
    }

    /// The locale's name as the C library picks it: LC_ALL, then LC_CTYPE, then LANG.
    static func localeName(env: [String: String]) -> String {
        for k in ["LC_ALL", "LC_CTYPE", "LANG"] { if let v = env[k], !v.isEmpty { return "\(k)=\(v)" } }
        return "no LANG, so the C locale"
    }

    public static func localeIsUTF8(env: [String: String]) -> Bool {
        for k in ["LC_ALL", "LC_CTYPE", "LANG"] {
            if let v = env[k], !v.isEmpty {
                let u = v.uppercased()
                return u.contains("UTF-8") || u.contains("UTF8")
            }
        }
        return false
    }
}
