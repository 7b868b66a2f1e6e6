// Reading files and standard input into bytes, with errno-based messages.
import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public struct FileError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String
    public var errno: Int32
    public var description: String { "\(path): \(message)" }

    public init(path: String, errno e: Int32, action: String) {
        self.path = path
        self.errno = e
        self.message = "\(action): \(String(cString: strerror(e)))"
    }

    public init(path: String, message: String) {
        self.path = path; self.message = message; self.errno = 0
    }
}

public enum FileIO {
    /// Reads a whole file (or standard input for "-").
    public static func read(_ path: String) throws(FileError) -> [UInt8] {
        let fd: Int32 = path == "-" ? 0 : open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { throw FileError(path: path, errno: errno, action: "cannot open") }
        defer { if path != "-" { close(fd) } }
        var st = stat()
        if fstat(fd, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR {
            throw FileError(path: path, message: "is a directory")
        }
        // Read straight into uninitialized storage: a regular file takes one allocation
        // and no copy (the old zero-fill + trim was very slow in debug builds and
        // zero-filled twice the file size).
        let size = (st.st_mode & S_IFMT) == S_IFREG ? Int(st.st_size) : 0
        if size >= parallelReadThreshold, let whole = try readHalves(fd, path: path, size: size) { return whole }
        var out = [UInt8]()
        var chunk = max(65536, size + 1)
        while true {
            var failure: Int32 = 0
            var eof = false
            let piece = [UInt8](unsafeUninitializedCapacity: chunk) { buf, count in
                count = 0
                adviseHugePages(UnsafeMutableRawBufferPointer(buf))
                while count < buf.count {
                    let n = Glibc.read(fd, buf.baseAddress! + count, buf.count - count)
                    if n < 0 { if errno == EINTR { continue }; failure = errno; return }
                    if n == 0 { eof = true; return }
                    count += n
                }
            }
            if failure != 0 { throw FileError(path: path, errno: failure, action: "cannot read") }
            if out.isEmpty { out = piece } else { out.append(contentsOf: piece) }
            if eof { break }
            chunk = 1 << 20
        }
        return out
    }

    /// Regular files at least this big are read as two halves side by side.
    static let parallelReadThreshold = 8 << 20

    /// Reads a regular file of `size` bytes with two threads, one half each: on a
    /// 50 MB file the kernel's copy (and the zeroing of fresh pages under it) is a
    /// tenth of opening it. Nil when the file turned out not to be `size` bytes long
    /// (it is changing): the caller then reads it the ordinary way.
    static func readHalves(_ fd: Int32, path: String, size: Int) throws(FileError) -> [UInt8]? {
        var failure: Int32 = 0
        var short = false
        let out = [UInt8](unsafeUninitializedCapacity: size) { buf, count in
            count = 0
            adviseHugePages(UnsafeMutableRawBufferPointer(buf))
            let base = RawBase(p: buf.baseAddress!)
            let half = size / 2
            let results = ReadResults()
            DispatchQueue.concurrentPerform(iterations: 2) { k in
                let from = k == 0 ? 0 : half, to = k == 0 ? half : size
                var off = from
                while off < to {
                    let n = pread(fd, base.p + off, to - off, off_t(off))
                    if n < 0 { if errno == EINTR { continue }; results.set(k, errno); return }
                    if n == 0 { results.set(k, -1); return }            // shorter than fstat said
                    off += n
                }
            }
            for k in 0..<2 where results.get(k) != 0 {
                if results.get(k) == -1 { short = true } else { failure = results.get(k) }
            }
            if failure == 0 && !short {
                // Longer than fstat said? Then it is growing: read it the ordinary way.
                var one: UInt8 = 0
                if pread(fd, &one, 1, off_t(size)) != 0 { short = true }
            }
            count = failure == 0 && !short ? size : 0
        }
        if failure != 0 { throw FileError(path: path, errno: failure, action: "cannot read") }
        if short {
            _ = lseek(fd, 0, SEEK_SET)
            return nil
        }
        return out
    }

    private struct RawBase: @unchecked Sendable { let p: UnsafeMutablePointer<UInt8> }

    /// Per-half errno (0 ok, -1 short), written by one thread each, read after both finish.
    private final class ReadResults: @unchecked Sendable {
        private var codes: (Int32, Int32) = (0, 0)
        func set(_ k: Int, _ v: Int32) { if k == 0 { codes.0 = v } else { codes.1 = v } }
        func get(_ k: Int) -> Int32 { k == 0 ? codes.0 : codes.1 }
    }

    /// Asks for transparent huge pages on a large buffer about to be filled: a 50 MB file
    /// otherwise takes ~12,000 page faults, a sixth of opening it (Linux, THP in `madvise` mode).
    static func adviseHugePages(_ buf: UnsafeMutableRawBufferPointer) {
        #if os(Linux)
        guard let base = buf.baseAddress, buf.count >= 4 << 20 else { return }
        let page = 4096
        let start = (Int(bitPattern: base) + page - 1) & ~(page - 1)
        let end = (Int(bitPattern: base) + buf.count) & ~(page - 1)
        guard end > start, let p = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(p, end - start, MADV_HUGEPAGE)
        #endif
    }

    /// Writes bytes to standard output (fd 1), handling short writes.
    public static func writeStdout(_ bytes: [UInt8]) {
        writeAll(fd: 1, bytes)
    }

    public static func writeStdout(_ s: String) { writeAll(fd: 1, Array(s.utf8)) }
    public static func writeStderr(_ s: String) { writeAll(fd: 2, Array(s.utf8)) }

    @discardableResult
    static func writeAll(fd: Int32, _ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buf in
            var off = 0
            while off < buf.count {
                let n = write(fd, buf.baseAddress! + off, buf.count - off)
                if n < 0 { if errno == EINTR { continue }; return false }
                off += n
            }
            return true
        }
    }

    public static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }
}
