// The few file operations configuration needs, injectable so tests run against an
// in-memory file system instead of the user's home directory.
#if canImport(Glibc)
import Glibc
#endif
import BlueprintKit

public struct ConfigFS: Sendable {
    /// The bytes of a file, or an error message ("cannot open: No such file or directory").
    public var read: @Sendable (String) -> Result<[UInt8], FileError>
    /// True when something exists at the path.
    public var exists: @Sendable (String) -> Bool
    /// The names of the entries of a directory; empty when it does not exist.
    public var list: @Sendable (String) -> [String]

    public init(read: @escaping @Sendable (String) -> Result<[UInt8], FileError>,
                exists: @escaping @Sendable (String) -> Bool,
                list: @escaping @Sendable (String) -> [String]) {
        self.read = read
        self.exists = exists
        self.list = list
    }

    public static let real = ConfigFS(
        read: { path in
            do throws(FileError) { return .success(try FileIO.read(path)) } catch { return .failure(error) }
        },
        exists: { FileIO.exists($0) },
        list: { dir in
            guard let d = opendir(dir) else { return [] }
            defer { closedir(d) }
            var names: [String] = []
            while let ent = readdir(d) {
                let name = withUnsafeBytes(of: ent.pointee.d_name) { raw in
                    String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
                }
                if name != "." && name != ".." { names.append(name) }
            }
            return names.sorted()
        })

    /// An in-memory file system: path → contents. Directories are implied by paths.
    public static func memory(_ files: [String: String]) -> ConfigFS {
        ConfigFS(
            read: { path in
                guard let t = files[path] else { return .failure(FileError(path: path, message: "cannot open: No such file or directory")) }
                return .success(Array(t.utf8))
            },
            exists: { path in files[path] != nil || files.keys.contains { $0.hasPrefix(path + "/") } },
            list: { dir in
                files.keys.compactMap { p -> String? in
                    guard p.hasPrefix(dir + "/") else { return nil }
                    let rest = p.dropFirst(dir.count + 1)
                    return rest.contains("/") ? nil : String(rest)
                }.sorted()
            })
    }
}

/// Where scened's own configuration lives: `$XDG_CONFIG_HOME/scened` (an absolute
/// XDG_CONFIG_HOME only, as the XDG spec says), else `~/.config/scened`.
public enum ConfigPaths {
    public static func directory(env: [String: String]) -> String? {
        if let x = env["XDG_CONFIG_HOME"], x.hasPrefix("/") { return x + "/scened" }
        if let h = env["HOME"], !h.isEmpty { return (h.hasSuffix("/") ? String(h.dropLast()) : h) + "/.config/scened" }
        return nil
    }

    public static func configFile(env: [String: String]) -> String? { directory(env: env).map { $0 + "/config" } }
    public static func themesDirectory(env: [String: String]) -> String? { directory(env: env).map { $0 + "/themes" } }

    /// `~/x` → `$HOME/x`; a relative path is taken relative to `base` (the config file's folder).
    public static func expand(_ path: String, home: String?, base: String?) -> String {
        if path == "~" || path.hasPrefix("~/"), let home, !home.isEmpty { return home + path.dropFirst() }
        if path.hasPrefix("/") || base == nil { return path }
        return base! + "/" + path
    }

    /// The variables settings depend on, read from the process environment.
    public static let variables = ["NO_COLOR", "SCENED_THEME", "XDG_CONFIG_HOME", "HOME", "LC_ALL", "LC_CTYPE", "LANG", "TERM"]

    public static func processEnvironment() -> [String: String] {
        var env: [String: String] = [:]
        for k in variables { if let v = getenv(k) { env[k] = String(cString: v) } }
        return env
    }
}
