// Helpers for the safety tests: the package root, the shared corpus, the built
// scened binary, child processes, scratch directories and private mounts.
import Foundation
#if canImport(Glibc)
import Glibc
#endif

enum Safety {
    /// The package root, derived from this file's path.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared/corpus` next to the package, or nil (with a notice) when absent.
    static func corpus(_ sub: String) -> URL? {
        let u = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus/\(sub)")
        if FileManager.default.fileExists(atPath: u.path) { return u }
        print("note: \(u.path) not found; skipping the corpus part of this test")
        return nil
    }

    /// The built scened binary (`swift build` / `swift test` build it), or nil with a notice.
    static func binary() -> String? {
        for dir in [".build/debug", ".build/x86_64-unknown-linux-gnu/debug", ".build/release"] {
            let p = packageRoot.appendingPathComponent(dir).appendingPathComponent("scened").path
            if FileManager.default.isExecutableFile(atPath: p) { return p }
        }
        print("note: scened binary not built; skipping the process part of this test")
        return nil
    }

    /// A fresh scratch directory (world-readable, so an unprivileged child can use it).
    static func scratch(_ tag: String) -> String {
        let p = "/tmp/scened-test-\(tag)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        mkdir(p, 0o755)
        chmod(p, 0o755)
        return p
    }

    static func remove(_ path: String) { try? FileManager.default.removeItem(atPath: path) }

    static func write(_ path: String, _ bytes: [UInt8]) { _ = FileManager.default.createFile(atPath: path, contents: Data(bytes)) }
    static func read(_ path: String) -> [UInt8]? { FileManager.default.contents(atPath: path).map { Array($0) } }

    /// Names in `dir` that look like a scened temporary file.
    static func temporaries(in dir: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.contains(".scened-") && !$0.hasSuffix(".scened-recover") }
    }

    struct Output { var status: Int32; var signalled: Bool; var out: String; var err: String }

    /// Runs a program to completion.
    @discardableResult
    static func run(_ argv: [String], env: [String: String]? = nil, stdin: String? = nil) -> Output {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: argv[0])
        p.arguments = Array(argv.dropFirst())
        if let env { p.environment = ProcessInfo.processInfo.environment.merging(env) { $1 } }
        let o = Pipe(), e = Pipe(), i = Pipe()
        p.standardOutput = o; p.standardError = e; p.standardInput = i
        do { try p.run() } catch { return Output(status: 127, signalled: false, out: "", err: "\(error)") }
        if let stdin { i.fileHandleForWriting.write(Data(stdin.utf8)) }
        try? i.fileHandleForWriting.close()
        let od = o.fileHandleForReading.readDataToEndOfFile(), ed = e.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Output(status: p.terminationStatus, signalled: p.terminationReason == .uncaughtSignal,
                      out: String(decoding: od, as: UTF8.self), err: String(decoding: ed, as: UTF8.self))
    }

    /// A tmpfs mounted at a new directory (root only), or nil with a notice.
    static func mountTmpfs(_ tag: String, size: String) -> String? {
        let dir = scratch(tag)
        let r = run(["/bin/mount", "-t", "tmpfs", "-o", "size=\(size),mode=0755", "tmpfs", dir])
        if r.status != 0 {
            print("note: cannot mount a tmpfs here (\(r.err.trimmingCharacters(in: .whitespacesAndNewlines))); skipping")
            remove(dir); return nil
        }
        return dir
    }

    static func unmount(_ dir: String) { run(["/bin/umount", "-l", dir]); remove(dir) }

    /// A synthetic blueprint of about `size` bytes in Make's layout (no corpus needed).
    static func bigBlueprint(size: Int, tag: String = "a") -> [UInt8] {
        var s = "{\n    \"name\": \"Big \(tag)\",\n    \"flow\": [\n"
        var id = 1
        while s.utf8.count < size {
            if id > 1 { s += ",\n" }
            s += """
                    {
                        "id": \(id),
                        "module": "http:ActionSendData",
                        "version": 3,
                        "mapper": {"url": "https://example.com/\(tag)/\(id)", "data": "{{\(max(1, id - 1)).data}} \(String(repeating: "x", count: 200))"},
                        "metadata": {"designer": {"x": \(id * 300), "y": 0}}
                    }
            """
            id += 1
        }
        s += "\n    ],\n    \"metadata\": {\"version\": 1}\n}"
        return Array(s.utf8)
    }
}
