// The scened binary as a user runs it: output, exit codes (0/1/64/65/66/73)
// and messages. Each test spawns the built executable.
import Foundation
import Testing
@testable import BlueprintKit

private let small = """
{
  "name": "Small ✓",
  "flow": [
    { "id": 1, "module": "gateway:CustomWebHook", "version": 1, "metadata": { "designer": { "x": 0, "y": 0, "name": "Hook" } } },
    { "id": 2, "module": "http:ActionSendData", "version": 3, "mapper": { "url": "{{1.url}}" },
      "onerror": [ { "id": 3, "module": "builtin:Ignore", "version": 1 } ] },
    { "id": 4, "module": "builtin:BasicRouter", "version": 1, "mapper": null,
      "routes": [ { "flow": [ { "id": 5, "module": "slack:CreateMessage", "version": 4, "mapper": { "text": "{{2.data}} {{9.x}}" } } ] },
                  { "flow": [ { "id": null, "module": "placeholder:Placeholder" } ] } ] }
  ],
  "metadata": { "zone": "eu1.make.com", "designer": { "orphans": [] } }
}
"""

private let smallInMakeLayout = JSONWriter.render(try! JSONDocument(text: small).value(0), style: .make)

/// Writes `contents` to a new temporary file and returns its path (and directory to remove).
private func tempFile(_ contents: [UInt8], name: String = "bp.json") throws -> (path: String, dir: URL) {
    let dir = try makeTempDir()
    let url = dir.appendingPathComponent(name)
    try Data(contents).write(to: url)
    return (url.path, dir)
}

private func tempFile(_ text: String, name: String = "bp.json") throws -> (path: String, dir: URL) {
    try tempFile(Array(text.utf8), name: name)
}

@Suite struct CLIHelpAndVersionTests {
    @Test(arguments: [["--help"], ["-h"], ["help"]])
    func mainHelpListsTheCommandsAndExitCodes(_ args: [String]) throws {
        let r = try Scened.run(args)
        #expect(r.status == 0 && r.stderr.isEmpty)
        #expect(r.out.hasPrefix("scened 0.1.0: a terminal editor"))
        #expect(r.out.contains("\n  list  ") && r.out.contains("\n  fmt   "))
        #expect(r.out.contains("exit codes: 0 ok, 1 needs attention, 64 usage, 65 malformed input, 66 cannot open, 73 cannot write,\n  74 written but not synced to disk, 75 FILE changed since it was read"))
    }

    @Test(arguments: [["--version"], ["-V"], ["list", "--version"], ["fmt", "--version"]])
    func versionEverywhere(_ args: [String]) throws {
        let r = try Scened.run(args)
        #expect(r.status == 0 && r.out == "scened 0.1.0\n" && r.stderr.isEmpty)
    }

    @Test(arguments: [("list", "usage: scened list FILE|DIR...|- [--json]\n"), ("fmt", "usage: scened fmt FILE|- [-o OUT] [--check] [--style keep|make]\n")])
    func subcommandHelp(_ cmd: String, _ firstLine: String) throws {
        for flag in ["--help", "-h"] {
            let r = try Scened.run([cmd, flag])
            #expect(r.status == 0 && r.stderr.isEmpty)
            #expect(r.out.hasPrefix(firstLine))
        }
        // --help wins over everything else, even a missing file
        #expect(try Scened.run([cmd, "/does/not/exist", "--help"]).status == 0)
    }
}

@Suite struct CLIListTests {
    @Test func listPrintsTheTree() throws {
        let f = try tempFile(small)
        defer { try? FileManager.default.removeItem(at: f.dir) }
        let r = try Scened.run(["list", f.path])
        #expect(r.status == 0 && r.stderr.isEmpty)
        #expect(r.out == """
        Small ✓  [eu1.make.com]
        #1  Hook  (gateway:CustomWebHook)  v1
        #2  http:ActionSendData  v3
        error handler of #2:
          #3  builtin:Ignore  v1
        #4  builtin:BasicRouter  v1
        route 1 of #4:
          #5  slack:CreateMessage  v4
        route 2 of #4:
          #?  placeholder:Placeholder  v?
        6 modules

        """)
    }

    @Test func listJSONHasEveryModuleWithPathsAndReferences() throws {
        let f = try tempFile(small)
        defer { try? FileManager.default.removeItem(at: f.dir) }
        let r = try Scened.run(["list", "--json", f.path])
        #expect(r.status == 0 && r.stderr.isEmpty)
        #expect(r.out.hasSuffix("]\n"))
        let d = try JSONDocument(bytes: r.stdout)
        let items = d.value(0).arrayValue ?? []
        #expect(items.map { $0["path"]?.stringValue } == ["flow[0]", "flow[1]", "flow[1].onerror[0]", "flow[2]",
                                                          "flow[2].routes[0].flow[0]", "flow[2].routes[1].flow[0]"])
        #expect(items.map { $0["id"] } == [.int(1), .int(2), .int(3), .int(4), .int(5), .null])
        #expect(items.map { $0["version"] } == [.int(1), .int(3), .int(1), .int(1), .int(4), .null])
        #expect(items.map { $0["container"]?.stringValue } == ["main", "main", "onerror", "main", "route", "route"])
        #expect(items.map { $0["parent"] } == [.null, .null, .int(2), .null, .int(4), .int(4)])
        #expect(items.map { $0["depth"]?.intValue } == [0, 0, 1, 0, 1, 1])
        #expect(items[0]["label"] == .string("Hook") && items[1]["label"] == .null)
        #expect(items[4]["references"] == .array([
            .object([("target", .int(2)), ("field", .string("data")), ("location", .string("mapper.text")), ("dangling", .bool(false))]),
            .object([("target", .int(9)), ("field", .string("x")), ("location", .string("mapper.text")), ("dangling", .bool(true))]),
        ]))
        // flag position does not matter
        #expect(try Scened.run(["list", f.path, "--json"]).stdout == r.stdout)
    }

    @Test func listReadsStandardInput() throws {
        let r = try Scened.run(["list", "-"], stdin: Array(small.utf8))
        #expect(r.status == 0 && r.out.hasSuffix("6 modules\n"))
    }
}

@Suite struct CLIFmtTests {
    @Test func fmtKeepWritesTheExactBytes() throws {
        let input: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(small.replacingOccurrences(of: "\n", with: "\r\n").utf8) + [0x0D, 0x0A]
        let f = try tempFile(input)
        defer { try? FileManager.default.removeItem(at: f.dir) }
        for args in [["fmt", f.path], ["fmt", "--style", "keep", f.path], ["fmt", "--style=keep", f.path]] {
            let r = try Scened.run(args)
            #expect(r.status == 0 && r.stdout == input && r.stderr.isEmpty, "\(args)")
        }
        #expect(try Scened.run(["fmt", "-"], stdin: input).stdout == input)
    }

    @Test func fmtMakeWritesMakesLayout() throws {
        let f = try tempFile([0xEF, 0xBB, 0xBF] + Array(small.replacingOccurrences(of: "\n", with: "\r\n").utf8))
        defer { try? FileManager.default.removeItem(at: f.dir) }
        let r = try Scened.run(["fmt", "--style", "make", f.path])
        #expect(r.status == 0)
        #expect(r.out == smallInMakeLayout)
        #expect(r.out.hasPrefix("{\n    \"name\": \"Small ✓\",\n    \"flow\": [\n        {\n            \"id\": 1,"))
        #expect(r.stdout.last == UInt8(ascii: "}"))   // no final newline, no BOM, no CR
        #expect(!r.stdout.contains(0x0D) && r.stdout.first == UInt8(ascii: "{"))
    }

    @Test func fmtCheckReportsWhetherTheOutputWouldDiffer() throws {
        let twoSpace = try tempFile(small, name: "a.json")
        let make = try tempFile(smallInMakeLayout, name: "b.json")
        defer { try? FileManager.default.removeItem(at: twoSpace.dir); try? FileManager.default.removeItem(at: make.dir) }
        func check(_ args: [String]) throws -> Int32 {
            let r = try Scened.run(["fmt", "--check"] + args)
            #expect(r.stdout.isEmpty, "--check writes nothing")
            return r.status
        }
        #expect(try check([twoSpace.path]) == 0)
        #expect(try check(["--style", "make", twoSpace.path]) == 1)
        #expect(try check(["--style", "make", make.path]) == 0)
        #expect(try check(["--style", "make", make.path, "-o", make.dir.appendingPathComponent("never").path]) == 0)
        #expect(!FileManager.default.fileExists(atPath: make.dir.appendingPathComponent("never").path))
    }

    @Test func fmtOutputFileIsWrittenAtomicallyAndKeepsPermissions() throws {
        let f = try tempFile(small)
        defer { try? FileManager.default.removeItem(at: f.dir) }
        let out = f.dir.appendingPathComponent("out.json").path
        var r = try Scened.run(["fmt", "--style", "make", f.path, "-o", out])
        #expect(r.status == 0 && r.stdout.isEmpty)
        #expect(try String(contentsOfFile: out, encoding: .utf8) == smallInMakeLayout)
        // in place, on a read-only-for-others file: the mode survives
        chmod(f.path, 0o600)
        r = try Scened.run(["fmt", "--style", "make", "--output", f.path, f.path])
        #expect(r.status == 0)
        #expect(try String(contentsOfFile: f.path, encoding: .utf8) == smallInMakeLayout)
        let attrs = try FileManager.default.attributesOfItem(atPath: f.path)
        #expect((attrs[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        // no temporary files left behind
        #expect(try FileManager.default.contentsOfDirectory(atPath: f.dir.path).sorted() == ["bp.json", "out.json"])
        // "-o -" is standard output
        #expect(try Scened.run(["fmt", f.path, "-o", "-"]).out == smallInMakeLayout)
    }

    @Test func fmtCannotWrite() throws {
        let f = try tempFile(small)
        defer { try? FileManager.default.removeItem(at: f.dir) }
        let r = try Scened.run(["fmt", f.path, "-o", "/nonexistent-dir/x.json"])
        #expect(r.status == 73 && r.stdout.isEmpty)
        #expect(r.stderr == "scened fmt: /nonexistent-dir/x.json: cannot create a temporary file in /nonexistent-dir: No such file or directory; nothing written\n")
        // Over an existing OUT that cannot be replaced (a directory): it says OUT is unchanged.
        let r2 = try Scened.run(["fmt", f.path, "-o", f.dir.path])
        #expect(r2.status == 73)
        #expect(r2.stderr.hasSuffix("; \(f.dir.path) is unchanged\n"), "\(r2.stderr)")
    }
}

@Suite struct CLIErrorTests {
    @Test(arguments: [
        (["list"], "scened list: missing FILE"),
        (["list", "--frobnicate", "a"], "scened list: unknown option '--frobnicate'"),
        (["fmt"], "scened fmt: missing FILE"),
        (["fmt", "--style", "pretty", "a"], "scened fmt: --style must be keep or make"),
        (["fmt", "a", "-o"], "scened fmt: -o needs a value"),
        (["fmt", "--style", "make", "--style", "keep", "a"], "scened fmt: --style given more than once"),
        (["fmt", "--json", "a"], "scened fmt: unknown option '--json'"),
    ])
    func usageErrorsExit64(_ args: [String], _ message: String) throws {
        let r = try Scened.run(args)
        #expect(r.status == 64 && r.stdout.isEmpty)
        #expect(r.stderr.hasPrefix(message + "\nusage: scened \(args[0]) FILE|"), "\(r.stderr)")
        #expect(r.stderr.hasSuffix("Try 'scened \(args[0]) --help'.\n"))
    }

    @Test func missingFileOrDirectoryExit66() throws {
        var r = try Scened.run(["list", "/does/not/exist.json"])
        #expect(r.status == 66 && r.stdout.isEmpty)
        #expect(r.stderr == "scened list: /does/not/exist.json: cannot open: No such file or directory\n")
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        r = try Scened.run(["fmt", dir.path])
        #expect(r.status == 66 && r.stderr == "scened fmt: \(dir.path): is a directory\n")
    }

    @Test func malformedInputExit65WithFileLineColumn() throws {
        let f = try tempFile("{\n    \"flow\": [\n        { \"id\": 007 }\n    ]\n}")
        defer { try? FileManager.default.removeItem(at: f.dir) }
        for cmd in [["list"], ["list", "--json"], ["fmt"], ["fmt", "--check"], ["fmt", "--style", "make"]] {
            let r = try Scened.run(cmd + [f.path])
            #expect(r.status == 65 && r.stdout.isEmpty, "\(cmd)")
            #expect(r.stderr == "\(f.path):3:17: leading zeros are not allowed in numbers\n            { \"id\": 007 }\n                    ^\n", "\(cmd)")
        }
    }

    @Test func notABlueprintExit65() throws {
        let f = try tempFile("{\"name\": \"x\"}")
        defer { try? FileManager.default.removeItem(at: f.dir) }
        let r = try Scened.run(["list", f.path])
        #expect(r.status == 65)
        #expect(r.stderr == "\(f.path):1:1: not a scenario blueprint: no \"flow\" array at the top level\n")
        let s = try Scened.run(["fmt", "-"], stdin: Array("[1,\n2,]".utf8))
        #expect(s.status == 65 && s.stderr.hasPrefix("<stdin>:2:3: trailing comma before ']'\n"))
        let e = try Scened.run(["list", "-"], stdin: [])
        #expect(e.status == 65 && e.stderr.hasPrefix("<stdin>:1:1: empty document\n"))
    }
}
