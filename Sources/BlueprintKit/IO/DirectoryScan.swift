// Folders of exports: every `*.json` file under a directory, recursively, in a
// stable order (byte order of the paths), skipping dot files and dot folders.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension FileIO {
    public static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    /// The `*.json` files under `dir` (recursive; symbolic links to folders are not followed).
    public static func jsonFiles(under dir: String) -> [String] {
        var out: [String] = []
        var stack = [dir.hasSuffix("/") && dir.count > 1 ? String(dir.dropLast()) : dir]
        while let d = stack.popLast() {
            guard let h = opendir(d) else { continue }
            while let ent = readdir(h) {
                let name = withUnsafeBytes(of: ent.pointee.d_name) { raw in String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self) }
                if name.hasPrefix(".") { continue }
                let path = d + "/" + name
                var st = stat()
                guard lstat(path, &st) == 0 else { continue }
                if (st.st_mode & S_IFMT) == S_IFDIR { stack.append(path) }
                else if name.hasSuffix(".json") && (st.st_mode & S_IFMT) == S_IFREG { out.append(path) }
            }
            closedir(h)
        }
        return out.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }
}
