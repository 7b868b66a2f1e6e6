// Atomic save: write a temporary file in the same directory, fsync it, rename
// it over the target, fsync the directory. The original keeps its permissions;
// a symlink is followed so its target is replaced, not the link. On any
// failure the original is untouched and the temporary file removed.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public struct SaveOptions: Sendable {
    /// Keep the previous bytes in `FILE.bak`.
    public var backup: Bool = false
    public init(backup: Bool = false) { self.backup = backup }
}

public enum SafeSave {
    /// The real file a path names (following symlinks); the path itself when it does not exist yet.
    public static func resolve(_ path: String) -> String {
        var target = path
        var hops = 0
        while hops < 40 {
            var buf = [Int8](repeating: 0, count: 4096)
            let n = readlink(target, &buf, buf.count - 1)
            if n < 0 { break }
            let link = String(decoding: buf[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if link.hasPrefix("/") { target = link } else { target = directory(of: target) + "/" + link }
            hops += 1
        }
        return target
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let d = String(path[..<slash])
        return d.isEmpty ? "/" : d
    }

    /// Writes `bytes` to `path` atomically.
    public static func write(_ bytes: [UInt8], to path: String, options: SaveOptions = SaveOptions()) throws(FileError) {
        let target = resolve(path)
        let dir = directory(of: target)
        let base = target.split(separator: "/").last.map(String.init) ?? target
        var st = stat()
        let existed = stat(target, &st) == 0
        let mode: mode_t = existed ? (st.st_mode & 0o7777) : 0o644
        if existed && options.backup {
            let old = try FileIO.read(target)
            try write(old, to: target + ".bak", options: SaveOptions(backup: false))
        }
        var template = Array("\(dir)/.\(base).scened-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        if fd < 0 { throw FileError(path: path, errno: errno, action: "cannot create a temporary file in \(dir)") }
        let tmp = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        func fail(_ action: String) -> FileError {
            let e = errno
            close(fd)
            unlink(tmp)
            return FileError(path: path, errno: e, action: action)
        }
        // Keep the original's permissions (mkstemp creates 0600).
        if fchmod(fd, mode) != 0 { throw fail("cannot set permissions") }
        if existed { _ = fchown(fd, st.st_uid, st.st_gid) }
        let ok = bytes.withUnsafeBufferPointer { buf -> Bool in
            var off = 0
            while off < buf.count {
                let n = Glibc.write(fd, buf.baseAddress! + off, buf.count - off)
                if n < 0 { if errno == EINTR { continue }; return false }
                off += n
            }
            return true
        }
        if !ok { throw fail("cannot write") }
        if fsync(fd) != 0 { throw fail("cannot sync to disk") }
        if close(fd) != 0 { let e = errno; unlink(tmp); throw FileError(path: path, errno: e, action: "cannot write") }
        if rename(tmp, target) != 0 { let e = errno; unlink(tmp); throw FileError(path: path, errno: e, action: "cannot replace the file") }
        let dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dfd >= 0 { _ = fsync(dfd); close(dfd) }
    }
}
