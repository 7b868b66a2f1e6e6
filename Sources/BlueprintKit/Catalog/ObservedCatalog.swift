// Observations as catalog data: which app versions real exports use. The shipped
// `observed.json` is this file's output for the public exports the team has
// (`scened catalog observe DIR`), so it can be rebuilt and compared when more
// exports arrive. An observation says "no deprecation known", never "current":
// it is loaded first, and every documented fact overrides it.

public struct ObservedCatalog: Sendable {
    /// Per app version: in how many files, and in how many modules, it was seen.
    public private(set) var files: [AppVersionKey: Int] = [:]
    public private(set) var modules: [AppVersionKey: Int] = [:]
    public private(set) var fileCount = 0

    public init() {}

    /// Counts one export.
    public mutating func add(_ bp: Blueprint) {
        fileCount += 1
        var seen = Set<AppVersionKey>()
        for k in bp.modules.indices {
            let name = bp.modules[k].moduleName
            guard !name.isEmpty, name.contains(":") else { continue }
            let key = AppVersionKey(String(AppVersionKey.app(of: name)), bp.modules[k].version)
            modules[key, default: 0] += 1
            seen.insert(key)
        }
        for key in seen { files[key, default: 0] += 1 }
    }

    /// The catalog file (format of README "Catalog files"), one app per line group, sorted.
    public func json(description: String? = nil) -> String {
        let byApp = Dictionary(grouping: files.keys, by: \.app)
        var out = "{\n    \"scenedCatalog\": 1,\n"
        let d = description ?? "App versions seen in \(fileCount) public exports (scened catalog observe): no deprecation known, which is not proof of current"
        out += "    \"description\": \(JSONWriter.quoted(d)),\n"
        out += "    \"apps\": ["
        var firstApp = true
        for app in byApp.keys.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) {
            out += firstApp ? "\n" : ",\n"
            firstApp = false
            out += "        { \"app\": \(JSONWriter.quoted(app)), \"versions\": ["
            let versions = byApp[app]!.sorted()
            for (i, k) in versions.enumerated() {
                out += i == 0 ? "\n" : ",\n"
                out += "            { \"version\": \(k.version.map(String.init) ?? "null"), \"status\": \"current\", \"basis\": \"observed\", "
                out += "\"seenIn\": \(files[k]!) }"
            }
            out += "\n        ] }"
        }
        out += "\n    ]\n}\n"
        return out
    }
}
