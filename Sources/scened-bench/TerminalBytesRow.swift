// Row 4: bytes scened writes to a real pseudo-terminal per key, at 120×40. scened
// runs in a tmux pane of a private tmux server; `pipe-pane -o` copies everything
// the program writes to the pty into a file, whose growth is measured per key.
// The bytes of cursor moves are also split by screen region (tree pane, detail pane,
// title/status lines) by following the cursor-positioning sequences in the stream.
import BlueprintKit
import EditorUI
import Glibc

func terminalBytesRow(_ table: inout Table, _ file: String) {
    guard which("tmux") != nil else { table.note("row 4: tmux not installed; skipped"); return }
    // Where the detail pane starts at 120×40, from the same layout code the editor uses.
    var detailX = 67
    if let text = readFileText(file), let e = try? Editor(bytes: Array(text.utf8), path: file) {
        _ = EditorView.render(e, width: 120, height: 40)
        if e.detailRect.width > 0 { detailX = e.detailRect.x }
    }
    let runs: [(String?, String, Bool, Bool)] = [
        (file, "10,000 modules", true, false),
        (file, "10,000 modules, detail pane hidden (`D`)", true, true),
        (nil, "built-in demo", false, false),
    ]
    for (path, label, targeted, hideDetail) in runs {
        // A session whose pane never showed scened (a busy machine: it started after the
        // keys were sent) copies nothing, not even the full repaint: try it once more.
        var measured = ptyBytes(path, detailX: hideDetail ? Int.max : detailX, pageDown: targeted, hideDetail: hideDetail)
        if measured?.full == 0 { measured = ptyBytes(path, detailX: hideDetail ? Int.max : detailX, pageDown: targeted, hideDetail: hideDetail) }
        guard let m = measured, m.full > 0 else {
            table.note("row 4: tmux session failed for \(label); skipped"); continue
        }
        let split = hideDetail ? "tree ≈\(fmt(m.moveRegions.tree, 0)), title/status ≈\(fmt(m.moveRegions.other, 0))"
            : "tree ≈\(fmt(m.moveRegions.tree, 0)), detail ≈\(fmt(m.moveRegions.detail, 0)), title/status ≈\(fmt(m.moveRegions.other, 0))"
        table.add(4, "bytes to the terminal per key at 120×40, \(label) (real pty: tmux pipe-pane)",
                  scened: "cursor move \(fmt(m.move, 0)) B (\(split)); 30 moves typed at once \(fmt(m.burst, 0)) B per move"
                      + (targeted ? "; page down \(fmt(m.page, 0)) B" : ""),
                  peers: "full repaint of the same screen (Ctrl-L) \(fmt(m.full, 0)) B",
                  target: targeted ? "≤300 B per cursor move" : "", met: targeted ? m.move <= 300 : nil)
    }
}

nonisolated(unsafe) var ptySessions = 0

struct PtyMeasurement {
    var move: Double
    var moveRegions: (tree: Double, detail: Double, other: Double)
    var page: Double
    var full: Double
    /// Per move when 30 moves arrive at once (key repeat, a slow link): one frame for all.
    var burst: Double
}

/// Runs scened on `file` (nil: the demo) in tmux and measures bytes per key.
func ptyBytes(_ file: String?, detailX: Int, pageDown: Bool, hideDetail: Bool = false) -> PtyMeasurement? {
    guard let tmux = which("tmux") else { return nil }
    ptySessions += 1
    let socket = "scened-bench-\(getpid())-\(ptySessions)"
    let log = "\(options.dir)/pty-\(getpid()).log"
    let conf = "\(options.dir)/tmux-\(getpid()).conf"
    _ = writeFile(Array("set -g escape-time 0\nset -g status off\n".utf8), conf)
    unlink(log)
    func tm(_ args: [String]) -> Int32 { runChild([tmux, "-L", socket, "-f", conf] + args).status }
    let cmd = "env LC_ALL=C.UTF-8 TERM=xterm-256color XDG_CONFIG_HOME=/nonexistent-scened-bench \(options.scened)" + (file.map { " '\($0)'" } ?? "")
    guard tm(["new-session", "-d", "-s", "b", "-x", "120", "-y", "40", cmd]) == 0 else { return nil }
    defer { _ = tm(["kill-server"]); unlink(log); unlink(conf) }
    // Wait for the first frame, then start copying the pane's output.
    usleep(300_000)
    if hideDetail {
        // D, then g (already at the top) to clear D's status message before measuring
        _ = tm(["send-keys", "-t", "b", "D"])
        usleep(200_000)
        _ = tm(["send-keys", "-t", "b", "g"])
        usleep(200_000)
    }
    guard tm(["pipe-pane", "-o", "-t", "b", "cat >> '\(log)'"]) == 0 else { return nil }
    usleep(200_000)
    _ = waitQuiet(log)

    /// Sends `key` `n` times, waiting after each until the output stops growing.
    func perKey(_ key: String, _ n: Int) -> (mean: Double, start: Int, end: Int) {
        let start = waitQuiet(log)
        var end = start
        for _ in 0..<n {
            _ = tm(["send-keys", "-t", "b", key])
            end = waitQuiet(log, atLeast: end + 1)
        }
        return (Double(end - start) / Double(max(1, n)), start, end)
    }
    let moves = perKey("j", 30)
    _ = perKey("g", 1)
    let burstStart = waitQuiet(log)
    _ = tm(["send-keys", "-t", "b", "-l", String(repeating: "j", count: 30)])
    let burst = Double(waitQuiet(log, atLeast: burstStart + 1) - burstStart) / 30
    let page = pageDown ? perKey("NPage", 6) : (mean: 0, start: 0, end: 0)
    _ = perKey("g", 1)
    let full = perKey("C-l", 3)
    var regions = (tree: 0.0, detail: 0.0, other: 0.0)
    if let text = readFileBytes(log), moves.end <= text.count {
        let r = regionBytes(Array(text[moves.start..<moves.end]), detailX: detailX)
        regions = (Double(r.tree) / 30, Double(r.detail) / 30, Double(r.other) / 30)
    }
    return PtyMeasurement(move: moves.mean, moveRegions: regions, page: page.mean, full: full.mean, burst: burst)
}

/// Splits terminal output by where it lands: follows CUP (`ESC[r;cH`), VPA (`ESC[rd`),
/// HPA (`ESC[cG`), CUF (`ESC[nC`), CR and LF. Text that runs on across a pane border
/// is counted where it started, so the split is approximate.
func regionBytes(_ b: [UInt8], detailX: Int) -> (tree: Int, detail: Int, other: Int) {
    var row = 1, col = 1, i = 0
    var tree = 0, detail = 0, other = 0
    func add(_ n: Int) {
        if row <= 1 || row >= 39 { other += n } else if col - 1 >= detailX { detail += n } else { tree += n }
    }
    while i < b.count {
        if b[i] == 0x1B, i + 1 < b.count, b[i + 1] == 0x5B {
            var j = i + 2
            var params: [Int] = [], cur = 0, has = false
            while j < b.count, (b[j] >= 0x30 && b[j] <= 0x3F) {
                if b[j] == 0x3B { params.append(has ? cur : 0); cur = 0; has = false } else if b[j] >= 0x30 && b[j] <= 0x39 { cur = cur * 10 + Int(b[j] - 0x30); has = true }
                j += 1
            }
            if has { params.append(cur) }
            guard j < b.count else { add(b.count - i); break }
            let final = b[j]
            add(j + 1 - i)
            switch final {
            case UInt8(ascii: "H"): row = params.first ?? 1; col = params.count > 1 ? params[1] : 1
            case UInt8(ascii: "d"): row = params.first ?? 1
            case UInt8(ascii: "G"): col = params.first ?? 1
            case UInt8(ascii: "C"): col += params.first ?? 1
            default: break
            }
            i = j + 1
            continue
        }
        add(1)
        if b[i] == 0x0D { col = 1 } else if b[i] == 0x0A { row += 1 }
        else if b[i] < 0x80 || b[i] >= 0xC0 { col += 1 }              // one column per character (approximate)
        i += 1
    }
    return (tree, detail, other)
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

func readFileBytes(_ path: String) -> [UInt8]? {
    guard let f = fopen(path, "rb") else { return nil }
    defer { fclose(f) }
    var out: [UInt8] = []
    var buf = [UInt8](repeating: 0, count: 65536)
    while true {
        let n = fread(&buf, 1, buf.count, f)
        if n <= 0 { break }
        out.append(contentsOf: buf[0..<n])
    }
    return out
}
