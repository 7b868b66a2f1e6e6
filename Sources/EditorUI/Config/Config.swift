// The config file ($XDG_CONFIG_HOME/scened/config, else ~/.config/scened/config):
// one statement per line, `#` comments, in the spirit of tig's tigrc.
//
//     bind <context> <key> <action>     bind a key (vim notation: j <C-s> <F5> <Space>)
//     unbind <context> <key>            remove a default binding
//     color <slot> fg=… fg8=… …         patch one slot of the chosen theme
//     set theme = NAME|PATH
//     set line-graphics = auto|utf-8|ascii
//     set mouse = off|on
//     set backup = off|on
//     set detail = on|off
//     set catalog = PATH                (repeatable; later files win)
//     set team-connections = PATH
//     set workspace = DIR               (what `scened` with no file opens: DIR's scenario list)
//
// Bindings patch the default key table in file order: only what the file names
// changes. Every error names file and line and is never fatal; a bad line is skipped.

public enum LineGraphics: String, CaseIterable, Sendable {
    case auto
    case utf8 = "utf-8"
    case ascii
}

/// One `bind`/`unbind` line.
public struct KeyEdit: Equatable, Sendable {
    public enum Kind: Equatable, Sendable { case bind(Action), unbind }
    public var kind: Kind
    public var context: KeyContext
    public var key: Key
    public var line: Int
}

public struct Config: Sendable {
    public var file: String
    public var theme: (name: String, line: Int)?
    public var lineGraphics: LineGraphics = .auto
    public var mouse = false
    public var backup = false
    /// `set detail = off`: start with the detail pane hidden.
    public var detail = true
    /// `set catalog` paths (expanded) with their lines, in order.
    public var catalogs: [(path: String, line: Int)] = []
    public var teamConnections: (path: String, line: Int)?
    /// `set workspace = DIR` (expanded) with its line: the folder `scened` opens as a
    /// scenario list when it is given no file.
    public var workspace: (path: String, line: Int)?
    public var keyEdits: [KeyEdit] = []
    public var colors: [(slot: StyleSlot, patch: SlotPatch, line: Int)] = []
    public var errors: [Diagnostic] = []

    public init(file: String) { self.file = file }

    static let settingNames = ["theme", "line-graphics", "mouse", "backup", "detail", "catalog", "team-connections", "workspace"]
    static let commands = ["bind", "unbind", "set", "color"]

    /// Parses config text. `home` expands `~/`; relative paths are relative to the
    /// config file's folder.
    public static func parse(_ text: String, file: String, home: String?) -> Config {
        var c = Config(file: file)
        let dir: String? = file.contains("/") ? String(file[..<file.lastIndex(of: "/")!]) : nil
        func fail(_ n: Int, _ m: String) { c.errors.append(Diagnostic(file: file, line: n, message: m)) }
        // `#` is a key too (`bind tree # quit`), so only whole-line comments are cut
        // here; each statement allows a trailing `# comment` after its last field.
        for (n, full) in ConfigText.lines(text, trailing: false) {
            var words = ConfigText.words(full)
            let fixed = ["bind": 4, "unbind": 3][words[0]] ?? 1
            if let c = words.indices.dropFirst(fixed).first(where: { words[$0].hasPrefix("#") }) { words.removeSubrange(c...) }
            let line = words[0] == "set" ? String(ConfigText.stripComment(Substring(full))) : full
            switch words[0] {
            case "bind", "unbind":
                let unbind = words[0] == "unbind"
                let need = unbind ? 3 : 4
                guard words.count >= need else {
                    fail(n, unbind ? "usage: unbind <context> <key>" : "usage: bind <context> <key> <action>")
                    continue
                }
                if words.count > need { fail(n, "unexpected '\(words[need])' after the \(unbind ? "key" : "action") (a comment needs a #)"); continue }
                guard let ctx = KeyContext(rawValue: words[1]) else {
                    let all = KeyContext.allCases.map(\.rawValue)
                    fail(n, "unknown context '\(words[1])'\(ConfigText.didYouMean(words[1], all)); contexts are \(all.joined(separator: " "))")
                    continue
                }
                let key: Key
                do throws(KeyNotationError) {
                    let keys = try Key.parseSequence(words[2])
                    guard keys.count == 1 else {
                        fail(n, "'\(words[2])' is \(keys.count) keys; bind one key at a time (names like <Enter> go in angle brackets)")
                        continue
                    }
                    key = keys[0]
                } catch {
                    fail(n, "key '\(words[2])': \(error)")
                    continue
                }
                switch key {
                case .resize, .mouse, .unknown:
                    fail(n, "\(words[2]) cannot be bound")
                    continue
                default: break
                }
                if unbind {
                    c.keyEdits.append(KeyEdit(kind: .unbind, context: ctx, key: key, line: n))
                } else {
                    guard let action = Action(rawValue: words[3]) else {
                        fail(n, "unknown action '\(words[3])'\(ConfigText.didYouMean(words[3], Action.allCases.map(\.rawValue))); `scened keys --actions` lists them")
                        continue
                    }
                    c.keyEdits.append(KeyEdit(kind: .bind(action), context: ctx, key: key, line: n))
                }
            case "color":
                guard words.count >= 2 else { fail(n, "usage: color <slot> fg=… fg8=… bg=… bg8=… attrs=… mono=…"); continue }
                guard let slot = StyleSlot(rawValue: words[1]) else {
                    fail(n, "unknown slot '\(words[1])'\(ConfigText.didYouMean(words[1], StyleSlot.allCases.map(\.rawValue))); `scened themes --slots` lists them")
                    continue
                }
                let (patch, errs) = SlotPatch.parse(Array(words.dropFirst(2)))
                for e in errs { fail(n, "color \(slot.rawValue): \(e)") }
                if errs.isEmpty { c.colors.append((slot, patch, n)) }
            case "set":
                c.parseSet(line, n, dir: dir, home: home)
            default:
                fail(n, "unknown command '\(words[0])'\(ConfigText.didYouMean(words[0], commands)); commands are \(commands.joined(separator: " "))")
            }
        }
        return c
    }

    private mutating func parseSet(_ line: String, _ n: Int, dir: String?, home: String?) {
        let body = line.dropFirst(3)                      // after "set"
        guard let eq = body.firstIndex(of: "=") else {
            errors.append(Diagnostic(file: file, line: n, message: "usage: set <name> = <value>"))
            return
        }
        let name = body[..<eq].trimmingWhitespace()
        var value = body[body.index(after: eq)...].trimmingWhitespace()
        if value.count >= 2, let f = value.first, f == "\"" || f == "'", value.last == f { value = String(value.dropFirst().dropLast()) }
        func fail(_ m: String) { errors.append(Diagnostic(file: file, line: n, message: m)) }
        guard !value.isEmpty else { fail("set \(name) needs a value"); return }
        func onOff() -> Bool? {
            switch value.lowercased() {
            case "on", "true", "yes": return true
            case "off", "false", "no": return false
            default: fail("set \(name): '\(value)' is not on or off"); return nil
            }
        }
        switch name {
        case "theme": theme = (value, n)
        case "line-graphics":
            guard let g = LineGraphics(rawValue: value.lowercased() == "utf8" ? "utf-8" : value.lowercased()) else {
                fail("set line-graphics: '\(value)' is not auto, utf-8 or ascii"); return
            }
            lineGraphics = g
        case "mouse": if let b = onOff() { mouse = b }
        case "backup": if let b = onOff() { backup = b }
        case "detail": if let b = onOff() { detail = b }
        case "catalog": catalogs.append((ConfigPaths.expand(value, home: home, base: dir), n))
        case "team-connections": teamConnections = (ConfigPaths.expand(value, home: home, base: dir), n)
        case "workspace": workspace = (ConfigPaths.expand(value, home: home, base: dir), n)
        default:
            fail("unknown setting '\(name)'\(ConfigText.didYouMean(name, Config.settingNames)); settings are \(Config.settingNames.joined(separator: " "))")
        }
    }

    /// The key table with this file's bind/unbind lines applied in order, and a
    /// diagnostic for each `unbind` of a key that was not bound.
    public func keyTable(base: KeyTable = .default) -> (KeyTable, [Diagnostic]) {
        var t = base
        var errs: [Diagnostic] = []
        for e in keyEdits {
            switch e.kind {
            case .bind(let a): t.bind(e.key, to: a, in: e.context)
            case .unbind:
                if !t.bindings.contains(where: { $0.context == e.context && $0.key == e.key }) {
                    let elsewhere = t.bindings.filter { $0.key == e.key }.map(\.context.rawValue)
                    let hint = elsewhere.isEmpty ? "" : " (it is bound in \(elsewhere.joined(separator: ", ")): `unbind \(elsewhere[0]) \(e.key.notation)`)"
                    errs.append(Diagnostic(file: file, line: e.line, message: "unbind: \(e.key.notation) is not bound in \(e.context.rawValue)\(hint)"))
                }
                t.unbind(e.key, in: e.context)
            }
        }
        // Keep a way out and a way to the help screen.
        for a in [Action.quit, .help] where !t.bindings.contains(where: { $0.action == a && ($0.context == .generic || $0.context == .tree) }) {
            errs.append(Diagnostic(file: file, line: 0, message: "no key is bound to \(a.rawValue) in the module tree any more; add e.g. `bind generic \(a == .quit ? "q" : "?") \(a.rawValue)`"))
        }
        return (t, errs)
    }

    /// `theme` with this file's `color` lines applied.
    public func patched(_ theme: Theme) -> Theme {
        var t = theme
        for (slot, patch, _) in colors { t.styles[slot] = patch.applied(to: t[slot]) }
        return t
    }
}
