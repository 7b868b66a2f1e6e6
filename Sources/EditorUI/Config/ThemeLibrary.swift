// Finding themes: `--theme NAME|PATH`, `SCENED_THEME`, `set theme = …`. A name is
// looked up in the user's themes folder first ($XDG_CONFIG_HOME/scened/themes/NAME.theme),
// then among the built-in themes; anything with a `/` or ending in `.theme` is a path.

public struct ThemeLibrary: Sendable {
    /// The user's themes folder, if there is a home or XDG_CONFIG_HOME.
    public var userDirectory: String?
    public var fs: ConfigFS

    public init(userDirectory: String?, fs: ConfigFS) {
        self.userDirectory = userDirectory
        self.fs = fs
    }

    public init(env: [String: String], fs: ConfigFS = .real) {
        self.init(userDirectory: ConfigPaths.themesDirectory(env: env), fs: fs)
    }

    public enum Origin: Equatable, Sendable {
        case builtIn
        case file(String)
    }

    /// One row of `scened themes`.
    public struct Entry: Sendable {
        public var name: String
        public var origin: Origin
        public var description: String?
        /// Problems in the file (it would fall back to `default`).
        public var errors: [Diagnostic]
    }

    static func isPath(_ spec: String) -> Bool { spec.contains("/") || spec.hasSuffix(".theme") }

    /// Loads a theme by name or path. On any error returns nil and every diagnostic
    /// (`file:line: message`); the caller falls back to `default`.
    /// `file`/`line` name where the request came from (`--theme`, a config line), for
    /// the "no theme named" message.
    public func load(_ spec: String, file: String = "theme", line: Int = 0) -> (theme: Theme?, errors: [Diagnostic]) {
        load(spec, visiting: [], fromUserFile: nil, file: file, line: line)
    }

    private func load(_ spec: String, visiting: [String], fromUserFile: String?,
                      file: String, line: Int) -> (theme: Theme?, errors: [Diagnostic]) {
        if ThemeLibrary.isPath(spec) { return loadFile(spec, name: ThemeLibrary.baseName(spec), visiting: visiting) }
        let name = spec.lowercased()
        // A user theme named like a built-in one replaces it, and may `inherit` the built-in.
        if let dir = userDirectory, fromUserFile != name {
            let path = "\(dir)/\(spec).theme"
            if fs.exists(path) { return loadFile(path, name: spec, visiting: visiting) }
        }
        if let t = Theme.named(name) { return (t, []) }
        let known = availableNames()
        return (nil, [Diagnostic(file: file, line: line,
                                 message: "no theme named '\(spec)'\(ConfigText.didYouMean(spec, known)); available: \(known.joined(separator: " "))")])
    }

    private func loadFile(_ path: String, name: String, visiting: [String]) -> (theme: Theme?, errors: [Diagnostic]) {
        if visiting.contains(path) {
            return (nil, [Diagnostic(file: path, line: 0, message: "inherit loops back to this file (\((visiting + [path]).joined(separator: " -> ")))")])
        }
        let bytes: [UInt8]
        switch fs.read(path) {
        case .success(let b): bytes = b
        case .failure(let e): return (nil, [Diagnostic(file: path, line: 0, message: e.message)])
        }
        let file = ThemeFile.parse(String(decoding: bytes, as: UTF8.self), name: name, file: path)
        var errors = file.errors
        var base: Theme? = nil
        if let parent = file.inherits {
            let line = ThemeLibrary.inheritLine(bytes)
            let r = load(parent, visiting: visiting + [path], fromUserFile: isInUserDirectory(path) ? name.lowercased() : nil,
                         file: path, line: line)
            if let t = r.theme { base = t } else { errors += r.errors }
        }
        guard errors.isEmpty else { return (nil, errors) }
        return (file.theme(base: base), [])
    }

    private func isInUserDirectory(_ path: String) -> Bool {
        guard let d = userDirectory else { return false }
        return path.hasPrefix(d + "/")
    }

    static func inheritLine(_ bytes: [UInt8]) -> Int {
        let text = String(decoding: bytes, as: UTF8.self)
        return ConfigText.lines(text).first { $0.1.lowercased().hasPrefix("inherit") }?.0 ?? 0
    }

    static func baseName(_ path: String) -> String {
        var name = path.split(separator: "/").last.map(String.init) ?? path
        if name.hasSuffix(".theme") { name.removeLast(6) }
        return name
    }

    /// Theme files in the user's folder (names without `.theme`).
    public func userThemeNames() -> [String] {
        guard let dir = userDirectory else { return [] }
        return fs.list(dir).filter { $0.hasSuffix(".theme") && $0.count > 6 }.map { String($0.dropLast(6)) }
    }

    public func availableNames() -> [String] {
        var names = BuiltinThemes.sources.map(\.name)
        for n in userThemeNames() where !names.contains(n) { names.append(n) }
        return names
    }

    /// Every theme `--theme NAME` can pick, built-in first, each checked.
    public func list() -> [Entry] {
        let user = Set(userThemeNames())
        var out: [Entry] = []
        for src in BuiltinThemes.sources where !user.contains(src.name) {
            out.append(Entry(name: src.name, origin: .builtIn, description: BuiltinThemes.description(of: src.name), errors: []))
        }
        for n in userThemeNames() {
            let path = "\(userDirectory!)/\(n).theme"
            let desc: String?
            if case .success(let b) = fs.read(path) {
                desc = ThemeFile.parse(String(decoding: b, as: UTF8.self), name: n, file: path).description
            } else { desc = nil }
            out.append(Entry(name: n, origin: .file(path), description: desc, errors: load(path).errors))
        }
        return out
    }
}
