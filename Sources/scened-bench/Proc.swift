// Child processes for the benchmark: posix_spawn + wait4, so every run reports its
// own wall time and peak RSS (ru_maxrss of that child alone).
import Glibc

/// Monotonic seconds.
func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

struct RunResult {
    var status: Int32
    var seconds: Double
    /// Peak resident set of the child, in bytes.
    var maxRSS: Int
    /// User + system CPU seconds of the child (what load from other processes does not inflate).
    var cpu: Double = 0
    /// The fastest of the runs (wall clock), next to the median in `seconds`.
    var best: Double = 0
    /// The slowest of the runs: (worst − best) / median is the spread between runs.
    var worst: Double = 0
    var spread: Double { seconds > 0 ? (worst - best) / seconds : 0 }
}

/// Runs `argv` with stdout/stderr to /dev/null (or stdout to `stdoutPath`) and the
/// benchmark's hermetic environment.
func runChild(_ argv: [String], stdoutPath: String = "/dev/null", env: [String] = benchEnvironment) -> RunResult {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, stdoutPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    var cArgs = argv.map { strdup($0) } + [nil]
    var cEnv = env.map { strdup($0) } + [nil]
    defer { cArgs.forEach { free($0) }; cEnv.forEach { free($0) } }
    var pid: pid_t = 0
    let start = now()
    let rc = posix_spawnp(&pid, argv[0], &actions, nil, &cArgs, &cEnv)
    guard rc == 0 else { return RunResult(status: 127, seconds: 0, maxRSS: 0) }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
    let seconds = now() - start
    let code: Int32 = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    let cpu = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    return RunResult(status: code, seconds: seconds, maxRSS: Int(usage.ru_maxrss) * 1024, cpu: cpu)
}

/// Runs `argv` `times` times; the median wall time and the largest peak RSS.
/// Nil when a run exits with a status outside `okStatus`.
func measure(_ argv: [String], times: Int, okStatus: Set<Int32> = [0]) -> RunResult? {
    var runs: [RunResult] = []
    for _ in 0..<times {
        let r = runChild(argv)
        guard okStatus.contains(r.status) else {
            printErr("scened-bench: \(argv.prefix(3).joined(separator: " ")) … exited with \(r.status)")
            return nil
        }
        runs.append(r)
    }
    let sorted = runs.map(\.seconds).sorted(), cpus = runs.map(\.cpu).sorted()
    return RunResult(status: 0, seconds: sorted[sorted.count / 2], maxRSS: runs.map(\.maxRSS).max() ?? 0, cpu: cpus[cpus.count / 2],
                     best: sorted[0], worst: sorted[sorted.count - 1])
}

/// Environment for children: no user config, a UTF-8 locale, a known terminal.
let benchEnvironment: [String] = {
    let path = getenv("PATH").map { String(cString: $0) } ?? "/usr/bin:/bin"
    let home = getenv("HOME").map { String(cString: $0) } ?? "/tmp"
    return ["PATH=\(path)", "HOME=\(home)", "LC_ALL=C.UTF-8", "TERM=xterm-256color", "XDG_CONFIG_HOME=/nonexistent-scened-bench"]
}()

/// The full path of a program on PATH, or nil.
func which(_ tool: String) -> String? {
    let path = getenv("PATH").map { String(cString: $0) } ?? "/usr/bin:/bin"
    for d in path.split(separator: ":") {
        let p = "\(d)/\(tool)"
        if access(p, X_OK) == 0 { return p }
    }
    return nil
}

func printErr(_ s: String) {
    let b = Array((s + "\n").utf8)
    _ = b.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
}

func fileSize(_ path: String) -> Int {
    var st = stat()
    return stat(path, &st) == 0 ? Int(st.st_size) : 0
}

func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

/// The directory of this executable (`.build/release` when run with `swift run -c release`).
func executableDirectory() -> String {
    var buf = [Int8](repeating: 0, count: 4096)
    let n = readlink("/proc/self/exe", &buf, buf.count - 1)
    guard n > 0 else { return "." }
    let p = String(decoding: buf[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    guard let slash = p.lastIndex(of: "/") else { return "." }
    return String(p[..<slash])
}

func writeFile(_ bytes: [UInt8], _ path: String) -> Bool {
    guard let f = fopen(path, "wb") else { return false }
    defer { fclose(f) }
    return fwrite(bytes, 1, bytes.count, f) == bytes.count
}

func readFileText(_ path: String) -> String? {
    readFileBytes(path).map { String(decoding: $0, as: UTF8.self) }
}

/// Formatting helpers for the table.
func fmt(_ v: Double, _ digits: Int = 1) -> String {
    var s = String(Int((v * pow(10, Double(digits))).rounded()))
    if digits == 0 { return s }
    let neg = s.hasPrefix("-")
    if neg { s.removeFirst() }
    while s.count <= digits { s = "0" + s }
    s.insert(".", at: s.index(s.endIndex, offsetBy: -digits))
    return (neg ? "-" : "") + s
}

func ms(_ seconds: Double) -> String { seconds < 0.01 ? fmt(seconds * 1000, 2) + " ms" : fmt(seconds * 1000, 1) + " ms" }
func mb(_ bytes: Int) -> String { fmt(Double(bytes) / 1_000_000, 1) + " MB" }

/// The peak RSS of `argv` measured through `scened-bench --rss-of` (see main.swift); the
/// largest of `times` runs, nil when a run fails.
func peakRSS(_ argv: [String], times: Int, okStatus: Set<Int32> = [0]) -> Int? {
    let out = "\(options.dir)/rss-\(getpid()).txt"
    defer { unlink(out) }
    var best = 0
    for _ in 0..<times {
        _ = runChild([executableDirectory() + "/scened-bench", "--rss-of"] + argv, stdoutPath: out)
        guard let parts = readFileText(out)?.split(separator: " "), parts.count == 2,
              let status = Int32(parts[0]), okStatus.contains(status),
              let rss = Int(parts[1].filter { $0.isNumber }) else { return nil }
        best = max(best, rss)
    }
    return best
}
