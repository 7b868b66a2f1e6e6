// Row 4: bytes scened writes to a real pseudo-terminal per key, at 120×40. scened
// runs in a tmux pane of a private tmux server; `pipe-pane -o` copies everything
// the program writes to the pty into a file, whose growth is measured per key.
import Glibc

func terminalBytesRow(_ table: inout Table, _ file: String) {
    guard let tmux = which("tmux") else { table.note("row 4: tmux not installed; skipped"); return }
    let socket = "scened-bench-\(getpid())"
    let log = "\(options.dir)/pty-\(getpid()).log"
    let conf = "\(options.dir)/tmux-\(getpid()).conf"
    _ = writeFile(Array("set -g escape-time 0\nset -g status off\n".utf8), conf)
    unlink(log)
    func tm(_ args: [String]) -> Int32 { runChild([tmux, "-L", socket, "-f", conf] + args).status }
    let cmd = "env LC_ALL=C.UTF-8 TERM=xterm-256color XDG_CONFIG_HOME=/nonexistent-scened-bench \(options.scened) '\(file)'"
    guard tm(["new-session", "-d", "-s", "b", "-x", "120", "-y", "40", cmd]) == 0 else {
        table.note("row 4: tmux new-session failed; skipped")
        return
    }
    defer { _ = tm(["kill-server"]); unlink(log); unlink(conf) }
    // Wait for the first frame, then start copying the pane's output.
    usleep(300_000)
    _ = waitQuiet(log)
    guard tm(["pipe-pane", "-o", "-t", "b", "cat >> '\(log)'"]) == 0 else { table.note("row 4: pipe-pane failed"); return }
    usleep(200_000)

    /// Sends `key` `n` times, waiting after each until the output stops growing; bytes per key.
    func perKey(_ key: String, _ n: Int) -> (mean: Double, max: Int) {
        var sizes: [Int] = []
        for _ in 0..<n {
            let before = waitQuiet(log)
            _ = tm(["send-keys", "-t", "b", key])
            let after = waitQuiet(log, atLeast: before + 1)
            sizes.append(after - before)
        }
        return (Double(sizes.reduce(0, +)) / Double(max(1, n)), sizes.max() ?? 0)
    }
    let move = perKey("j", 30)
    let page = perKey("NPage", 10)
    _ = perKey("g", 1)
    let full = perKey("C-l", 3)
    let met = move.mean <= 300
    table.add(4, "bytes to the terminal per key at 120×40 (real pty: tmux pipe-pane)",
              scened: "cursor move \(fmt(move.mean, 0)) B (max \(move.max)); page down \(fmt(page.mean, 0)) B (max \(page.max))",
              peers: "full repaint of the same screen (Ctrl-L) \(fmt(full.mean, 0)) B",
              target: "≤300 B per cursor move", met: met)
}

/// Waits until `path` has at least `atLeast` bytes and has not grown for 150 ms; its size.
func waitQuiet(_ path: String, atLeast: Int = 0) -> Int {
    let deadline = now() + 5
    var last = fileSize(path), since = now()
    while now() < deadline {
        usleep(10_000)
        let s = fileSize(path)
        if s != last { last = s; since = now(); continue }
        if s >= atLeast && now() - since >= 0.15 { return s }
    }
    return last
}
