// What a file looked like when it was read or saved: size, modification time
// and a content hash. Saving compares the stamp taken at open (or at the last
// save) with the file on disk to notice that someone else changed it.
//
// The rule: the file "changed" when its size or content hash differs. The
// mtime is recorded and reported, but a `touch` that leaves the bytes alone is
// not a conflict (mtime granularity and clock skew on network file systems make
// it unreliable as the only signal, and overwriting identical bytes loses nothing).
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public struct FileStamp: Equatable, Sendable, CustomStringConvertible {
    /// Size in bytes.
    public var size: Int
    /// Modification time: seconds and nanoseconds since the epoch.
    public var mtimeSec: Int
    public var mtimeNsec: Int
    /// FNV-1a 64 of the content.
    public var hash: UInt64

    public init(size: Int, mtimeSec: Int, mtimeNsec: Int, hash: UInt64) {
        self.size = size; self.mtimeSec = mtimeSec; self.mtimeNsec = mtimeNsec; self.hash = hash
    }

    /// The stamp of bytes that were read from (or written to) a file with the given mtime.
    public init(bytes: [UInt8], mtime: (sec: Int, nsec: Int) = (0, 0)) {
        self.init(size: bytes.count, mtimeSec: mtime.sec, mtimeNsec: mtime.nsec, hash: FileStamp.fnv1a(bytes))
    }

    public init(bytes: JSONBytes, mtime: (sec: Int, nsec: Int) = (0, 0)) {
        self = bytes.withUnsafeBufferPointer { FileStamp(buffer: $0, mtime: mtime) }
    }

    public init(buffer: UnsafeBufferPointer<UInt8>, mtime: (sec: Int, nsec: Int) = (0, 0)) {
        self.init(size: buffer.count, mtimeSec: mtime.sec, mtimeNsec: mtime.nsec, hash: FileStamp.fnv1a(buffer))
    }

    /// Reads `path` and stamps it.
    public static func of(_ path: String) throws(FileError) -> FileStamp { try read(path).stamp }

    /// Reads a whole file and stamps exactly the bytes read (mtime from the same open file).
    public static func read(_ path: String) throws(FileError) -> (bytes: [UInt8], stamp: FileStamp) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { throw FileError(path: path, errno: errno, action: "cannot open") }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw FileError(path: path, errno: errno, action: "cannot stat") }
        if (st.st_mode & S_IFMT) == S_IFDIR { throw FileError(path: path, message: "is a directory") }
        // Read straight into an array of the size fstat reported, then probe for more (the
        // file may grow while we read, or report 0 like /proc files).
        var out = [UInt8](repeating: 0, count: max(0, Int(st.st_size)))
        var filled = 0
        var probe = [UInt8](repeating: 0, count: 65536)
        while true {
            let n: Int
            if filled < out.count {
                n = out.withUnsafeMutableBufferPointer { buf in Glibc.read(fd, buf.baseAddress! + filled, buf.count - filled) }
            } else {
                n = probe.withUnsafeMutableBufferPointer { buf in Glibc.read(fd, buf.baseAddress!, buf.count) }
                if n > 0 { out.append(contentsOf: probe[..<n]) }
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw FileError(path: path, errno: errno, action: "cannot read")
            }
            if n == 0 { break }
            filled += n
        }
        if filled < out.count { out.removeSubrange(filled...) }
        // fstat again after reading: a writer that appended while we read shows up in the mtime.
        _ = fstat(fd, &st)
        return (out, FileStamp(bytes: out, mtime: (Int(st.st_mtim.tv_sec), Int(st.st_mtim.tv_nsec))))
    }

    /// True when `other` describes the same content (size and hash; mtime ignored).
    public func sameContent(as other: FileStamp) -> Bool { size == other.size && hash == other.hash }

    public var hashHex: String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        for shift in stride(from: 60, through: 0, by: -4) { out.append(digits[Int((hash >> UInt64(shift)) & 15)]) }
        return String(decoding: out, as: UTF8.self)
    }

    /// `2025-01-31 14:05:09 UTC`.
    public var mtimeText: String {
        var t = time_t(mtimeSec)
        var tm = tm()
        guard gmtime_r(&t, &tm) != nil else { return "\(mtimeSec)" }
        func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(tm.tm_year + 1900)-\(two(tm.tm_mon + 1))-\(two(tm.tm_mday)) \(two(tm.tm_hour)):\(two(tm.tm_min)):\(two(tm.tm_sec)) UTC"
    }

    public var description: String { "\(size) bytes, modified \(mtimeText), fnv1a \(hashHex)" }

    /// FNV-1a, 64 bit. Not cryptographic: it detects accidental changes, which is all a stamp needs.
    public static func fnv1a(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBufferPointer { fnv1a($0) }
    }

    public static func fnv1a(_ buf: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in buf { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return h
    }
}

/// The file on disk is not the version the edits were based on.
public struct ExternalChange: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    /// The stamp taken when the file was opened or last saved.
    public var expected: FileStamp
    /// What is on disk now; nil when the file was deleted or cannot be read.
    public var found: FileStamp?

    public init(path: String, expected: FileStamp, found: FileStamp?) {
        self.path = path; self.expected = expected; self.found = found
    }

    /// What changed, in words: `size 120 → 131 bytes, modified 2025-… UTC`.
    public var whatChanged: String {
        guard let f = found else { return "it was deleted or can no longer be read" }
        var parts: [String] = []
        if f.size != expected.size { parts.append("size \(expected.size) → \(f.size) bytes") }
        else if f.hash != expected.hash { parts.append("content differs (same size, \(f.size) bytes)") }
        if f.mtimeSec != expected.mtimeSec || f.mtimeNsec != expected.mtimeNsec { parts.append("modified \(f.mtimeText)") }
        return parts.joined(separator: ", ")
    }

    public var description: String { "\(path): changed on disk since it was read (\(whatChanged))" }
}

/// A save that did not happen: an I/O failure or a refusal because of an external change.
public enum SaveError: Error, Sendable, CustomStringConvertible {
    /// Nothing was written: the original is as it was and no temporary file is left.
    case io(FileError)
    case externalChange(ExternalChange)
    /// The new bytes replaced the file, but syncing its folder failed (an I/O error):
    /// the save is visible but may not survive a crash. `written` is its stamp.
    case notDurable(FileError, written: FileStamp)

    public var description: String {
        switch self {
        case .io(let e): return e.description
        case .externalChange(let c): return c.description
        case .notDurable(let e, _): return e.description
        }
    }
}
