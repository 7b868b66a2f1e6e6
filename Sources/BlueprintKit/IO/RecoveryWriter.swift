// Writing recovery files from a signal handler.
//
// Concurrency story. A signal handler may only call async-signal-safe functions:
// no allocation, no locks, no reference counting. So everything the handler
// needs is prepared in normal context by `RecoveryWriter.update(document:)`: one
// malloc'ed block holding the recovery and temporary paths as C strings and the
// complete file image (header line + document). The block is immutable once
// published. Publishing is one atomic pointer exchange into `published`; the
// handler does one atomic load and then only open/write/fsync/close/rename/unlink.
//
// Freeing a replaced block must not race with a handler that is reading it (on
// another thread, or interrupting this one). The handler first increments
// `handlersRunning`, then loads the pointer; the publisher first exchanges the
// pointer, then reads `handlersRunning` and frees the old block only when it is
// zero (all sequentially consistent). Either the handler's increment is seen and
// the old block is leaked (the process is about to die anyway), or the handler
// started after the exchange and can only have loaded the new block.
//
// One writer is active per process (the editor edits one document); a second
// `update` from another writer simply replaces the published snapshot. Each
// block records the writer that published it: `writeNow`, `clear` and `finish`
// only act on their own writer's snapshot, so one writer can never write or
// withdraw another's (this matters when tests run writers side by side).
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// The address of the snapshot the signal handler writes, or 0 when there is nothing
/// unsaved. Stored as an integer because raw pointers are not Sendable.
private let published = Atomic<Int>(0)
/// Signal handlers currently running (see the concurrency story above).
private let handlersRunning = Atomic<Int>(0)
/// Called by the handler after writing, to put the terminal back (the editor's
/// async-signal-safe restore: tcsetattr plus a pre-built escape sequence).
/// Written once by `RecoveryWriter.installSignalHandlers` before the handlers are
/// installed and only read afterwards, hence the unchecked access.
nonisolated(unsafe) private var terminalRestoreHook: (@convention(c) () -> Void)?

/// The fixed-size head of a published block; the strings and bytes follow it.
private struct Snapshot {
    /// The publishing writer (ObjectIdentifier's bits); only compared, never dereferenced.
    var owner: Int
    var primary: UnsafePointer<CChar>
    var primaryTemp: UnsafePointer<CChar>
    var fallback: UnsafePointer<CChar>
    var fallbackTemp: UnsafePointer<CChar>
    var data: UnsafePointer<UInt8>
    var count: Int
}

/// Keeps a recovery image of the edited document ready for SIGHUP/SIGTERM.
///
/// Editor protocol: create one when a file (or the demo) is opened, with the stamp
/// of what was read; call `update(document:)` after every edit that leaves unsaved
/// changes; `clear()` when the document is unmodified again; `saved(stamp:)` after a
/// successful save; `finish()` on a clean quit.
/// `installSignalHandlers(restoreTerminal:)` once at startup, on the main thread.
public final class RecoveryWriter: Sendable {
    /// The original (nil for the demo) and where the recovery file goes.
    public let original: String?
    public let recoveryPath: String
    public let fallbackPath: String
    private let baseStamp: Mutex<FileStamp?>
    private let snapshotCount = Atomic<Int>(0)

    public init(for original: String?, stamp: FileStamp?) {
        self.original = original.map(Recovery.absoluteTarget)
        self.recoveryPath = Recovery.path(for: original)
        self.fallbackPath = Recovery.fallbackPath(for: original)
        self.baseStamp = Mutex(stamp)
        RecoveryWriter.makeDirectories(SafeSave.directory(of: fallbackPath))
    }

    /// A writer that goes away takes its snapshot with it (the recovery file stays).
    deinit { clear() }

    /// Publishes the current document as what a signal would write. Cost: one copy of
    /// the document. Call after each edit (not needed when the document is unmodified).
    public func update(document bytes: [UInt8]) {
        let header = RecoveryHeader(originalPath: original, originalStamp: baseStamp.withLock { $0 },
                                    time: Int(time(nil)), pid: getpid(), length: bytes.count)
        publish(RecoveryWriter.makeBlock(owner: ownerID, paths: [recoveryPath, recoveryPath + "-new", fallbackPath, fallbackPath + "-new"],
                                         data: header.line + bytes))
    }

    /// After a successful save: nothing is unsaved; later edits are based on `stamp`.
    public func saved(stamp: FileStamp?) {
        baseStamp.withLock { $0 = stamp }
        finish()
    }

    /// Nothing unsaved any more (all edits undone): a signal writes nothing. Unlike
    /// `finish()`, an existing recovery file is left alone (it may hold an earlier
    /// session's edits that were not dealt with yet).
    public func clear() { publish(nil) }

    /// Nothing unsaved any more (clean quit, or a save): unpublish and delete
    /// any recovery file this writer owns.
    public func finish() {
        publish(nil)
        unlink(recoveryPath)
        unlink(fallbackPath)
    }

    /// Writes the published snapshot now (normal context); true when a file was written.
    @discardableResult
    public func writeNow() -> Bool {
        handlersRunning.add(1, ordering: .sequentiallyConsistent)
        defer { handlersRunning.subtract(1, ordering: .sequentiallyConsistent) }
        guard let p = UnsafeMutableRawPointer(bitPattern: published.load(ordering: .sequentiallyConsistent)),
              p.load(as: Snapshot.self).owner == ownerID else { return false }
        return writeSnapshot(p)
    }

    /// Installs the SIGHUP/SIGTERM handler: write the published snapshot (if any), call
    /// `restoreTerminal`, then die of the same signal (exit status shows it). Call once.
    public static func installSignalHandlers(restoreTerminal: (@convention(c) () -> Void)? = nil) {
        terminalRestoreHook = restoreTerminal
        for sig in [SIGHUP, SIGTERM] {
            var sa = sigaction()
            sa.__sigaction_handler.sa_handler = recoverySignalHandler
            sa.sa_flags = Int32(bitPattern: UInt32(SA_RESETHAND))
            sigemptyset(&sa.sa_mask)
            sigaddset(&sa.sa_mask, SIGHUP)
            sigaddset(&sa.sa_mask, SIGTERM)
            sigaction(sig, &sa, nil)
        }
        // A parent may have started us with these blocked (Foundation's Process passes its
        // thread's mask on); blocked, they would stay pending and never save anything.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        sigaddset(&unblock, SIGHUP)
        sigaddset(&unblock, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
    }

    /// For a signal handler someone else owns (the editor's `TerminalGuard`): writes the
    /// published snapshot, if any. Async-signal-safe. Use as
    /// `TerminalGuard.install(onTerminate: RecoveryWriter.signalHook)`.
    public static let signalHook: @convention(c) (Int32) -> Void = { _ in writePublishedFromSignal() }

    private var ownerID: Int { Int(bitPattern: Unmanaged.passUnretained(self).toOpaque()) }

    private func publish(_ block: UnsafeMutableRawPointer?) {
        if block != nil { snapshotCount.add(1, ordering: .relaxed) }
        let old: UnsafeMutableRawPointer?
        if block == nil {
            // Withdraw only this writer's own snapshot.
            let current = published.load(ordering: .sequentiallyConsistent)
            guard let p = UnsafeMutableRawPointer(bitPattern: current), p.load(as: Snapshot.self).owner == ownerID,
                  published.compareExchange(expected: current, desired: 0, ordering: .sequentiallyConsistent).exchanged
            else { return }
            old = p
        } else {
            old = UnsafeMutableRawPointer(bitPattern: published.exchange(Int(bitPattern: block), ordering: .sequentiallyConsistent))
        }
        if let old, handlersRunning.load(ordering: .sequentiallyConsistent) == 0 { free(old) }
    }

    /// How many snapshots this writer made (each `update` copies the document once).
    public var snapshots: Int { snapshotCount.load(ordering: .relaxed) }

    private static func makeBlock(owner: Int, paths: [String], data: [UInt8]) -> UnsafeMutableRawPointer {
        let cStrings = paths.map { Array($0.utf8CString) }
        let head = MemoryLayout<Snapshot>.stride
        let total = head + cStrings.reduce(0) { $0 + $1.count } + data.count
        let block = malloc(total)!
        var off = head
        var ptrs: [UnsafePointer<CChar>] = []
        for s in cStrings {
            let dst = (block + off).bindMemory(to: CChar.self, capacity: s.count)
            s.withUnsafeBufferPointer { dst.update(from: $0.baseAddress!, count: s.count) }
            ptrs.append(UnsafePointer(dst))
            off += s.count
        }
        let bytes = (block + off).bindMemory(to: UInt8.self, capacity: max(1, data.count))
        data.withUnsafeBufferPointer { if let b = $0.baseAddress { bytes.update(from: b, count: data.count) } }
        block.initializeMemory(as: Snapshot.self, repeating: Snapshot(owner: owner,
            primary: ptrs[0], primaryTemp: ptrs[1], fallback: ptrs[2], fallbackTemp: ptrs[3],
            data: UnsafePointer(bytes), count: data.count), count: 1)
        return block
    }

    static func makeDirectories(_ dir: String) {
        var prefix = ""
        for part in dir.split(separator: "/") {
            prefix += "/" + part
            mkdir(prefix, 0o700)
        }
    }
}

/// Writes the published snapshot from a signal handler (or does nothing).
private func writePublishedFromSignal() {
    handlersRunning.add(1, ordering: .sequentiallyConsistent)
    if let p = UnsafeMutableRawPointer(bitPattern: published.load(ordering: .sequentiallyConsistent)) { _ = writeSnapshot(p) }
}

/// The signal handler. Async-signal-safe: atomics, a plain struct load and
/// open/write/fsync/close/rename/unlink/signal/raise only.
private func recoverySignalHandler(_ sig: Int32) {
    writePublishedFromSignal()
    terminalRestoreHook?()
    // SA_RESETHAND restored the default action; the signal is blocked until we return,
    // so the re-raised signal ends the process right after this handler.
    raise(sig)
}

/// Writes the snapshot next to the original, else in the state directory.
private func writeSnapshot(_ p: UnsafeMutableRawPointer) -> Bool {
    let s = p.load(as: Snapshot.self)
    return writeImage(s.primaryTemp, s.primary, s.data, s.count) || writeImage(s.fallbackTemp, s.fallback, s.data, s.count)
}

/// temp → write all → fsync → close → rename: a reader sees the old or the new image.
private func writeImage(_ temp: UnsafePointer<CChar>, _ final: UnsafePointer<CChar>, _ data: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    let fd = open(temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o600)
    if fd < 0 { return false }
    var off = 0
    while off < count {
        let n = write(fd, data + off, count - off)
        if n < 0 {
            if errno == EINTR { continue }
            close(fd); unlink(temp); return false
        }
        off += n
    }
    if fsync(fd) != 0 { close(fd); unlink(temp); return false }
    if close(fd) != 0 { unlink(temp); return false }
    if rename(temp, final) != 0 { unlink(temp); return false }
    return true
}
