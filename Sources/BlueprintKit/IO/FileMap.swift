// Opening a file without a copy: a read-only private mapping, parsed where it lies in
// the page cache. Standard input, small files, non-regular files and files that cannot
// be mapped are read into memory instead.
//
// A mapped file that another program truncates while it is mapped would make the next
// read of a page past the new end raise SIGBUS. `MappingGuard` catches that fault for
// our mappings only: the page is replaced by zeros, the mapping is marked damaged, and
// the program carries on; `JSONBytes.fileChanged` tells the caller to read the file again
// (any other SIGBUS goes to the disposition that was there before). Callers check
// `fileChanged` after the work, which also catches a same-size rewrite (size or mtime).
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

extension FileIO {
    /// Files below this size are read (a mapping is not worth it, and a copy is immune to
    /// other programs).
    public static let mapThreshold = 1 << 20

    /// The file's bytes, mapped when it is a regular file of at least `mapAbove` bytes,
    /// else read into memory. Reading is also the fallback whenever mapping fails.
    public static func documentBytes(_ path: String, mapAbove: Int = mapThreshold) throws(FileError) -> JSONBytes {
        if path != "-", let mapped = map(path, minimum: mapAbove) { return mapped }
        return try readBytes(path)
    }

    /// The file's bytes (standard input for "-") read into memory of the document's own:
    /// a regular file straight into it, anything else through `read` and one copy.
    public static func readBytes(_ path: String) throws(FileError) -> JSONBytes {
        if path != "-" {
            let fd = open(path, O_RDONLY | O_CLOEXEC)
            if fd >= 0 {
                defer { close(fd) }
                var st = stat()
                if fstat(fd, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG {
                    let size = Int(st.st_size)
                    var complete = false
                    let storage = ByteStorage(capacity: size + 1) { buf in
                        var n = 0
                        while n < buf.count {
                            let r = Glibc.read(fd, buf.baseAddress! + n, buf.count - n)
                            if r < 0 && errno == EINTR { continue }
                            if r <= 0 { complete = r == 0; break }
                            n += r
                        }
                        return n
                    }
                    // one byte more than fstat said means the file grew meanwhile: read it the long way
                    if complete && storage.count <= size { return JSONBytes(storage: storage) }
                }
            }
        }
        return JSONBytes(try read(path))
    }

    private static func map(_ path: String, minimum: Int) -> JSONBytes? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }                     // `read` reports the error
        var st = stat()
        guard fstat(fd, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG, Int(st.st_size) >= max(1, minimum) else {
            close(fd)
            return nil
        }
        let size = Int(st.st_size)
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let length = (size + page - 1) / page * page
        guard let p = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), p != MAP_FAILED else { close(fd); return nil }
        let base = UnsafePointer(p.assumingMemoryBound(to: UInt8.self))
        guard MappingGuard.register(base, length: length) else {
            munmap(p, size)
            close(fd)
            return nil
        }
        _ = madvise(p, size, MADV_SEQUENTIAL)
        let stamp = MappedStamp(size: size, mtimeSec: Int(st.st_mtim.tv_sec), mtimeNsec: Int(st.st_mtim.tv_nsec))
        return JSONBytes(storage: ByteStorage(mapped: base, count: size, length: length, fd: fd, stamp: stamp))
    }
}

/// Size and modification time of a mapped file when it was mapped.
struct MappedStamp: Equatable {
    var size: Int
    var mtimeSec: Int
    var mtimeNsec: Int
}

extension JSONBytes {
    /// True when these are a file's mapped bytes and the file changed since it was mapped
    /// (its size or mtime differs, or a page had to be replaced after a truncation): the
    /// bytes may not be what the file held at any one time. Always false for a copy.
    public var fileChanged: Bool {
        guard storage.mapping != nil else { return false }
        if MappingGuard.isDamaged(storage.base) { return true }
        var st = stat()
        guard fstat(storage.fd, &st) == 0 else { return true }
        return MappedStamp(size: Int(st.st_size), mtimeSec: Int(st.st_mtim.tv_sec), mtimeNsec: Int(st.st_mtim.tv_nsec)) != storage.stamp
    }
}

/// The SIGBUS guard for our mappings (see the file comment).
enum MappingGuard {
    static let slots = 64
    /// Per slot: start address, end address, damaged flag (0/1). Written under `lock` in
    /// normal context before the mapping is used and after it is no longer used; read by
    /// the signal handler, which can use only plain memory.
    nonisolated(unsafe) static let table: UnsafeMutablePointer<Int> = {
        let p = UnsafeMutablePointer<Int>.allocate(capacity: 3 * slots)
        p.initialize(repeating: 0, count: 3 * slots)
        return p
    }()
    nonisolated(unsafe) static let previous: UnsafeMutablePointer<sigaction> = {
        let p = UnsafeMutablePointer<sigaction>.allocate(capacity: 1)
        p.initialize(to: sigaction())
        return p
    }()
    static let lock = Mutex(())

    /// Adds a mapping to the table, with the handler first in line for SIGBUS (again, if
    /// another handler was installed since); false when the table is full.
    static func register(_ base: UnsafePointer<UInt8>, length: Int) -> Bool {
        lock.withLock { _ in
            _ = table; _ = previous                       // globals are set up before any fault
            installHandler()
            for s in 0..<slots where table[3 * s] == 0 {
                table[3 * s + 2] = 0
                table[3 * s + 1] = Int(bitPattern: base) + length
                table[3 * s] = Int(bitPattern: base)
                return true
            }
            return false
        }
    }

    /// Puts the guard's handler first (unless it is), keeping the one it replaces for the
    /// faults that are not ours (e.g. the terminal guard's, which restores the terminal).
    static func installHandler() {
        var current = sigaction()
        sigaction(SIGBUS, nil, &current)
        if current.__sigaction_handler.sa_sigaction.map({ unsafeBitCast($0, to: Int.self) }) == unsafeBitCast(mappingFaultHandler, to: Int.self) { return }
        previous.pointee = current
        var action = sigaction()
        action.__sigaction_handler.sa_sigaction = mappingFaultHandler
        sigemptyset(&action.sa_mask)
        action.sa_flags = Int32(SA_SIGINFO | SA_ONSTACK)
        sigaction(SIGBUS, &action, nil)
    }

    static func unregister(_ base: UnsafePointer<UInt8>) {
        lock.withLock { _ in
            for s in 0..<slots where table[3 * s] == Int(bitPattern: base) {
                table[3 * s] = 0
                table[3 * s + 1] = 0
                table[3 * s + 2] = 0
            }
        }
    }

    static func isDamaged(_ base: UnsafePointer<UInt8>) -> Bool {
        lock.withLock { _ in
            for s in 0..<slots where table[3 * s] == Int(bitPattern: base) { return table[3 * s + 2] != 0 }
            return false
        }
    }
}

/// Async-signal-safe: plain loads and stores, mmap() and sigaction().
private let mappingFaultHandler: @convention(c) (Int32, UnsafeMutablePointer<siginfo_t>?, UnsafeMutableRawPointer?) -> Void = { sig, info, _ in
    let address = info.map { Int(bitPattern: $0.pointee._sifields._sigfault.si_addr) } ?? 0
    let table = MappingGuard.table
    for s in 0..<MappingGuard.slots {
        let start = table[3 * s], end = table[3 * s + 1]
        if start != 0 && address >= start && address < end {
            let page = address & ~4095
            if mmap(UnsafeMutableRawPointer(bitPattern: page), 4096, PROT_READ, MAP_PRIVATE | MAP_FIXED | MAP_ANONYMOUS, -1, 0) != MAP_FAILED {
                table[3 * s + 2] = 1
                return                                      // the read runs again and sees zeros
            }
        }
    }
    // Not ours: the earlier disposition handles the fault when it happens again on return.
    sigaction(sig, MappingGuard.previous, nil)
}
