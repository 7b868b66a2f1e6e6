// The bytes a document reads: either its own memory (read from a pipe, or made by an
// edit) or a read-only private mapping of the file (FileIO.map), parsed where it lies in
// the page cache, without a copy. Either way a contiguous, immutable buffer, shared by
// every copy of the document.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public struct JSONBytes: RandomAccessCollection, Sendable, Equatable, CustomStringConvertible {
    let storage: ByteStorage

    init(storage: ByteStorage) { self.storage = storage }

    /// A copy of `bytes` in memory of the document's own.
    public init(_ bytes: [UInt8]) {
        storage = ByteStorage(copying: bytes)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { storage.count }

    @inline(__always) public subscript(i: Int) -> UInt8 {
        precondition(i >= 0 && i < storage.count, "JSONBytes index out of range")
        return storage.base[i]
    }

    public func withUnsafeBufferPointer<R, E: Error>(_ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R) throws(E) -> R {
        try body(UnsafeBufferPointer(start: storage.base, count: storage.count))
    }

    /// The bytes as an array (a copy).
    public var array: [UInt8] { withUnsafeBufferPointer { Array($0) } }

    /// True when the bytes are a mapping of a file (not a copy).
    public var isMapped: Bool { storage.mapping != nil }

    public var description: String { "\(count) bytes\(isMapped ? " (mapped)" : "")" }

    public static func == (a: JSONBytes, b: JSONBytes) -> Bool {
        a.count == b.count && (a.storage === b.storage || memcmp(a.storage.base, b.storage.base, a.count) == 0)
    }

    public static func == (a: JSONBytes, b: [UInt8]) -> Bool {
        a.count == b.count && b.withUnsafeBufferPointer { memcmp(a.storage.base, $0.baseAddress ?? a.storage.base, a.count) == 0 }
    }

    public static func == (a: [UInt8], b: JSONBytes) -> Bool { b == a }
    public static func != (a: JSONBytes, b: [UInt8]) -> Bool { !(a == b) }
    public static func != (a: [UInt8], b: JSONBytes) -> Bool { !(b == a) }
}

/// Memory that is never written after it is filled: malloc'd, or a file mapping
/// (unmapped when the last document using it goes away).
final class ByteStorage: @unchecked Sendable {
    let base: UnsafePointer<UInt8>
    let count: Int
    /// The mapping's length (page-rounded) when this is a file mapping, the open file and
    /// its size and mtime when mapped (FileMap.swift).
    let mapping: Int?
    let fd: Int32
    let stamp: MappedStamp?

    /// `count` bytes filled by `fill`, which returns how many it wrote (at most `count`).
    init(capacity: Int, fill: (UnsafeMutableBufferPointer<UInt8>) throws -> Int) rethrows {
        let p = malloc(max(1, capacity))!.bindMemory(to: UInt8.self, capacity: max(1, capacity))
        let n: Int
        do { n = try fill(UnsafeMutableBufferPointer(start: p, count: capacity)) } catch { free(p); throw error }
        base = UnsafePointer(p)
        count = n
        mapping = nil
        fd = -1
        stamp = nil
    }

    convenience init(copying bytes: [UInt8]) {
        self.init(capacity: bytes.count) { buf in
            bytes.withUnsafeBufferPointer { src in
                if let s = src.baseAddress, let d = buf.baseAddress { memcpy(d, s, src.count) }
            }
            return bytes.count
        }
    }

    init(mapped base: UnsafePointer<UInt8>, count: Int, length: Int, fd: Int32, stamp: MappedStamp) {
        self.base = base
        self.count = count
        self.mapping = length
        self.fd = fd
        self.stamp = stamp
    }

    deinit {
        if let length = mapping {
            MappingGuard.unregister(base)
            munmap(UnsafeMutableRawPointer(mutating: base), length)
            close(fd)
        } else {
            free(UnsafeMutableRawPointer(mutating: base))
        }
    }
}
