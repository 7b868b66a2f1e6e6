import BlueprintKit
import Testing
@testable import EditorUI

/// The config file (bind/unbind/color/set), its errors, patch semantics on the key
/// table, and how settings are resolved from options, environment and files.
@Suite struct ConfigTests {
    let home = "/home/u"
    let configPath = "/home/u/.config/scened/config"

    func parse(_ text: String) -> Config { Config.parse(text, file: "cfg", home: home) }

    func resolve(_ files: [String: String], env extra: [String: String] = [:], options: EditorOptions = EditorOptions()) -> Settings {
        var env = ["HOME": home, "LANG": "en_US.UTF-8"]
        for (k, v) in extra { env[k] = v }
        return Settings.resolve(env: env, options: options, fs: .memory(files))
    }

    // MARK: statements

    @Test func bindAndUnbindPatchOnlyWhatTheyName() {
        let c = parse("""
            # my keys
            bind tree x quit
            bind generic <C-n> move-down   # like emacs
            unbind tree u
            bind tree # toggle-attention
            """)
        #expect(c.errors.isEmpty, "\(c.errors)")
        let (t, errs) = c.keyTable()
        #expect(errs.isEmpty)
        #expect(t.action(for: .char("x"), in: .tree) == .quit)
        #expect(t.action(for: .ctrl("n"), in: .detail) == .moveDown, "generic bindings apply in every context")
        #expect(t.action(for: .char("u"), in: .tree) == nil)
        #expect(t.action(for: .char("#"), in: .tree) == .toggleAttention)
        // untouched defaults stay
        #expect(t.action(for: .char("U"), in: .tree) == .upgradeAll)
        #expect(t.action(for: .char("q"), in: .tree) == .quit)
        #expect(t.bindings.count == KeyTable.default.bindings.count + 2)
    }

    @Test func rebindingAKeyReplacesItsOldActionInThatContextOnly() {
        let (t, _) = parse("bind tree d save\n").keyTable()
        #expect(t.action(for: .char("d"), in: .tree) == .save)
        #expect(t.action(for: .char("d"), in: .diff) == .cancel)
        #expect(t.keys(for: .showDiff, in: .tree).isEmpty)
    }

    @Test func laterLinesWinAndUnbindAfterBindRemoves() {
        let (t, _) = parse("bind tree x quit\nbind tree x save\nbind tree y help\nunbind tree y\n").keyTable()
        #expect(t.action(for: .char("x"), in: .tree) == .save)
        #expect(t.action(for: .char("y"), in: .tree) == nil)
    }

    @Test func setLines() {
        let c = parse("""
            set theme = light
            set line-graphics = ascii
            set mouse = on
            set backup = yes
            set catalog = ~/catalogs/a.json
            set catalog = "rel/b.json"
            set team-connections = /etc/scened/team.json
            set detail = off
            """)
        #expect(c.errors.isEmpty, "\(c.errors)")
        #expect(!c.detail)
        #expect(parse("").detail, "the detail pane is shown by default")
        #expect(parse("set detail = maybe\n").errors.map(\.message) == ["set detail: 'maybe' is not on or off"])
        #expect(c.theme?.name == "light" && c.theme?.line == 1)
        #expect(c.lineGraphics == .ascii)
        #expect(c.mouse && c.backup)
        #expect(c.catalogs.map(\.path) == ["/home/u/catalogs/a.json", "rel/b.json"])
        #expect(c.teamConnections?.path == "/etc/scened/team.json")
        let inDir = Config.parse("set catalog = rel/b.json\n", file: "/etc/scened/config", home: home)
        #expect(inDir.catalogs.map(\.path) == ["/etc/scened/rel/b.json"], "relative to the config file's folder")
    }

    @Test func defaultsWithoutAConfigFile() {
        let s = resolve([:])
        #expect(s.configPath == nil && s.warnings.isEmpty)
        #expect(!s.mouse, "mouse is off by default so copy and paste work")
        #expect(!s.backup)
        #expect(s.theme.name == "default" && s.depthCap == .c256)
        #expect(s.lineGraphics == .auto && s.glyphs == .unicode)
        #expect(s.keyTable.bindings == KeyTable.default.bindings)
    }

    // MARK: errors

    @Test(arguments: [
        ("bnid tree x quit", "cfg:1: unknown command 'bnid' (did you mean 'bind'?)"),
        ("bind tree x", "cfg:1: usage: bind <context> <key> <action>"),
        ("bind tree x quit now", "cfg:1: unexpected 'now' after the action"),
        ("bind treee x quit", "cfg:1: unknown context 'treee' (did you mean 'tree'?)"),
        ("bind tree <Nope> quit", "cfg:1: key '<Nope>': unknown key <Nope>"),
        ("bind tree <C-s quit", "cfg:1: key '<C-s': unterminated '<'"),
        ("bind tree ab quit", "cfg:1: 'ab' is 2 keys; bind one key at a time"),
        ("bind tree <Resize> quit", "cfg:1: <Resize> cannot be bound"),
        ("bind tree x quti", "cfg:1: unknown action 'quti' (did you mean 'quit'?)"),
        ("unbind tree", "cfg:1: usage: unbind <context> <key>"),
        ("set mouse", "cfg:1: usage: set <name> = <value>"),
        ("set mouse = maybe", "cfg:1: set mouse: 'maybe' is not on or off"),
        ("set line-graphics = fancy", "cfg:1: set line-graphics: 'fancy' is not auto, utf-8 or ascii"),
        ("set colour = red", "cfg:1: unknown setting 'colour'"),
        ("set theme =", "cfg:1: set theme needs a value"),
        ("color titel fg=1", "cfg:1: unknown slot 'titel' (did you mean 'title'?)"),
        ("color title fg=999", "cfg:1: color title: fg: '999' is not a colour"),
    ])
    func eachErrorNamesFileAndLine(_ text: String, _ expected: String) {
        let c = parse(text)
        #expect(c.errors.count == 1, "\(c.errors)")
        #expect(c.errors.first?.description.hasPrefix(expected) == true, "got \(c.errors.map(\.description))")
    }

    @Test func aBadLineIsSkippedAndTheRestStillApplies() {
        let c = parse("bind tree x quit\nbind nowhere y quit\n\nset mouse = on\n")
        #expect(c.errors.map(\.line) == [2])
        #expect(c.mouse)
        #expect(c.keyTable().0.action(for: .char("x"), in: .tree) == .quit)
    }

    @Test func unbindingAnUnboundKeyPointsAtWhereItIsBound() {
        let (_, errs) = parse("\nunbind tree q\n").keyTable()
        #expect(errs.map(\.description).first == "cfg:2: unbind: q is not bound in tree (it is bound in generic, picker, connections, toolPicker, help, diff, review, workspaceConnections, workspaceSummary: `unbind generic q`)")
    }

    @Test func losingEveryQuitKeyIsWarnedAbout() {
        let (_, errs) = parse("unbind generic q\n").keyTable()
        #expect(errs.contains { $0.message.hasPrefix("no key is bound to quit") })
    }

    // MARK: resolution

    @Test func themeComesFromOptionThenEnvironmentThenConfig() {
        let files = [configPath: "set theme = light\n"]
        #expect(resolve(files).theme.name == "light")
        #expect(resolve(files).themeOrigin == "light (config)")
        #expect(resolve(files, env: ["SCENED_THEME": "mono"]).theme.name == "mono")
        #expect(resolve(files, env: ["SCENED_THEME": "mono"], options: EditorOptions(theme: "high-contrast")).theme.name == "high-contrast")
        #expect(resolve(files, env: ["SCENED_THEME": ""]).theme.name == "light", "an empty SCENED_THEME is unset")
        #expect(resolve(files, options: EditorOptions(config: .none)).theme.name == "default", "--no-config")
    }

    @Test func userThemesAndPathsAreFound() {
        let files = ["/home/u/.config/scened/themes/night.theme": "inherit = default\ntitle fg=1 fg8=red\n",
                     "/tmp/x.theme": "title attrs=bold\n"]
        #expect(resolve(files, options: EditorOptions(theme: "night")).theme[.title].fg256 == 1)
        let xdg = resolve(["/xdg/scened/themes/night.theme": "title fg=2\n"], env: ["XDG_CONFIG_HOME": "/xdg"], options: EditorOptions(theme: "night"))
        #expect(xdg.theme[.title].fg256 == 2, "XDG_CONFIG_HOME wins over ~/.config")
        #expect(resolve(files, options: EditorOptions(theme: "/tmp/x.theme")).theme.name == "x")
    }

    @Test func aBrokenThemeFallsBackToDefaultWithFileLineWarnings() {
        let files = [configPath: "set theme = bad\n", "/home/u/.config/scened/themes/bad.theme": "\n\ntitle fg=999\n"]
        let s = resolve(files)
        #expect(s.theme.name == "default")
        #expect(s.warnings == [
            "/home/u/.config/scened/themes/bad.theme:3: title: fg: '999' is not a colour (0-255, a colour name like red or bright-blue, or default)",
            "\(configPath):1: theme 'bad' not used; using the default theme",
        ])
        let unknown = resolve([:], options: EditorOptions(theme: "nosuch"))
        #expect(unknown.theme.name == "default")
        #expect(unknown.warnings.first?.hasPrefix("--theme: no theme named 'nosuch'") == true)
    }

    @Test func colorLinesPatchTheChosenTheme() {
        let s = resolve([configPath: "set theme = light\ncolor selected bg=52 bg8=red\n"])
        #expect(s.theme[.selected].bg256 == 52 && s.theme[.selected].bg8 == 1)
        #expect(s.theme[.selected].fg256 == Theme.named("light")?[.selected].fg256)
    }

    @Test func noColorForcesMonoOnlyWhenNonEmpty() {
        #expect(resolve([:], env: ["NO_COLOR": "1"]).forceMono)
        #expect(resolve([:], env: ["NO_COLOR": "1"]).depth(terminalColors: 256) == .mono)
        #expect(!resolve([:], env: ["NO_COLOR": ""]).forceMono)
        let s = resolve([:])
        #expect(s.depth(terminalColors: 256) == .c256)
        #expect(s.depth(terminalColors: 8) == .c8)
        #expect(s.depth(terminalColors: 0) == .mono)
    }

    @Test func lineGraphicsFollowTheLocaleAndTheSetting() {
        #expect(resolve([:], env: ["LANG": "C"]).glyphs == .ascii)
        #expect(resolve([:], env: ["LC_ALL": "C", "LANG": "en_US.UTF-8"]).glyphs == .ascii, "LC_ALL wins")
        #expect(resolve([:], env: ["LC_ALL": "", "LC_CTYPE": "de_DE.utf8", "LANG": "C"]).glyphs == .unicode)
        // ascii lines in a UTF-8 locale: the lines change, labels keep their letters
        let ascii = resolve([configPath: "set line-graphics = ascii\n"])
        #expect(ascii.glyphs.treeBranch == Glyphs.ascii.treeBranch && ascii.glyphs.isUnicode)
        // utf-8 cannot be forced in a C locale (ncurses would drop the characters)
        let forced = resolve([configPath: "set line-graphics = utf-8\n"], env: ["LANG": "C"])
        #expect(forced.glyphs == .ascii)
        #expect(forced.warnings.first?.contains("line-graphics = utf-8 needs a UTF-8 locale (LANG=C)") == true)
    }

    @Test func configFileChoiceAndUnreadableFiles() {
        let files = ["/etc/alt": "set mouse = on\n", configPath: "set backup = on\n"]
        let alt = resolve(files, options: EditorOptions(config: .file("/etc/alt")))
        #expect(alt.mouse && !alt.backup && alt.configPath == "/etc/alt")
        #expect(resolve(files).backup)
        let missing = resolve([:], options: EditorOptions(config: .file("/nope")))
        #expect(missing.warnings == ["/nope: cannot open: No such file or directory; using the defaults"])
        #expect(missing.keyTable.bindings == KeyTable.default.bindings)
    }

    @Test func missingCatalogAndTeamFilesAreWarnedWithTheirLine() {
        let s = resolve([configPath: "set catalog = /c/a.json\nset catalog = /c/b.json\nset team-connections = /t.json\n", "/c/a.json": "{}"])
        #expect(s.catalogPaths == ["/c/a.json", "/c/b.json"])
        #expect(s.teamConnectionsPath == "/t.json")
        #expect(s.warnings == ["\(configPath):2: /c/b.json does not exist", "\(configPath):3: /t.json does not exist"])
    }

    @Test func workspaceNamesTheFolderScenedOpensWithoutAFile() {
        #expect(parse("set workspace = ~/scenarios\n").workspace?.path == "/home/u/scenarios")
        #expect(parse("\nset workspace = /srv/exports  # the team's\n").workspace.map { "\($0.path) \($0.line)" } == "/srv/exports 2")
        let inDir = Config.parse("set workspace = exports\n", file: "/etc/scened/config", home: home)
        #expect(inDir.workspace?.path == "/etc/scened/exports", "relative to the config file's folder")
        #expect(parse("set workspace = a\nset workspace = b\n").workspace?.path == "b", "the later line wins")
        #expect(parse("set workspace =\n").errors.map(\.description) == ["cfg:1: set workspace needs a value"])
        #expect(parse("set workspce = x\n").errors.first?.message.hasPrefix("unknown setting 'workspce' (did you mean 'workspace'?)") == true)
        // resolved with the config line, for the message when the folder is missing
        let s = resolve([configPath: "set mouse = on\nset workspace = ~/scenarios\n"])
        #expect(s.workspace == ConfiguredPath(path: "/home/u/scenarios", file: configPath, line: 2))
        #expect(s.workspace?.origin == "\(configPath):2")
        #expect(s.warnings.isEmpty, "a missing folder is reported when it is opened, not when a file is given")
        #expect(resolve([:]).workspace == nil, "no config: `scened` opens the built-in demo")
        #expect(resolve([configPath: "set workspace = /w\n"], options: EditorOptions(config: .none)).workspace == nil, "--no-config")
    }

    // MARK: the editor uses the effective table

    @Test func helpScreenAndDispatchUseThePatchedTable() throws {
        let s = resolve([configPath: "bind generic <F2> help\nbind tree x quit\nunbind generic q\n"])
        let e = try Editor(bytes: DemoScenario.bytes, path: nil, keyTable: s.keyTable)
        e.handle(.char("q"))
        #expect(!e.wantsQuit && e.message?.contains("q is not bound") == true)
        e.handle(.function(2))
        #expect(e.screen == .help)
        let help = EditorView.render(e, width: 100, height: 60).plainText()
        #expect(help.contains("F2"))
        #expect(help.contains("x ") && help.contains("quit"))
        #expect(!help.split(separator: "\n").contains { $0.trimmingWhitespace().hasPrefix("q ") && $0.contains("quit (asks") })
        e.handle(.escape)
        e.handle(.char("x"))
        #expect(e.wantsQuit)
    }
}
