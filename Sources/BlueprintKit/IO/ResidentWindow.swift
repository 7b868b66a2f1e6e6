// Keeping a mapped file's resident part small while a pass reads it front to back.
//
// The pages of a file mapping (FileIO.map) count in the process's resident memory once
// they are read, so parsing a 50 MB file and then walking its modules would hold all
// 50 MB, on top of the node tape and the model. A pass that goes through the file in
// order drops the pages it has gone past, a few megabytes at a time: for a read-only
// private mapping `MADV_DONTNEED` only unmaps them, and a later read maps the same page
// of the page cache again (the bytes are the file's either way; a file changed under the
// mapping is caught by `JSONBytes.fileChanged` as before). Bytes in memory of the
// document's own are never released: for them the window does nothing.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public struct ResidentWindow {
    /// How far a pass reads past the last release before it releases again.
    public static let span = 4 << 20

    private let base: UnsafeRawPointer?
    private let limit: Int
    private var from: Int
    /// The offset at which the next release is due (`Int.max`: never).
    public private(set) var next: Int

    /// A window for a pass over `bytes` that starts at `offset`.
    public init(_ bytes: JSONBytes, from offset: Int = 0) {
        if bytes.storage.mapping != nil {
            base = UnsafeRawPointer(bytes.storage.base)
            limit = bytes.storage.count
            from = offset
            next = offset + ResidentWindow.span
        } else {
            base = nil
            limit = 0
            from = 0
            next = .max
        }
    }

    /// The pass has read everything before `offset` that it will read: once that is a
    /// whole span past the last release, the pages before it go.
    @inline(__always) public mutating func passed(_ offset: Int) {
        if offset >= next { release(upTo: offset) }
    }

    private mutating func release(upTo offset: Int) {
        guard let base else { return }
        let page = ResidentWindow.pageSize
        let lo = (from + page - 1) / page * page
        let hi = min(offset, limit) / page * page
        if hi > lo { _ = madvise(UnsafeMutableRawPointer(mutating: base + lo), hi - lo, MADV_DONTNEED) }
        from = max(from, hi)
        next = from + ResidentWindow.span
    }

    static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
}
