// Atomic save: write a temporary file in the same directory, fsync it, rename
// it over the target, fsync the directory. The original keeps its permissions
// and owner; a symlink is followed so its target is replaced, not the link. On
// any failure (read-only directory, ENOSPC, EFBIG, EIO) the original is
// untouched and the temporary file removed.
//
// Temporary files are named `.<name>.scened-<pid>-XXXXXX` and are flock()ed
// while being written. A process killed mid-save (SIGKILL, power loss) leaves
// one behind; `removeStaleTemporaries(for:)` deletes it on the next open or save
// (see there for the rule). Hard links are not preserved: the path gets a new
// inode, other names keep the old bytes. Character devices and FIFOs
// (`/dev/stdout`, `/dev/null`) are written directly: a rename would replace them.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

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

    static func baseName(of path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// `.<name>.scened-`: the start of every temporary file name for `name`. Long names
    /// are cut so that the whole temporary name stays under NAME_MAX (255 bytes).
    static func temporaryPrefix(forBase base: String) -> String {
        var b = Array(base.utf8)
        if b.count > 200 {
            b = Array(b[..<200])
            while let last = b.last, last & 0xC0 == 0x80 { b.removeLast() }   // do not split a character
            if let last = b.last, last >= 0xC0 { b.removeLast() }
        }
        return ".\(String(decoding: b, as: UTF8.self)).scened-"
    }

    /// Writes `bytes` to `path` atomically, without checking what is on disk.
    public static func write(_ bytes: [UInt8], to path: String, options: SaveOptions = SaveOptions()) throws(FileError) {
        do { _ = try write(bytes, to: path, options: options, expecting: nil) } catch {
            switch error {
            case .io(let e), .notDurable(let e, _): throw e
            case .externalChange(let c): throw FileError(path: path, message: c.description)   // not reached: nothing expected
            }
        }
    }

    /// Writes `bytes` to `path` atomically and returns the stamp of what was written.
    /// With `expecting` (the stamp from when the file was read or last saved) the save is
    /// refused with `.externalChange` when the file's content on disk no longer matches it;
    /// pass nil to overwrite regardless ("force").
    @discardableResult
    public static func write(_ bytes: [UInt8], to path: String, options: SaveOptions = SaveOptions(),
                             expecting: FileStamp?) throws(SaveError) -> FileStamp {
        let r = bytes.withUnsafeBufferPointer { buf in
            Result { () throws(SaveError) in try write(buffer: buf, to: path, options: options, expecting: expecting) }
        }
        return try r.get()
    }

    /// The same for a document's bytes, written from where they lie (no copy of a 50 MB result).
    @discardableResult
    public static func write(_ bytes: JSONBytes, to path: String, options: SaveOptions = SaveOptions(),
                             expecting: FileStamp?) throws(SaveError) -> FileStamp {
        try bytes.withUnsafeBufferPointer { (buf) throws(SaveError) in try write(buffer: buf, to: path, options: options, expecting: expecting) }
    }

    static func write(buffer bytes: UnsafeBufferPointer<UInt8>, to path: String, options: SaveOptions,
                      expecting: FileStamp?) throws(SaveError) -> FileStamp {
        let target = resolve(path)
        var st = stat()
        let existed = stat(target, &st) == 0
        if let expecting { try check(target, shownAs: path, against: expecting) }
        if existed && ((st.st_mode & S_IFMT) == S_IFCHR || (st.st_mode & S_IFMT) == S_IFIFO) {
            do { try writeDirect(bytes, to: target, shownAs: path) } catch { throw .io(error) }
            return FileStamp(buffer: bytes)
        }
        removeStaleTemporaries(for: target)
        if existed && options.backup {
            do {
                let old = try FileIO.read(target)
                try write(old, to: target + ".bak", options: SaveOptions(backup: false))
            } catch { throw .io(FileError(path: path, message: "cannot keep a backup: \(error)")) }
        }
        let mode: mode_t = existed ? (st.st_mode & 0o7777) : 0o644
        return try replace(target, shownAs: path, with: bytes, mode: mode,
                           owner: existed ? (st.st_uid, st.st_gid) : nil, expecting: expecting)
    }

    /// Refuses when the file on disk is not the content `expected` describes.
    static func check(_ target: String, shownAs path: String, against expected: FileStamp) throws(SaveError) {
        let found: FileStamp?
        do { found = try FileStamp.of(target) } catch { found = nil }
        if let found, found.sameContent(as: expected) { return }
        throw .externalChange(ExternalChange(path: path, expected: expected, found: found))
    }

    private static func replace(_ target: String, shownAs path: String, with bytes: UnsafeBufferPointer<UInt8>, mode: mode_t,
                                owner: (uid_t, gid_t)?, expecting: FileStamp?) throws(SaveError) -> FileStamp {
        let dir = directory(of: target)
        let prefix = temporaryPrefix(forBase: baseName(of: target))
        var template = Array("\(dir)/\(prefix)\(getpid())-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        if fd < 0 { throw .io(FileError(path: path, errno: errno, action: "cannot create a temporary file in \(dir)")) }
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        // Held until close: tells removeStaleTemporaries that a live writer owns the file.
        _ = flock(fd, LOCK_EX | LOCK_NB)
        let tmp = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var closed = false
        func fail(_ action: String) -> SaveError {
            let e = errno
            if !closed { close(fd) }
            unlink(tmp)
            return .io(FileError(path: path, errno: e, action: action))
        }
        // Keep the original's permissions (mkstemp creates 0600) and owner.
        if fchmod(fd, mode) != 0 { throw fail("cannot set permissions") }
        if let (uid, gid) = owner { _ = fchown(fd, uid, gid) }
        if let e = SaveFaults.failure(.write, target) {
            _ = FileIO.writeAll(fd: fd, UnsafeBufferPointer(rebasing: bytes.prefix(bytes.count / 2)))   // a write that fails half way
            errno = e
            throw fail("cannot write")
        }
        if !FileIO.writeAll(fd: fd, bytes) { throw fail("cannot write") }
        if let e = SaveFaults.failure(.fsync, target) { errno = e; throw fail("cannot sync to disk") }
        if fsync(fd) != 0 { throw fail("cannot sync to disk") }
        var st = stat()
        _ = fstat(fd, &st)
        let stamp = FileStamp(buffer: bytes, mtime: (Int(st.st_mtim.tv_sec), Int(st.st_mtim.tv_nsec)))
        closed = true
        if close(fd) != 0 { throw fail("cannot write") }
        // Check again as late as possible: the window for a lost update is now only the rename.
        if let expecting {
            do { try check(target, shownAs: path, against: expecting) } catch { unlink(tmp); throw error }
        }
        if let e = SaveFaults.failure(.rename, target) { errno = e; throw fail("cannot replace the file") }
        if rename(tmp, target) != 0 { throw fail("cannot replace the file") }
        // The new bytes are in place; a failing directory sync means the rename may not
        // survive a crash. Reported, not hidden (a failing disk), but the save happened.
        let dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dfd >= 0 {
            var rc = fsync(dfd)
            if let e = SaveFaults.failure(.directorySync, target) { errno = e; rc = -1 }
            let e = errno
            close(dfd)
            // EINVAL/ENOTSUP: the file system cannot sync directories (nothing to report).
            if rc != 0 && e != EINVAL && e != ENOTSUP {
                throw .notDurable(FileError(path: path, errno: e, action: "saved, but the folder \(dir) could not be synced to disk, "
                                            + "so the save may not survive a crash"), written: stamp)
            }
        }
        return stamp
    }

    /// For character devices and FIFOs, which a rename would replace instead of writing to.
    private static func writeDirect(_ bytes: UnsafeBufferPointer<UInt8>, to target: String, shownAs path: String) throws(FileError) {
        let fd = open(target, O_WRONLY | O_CLOEXEC)
        if fd < 0 { throw FileError(path: path, errno: errno, action: "cannot open for writing") }
        defer { close(fd) }
        if !FileIO.writeAll(fd: fd, bytes) { throw FileError(path: path, errno: errno, action: "cannot write") }
    }

    /// Deletes temporary files that an earlier save of `path` left behind when its process
    /// died (SIGKILL, power loss). A file `.<name>.scened-<pid>-XXXXXX` next to the target
    /// (or next to its `.bak`) is stale when no process holds its flock (the kernel drops
    /// the lock when the writer dies) and process `<pid>` no longer exists. Both must hold:
    /// the lock covers pid reuse, the pid covers the instant between mkstemp and flock.
    /// Files of this process, symlinks and non-files are never touched. Returns the
    /// names removed.
    @discardableResult
    public static func removeStaleTemporaries(for path: String) -> [String] {
        let target = resolve(path)
        let dir = directory(of: target)
        let base = baseName(of: target)
        let prefixes = [temporaryPrefix(forBase: base), temporaryPrefix(forBase: base + ".bak")]
        guard let d = opendir(dir) else { return [] }
        var names: [String] = []
        while let e = readdir(d) {
            let name = withUnsafePointer(to: &e.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            if prefixes.contains(where: { name.hasPrefix($0) }) { names.append(name) }
        }
        closedir(d)
        var removed: [String] = []
        for name in names {
            guard let prefix = prefixes.first(where: { name.hasPrefix($0) }),
                  let pid = writerPid(String(name.dropFirst(prefix.count))) else { continue }
            if pid == getpid() || kill(pid, 0) == 0 || errno != ESRCH { continue }
            let full = "\(dir)/\(name)"
            let fd = open(full, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
            if fd < 0 { continue }
            var st = stat()
            let isFile = fstat(fd, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG
            if isFile && flock(fd, LOCK_EX | LOCK_NB) == 0 && unlink(full) == 0 { removed.append(name) }
            close(fd)
        }
        return removed
    }

    /// The pid in `<pid>-XXXXXX`, or nil when the suffix is not a temporary file's.
    static func writerPid(_ suffix: String) -> pid_t? {
        let parts = suffix.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].utf8.count == 6,
              parts[1].utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) }),
              let pid = pid_t(parts[0]), pid > 0 else { return nil }
        return pid
    }
}

/// The steps of a save that a test can make fail (`SaveFaults.inject`).
enum SaveStep: Sendable, CaseIterable {
    case write, fsync, rename, directorySync
}

/// Test seam for I/O errors that cannot be produced on demand (EIO): makes one step of
/// saves to one target fail with an errno. Scoped to a target path so that tests
/// running in parallel are not affected; costs one atomic load per step otherwise.
enum SaveFaults {
    private static let any = Atomic<Bool>(false)
    private static let table = Mutex<[String: (step: SaveStep, errno: Int32)]>([:])

    /// Saves to `target` (as resolved by SafeSave) fail at `step` with `errno` until cleared.
    static func inject(_ step: SaveStep, errno e: Int32, target: String) {
        table.withLock { $0[SafeSave.resolve(target)] = (step, e) }
        any.store(true, ordering: .sequentiallyConsistent)
    }

    static func clear(target: String) {
        table.withLock { $0[SafeSave.resolve(target)] = nil }
    }

    /// The errno to fail `step` with for `target`, if a test asked for one.
    static func failure(_ step: SaveStep, _ target: String) -> Int32? {
        guard any.load(ordering: .relaxed) else { return nil }
        return table.withLock { t in t[target].flatMap { $0.step == step ? $0.errno : nil } }
    }
}
