// Puts the user's terminal back (cooked mode, visible cursor, normal screen) when the
// process dies of a signal: a Swift trap (SIGILL/SIGTRAP), abort, a segfault, even a
// stack overflow (the handlers run on an alternate signal stack), or SIGTERM/SIGHUP/
// SIGINT/SIGQUIT. Then the signal is re-raised with the disposition that was there
// before (the default action, or the Swift runtime's crash reporter), so exit statuses
// and crash reports stay truthful.
//
// Async-signal safety: the handler only uses atomics, plain loads, write(), tcsetattr(),
// sigaction() and raise(). Everything it needs (the fd, the shell's termios, the escape
// sequence that leaves curses mode) is prepared in normal context by `CursesScreen` and
// published with an atomic flag. ncurses' endwin() is *not* called from the handler.
import CNcursesW
import Glibc
import Synchronization

public enum TerminalGuard {
    /// A C function called from the signal handler with the signal number, after the
    /// terminal was restored and before the process dies. It must be async-signal-safe
    /// (open/write/fsync/rename…, no allocation, no locks).
    public typealias TerminateHook = @convention(c) (Int32) -> Void

    /// Signals after which the process terminates normally: the hook runs for these.
    public static let terminatingSignals: [Int32] = [SIGTERM, SIGHUP, SIGINT, SIGQUIT]
    /// Signals that mean a crash: only the terminal is restored.
    public static let crashSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP]

    /// Installs the handlers (once; later calls only replace the hook). `CursesScreen`
    /// calls this itself before starting curses, so it is never too late; call it again
    /// with `onTerminate` to register the "about to die" callback (e.g. a recovery-file
    /// writer). A terminating signal that was ignored when the handlers were installed
    /// (e.g. SIGHUP under nohup) stays ignored.
    @MainActor public static func install(onTerminate: TerminateHook? = nil) {
        if let onTerminate { setTerminateHook(onTerminate) }
        guard !installed else { return }
        installed = true
        touchHandlerState()
        installAltStack()
        install(signals: terminatingSignals, terminating: true)
        install(signals: crashSignals, terminating: false)
    }

    /// Replaces (or with nil removes) the hook run on terminating signals.
    public static func setTerminateHook(_ hook: TerminateHook?) {
        hookAddress.store(hook.map { unsafeBitCast($0, to: Int.self) } ?? 0, ordering: .sequentiallyConsistent)
    }

    /// Async-signal-safe terminal restore, for other signal handlers (e.g. a recovery
    /// writer's): writes the "leave curses mode" sequence and restores the shell's tty
    /// mode if a `CursesScreen` is active; does nothing otherwise or the second time.
    public static let restoreTerminal: @convention(c) () -> Void = { restoreTerminalNow() }

    // MARK: - Installation (main actor, normal context)

    @MainActor private static var installed = false

    @MainActor static func install(signals: [Int32], terminating: Bool) {
        var blocked = sigset_t()
        sigemptyset(&blocked)
        for s in terminatingSignals { sigaddset(&blocked, s) }
        for sig in signals where sig > 0 && sig < maxSignal {
            var previous = sigaction()
            guard sigaction(sig, nil, &previous) == 0 else { continue }
            let handler = previous.__sigaction_handler.sa_handler.map { unsafeBitCast($0, to: Int.self) } ?? 0
            if terminating && handler == 1 { continue }          // SIG_IGN: respect nohup & co.
            if handler == unsafeBitCast(guardSignalHandler as TerminateHook, to: Int.self) { continue }
            savedActions[Int(sig)] = previous
            var action = sigaction()
            action.__sigaction_handler.sa_handler = guardSignalHandler
            action.sa_mask = blocked
            action.sa_flags = Int32(SA_ONSTACK)
            if terminating { terminatingMask.bitwiseOr(UInt64(1) << UInt64(sig), ordering: .sequentiallyConsistent) }
            sigaction(sig, &action, nil)
        }
    }

    /// Swift initialises globals lazily (swift_once, which may lock); make sure that
    /// happened in normal context, before any handler can read them.
    @MainActor private static func touchHandlerState() {
        _ = savedActions
        _ = restorePlan
        _ = hookAddress.load(ordering: .relaxed)
        _ = terminatingMask.load(ordering: .relaxed)
        _ = handling.load(ordering: .relaxed)
        _ = restoreArmed.load(ordering: .relaxed)
        _ = restoreCount.load(ordering: .relaxed)
    }

    /// A stack overflow leaves no stack to run a handler on: give signals their own.
    @MainActor private static func installAltStack() {
        let size = 256 * 1024
        guard let memory = malloc(size) else { return }          // kept for the process lifetime
        var stack = stack_t()
        stack.ss_sp = memory
        stack.ss_size = size
        stack.ss_flags = 0
        if sigaltstack(&stack, nil) != 0 { free(memory) }
    }

    /// Test seam: lets the next signal restore and call the hook again.
    static func resetForTesting() { handling.store(false, ordering: .sequentiallyConsistent) }
}

// MARK: - State shared with the signal handler

private let maxSignal: Int32 = 64

/// The hook as an integer (a C function pointer), 0 for none: an atomic keeps the
/// handler's read well-defined even if the hook is replaced meanwhile.
private let hookAddress = Atomic<Int>(0)
/// Bit n set: signal n is a terminating signal the hook runs for.
private let terminatingMask = Atomic<UInt64>(0)
/// Set by the first signal handled, so a fault inside the hook cannot loop.
private let handling = Atomic<Bool>(false)

/// The dispositions found at install time, re-instated before re-raising. A slot is
/// written on the main actor before the handler for that signal is installed and only
/// read by that handler afterwards; raw memory, because that is what a signal handler
/// can read without the Swift runtime. Hence `nonisolated(unsafe)`.
nonisolated(unsafe) private let savedActions: UnsafeMutablePointer<sigaction> = {
    let p = UnsafeMutablePointer<sigaction>.allocate(capacity: Int(maxSignal))
    p.initialize(repeating: sigaction(), count: Int(maxSignal))
    return p
}()

/// What the handler writes to leave curses mode.
struct RestorePlan {
    var fd: Int32 = -1
    var hasTermios = false
    var termios = Glibc.termios()
    var sequence: UnsafeMutablePointer<UInt8>? = nil
    var sequenceCount = 0
}

/// Written by `CursesScreen` (main actor) only while `restoreArmed` is false, read by
/// the handler only after it flipped `restoreArmed` from true to false. The atomic
/// flag orders the accesses, hence `nonisolated(unsafe)`.
nonisolated(unsafe) private let restorePlan: UnsafeMutablePointer<RestorePlan> = {
    let p = UnsafeMutablePointer<RestorePlan>.allocate(capacity: 1)
    p.initialize(to: RestorePlan())
    return p
}()
private let restoreArmed = Atomic<Bool>(false)
/// How many restores ran from `restoreTerminal`/a signal (for tests).
let restoreCount = Atomic<Int>(0)

/// Publishes what a signal must write to leave curses mode, and arms the restore.
@MainActor func armRestore(fd: Int32, shellMode: termios?, sequence: [UInt8]) {
    restoreArmed.store(false, ordering: .sequentiallyConsistent)
    restorePlan.pointee.sequence?.deallocate()
    let bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, sequence.count))
    bytes.initialize(from: sequence, count: sequence.count)
    restorePlan.pointee = RestorePlan(fd: fd, hasTermios: shellMode != nil, termios: shellMode ?? termios(),
                                      sequence: bytes, sequenceCount: sequence.count)
    restoreArmed.store(true, ordering: .sequentiallyConsistent)
}

/// Called on a normal shutdown: endwin() restores, signals must not do it again.
@MainActor func disarmRestore() {
    restoreArmed.store(false, ordering: .sequentiallyConsistent)
}

private func restoreTerminalNow() {
    guard restoreArmed.exchange(false, ordering: .sequentiallyConsistent) else { return }
    let plan = restorePlan.pointee
    if let bytes = plan.sequence {
        var off = 0
        while off < plan.sequenceCount {
            let n = write(plan.fd, bytes + off, plan.sequenceCount - off)
            if n > 0 { off += n } else if n < 0 && errno == EINTR { continue } else { break }
        }
    }
    if plan.hasTermios {
        var mode = plan.termios
        _ = tcsetattr(plan.fd, TCSANOW, &mode)
    }
    restoreCount.add(1, ordering: .sequentiallyConsistent)
}

private func guardSignalHandler(_ sig: Int32) {
    if !handling.exchange(true, ordering: .sequentiallyConsistent) {
        restoreTerminalNow()
        let isTerminating = sig > 0 && sig < maxSignal
            && terminatingMask.load(ordering: .sequentiallyConsistent) & (UInt64(1) << UInt64(sig)) != 0
        let address = hookAddress.load(ordering: .sequentiallyConsistent)
        if isTerminating, address != 0 {
            unsafeBitCast(address, to: TerminalGuard.TerminateHook.self)(sig)
        }
    }
    // Re-instate the earlier disposition and re-raise: the signal is blocked while this
    // handler runs, so it is delivered (default action, or the runtime's crash reporter)
    // as soon as we return. A hardware fault simply faults again on return.
    if sig > 0 && sig < maxSignal { sigaction(sig, savedActions + Int(sig), nil) }
    raise(sig)
}
