// Reading files and standard input into bytes, with errno-based messages.
import Synchronization
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
        beforeOutput()
        writeAll(fd: 1, bytes)
    }

    public static func writeStdout(_ s: String) { beforeOutput(); writeAll(fd: 1, Array(s.utf8)) }
    public static func writeStderr(_ s: String) { beforeOutput(); writeAll(fd: 2, Array(s.utf8)) }
    /// Writes to standard error without calling the output hook (a progress line's own drawing).
    public static func writeStderrDirect(_ s: String) { writeAll(fd: 2, Array(s.utf8)) }

    /// Called before anything is written to stdout or stderr: a command's progress line
    /// (scened's ProgressTicker) erases itself there, so output never lands in its line.
    public static func setOutputHook(_ hook: (@Sendable () -> Void)?) { outputHook.withLock { $0 = hook } }
    private static let outputHook = Mutex<(@Sendable () -> Void)?>(nil)
    private static func beforeOutput() { if let h = outputHook.withLock({ $0 }) { h() } }

    /// Writes a document's bytes to standard output from where they lie.
    public static func writeStdout(_ bytes: JSONBytes) {
        beforeOutput()
        bytes.withUnsafeBufferPointer { _ = writeAll(fd: 1, $0) }
    }

    @discardableResult
    static func writeAll(fd: Int32, _ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { writeAll(fd: fd, $0) }
    }

    @discardableResult
    static func writeAll(fd: Int32, _ buf: UnsafeBufferPointer<UInt8>) -> Bool {
        do {
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
