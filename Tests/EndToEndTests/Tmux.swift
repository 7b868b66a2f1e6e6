// A small driver for end-to-end tests: runs the real scened binary inside a
// detached tmux server of its own (own socket, no user config), types keys,
// and polls the screen instead of sleeping.
import Foundation

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
    let p = Process()
    p.executableURL = URL(fileURLWithPath: argv[0])
    p.arguments = Array(argv.dropFirst())
    if let env { p.environment = env }
    if detached {
        // A command that leaves a daemon behind (tmux new-session) must not hold our pipes
        // open, nor inherit the test runner's blocked signal mask (a tmux server that never
        // sees SIGCHLD, and a scened that never sees SIGTERM/SIGHUP, hang forever).
        return (spawnWithCleanSignals(argv), "", "")
    }
    let o = Pipe(), e = Pipe()
    p.standardOutput = o
    p.standardError = e
    let i = Pipe()
    p.standardInput = i
    do { try p.run() } catch { return (127, "", "\(error)") }
    if let stdin { i.fileHandleForWriting.write(stdin) }
    try? i.fileHandleForWriting.close()
    let od = o.fileHandleForReading.readDataToEndOfFile()
    let ed = e.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: od, as: UTF8.self), String(decoding: ed, as: UTF8.self))
}

final class Tmux {
    let tmux: String
    let socket: String
    let target = "e2e"

    /// Starts `command` (a shell command line) in a new detached session of its own server.
    init?(width: Int = 120, height: Int = 40, command: String, env: [String: String] = [:]) {
        guard let t = which("tmux") else { return nil }
        tmux = t
        socket = "scened-e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
        var envPrefix = "env -u NO_COLOR -u SCENED_THEME XDG_CONFIG_HOME=/nonexistent-scened-config"
        var e = env
        if e["TERM"] == nil { e["TERM"] = "xterm-256color" }
        if e["LANG"] == nil && e["LC_ALL"] == nil { e["LC_ALL"] = "C.UTF-8" }
        for (k, v) in e.sorted(by: { $0.key < $1.key }) { envPrefix += " \(k)=\(shellQuote(v))" }
        let r = run([tmux, "-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", target,
                     "-x", "\(width)", "-y", "\(height)", "exec \(envPrefix) \(command)"], detached: true)
        guard r.status == 0 else { return nil }
        run([tmux, "-L", socket, "set-option", "-t", target, "remain-on-exit", "on"])
        run([tmux, "-L", socket, "set-option", "-g", "escape-time", "0"])
    }

    deinit { run([tmux, "-L", socket, "kill-server"]) }

    /// Sends tmux key names (`Enter`, `Escape`, `C-s`, `Down`) or, with `literal`, text.
    func send(_ keys: String..., literal: Bool = false) {
        run([tmux, "-L", socket, "send-keys", "-t", target] + (literal ? ["-l"] : []) + keys)
    }

    func type(_ text: String) { send(text, literal: true) }

    func capture(escapes: Bool = false) -> String {
        run([tmux, "-L", socket, "capture-pane", "-p", "-t", target] + (escapes ? ["-e"] : [])).out
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
    var exitStatus: Int? { paneDead ? Int(display("#{pane_dead_status}")) : nil }
    var alternateScreenOn: Bool { display("#{alternate_on}") == "1" }
    var panePID: Int32? { Int32(display("#{pane_pid}")) }

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

/// Runs `argv` with stdio on /dev/null, an empty signal mask and default handlers; waits.
func spawnWithCleanSignals(_ argv: [String]) -> Int32 {
    var attr = posix_spawnattr_t()
    posix_spawnattr_init(&attr)
    defer { posix_spawnattr_destroy(&attr) }
    var empty = sigset_t(), all = sigset_t()
    sigemptyset(&empty)
    sigfillset(&all)
    posix_spawnattr_setsigmask(&attr, &empty)
    posix_spawnattr_setsigdefault(&attr, &all)
    posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    for fd: Int32 in [0, 1, 2] { posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0) }
    var cargs: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
    defer { for a in cargs { free(a) } }
    var pid = pid_t()
    guard posix_spawn(&pid, argv[0], &actions, &attr, &cargs, environ) == 0 else { return 127 }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 { if errno != EINTR { return 127 } }
    return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
}
