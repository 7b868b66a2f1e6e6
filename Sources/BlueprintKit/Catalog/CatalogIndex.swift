// A set of catalog entries, looked up by (module, version). The shipped
// catalog comes first; user catalog files add entries or replace whole ones,
// later files winning.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public struct Catalog: Sendable {
    /// The shipped catalog under everything else, read per app when first needed (nil: none).
    var base: ShippedStore?
    /// The facts of the files added to this value (users' catalogs), over the base.
    var own = CatalogFacts()
    /// Named rule lists (`ruleSets`) visible to files loaded later.
    var ruleSets: [String: [FieldRule]] = [:]
    /// The files merged in, in order (`shipped` first when included).
    public internal(set) var sources: [String] = []
    /// Facts already resolved (shared by copies; every mutation starts a new one).
    private var memo = CatalogMemo()

    public init() {}

    init(base: ShippedStore? = nil, own: CatalogFacts, ruleSets: [String: [FieldRule]] = [:], sources: [String]) {
        self.base = base; self.own = own; self.ruleSets = ruleSets; self.sources = sources
    }

    /// What the catalog says about one app: the base's facts, then the added files'.
    func facts(app: String) -> CatalogFacts {
        memo.app(app) {
            guard let base else { return own.only(app: app) }
            var f = base.facts(app: app)
            if !own.isEmpty { f.merge(own.only(app: app)) }
            return f
        }
    }

    /// Everything (the whole base read): for listings and counts.
    var allFacts: CatalogFacts {
        memo.all {
            guard let base else { return own }
            var f = base.all
            f.merge(own)
            return f
        }
    }

    // MARK: lookups (one app's facts each: the rest of the catalog is not read)

    public func entry(module: String, version: Int?) -> CatalogEntry? {
        facts(app: String(AppVersionKey.app(of: module))).entries[ModuleKey(module, version)]
    }

    public func entry(for m: Module) -> CatalogEntry? {
        guard !m.moduleName.isEmpty else { return nil }
        return entry(module: m.moduleName, version: m.version)
    }

    public func entry(_ key: ModuleKey) -> CatalogEntry? { entry(module: key.module, version: key.version) }

    public func appVersion(_ app: String, _ version: Int?) -> AppVersionEntry? { facts(app: app).appVersions[AppVersionKey(app, version)] }

    /// Every version of one app the catalog has an entry for, sorted.
    public func appVersions(of app: String) -> [AppVersionEntry] { facts(app: app).appVersions.values.sorted { $0.key < $1.key } }

    /// An app's title, module names and notes.
    public func appInfo(_ app: String) -> AppInfo? { facts(app: app).apps[app] }

    /// The retired field values of one app.
    public func valueRules(app: String) -> [ValueRule] { facts(app: app).valueRules[app] ?? [] }

    /// The shape of a (module, version), when real exports showed it.
    public func shape(_ key: ModuleKey) -> ModuleShape? { facts(app: String(AppVersionKey.app(of: key.module))).shapes[key] }

    /// The shapes of one app's modules.
    public func shapes(app: String) -> [ModuleShape] { Array(facts(app: app).shapes.values) }

    /// Whether any shape data is loaded (the shipped catalog has some).
    public var hasShapes: Bool { base != nil || !own.shapes.isEmpty }

    // MARK: the whole catalog (reads every app)

    /// Module entries: facts about one (module, version), overriding its app version.
    public var entries: [ModuleKey: CatalogEntry] { allFacts.entries }
    /// The app-version layer: the status of every module of an app version.
    public var appVersions: [AppVersionKey: AppVersionEntry] { allFacts.appVersions }
    /// Titles, readable module names and notes per app.
    public var apps: [String: AppInfo] { allFacts.apps }
    /// Retired field values, by app.
    public var valueRules: [String: [ValueRule]] { allFacts.valueRules }
    /// The field names of (module, version)s read from real exports (ModuleShape.swift).
    public var shapes: [ModuleKey: ModuleShape] { allFacts.shapes }

    /// Every entry, sorted by module name and version.
    public var sortedEntries: [CatalogEntry] { entries.values.sorted { $0.key < $1.key } }

    /// Every app-version entry, sorted by app and version.
    public var sortedAppVersions: [AppVersionEntry] { appVersions.values.sorted { $0.key < $1.key } }

    /// Every value rule, in app order.
    public var allValueRules: [ValueRule] { let v = valueRules; return v.keys.sorted().flatMap { v[$0]! } }

    // MARK: adding files

    /// Adds entries, replacing any with the same (module, version), (app, version) or rule target.
    public mutating func merge(_ other: Catalog) {
        own.merge(other.allFacts)
        for (k, r) in other.ruleSets { ruleSets[k] = r }
        sources += other.sources
        memo = CatalogMemo()
    }

    /// Parses one catalog file's bytes; rule sets already in `self` may be included by name.
    /// A file whose entries contradict the catalog they join (see `contradiction`) is refused whole.
    public mutating func add(bytes: [UInt8], source: String) throws(CatalogError) {
        var more: (@Sendable (String) -> [FieldRule]?)?
        if let store = base { more = { name in store.ruleSet(name) } }
        let parsed = try CatalogLoader.parse(bytes: bytes, source: source, visibleRuleSets: ruleSets, moreRuleSets: more)
        var merged = self
        merged.merge(parsed)
        if let e = merged.contradiction(in: parsed) { throw e }
        self = merged
    }

    /// The first fact of `added` that cannot hold together with the rest of the catalog:
    /// a module said to be current inside an app version that stopped working, or a
    /// replacement whose own app version or module is deprecated.
    func contradiction(in added: Catalog) -> CatalogError? {
        for e in added.own.entries.values.sorted(by: { $0.line < $1.line }) {
            let app = String(AppVersionKey.app(of: e.module))
            if e.status == .current, let av = appVersion(app, e.version), av.status == .retired {
                return CatalogError(file: e.source, line: e.line, column: e.column,
                                    message: "\(e.key) is listed as current, but \(av.key) is retired (stopped working; \(av.source) line \(av.line))")
            }
            if let r = e.replacement {
                let rApp = String(AppVersionKey.app(of: r.module))
                if let av = appVersion(rApp, r.key.version), av.status != .current, entry(r.key)?.status != .current {
                    return CatalogError(file: e.source, line: e.line, column: e.column,
                                        message: "\(e.key) is replaced by \(r.key), but \(av.key) is \(av.status.rawValue) itself (\(av.source) line \(av.line))")
                }
                if let t = entry(r.key), t.status != .current {
                    return CatalogError(file: e.source, line: e.line, column: e.column,
                                        message: "\(e.key) is replaced by \(r.key), which is \(t.status.rawValue) itself (\(t.source) line \(t.line))")
                }
            }
        }
        for av in added.own.appVersions.values.sorted(by: { $0.line < $1.line }) where av.status == .retired {
            let current = facts(app: av.app).entries.values.filter { $0.status == .current && $0.key.version == av.version }
            if let e = current.min(by: { $0.key < $1.key }) {
                return CatalogError(file: av.source, line: av.line, column: av.column,
                                    message: "\(av.key) is retired (stopped working), but \(e.key) is listed as current (\(e.source) line \(e.line))")
            }
        }
        return nil
    }

    // MARK: the built-in catalog

    /// The catalog compiled into the binary, read per app as modules are looked up. The tests
    /// read it whole; if it ever failed to parse, `shippedError` says why (no crash).
    /// One value, so that every user of it shares what has been read (its memo).
    public static let shipped = Catalog(base: ShippedStore.shared, own: CatalogFacts(), sources: ShippedStore.shared.sourceNames)
    public static var shippedError: CatalogError? { ShippedStore.shared.error }

    /// The shipped catalog read whole, file by file, through `add` as users' files are
    /// (contradictions between files are checked): the tests compare it with `shipped`.
    static func loadShipped() -> (catalog: Catalog, error: CatalogError?) {
        var c = Catalog()
        for (name, bytes) in ShippedCatalog.files {
            do { try c.add(bytes: bytes, source: "shipped:\(name)") } catch { return (Catalog(), error) }
        }
        return (c, nil)
    }

    // MARK: user catalogs

    /// The shipped catalog, then `$XDG_CONFIG_HOME/scened/catalog.d/*.json` (by name), then `files`.
    public static func load(files: [String], includeUserDirectory: Bool = true,
                            environment: [String: String] = Catalog.processEnvironment()) throws(CatalogError) -> Catalog {
        var c = shipped
        let dirFiles = includeUserDirectory ? userCatalogFiles(environment: environment) : []
        for f in dirFiles + files {
            let bytes: [UInt8]
            do { bytes = try FileIO.read(f) } catch {
                throw CatalogError(file: f, line: 0, column: 0, message: error.message)
            }
            try c.add(bytes: bytes, source: f)
        }
        return c
    }

    /// `$XDG_CONFIG_HOME/scened/catalog.d`, or `$HOME/.config/scened/catalog.d`.
    public static func userCatalogDirectory(environment: [String: String]) -> String? {
        if let x = environment["XDG_CONFIG_HOME"], x.hasPrefix("/") { return x + "/scened/catalog.d" }
        if let h = environment["HOME"], !h.isEmpty { return h + "/.config/scened/catalog.d" }
        return nil
    }

    /// The `*.json` files of the user catalog directory, sorted by name (missing directory: none).
    public static func userCatalogFiles(environment: [String: String]) -> [String] {
        guard let dir = userCatalogDirectory(environment: environment), let d = opendir(dir) else { return [] }
        defer { closedir(d) }
        var names: [String] = []
        while let ent = readdir(d) {
            let name = withUnsafeBytes(of: ent.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasSuffix(".json") && !name.hasPrefix(".") { names.append(name) }
        }
        return names.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }).map { dir + "/" + $0 }
    }

    /// The process environment as a dictionary.
    public static func processEnvironment() -> [String: String] {
        var out: [String: String] = [:]
        var p = environ
        while let e = p.pointee {
            let s = String(cString: e)
            if let eq = s.firstIndex(of: "=") { out[String(s[..<eq])] = String(s[s.index(after: eq)...]) }
            p += 1
        }
        return out
    }
}
