// Progress of long headless work (`check` of many or big files, `upgrade`) on one line
// of standard error: what is done of how much, the modules seen, the rate and the time
// left. It appears only when stderr is a terminal, only once the work has taken longer
// than a quarter of a second, never with --json, and is erased when the work ends, so
// what stays on the screen (and everything on stdout) is exactly the output without it.
import BlueprintKit
import Glibc
import Synchronization

final class ProgressLine: Sendable {
    /// `SCENED_PROGRESS_AFTER=SECONDS` moves the quarter of a second (the tests use 0).
    static let delay: Double = {
        guard let v = getenv("SCENED_PROGRESS_AFTER").map({ String(cString: $0) }), let d = Double(v), d >= 0 else { return 0.25 }
        return d
    }()

    private struct State {
        var done = 0, total = 0, modules = 0
        var shown = false
        var lastDraw = 0.0
    }
    private let state = Mutex(State())
    private let enabled: Bool
    private let start: Double
    private let label: String
    /// What `done` and `total` count: "files", "modules", "MB".
    private let unit: String

    /// A progress line for `label` (the command's name); silent unless stderr is a terminal and `quiet` is false.
    init(_ label: String, unit: String, total: Int, quiet: Bool = false) {
        self.label = label
        self.unit = unit
        enabled = !quiet && isatty(2) == 1
        start = ProgressLine.now()
        state.withLock { $0.total = total }
        if enabled {
            ProgressTicker.stop()                          // this line replaces the phase line
            ProgressLine.active.withLock { $0 = self }
        }
    }

    /// The line on the terminal now, so that a message can erase it first (`stderrMessage`).
    private static let active = Mutex<ProgressLine?>(nil)

    /// Erases the line if it is drawn; the next `advance` draws it again under the message.
    private func interrupt() {
        let shown = state.withLock { s in
            defer { s.shown = false }
            return s.shown
        }
        if shown { FileIO.writeStderr("\r\u{1B}[K") }
    }

    /// Writes a message to stderr on a line of its own, above any progress line.
    static func stderrMessage(_ text: String) {
        active.withLock { $0 }?.interrupt()
        FileIO.writeStderr(text)
    }

    static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }

    /// Adds `done` units (and `modules` modules seen); redraws at most ten times a second.
    func advance(by done: Int, modules: Int = 0) {
        guard enabled else { return }
        let line: String? = state.withLock { s in
            s.done += done
            s.modules += modules
            let t = ProgressLine.now()
            guard t - start >= ProgressLine.delay, !s.shown || t - s.lastDraw >= 0.1 || s.done == s.total else { return nil }
            s.shown = true
            s.lastDraw = t
            return text(s, elapsed: t - start)
        }
        if let line { FileIO.writeStderr("\r\u{1B}[K" + line) }
    }

    /// Sets the count done so far and the total (for work that reports both as it goes).
    func set(done: Int, total: Int) {
        guard enabled else { return }
        let delta: Int = state.withLock { s in
            s.total = total
            return done - s.done
        }
        advance(by: delta)
    }

    /// Erases the line if it was drawn.
    func finish() {
        guard enabled else { return }
        ProgressLine.active.withLock { if $0 === self { $0 = nil } }
        let shown = state.withLock { s in
            defer { s.shown = false }
            return s.shown
        }
        if shown { FileIO.writeStderr("\r\u{1B}[K") }
    }

    private func text(_ s: State, elapsed: Double) -> String {
        var parts = ["\(label): \(s.done)/\(s.total) \(unit)"]
        if s.modules > 0 { parts.append("\(s.modules) modules") }
        if elapsed > 0 && s.done > 0 {
            let rate = Double(s.done) / elapsed
            parts.append("\(ProgressLine.short(rate)) \(unit)/s")
            let left = Double(s.total - s.done) / rate
            if s.done < s.total { parts.append("\(ProgressLine.short(left)) s left") }
        }
        return parts.joined(separator: " · ")
    }

    /// 0.4, 12, 1234 (one decimal below 10).
    static func short(_ v: Double) -> String {
        if v < 10 { return String(Double(Int(v * 10)) / 10) }
        return String(Int(v))
    }
}
