// Progress of one-file commands (fmt, find, set, remap, swap-app, connections FILE, …):
// work without a count of its own, so the line says which phase it is in and for how long,
// e.g. `fmt: parsing gen-50MB.json (50.0 MB) · 0.6 s`, redrawn ten times a second on
// standard error. Like ProgressLine it appears only when stderr is a terminal, after a
// quarter of a second (SCENED_PROGRESS_AFTER), never with --json; and it erases itself
// before anything else is written to stdout or stderr (FileIO's output hook), so the
// command's output is exactly what it is without it. Commands that count their own
// work (check, upgrade, list and connections over many files) replace it (ProgressLine).
import BlueprintKit
import Dispatch
import Glibc
import Synchronization

enum ProgressTicker {
    private struct State {
        var label = ""
        var phase = ""
        var running = false
        var shown = false
        var start = 0.0
    }
    private static let state = Mutex(State())

    /// Commands with a progress line of their own, or none (interactive, or instant).
    static let ownProgress: Set<String> = ["check", "upgrade", "snapshot", "pull", "push", "keys", "themes"]

    /// Starts the line for `command` unless stderr is not a terminal or `quiet`.
    static func start(_ command: String, quiet: Bool) {
        guard !quiet, isatty(2) == 1 else { return }
        let begin = ProgressLine.now()
        state.withLock { $0 = State(label: command, phase: "working", running: true, shown: false, start: begin) }
        FileIO.setOutputHook { ProgressTicker.stop() }
        DispatchQueue.global().async {
            // the first draw after the delay, then ten a second until stopped
            while true {
                let line: String? = state.withLock { s in
                    guard s.running else { return nil }
                    let t = ProgressLine.now() - s.start
                    guard t >= ProgressLine.delay else { return "" }
                    s.shown = true
                    return "\r\u{1B}[K\(s.label): \(s.phase) · \(ProgressLine.short(t)) s"
                }
                guard let line else { return }
                // drawn under the lock's protection of `running`: stop() waits for this
                if !line.isEmpty { draw(line) }
                usleep(100_000)
            }
        }
    }

    private static func draw(_ line: String) {
        state.withLock { s in if s.running { FileIO.writeStderrDirect(line) } }
    }

    /// What the command is doing now: "reading X (50.0 MB)", "parsing X", "writing OUT".
    static func phase(_ text: String) {
        state.withLock { if $0.running { $0.phase = text } }
    }

    /// Erases the line (if drawn) and stops it for good; output may follow.
    static func stop() {
        let erase: Bool = state.withLock { s in
            defer { s.running = false; s.shown = false }
            return s.running && s.shown
        }
        if erase { FileIO.writeStderrDirect("\r\u{1B}[K") }
    }

    /// `gen-50MB.json (50.0 MB)`.
    static func describe(_ path: String, bytes: Int) -> String {
        let name = path == "-" ? "<stdin>" : String(path.split(separator: "/").last ?? Substring(path))
        return "\(name) (\(Double(bytes / 100_000) / 10) MB)"
    }
}
