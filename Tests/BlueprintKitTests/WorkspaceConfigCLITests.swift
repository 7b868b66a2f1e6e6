// `set workspace = DIR` in the config (issue 20): `scened` and `scened snapshot` given no
// file open DIR's scenario list instead of the built-in demo; a folder that does not
// exist is exit 66 naming the config file and line; a file argument, a config without
// the setting, and --no-config keep their old meaning. Every run names its config file
// (--config / --no-config), so the developer's own config is never read.
import Foundation
import Testing
@testable import BlueprintKit

@Suite struct WorkspaceConfigCLITests {
    /// A scratch folder with a copy of the workspace fixture in `ws/` and a config file
    /// holding `text`; returns (folder, config path).
    func setUp(_ text: String) throws -> (dir: URL, config: String) {
        let ws = try WorkspaceFixture.copy()
        let dir = ws.deletingLastPathComponent()
        let config = dir.appendingPathComponent("config").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: config))
        return (dir, config)
    }

    @Test func noFileOpensTheConfiguredFolderAsTheScenarioList() throws {
        let (dir, config) = try setUp("set mouse = off\nset workspace = ws   # relative to this file\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        let viaConfig = try Scened.run(["snapshot", "--config", config, "--size", "120x14"])
        #expect(viaConfig.status == 0, "\(viaConfig.stderr)")
        #expect(viaConfig.out.contains(" scened \(dir.path)/ws  4 scenarios"), "\(viaConfig.out)")
        #expect(viaConfig.out.contains("Payment reminders"))
        // exactly what `scened snapshot DIR` shows
        let direct = try Scened.run(["snapshot", dir.appendingPathComponent("ws").path, "--no-config", "--size", "120x14"])
        #expect(viaConfig.out == direct.out)
        // keys work on it as on the list: Enter opens the first scenario
        let opened = try Scened.run(["snapshot", "--config", config, "--size", "120x14", "--keys", "<Enter>"])
        #expect(opened.status == 0 && opened.out.contains("1 of 4"), "\(opened.out)")
    }

    @Test func aFileArgumentANoWorkspaceConfigAndNoConfigKeepTheirMeaning() throws {
        let (dir, config) = try setUp("set workspace = ws\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("ws/support/weekly.json").path
        let one = try Scened.run(["snapshot", file, "--config", config, "--size", "100x12"])
        #expect(one.status == 0 && !one.out.contains("4 scenarios") && one.out.contains("Weekly digest"), "\(one.out)")
        let plain = dir.appendingPathComponent("plain").path
        try Data("set detail = on\n".utf8).write(to: URL(fileURLWithPath: plain))
        for opts in [["--config", plain], ["--no-config"]] {
            let demo = try Scened.run(["snapshot", "--size", "100x12"] + opts)
            #expect(demo.status == 0 && demo.out.contains("(demo)"), "\(opts): \(demo.out)")
        }
    }

    @Test func aMissingFolderIsExit66NamingTheConfigLine() throws {
        let (dir, config) = try setUp("# scenarios\nset workspace = nowhere\n")
        defer { try? FileManager.default.removeItem(at: dir) }
        let missing = "\(dir.path)/nowhere"
        let snap = try Scened.run(["snapshot", "--config", config])
        #expect(snap.status == 66)
        #expect(snap.stderr == "scened snapshot: \(config):2: set workspace: \(missing) does not exist\n", "\(snap.stderr)")
        #expect(snap.out.isEmpty)
        // the editor stops before it touches the terminal
        let editor = try Scened.run(["--config", config])
        #expect(editor.status == 66)
        #expect(editor.stderr == "scened: \(config):2: set workspace: \(missing) does not exist\n", "\(editor.stderr)")
        // a file is not a folder
        try Data("set workspace = ws/support/weekly.json\n".utf8).write(to: URL(fileURLWithPath: config))
        let notDir = try Scened.run(["snapshot", "--config", config])
        #expect(notDir.status == 66)
        #expect(notDir.stderr.hasSuffix("\(config):1: set workspace: \(dir.path)/ws/support/weekly.json is not a folder\n"), "\(notDir.stderr)")
        // a folder without blueprints, as `scened DIR` says it
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("empty"), withIntermediateDirectories: true)
        try Data("set workspace = empty\n".utf8).write(to: URL(fileURLWithPath: config))
        let empty = try Scened.run(["--config", config])
        #expect(empty.status == 66)
        #expect(empty.stderr == "scened: \(dir.path)/empty: no scenario blueprints (no *.json files under it)\n", "\(empty.stderr)")
    }
}
