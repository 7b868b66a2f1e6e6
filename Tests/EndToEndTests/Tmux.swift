// A small driver for end-to-end tests: runs the real scened binary inside a
// detached tmux server of its own (own socket, no user config), types keys,
// and polls the screen instead of sleeping.
import Foundation
import Testing

/// The package root, derived from this file's path.
let packageRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The built scened binary (swift test builds it), or nil.
func scenedBinary() -> String? {
    let fm = FileManager.default
    for dir in [".build/debug", ".build/x86_64-unknown-linux-gnu/debug", ".build/release"] {
        let p = packageRoot.appendingPathComponent(dir).appendingPathComponent("scened").path
        if fm.isExecutableFile(atPath: p) { return p }
    }
    return nil
}

func which(_ tool: String) -> String? {
    for d in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
        let p = "\(d)/\(tool)"
        if FileManager.default.isExecutableFile(atPath: p) { return p }
    }
    return nil
}

@discardableResult
func run(_ argv: [String], env: [String: String]? = nil, stdin: Data? = nil, detached: Bool = false) -> (status: Int32, out: String, err: String) {
    // posix_spawn + waitpid: Foundation's Process can miss the exit of a client
    // whose daemon (the tmux server) it forked, and then waits forever.
    var outPipe: [Int32] = [0, 0], errPipe: [Int32] = [0, 0], inPipe: [Int32] = [0, 0]
    // Close-on-exec, so a process spawned at the same time by another test cannot
    // inherit our pipe ends and keep them open.
    guard pipe(&outPipe) == 0, pipe(&errPipe) == 0, pipe(&inPipe) == 0 else { return (127, "", "pipe failed") }
    for fd in inPipe + outPipe + errPipe { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    if detached {
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    } else {
        posix_spawn_file_actions_adddup2(&actions, inPipe[0], 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
    }
    for fd in inPipe + outPipe + errPipe { posix_spawn_file_actions_addclose(&actions, fd) }
    let environment = (env ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
    var cArgs = argv.map { strdup($0) } + [nil]
    var cEnv = environment.map { strdup($0) } + [nil]
    defer { cArgs.forEach { free($0) }; cEnv.forEach { free($0) } }
    // The test runner blocks some signals; a child (and the tmux server it forks, and
    // scened under it) must start with an empty mask and default handlers, or it never
    // sees SIGCHLD, SIGWINCH or SIGTERM.
    var attr = posix_spawnattr_t()
    posix_spawnattr_init(&attr)
    defer { posix_spawnattr_destroy(&attr) }
    var empty = sigset_t(), all = sigset_t()
    sigemptyset(&empty)
    sigfillset(&all)
    posix_spawnattr_setsigmask(&attr, &empty)
    posix_spawnattr_setsigdefault(&attr, &all)
    posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    var pid: pid_t = 0
    let rc = posix_spawn(&pid, argv[0], &actions, &attr, &cArgs, &cEnv)
    close(inPipe[0]); close(outPipe[1]); close(errPipe[1])
    guard rc == 0 else {
        close(inPipe[1]); close(outPipe[0]); close(errPipe[0])
        return (127, "", "cannot run \(argv[0]): \(String(cString: strerror(rc)))")
    }
    if let stdin, !detached { stdin.withUnsafeBytes { _ = write(inPipe[1], $0.baseAddress, $0.count) } }
    close(inPipe[1])
    // Read both pipes on separate threads so a full stderr cannot block stdout.
    final class Box: @unchecked Sendable { var data = Data() }
    let errBox = Box()
    let errFD = errPipe[0]
    let t = Thread { errBox.data = readAll(errFD) }
    t.start()
    let out = readAll(outPipe[0])
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    while !t.isFinished { usleep(1000) }
    close(outPipe[0]); close(errPipe[0])
    let code: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    return (code, String(decoding: out, as: UTF8.self), String(decoding: errBox.data, as: UTF8.self))
}

private func readAll(_ fd: Int32) -> Data {
    var d = Data()
    var buf = [UInt8](repeating: 0, count: 65536)
    while true {
        let n = read(fd, &buf, buf.count)
        if n > 0 { d.append(contentsOf: buf[0..<n]) }
        else if n < 0 && errno == EINTR { continue }
        else { break }
    }
    return d
}

/// Every end-to-end suite nests in this one so that they run one at a time: the
/// machine has few cores and timing-sensitive checks (ESC latency) need quiet.
@Suite(.serialized) enum EndToEnd {}

final class Tmux {
    let tmux: String
    let socket: String
    let target = "e2e"
    /// The shell under tmux writes the program's exit status here (tmux's own
    /// `pane_dead_status` races with the pty closing and is sometimes never set).
    let statusFile: String

    /// Starts `command` (a shell command line) in a new detached session of its own server.
    init?(width: Int = 120, height: Int = 40, command: String, env: [String: String] = [:]) {
        guard let t = which("tmux") else { return nil }
        tmux = t
        socket = "scened-e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
        var envPrefix = "env -u NO_COLOR -u SCENED_THEME -u LINES -u COLUMNS -u ESCDELAY XDG_CONFIG_HOME=/nonexistent-scened-config"
        var e = env
        if e["TERM"] == nil { e["TERM"] = "xterm-256color" }
        if e["LANG"] == nil && e["LC_ALL"] == nil { e["LC_ALL"] = "C.UTF-8" }
        // Recovery files of the demo go to the state folder: a fresh one per session, so
        // the user's (or another test's) never shows up.
        if e["XDG_STATE_HOME"] == nil { e["XDG_STATE_HOME"] = NSTemporaryDirectory() + "\(socket).state" }
        for (k, v) in e.sorted(by: { $0.key < $1.key }) { envPrefix += " \(k)=\(shellQuote(v))" }
        // Our own config (not the user's): keep dead panes so exit codes and last words
        // can be read, and pass ESC through at once.
        let conf = NSTemporaryDirectory() + "\(socket).conf"
        statusFile = NSTemporaryDirectory() + "\(socket).status"
        try? "set -g remain-on-exit on\nset -g escape-time 0\n".write(toFile: conf, atomically: true, encoding: .utf8)
        let r = run([tmux, "-L", socket, "-f", conf, "new-session", "-d", "-s", target,
                     "-x", "\(width)", "-y", "\(height)",
                     "\(envPrefix) \(command); echo $? > \(shellQuote(statusFile))"], detached: true)
        guard r.status == 0 else { return nil }
    }

    deinit {
        run([tmux, "-L", socket, "kill-server"])
        unlink(statusFile)
        try? FileManager.default.removeItem(atPath: NSTemporaryDirectory() + "\(socket).state")
    }

    /// Sends tmux key names (`Enter`, `Escape`, `C-s`, `Down`) or, with `literal`, text.
    func send(_ keys: String..., literal: Bool = false) {
        run([tmux, "-L", socket, "send-keys", "-t", target] + (literal ? ["-l"] : []) + keys)
    }

    func type(_ text: String) { send(text, literal: true) }

    func capture(escapes: Bool = false) -> String {
        run([tmux, "-L", socket, "capture-pane", "-p", "-t", target] + (escapes ? ["-e"] : [])).out
    }

    /// Everything the pane printed, scrollback included, wrapped lines joined.
    func transcript() -> String {
        run([tmux, "-L", socket, "capture-pane", "-p", "-J", "-S", "-", "-t", target]).out
    }

    func display(_ format: String) -> String {
        run([tmux, "-L", socket, "display-message", "-p", "-t", target, format]).out.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    func resize(_ w: Int, _ h: Int) {
        run([tmux, "-L", socket, "resize-window", "-t", target, "-x", "\(w)", "-y", "\(h)"])
    }

    /// Polls the screen until `predicate` holds or `timeout` passes; returns the last capture.
    @discardableResult
    func wait(timeout: Double = 8, escapes: Bool = false, _ predicate: (String) -> Bool) -> (ok: Bool, screen: String) {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = capture(escapes: escapes)
            if predicate(last) { return (true, last) }
            usleep(20_000)
        }
        return (false, last)
    }

    func waitFor(_ text: String, timeout: Double = 8) -> (ok: Bool, screen: String) {
        wait(timeout: timeout) { $0.contains(text) }
    }

    var paneDead: Bool { display("#{pane_dead}") == "1" }
    /// The exit status (128 + signal number for a process killed by a signal), once it has exited.
    var exitStatus: Int? {
        guard let text = try? String(contentsOfFile: statusFile, encoding: .utf8) else { return nil }
        return Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }
    var alternateScreenOn: Bool { display("#{alternate_on}") == "1" }
    /// The program's pid: the child of the shell that runs in the pane.
    var panePID: Int32? {
        guard let shell = Int32(display("#{pane_pid}")),
              let kids = try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8) else { return nil }
        return kids.split(separator: " ").first.flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    func waitForExit(timeout: Double = 8) -> Int? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let s = exitStatus { return s }
            usleep(20_000)
        }
        return nil
    }
}

func shellQuote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }
