// The progress line of long headless commands: drawn on stderr when it is a terminal
// (a tmux pane), erased at the end so the screen shows only the report; absent when
// stderr is a pipe and with --json. SCENED_PROGRESS_AFTER=0 shows it at once (the real
// threshold is a quarter of a second, longer than these small inputs take).
import Foundation
import Testing

extension EndToEnd {
    @Suite struct ProgressEndToEndTests {
        static let blueprint = """
        {"name": "progress", "flow": [
          {"id": 1, "module": "util:SetVariable", "version": 1, "mapper": {"name": "a", "scope": "roundtrip", "value": "x"}},
          {"id": 2, "module": "util:SetVariable", "version": 1, "mapper": {"name": "b", "scope": "roundtrip", "value": "{{1.value}}"}}
        ]}
        """

        /// A folder with `count` copies of the blueprint.
        static func files(_ count: Int) -> [String] {
            let dir = NSTemporaryDirectory() + "scened-progress-\(getpid())-\(UUID().uuidString.prefix(6))"
            try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            return (1...count).map { i in
                let p = "\(dir)/b\(i).json"
                try? blueprint.write(toFile: p, atomically: true, encoding: .utf8)
                return p
            }
        }

        /// Runs `args` in a tmux pane with stderr on the pane's terminal; returns the raw
        /// bytes the pane received and the final screen.
        func onTerminal(_ bin: String, _ args: [String]) throws -> (raw: String, screen: String) {
            let log = NSTemporaryDirectory() + "scened-progress-\(getpid())-\(UUID().uuidString.prefix(6)).log"
            defer { unlink(log) }
            // the short sleep lets pipe-pane attach before scened starts writing (the Tmux
            // environment applies to the first command of the line only: set ours on scened)
            let command = "sleep 0.3; SCENED_PROGRESS_AFTER=0 " + ([bin] + args).map(shellQuote).joined(separator: " ")
            let t = try #require(Tmux(width: 120, height: 20, command: command))
            run([t.tmux, "-L", t.socket, "pipe-pane", "-o", "-t", t.target, "cat >> \(shellQuote(log))"])
            #expect(t.waitForExit(timeout: 20) != nil)
            usleep(200_000)                               // pipe-pane flushes after the pane's output
            let raw = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
            return (raw, t.capture())
        }

        @Test func checkShowsProgressOnATerminalAndErasesIt() throws {
            guard let bin = scenedBinary(), which("tmux") != nil else { return }
            let files = Self.files(6)
            let (raw, screen) = try onTerminal(bin, ["check"] + files)
            #expect(raw.contains("check: 6/6 files"), "no progress line in: \(raw.debugDescription)")
            #expect(raw.contains("12 modules"))
            #expect(raw.contains("\r\u{1B}[K"), "the line is not erased")
            #expect(screen.contains("total: 6 files, 12 modules"))
            #expect(!screen.contains("files ·"), "the progress line stayed on the screen:\n\(screen)")
        }

        @Test func upgradeShowsProgressOnATerminal() throws {
            guard let bin = scenedBinary(), which("tmux") != nil else { return }
            let file = Self.files(1)[0]
            let (raw, screen) = try onTerminal(bin, ["upgrade", file, "-o", file + ".out"])
            #expect(raw.contains("upgrade: 2/2 modules"), "no progress line in: \(raw.debugDescription)")
            #expect(screen.contains("scened upgrade: upgraded 2 modules"))
            #expect(!screen.contains("modules ·"))
        }

        @Test func connectionsAndListOverManyFilesShowProgressAndEraseIt() throws {
            guard let bin = scenedBinary(), which("tmux") != nil else { return }
            let files = Self.files(5)
            let (raw, screen) = try onTerminal(bin, ["connections"] + files)
            #expect(raw.contains("connections: 5/5 files"), "no progress line in: \(raw.debugDescription)")
            #expect(screen.contains("total: 5 files"))
            #expect(!screen.contains("files ·"), "the progress line stayed on the screen:\n\(screen)")
            let (rawList, listScreen) = try onTerminal(bin, ["list"] + files)
            #expect(rawList.contains("list: 5/5 files"), "no progress line in: \(rawList.debugDescription)")
            #expect(listScreen.contains("total: 5 files, 10 modules"))
            #expect(!listScreen.contains("files ·"))
        }

        /// One-file commands have no count of their own: the line says the phase and the time,
        /// and is erased before the command's output.
        @Test func oneFileCommandsShowTheirPhaseAndEraseIt() throws {
            guard let bin = scenedBinary(), which("tmux") != nil else { return }
            let file = NSTemporaryDirectory() + "scened-progress-big-\(getpid())-\(UUID().uuidString.prefix(6)).json"
            defer { unlink(file) }
            try EndToEnd.LongWorkEndToEndTests.blueprint(1500).write(toFile: file, atomically: true, encoding: .utf8)
            let (raw, screen) = try onTerminal(bin, ["find", file, "example.com/1499"])
            #expect(raw.contains("find: "), "no progress line in: \(raw.prefix(400).debugDescription)")
            // erased right before the output, which then starts at the line's beginning
            #expect(raw.contains("\r\u{1B}[K#1499  mapper.url"), "the line is not erased: \(raw.suffix(600).debugDescription)")
            #expect(screen.contains("1 match in 1 module"), "\(screen)")
            #expect(!screen.contains("find: "), "the progress line stayed on the screen:\n\(screen)")
            let (rawJSON, _) = try onTerminal(bin, ["find", file, "example.com/1499", "--json"])
            #expect(!rawJSON.contains("find: "), "progress with --json: \(rawJSON.prefix(400).debugDescription)")
        }

        @Test func noProgressOnAPipeOrWithJSON() throws {
            guard let bin = scenedBinary() else { return }
            let files = Self.files(4)
            var env = ProcessInfo.processInfo.environment
            env["SCENED_PROGRESS_AFTER"] = "0"
            let check = run([bin, "check"] + files, env: env)
            #expect(check.status == 1)
            #expect(!check.err.contains("files") && !check.err.contains("\u{1B}"), "progress on a pipe: \(check.err.debugDescription)")
            #expect(!check.out.contains("\u{1B}"))
            let up = run([bin, "upgrade", files[0], "-o", files[0] + ".out"], env: env)
            #expect(up.status == 0)
            #expect(!up.err.contains("\u{1B}") && !up.err.contains("2/2"), "progress on a pipe: \(up.err.debugDescription)")
        }

        @Test func noProgressWithJSONOnATerminal() throws {
            guard let bin = scenedBinary(), which("tmux") != nil else { return }
            let files = Self.files(3)
            let (raw, _) = try onTerminal(bin, ["check", "--json"] + files)
            #expect(raw.contains("\"totals\""))
            #expect(!raw.contains("files ·") && !raw.contains("check: "), "progress with --json: \(raw.debugDescription)")
        }
    }
}
