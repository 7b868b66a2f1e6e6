// `-i` of upgrade, connections and set through the real binary: the file is
// stamped when read; when a colleague changes it before the write, the command
// refuses (exit 75, nothing written, a message saying what to do) unless
// --force (--overwrite for connections). SCENED_TEST_HOLD_IN_PLACE makes the
// command print `held` and wait for a line before writing, so the test can
// change the file at exactly that moment.
import Foundation
import Testing
@testable import BlueprintKit

@Suite struct InPlaceForceTests {
    static let original = Array("""
    {
        "name": "in place",
        "flow": [
            {"id": 1, "module": "http:ActionSendData", "version": 3, "parameters": {"handleErrors": false},
             "mapper": {"url": "https://example.com", "method": "get"}},
            {"id": 2, "module": "slack:CreateMessage", "version": 4, "parameters": {"__IMTCONN__": 5},
             "mapper": {"text": "{{1.data}}"}}
        ],
        "metadata": {"version": 1}
    }

    """.utf8)
    static let colleague = Array(#"{"name": "colleague's version", "flow": []}"#.utf8)

    /// command, its edit arguments, and the flag that forces the write.
    static let commands: [(name: String, args: [String], force: String)] = [
        ("upgrade", ["--all"], "--force"),
        ("connections", ["--swap", "5=6"], "--overwrite"),
        ("set", ["2", "mapper.text=bye"], "--force"),
    ]

    struct Run { var status: Int32; var err: String }

    /// Runs `scened CMD FILE ARGS -i [FORCE]`; when `change` is given it is written to FILE
    /// after the command read it and before it writes.
    static func runInPlace(_ bin: String, _ cmd: String, _ file: String, _ args: [String], force: String?,
                           change: [UInt8]?, env: [String: String]) throws -> Run {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: bin)
        p.arguments = [cmd, file] + args + ["-i"] + (force.map { [$0] } ?? [])
        var environment = ProcessInfo.processInfo.environment.merging(env) { $1 }
        if change != nil { environment["SCENED_TEST_HOLD_IN_PLACE"] = "1" }
        p.environment = environment
        let i = Pipe(), o = Pipe(), e = Pipe()
        p.standardInput = i; p.standardOutput = o; p.standardError = e
        try p.run()
        if let change {
            #expect(String(decoding: o.fileHandleForReading.availableData, as: UTF8.self) == "held\n")
            Safety.write(file, change)
            i.fileHandleForWriting.write(Data("go\n".utf8))
        }
        try? i.fileHandleForWriting.close()
        let err = e.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Run(status: p.terminationStatus, err: String(decoding: err, as: UTF8.self))
    }

    @Test(arguments: commands.map(\.name))
    func refusesAChangedFileUnlessForced(command: String) throws {
        guard let bin = Safety.binary() else { return }
        let c = try #require(Self.commands.first { $0.name == command })
        let dir = Safety.scratch("force-\(command)"); defer { Safety.remove(dir) }
        let env = ["XDG_CONFIG_HOME": dir, "HOME": dir]
        let f = "\(dir)/a.json", expectedFile = "\(dir)/expected.json"
        // What the command makes of the original: the oracle for every write below.
        Safety.write(f, Self.original)
        let oracle = Safety.run([bin, command, f] + c.args + ["-o", expectedFile], env: env)
        #expect(oracle.status == 0, "\(oracle.err)")
        let expected = try #require(Safety.read(expectedFile))
        #expect(expected != Self.original, "the edit must change something")

        // Unchanged file: -i writes the result.
        var r = try Self.runInPlace(bin, command, f, c.args, force: nil, change: nil, env: env)
        #expect(r.status == 0, "\(r.err)")
        #expect(Safety.read(f) == expected)

        // Changed between read and write: refused, the colleague's bytes stay.
        Safety.write(f, Self.original)
        r = try Self.runInPlace(bin, command, f, c.args, force: nil, change: Self.colleague, env: env)
        #expect(r.status == 75)
        #expect(r.err.contains("scened \(command): \(f): changed on disk since it was read (size \(Self.original.count) → \(Self.colleague.count) bytes"))
        #expect(r.err.contains("nothing written. Run the command again on the new version, or pass \(c.force) to overwrite it."))
        if command == "upgrade" {
            #expect(!r.err.contains("upgraded"), "no summary of upgrades that were not written: \(r.err)")
        }
        #expect(Safety.read(f) == Self.colleague)
        #expect(Safety.temporaries(in: dir).isEmpty)

        // The same with the force flag: written.
        Safety.write(f, Self.original)
        r = try Self.runInPlace(bin, command, f, c.args, force: c.force, change: Self.colleague, env: env)
        #expect(r.status == 0, "\(r.err)")
        #expect(Safety.read(f) == expected)
    }

    @Test(arguments: commands.map(\.name))
    func forceWithoutInPlaceIsAUsageError(command: String) throws {
        guard let bin = Safety.binary() else { return }
        let c = try #require(Self.commands.first { $0.name == command })
        let dir = Safety.scratch("force-usage"); defer { Safety.remove(dir) }
        let f = "\(dir)/a.json"
        Safety.write(f, Self.original)
        let r = Safety.run([bin, command, f] + c.args + [c.force], env: ["XDG_CONFIG_HOME": dir, "HOME": dir])
        if command == "connections" {
            // --force means something else here (allow any connection); --overwrite is the write flag.
            let o = Safety.run([bin, command, f] + c.args + ["--overwrite"], env: ["XDG_CONFIG_HOME": dir, "HOME": dir])
            #expect(o.status == 64 && o.err.contains("--overwrite only applies to -i"), "\(o.err)")
        } else {
            #expect(r.status == 64 && r.err.contains("--force only applies to -i"), "\(r.err)")
        }
        #expect(Safety.read(f) == Self.original)
    }

    @Test(arguments: commands.map(\.name))
    func helpDocumentsTheFlag(command: String) throws {
        guard let bin = Safety.binary() else { return }
        let c = try #require(Self.commands.first { $0.name == command })
        let r = Safety.run([bin, command, "--help"])
        #expect(r.out.contains("\(c.force)") && r.out.contains("changed on disk since it was read") && r.out.contains("75"))
    }
}
