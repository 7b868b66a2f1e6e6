// `DIR/.scened-remote.json`: which file came from which scenario. One entry per file with the
// platform, origin, scenario id, team, folder, name, the SHA-256 of the file as written
// (`hash`: a different file means local edits), the SHA-256 of the remote blueprint in export
// layout when last seen (`remoteHash`: a different remote means someone edited the scenario),
// and the remote's last-edit stamp. It never holds a credential.
#if canImport(Glibc)
import Glibc
#endif
import BlueprintKit

public struct ManifestEntry: Sendable, Equatable {
    /// Relative to the manifest's folder: `<team>/<id>-<slug>.json`.
    public var path: String
    public var platform: Platform
    public var origin: String
    public var scenarioId: Int
    public var teamId: Int
    public var folderId: Int?
    public var name: String
    public var hash: String
    public var remoteHash: String
    public var lastEdit: String?
    /// Fusion only: the organization and region the file was pulled with.
    public var org: String?
    public var region: String?

    public init(path: String, platform: Platform, origin: String, scenarioId: Int, teamId: Int, folderId: Int?, name: String,
                hash: String, remoteHash: String, lastEdit: String?, org: String? = nil, region: String? = nil) {
        self.path = path; self.platform = platform; self.origin = origin; self.scenarioId = scenarioId; self.teamId = teamId
        self.folderId = folderId; self.name = name; self.hash = hash; self.remoteHash = remoteHash; self.lastEdit = lastEdit
        self.org = org; self.region = region
    }
}

public struct RemoteManifest: Sendable {
    public static let fileName = ".scened-remote.json"
    public static let backupFolder = ".scened-backups"
    /// The folder holding the manifest.
    public let directory: String
    public var entries: [ManifestEntry]

    public init(directory: String, entries: [ManifestEntry] = []) { self.directory = directory; self.entries = entries }

    public var path: String { directory + "/" + RemoteManifest.fileName }

    /// Loads `directory/.scened-remote.json`; an empty manifest when there is none.
    public static func load(directory: String) throws(APIError) -> RemoteManifest {
        let path = directory + "/" + fileName
        guard FileIO.exists(path) else { return RemoteManifest(directory: directory) }
        let bytes: [UInt8]
        do { bytes = try FileIO.read(path) } catch { throw .configuration("\(error)") }
        let v: JSONValue
        do { let d = try JSONDocument(bytes: bytes); v = d.value(d.root) } catch {
            throw .configuration("\(path):\(error.line):\(error.column): \(error.message)")
        }
        guard let files = v["files"]?.arrayValue else { throw .configuration("\(path): no \"files\" array") }
        var out = RemoteManifest(directory: directory)
        for (i, f) in files.enumerated() {
            guard let p = f["path"]?.stringValue, let plat = f["platform"]?.stringValue.flatMap(Platform.init(rawValue:)),
                  let origin = f["origin"]?.stringValue, let id = f["scenarioId"]?.intValue, let team = f["teamId"]?.intValue,
                  let hash = f["hash"]?.stringValue else {
                throw .configuration("\(path): files[\(i)] lacks path, platform, origin, scenarioId, teamId or hash")
            }
            out.entries.append(ManifestEntry(path: p, platform: plat, origin: origin, scenarioId: id, teamId: team,
                                             folderId: f["folderId"]?.intValue, name: f["name"]?.stringValue ?? "",
                                             hash: hash, remoteHash: f["remoteHash"]?.stringValue ?? hash,
                                             lastEdit: f["lastEdit"]?.stringValue, org: f["org"]?.stringValue, region: f["region"]?.stringValue))
        }
        return out
    }

    /// The nearest manifest in `folder` or a folder above it.
    public static func find(from folder: String) throws(APIError) -> RemoteManifest? {
        var dir = absolute(folder)
        while true {
            if FileIO.exists(dir + "/" + fileName) { return try load(directory: dir) }
            guard dir != "/", let slash = dir.lastIndex(of: "/") else { return nil }
            dir = slash == dir.startIndex ? "/" : String(dir[..<slash])
        }
    }

    public func entry(forPath relative: String) -> ManifestEntry? { entries.first { $0.path == relative } }

    public func entry(platform: Platform, origin: String, scenarioId: Int) -> ManifestEntry? {
        entries.first { $0.platform == platform && $0.origin == origin && $0.scenarioId == scenarioId }
    }

    public mutating func put(_ e: ManifestEntry) {
        entries.removeAll { $0.path == e.path }
        entries.append(e)
        entries.sort { $0.path < $1.path }
    }

    /// `path` relative to the manifest's folder, or nil when it is outside it.
    public func relative(_ path: String) -> String? {
        let a = absolute(path)
        if a == directory { return "" }
        let prefix = directory == "/" ? "/" : directory + "/"
        return a.hasPrefix(prefix) ? String(a.dropFirst(prefix.count)) : nil
    }

    public func render() -> String {
        let files: [JSONValue] = entries.map { e in
            var o: [(String, JSONValue)] = [("path", .string(e.path)), ("platform", .string(e.platform.rawValue)),
                                            ("origin", .string(e.origin)), ("scenarioId", .int(e.scenarioId)), ("teamId", .int(e.teamId))]
            if let f = e.folderId { o.append(("folderId", .int(f))) }
            o += [("name", .string(e.name)), ("hash", .string(e.hash)), ("remoteHash", .string(e.remoteHash))]
            if let l = e.lastEdit { o.append(("lastEdit", .string(l))) }
            if let org = e.org { o.append(("org", .string(org))) }
            if let r = e.region { o.append(("region", .string(r))) }
            return .object(o)
        }
        return JSONWriter.render(.object([("scened", .string("remote manifest: which file came from which scenario")),
                                          ("version", .int(1)), ("files", .array(files))]), style: .make) + "\n"
    }

    /// Writes the manifest atomically.
    public func save() throws(APIError) {
        do { try SafeSave.write(Array(render().utf8), to: path) } catch { throw .configuration("cannot write the manifest: \(error)") }
    }
}

/// `path` made absolute against the working directory, with `.` parts and trailing `/` removed.
public func absolute(_ path: String) -> String {
    var base = path
    if !base.hasPrefix("/") {
        var buf = [Int8](repeating: 0, count: 4096)
        let cwd = getcwd(&buf, buf.count) != nil
            ? String(decoding: buf.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) : "."
        base = cwd + "/" + path
    }
    var parts: [Substring] = []
    for p in base.split(separator: "/") {
        if p == "." { continue }
        if p == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
        parts.append(p)
    }
    return "/" + parts.joined(separator: "/")
}

/// `mkdir -p` for the folders of a file about to be written.
public func makeParentDirectories(of path: String) throws(APIError) {
    var dir = ""
    let parts = absolute(path).split(separator: "/").dropLast()
    for p in parts {
        dir += "/" + p
        if mkdir(dir, 0o755) != 0 && errno != EEXIST {
            throw .configuration("cannot create \(dir): \(String(cString: strerror(errno)))")
        }
    }
}

/// The UTC time as `20261203T114200Z`, for backup names.
public func utcStamp() -> String {
    var t = time(nil)
    var tmv = tm()
    gmtime_r(&t, &tmv)
    func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
    return "\(tmv.tm_year + 1900)\(two(tmv.tm_mon + 1))\(two(tmv.tm_mday))T\(two(tmv.tm_hour))\(two(tmv.tm_min))\(two(tmv.tm_sec))Z"
}

public func isDirectory(_ path: String) -> Bool {
    var st = stat()
    return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
}
