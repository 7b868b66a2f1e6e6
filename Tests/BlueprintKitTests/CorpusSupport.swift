// Shared helpers for the corpus and CLI tests: where the package, the corpus
// and the built binary are, and independent (non-Blueprint) walks over the
// corpus used to cross-check the model.
import Foundation
import Testing
@testable import BlueprintKit

enum Corpus {
    /// The package root: Tests/BlueprintKitTests/<file> is three levels below it.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared/corpus` relative to the package root.
    static let root: URL = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")
    static let blueprintsDir = root.appendingPathComponent("blueprints")
    static let invalidDir = root.appendingPathComponent("invalid")

    static let available: Bool = {
        var isDir: ObjCBool = false
        let ok = FileManager.default.fileExists(atPath: blueprintsDir.path, isDirectory: &isDir) && isDir.boolValue
        if !ok {
            print("NOTICE: corpus not found at \(root.path); corpus tests are skipped (they need ../shared/corpus next to the package)")
        }
        return ok
    }()

    static let skipNote: Comment = "corpus not found at ../shared/corpus relative to the package root: skipped"

    static func jsonFiles(in dir: URL) -> [String] {
        guard available, let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else { return [] }
        return names.filter { $0.hasSuffix(".json") }.sorted()
    }

    /// The 128 valid exports.
    static var blueprints: [String] { jsonFiles(in: blueprintsDir) }
    /// The 6 exports in `invalid/` that only carry a UTF-8 BOM (they must open).
    static var bomFiles: [String] { jsonFiles(in: invalidDir).filter { startsWithBOM(invalidDir.appendingPathComponent($0)) } }
    /// The 4 really broken exports.
    static var brokenFiles: [String] { jsonFiles(in: invalidDir).filter { !startsWithBOM(invalidDir.appendingPathComponent($0)) } }

    /// Every file that must open: `blueprints/NAME` and `invalid/NAME` for the BOM ones.
    static var openable: [String] {
        blueprints.map { "blueprints/" + $0 } + bomFiles.map { "invalid/" + $0 }
    }

    static func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    static func bytes(_ relative: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: url(relative)))
    }

    private static func startsWithBOM(_ u: URL) -> Bool {
        guard let d = try? Data(contentsOf: u) else { return false }
        return d.starts(with: [0xEF, 0xBB, 0xBF])
    }
}

// MARK: - Independent walks (no Blueprint involved)

/// Walks module objects the way the format document (§3) describes them,
/// over plain `JSONValue`s: flow, routes[].flow, onerror, branches[].flow,
/// tools[].flow and metadata.designer.orphans[][].
enum IndependentWalk {
    static func modules(of root: JSONValue) -> [JSONValue] {
        var out: [JSONValue] = []
        func walk(_ flow: JSONValue?) {
            guard let arr = flow?.arrayValue else { return }
            for m in arr where m.objectValue != nil {
                out.append(m)
                walk(m["onerror"])
                for key in ["routes", "branches", "tools"] {
                    for c in m[key]?.arrayValue ?? [] { walk(c["flow"]) }
                }
            }
        }
        walk(root["flow"])
        for frag in root["metadata"]?["designer"]?["orphans"]?.arrayValue ?? [] { walk(frag) }
        return out
    }

    /// Every string value in the parts of a module that hold IML: parameters,
    /// mapper, filter, flags and the conditions of If-else branches.
    static func imlStrings(of module: JSONValue) -> [String] {
        var out: [String] = []
        func collect(_ v: JSONValue) {
            switch v {
            case .string(let s): out.append(s)
            case .array(let a): a.forEach(collect)
            case .object(let o): o.forEach { collect($0.1) }
            default: break
            }
        }
        for (k, v) in module.objectValue ?? [] {
            if ["parameters", "mapper", "filter", "flags"].contains(k) { collect(v) }
            if k == "branches" { for b in v.arrayValue ?? [] { if let c = b["conditions"] { collect(c) } } }
        }
        return out
    }

    static let blockRegex = try! NSRegularExpression(pattern: #"\{\{(.*?)(\}\}|$)"#, options: [.dotMatchesLineSeparators])
    static let refRegex = try! NSRegularExpression(pattern: #"(?<![\w.`])(\d+)\.(`[^`]+`|[A-Za-z_$][\w$]*)"#)

    /// `ID.field` references inside `{{…}}` blocks of one string, by regular expression.
    static func references(in s: String) -> [(id: Int, field: String)] {
        let ns = s as NSString
        var out: [(Int, String)] = []
        for block in blockRegex.matches(in: s, range: NSRange(location: 0, length: ns.length)) {
            let inner = block.range(at: 1)
            for m in refRegex.matches(in: s, range: inner) {
                guard let id = Int(ns.substring(with: m.range(at: 1))) else { continue }
                var field = ns.substring(with: m.range(at: 2))
                if field.hasPrefix("`") { field = String(field.dropFirst().dropLast()) }
                out.append((id, field))
            }
        }
        return out
    }
}

// MARK: - Small text helpers

extension String {
    /// Lines split on "\n" (a final empty piece is kept, so a final newline is visible).
    var linesKeepingEnds: [Substring] { split(separator: "\n", omittingEmptySubsequences: false) }
}

/// Lines of a byte buffer split on LF, each including its CR if any.
func lines(_ b: [UInt8]) -> [ArraySlice<UInt8>] {
    b.split(separator: 0x0A, omittingEmptySubsequences: false)
}

/// Builds a document from text, failing the test on a parse error.
func doc(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> JSONDocument {
    do { return try JSONDocument(text: text) } catch {
        Issue.record("unexpected parse error \(error) in \(text.debugDescription)", sourceLocation: sourceLocation)
        throw error
    }
}

/// The parse error for `bytes`, or nil (and a recorded issue) when it parses.
func parseError(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) -> JSONParseError? {
    do {
        _ = try JSONDocument(bytes: bytes)
        Issue.record("expected a parse error", sourceLocation: sourceLocation)
        return nil
    } catch { return error }
}

func parseError(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> JSONParseError? {
    parseError(Array(text.utf8), sourceLocation: sourceLocation)
}

/// Applies one splice and returns the new text.
func applied(_ d: JSONDocument, _ s: Splice) throws -> String {
    try d.applying([s]).document.text
}

// MARK: - Running the built binary

enum Scened {
    /// `.build/debug/scened` (or the release one) next to the package, built by `swift build`/`swift test`.
    static let path: String? = {
        let fm = FileManager.default
        let bundleDir = Bundle.main.bundleURL.deletingLastPathComponent().path
        let candidates = [bundleDir + "/scened"] + [".build/debug", ".build/x86_64-unknown-linux-gnu/debug", ".build/release"]
            .map { Corpus.packageRoot.appendingPathComponent($0).appendingPathComponent("scened").path }
        return candidates.first { fm.isExecutableFile(atPath: $0) }
    }()

    struct Result {
        var status: Int32
        var stdout: [UInt8]
        var stderr: String
        var out: String { String(decoding: stdout, as: UTF8.self) }
    }

    /// Runs scened with `args`; stdout and stderr go to temporary files, so large
    /// outputs cannot block on a full pipe.
    static func run(_ args: [String], stdin: [UInt8]? = nil, sourceLocation: SourceLocation = #_sourceLocation) throws -> Result {
        guard let path else {
            Issue.record("the scened binary was not found under \(Corpus.packageRoot.path)/.build; run `swift build` first", sourceLocation: sourceLocation)
            throw CancellationError()
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("scened-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let outURL = dir.appendingPathComponent("out"), errURL = dir.appendingPathComponent("err"), inURL = dir.appendingPathComponent("in")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: inURL.path, contents: Data(stdin ?? []))
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = args
        let o = try FileHandle(forWritingTo: outURL), e = try FileHandle(forWritingTo: errURL), i = try FileHandle(forReadingFrom: inURL)
        p.standardOutput = o
        p.standardError = e
        p.standardInput = i
        try p.run()
        p.waitUntilExit()
        try o.close(); try e.close(); try i.close()
        return Result(status: p.terminationStatus,
                      stdout: [UInt8](try Data(contentsOf: outURL)),
                      stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }
}

/// A fresh temporary directory, removed by the caller.
func makeTempDir() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("scened-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
}
