// Reading files and standard input into bytes, with errno-based messages.
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
        var out = [UInt8]()
        let size = Int(st.st_size)
        var chunk = max(65536, size + 1)
        if (st.st_mode & S_IFMT) == S_IFREG { out.reserveCapacity(size + 1) }
        while true {
            let oldCount = out.count
            out.append(contentsOf: repeatElement(0, count: chunk))
            let n = out.withUnsafeMutableBufferPointer { buf in
                Glibc.read(fd, buf.baseAddress! + oldCount, chunk)
            }
            if n < 0 {
                if errno == EINTR { out.removeLast(chunk); continue }
                throw FileError(path: path, errno: errno, action: "cannot read")
            }
            out.removeLast(chunk - n)
            if n == 0 { break }
            chunk = max(chunk, 65536)
        }
        return out
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
