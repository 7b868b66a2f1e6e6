// A set of catalog entries, looked up by (module, version). The shipped
// catalog comes first; user catalog files add entries or replace whole ones,
// later files winning.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public struct Catalog: Sendable {
    /// Module entries: facts about one (module, version), overriding its app version.
    public internal(set) var entries: [ModuleKey: CatalogEntry] = [:]
    /// The app-version layer: the status of every module of an app version.
    public internal(set) var appVersions: [AppVersionKey: AppVersionEntry] = [:]
    /// Titles, readable module names and notes per app.
    public internal(set) var apps: [String: AppInfo] = [:]
    /// Retired field values, by app.
    public internal(set) var valueRules: [String: [ValueRule]] = [:]
    /// The field names of (module, version)s read from real exports (ModuleShape.swift).
    public internal(set) var shapes: [ModuleKey: ModuleShape] = [:]
    /// Named rule lists (`ruleSets`) visible to files loaded later.
    var ruleSets: [String: [FieldRule]] = [:]
    /// The files merged in, in order (`shipped` first when included).
    public internal(set) var sources: [String] = []

    public init() {}

    /// Every entry, sorted by module name and version.
    public var sortedEntries: [CatalogEntry] { entries.values.sorted { $0.key < $1.key } }

    public func entry(module: String, version: Int?) -> CatalogEntry? { entries[ModuleKey(module, version)] }

    public func entry(for m: Module) -> CatalogEntry? {
        guard !m.moduleName.isEmpty else { return nil }
        return entry(module: m.moduleName, version: m.version)
    }

    /// Every app-version entry, sorted by app and version.
    public var sortedAppVersions: [AppVersionEntry] { appVersions.values.sorted { $0.key < $1.key } }

    public func appVersion(_ app: String, _ version: Int?) -> AppVersionEntry? { appVersions[AppVersionKey(app, version)] }

    /// Every value rule, in app order.
    public var allValueRules: [ValueRule] { valueRules.keys.sorted().flatMap { valueRules[$0]! } }

    /// Adds entries, replacing any with the same (module, version), (app, version) or rule target.
    public mutating func merge(_ other: Catalog) {
        for (k, e) in other.entries { entries[k] = e }
        for (k, e) in other.appVersions { appVersions[k] = e }
        for (k, a) in other.apps {
            if apps[k] == nil { apps[k] = a } else { apps[k]!.merge(a) }
        }
        for (app, rules) in other.valueRules {
            var list = valueRules[app] ?? []
            for r in rules {
                if let i = list.firstIndex(where: { $0.sameTarget(r) }) { list[i] = r } else { list.append(r) }
            }
            valueRules[app] = list
        }
        for (k, sh) in other.shapes {
            if shapes[k] == nil { shapes[k] = sh } else { shapes[k]!.merge(sh) }
        }
        for (k, r) in other.ruleSets { ruleSets[k] = r }
        sources += other.sources
    }

    /// Parses one catalog file's bytes; rule sets already in `self` may be included by name.
    /// A file whose entries contradict the catalog they join (see `contradiction`) is refused whole.
    public mutating func add(bytes: [UInt8], source: String) throws(CatalogError) {
        let parsed = try CatalogLoader.parse(bytes: bytes, source: source, visibleRuleSets: ruleSets)
        var merged = self
        merged.merge(parsed)
        if let e = merged.contradiction(in: parsed) { throw e }
        self = merged
    }

    /// The first fact of `added` that cannot hold together with the rest of the catalog:
    /// a module said to be current inside an app version that stopped working, or a
    /// replacement whose own app version or module is deprecated.
    func contradiction(in added: Catalog) -> CatalogError? {
        for e in added.entries.values.sorted(by: { $0.line < $1.line }) {
            let app = String(AppVersionKey.app(of: e.module))
            if e.status == .current, let av = appVersion(app, e.version), av.status == .retired {
                return CatalogError(file: e.source, line: e.line, column: e.column,
                                    message: "\(e.key) is listed as current, but \(av.key) is retired (stopped working; \(av.source) line \(av.line))")
            }
            if let r = e.replacement {
                let rApp = String(AppVersionKey.app(of: r.module))
                if let av = appVersion(rApp, r.key.version), av.status != .current, entries[r.key]?.status != .current {
                    return CatalogError(file: e.source, line: e.line, column: e.column,
                                        message: "\(e.key) is replaced by \(r.key), but \(av.key) is \(av.status.rawValue) itself (\(av.source) line \(av.line))")
                }
                if let t = entries[r.key], t.status != .current {
                    return CatalogError(file: e.source, line: e.line, column: e.column,
                                        message: "\(e.key) is replaced by \(r.key), which is \(t.status.rawValue) itself (\(t.source) line \(t.line))")
                }
            }
        }
        for av in added.appVersions.values.sorted(by: { $0.line < $1.line }) where av.status == .retired {
            if let e = entries.values.first(where: { $0.status == .current && $0.key.version == av.version && AppVersionKey.app(of: $0.module) == av.app }) {
                return CatalogError(file: av.source, line: av.line, column: av.column,
                                    message: "\(av.key) is retired (stopped working), but \(e.key) is listed as current (\(e.source) line \(e.line))")
            }
        }
        return nil
    }

    // MARK: the built-in catalog

    /// The catalog compiled into the binary. It is checked by the tests; if it ever failed
    /// to parse, this is empty and `shippedError` says why (no crash).
    public static var shipped: Catalog { shippedResult.catalog }
    public static var shippedError: CatalogError? { shippedResult.error }
    private static let shippedResult = loadShipped()

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
        if let e = shippedError { throw e }
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
