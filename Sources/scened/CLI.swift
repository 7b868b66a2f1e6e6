// Subcommand registry, exit codes and small argument helpers shared by every command.
import BlueprintKit

/// sysexits(3) codes used by every command.
enum Exit {
    static let ok: Int32 = 0
    /// Something needs attention (check), output would differ (fmt --check), nothing matched.
    static let attention: Int32 = 1
    static let usage: Int32 = 64
    static let dataError: Int32 = 65
    static let noInput: Int32 = 66
    static let software: Int32 = 70
    static let cantCreate: Int32 = 73
    static let ioError: Int32 = 74
    /// EX_TEMPFAIL: `-i` refused because FILE changed since it was read; run again (or --force).
    static let changedOnDisk: Int32 = 75
}

let scenedVersion = "0.1.0"

struct Command: Sendable {
    var name: String
    var summary: String
    var usage: String
    var run: @Sendable ([String]) -> Int32
}

extension String {
    /// Pads with spaces to `width` characters.
    func padded(_ width: Int) -> String { count >= width ? self : self + String(repeating: " ", count: width - count) }
}

/// Thrown by argument parsing; carries the message for stderr and exit 64.
struct UsageError: Error { var message: String }

/// A tiny argument scanner: flags, options with values, positionals.
struct Args {
    private(set) var rest: [String]
    let command: String

    init(_ argv: [String], command: String) { rest = argv; self.command = command }

    /// True when `--help`/`-h` is present.
    var wantsHelp: Bool { rest.contains("--help") || rest.contains("-h") }

    mutating func flag(_ names: String...) -> Bool {
        var hit = false
        rest.removeAll { a in
            if names.contains(a) { hit = true; return true }
            return false
        }
        return hit
    }

    /// All values of an option given as `--opt V` or `--opt=V` (repeatable).
    mutating func options(_ names: String...) throws(UsageError) -> [String] {
        var out: [String] = []
        var i = 0
        while i < rest.count {
            let a = rest[i]
            if let n = names.first(where: { a == $0 }) {
                guard i + 1 < rest.count else { throw UsageError(message: "\(n) needs a value") }
                out.append(rest[i + 1]); rest.removeSubrange(i...(i + 1)); continue
            }
            if let n = names.first(where: { a.hasPrefix($0 + "=") }) {
                out.append(String(a.dropFirst(n.count + 1))); rest.remove(at: i); continue
            }
            i += 1
        }
        return out
    }

    mutating func option(_ names: String...) throws(UsageError) -> String? {
        var out: [String] = []
        var i = 0
        while i < rest.count {
            let a = rest[i]
            if let n = names.first(where: { a == $0 }) {
                guard i + 1 < rest.count else { throw UsageError(message: "\(n) needs a value") }
                out.append(rest[i + 1]); rest.removeSubrange(i...(i + 1)); continue
            }
            if let n = names.first(where: { a.hasPrefix($0 + "=") && $0.hasPrefix("--") }) {
                out.append(String(a.dropFirst(n.count + 1))); rest.remove(at: i); continue
            }
            i += 1
        }
        if out.count > 1 { throw UsageError(message: "\(names[0]) given more than once") }
        return out.first
    }

    /// The remaining arguments, refusing unknown options.
    func positionals() throws(UsageError) -> [String] {
        var out: [String] = []
        var onlyPositional = false
        for a in rest {
            if onlyPositional { out.append(a); continue }
            if a == "--" { onlyPositional = true; continue }
            if a.hasPrefix("-") && a != "-" { throw UsageError(message: "unknown option '\(a)'") }
            out.append(a)
        }
        return out
    }
}

/// Prints `scened CMD: message` and the usage line; returns 64.
func usageFailure(_ cmd: Command, _ message: String) -> Int32 {
    FileIO.writeStderr("scened \(cmd.name): \(message)\nusage: \(cmd.usage.split(separator: "\n").first ?? "")\nTry 'scened \(cmd.name) --help'.\n")
    return Exit.usage
}

/// Loads a blueprint, printing `FILE:LINE:COL: message` and returning the exit code on failure.
/// `scanReferences: false` skips the `{{id.field}}` index (for commands that need none).
func loadBlueprint(_ path: String, command: String, scanReferences: Bool = true) -> Result<Blueprint, ExitFailure> {
    let bytes: JSONBytes
    ProgressTicker.phase("reading \(path == "-" ? "<stdin>" : path)")
    do { bytes = try FileIO.readBytes(path) } catch {
        FileIO.writeStderr("scened \(command): \(error)\n")
        return .failure(ExitFailure(code: Exit.noInput))
    }
    ProgressTicker.phase("parsing \(ProgressTicker.describe(path, bytes: bytes.count))")
    do {
        let bp = try Blueprint(bytes: bytes, scanReferences: scanReferences)
        ProgressTicker.phase("working on \(ProgressTicker.describe(path, bytes: bytes.count)), \(bp.modules.count) modules")
        return .success(bp)
    } catch {
        FileIO.writeStderr("\(path == "-" ? "<stdin>" : path):\(error.line):\(error.column): \(error.message)\n")
        if case .json(let e) = error { FileIO.writeStderr(indentExcerpt(e.excerpt)) }
        return .failure(ExitFailure(code: Exit.dataError))
    }
}

struct ExitFailure: Error { var code: Int32 }

func indentExcerpt(_ s: String) -> String {
    s.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n") + "\n"
}

/// Writes output to `-o OUT` atomically, or to stdout.
func writeOutput(_ bytes: [UInt8], to out: String?, command: String) -> Int32 {
    guard let out, out != "-" else { FileIO.writeStdout(bytes); return Exit.ok }
    return writeOutput(count: bytes.count, to: out, command: command) { (p, o) throws(SaveError) in try SafeSave.write(bytes, to: p, options: o, expecting: nil) }
}

/// The same from a document's bytes, without copying them (a 50 MB upgrade result).
func writeOutput(_ bytes: JSONBytes, to out: String?, command: String) -> Int32 {
    guard let out, out != "-" else { FileIO.writeStdout(bytes); return Exit.ok }
    return writeOutput(count: bytes.count, to: out, command: command) { (p, o) throws(SaveError) in try SafeSave.write(bytes, to: p, options: o, expecting: nil) }
}

private func writeOutput(count: Int, to out: String, command: String,
                         save: (String, SaveOptions) throws(SaveError) -> FileStamp) -> Int32 {
    ProgressTicker.phase("writing \(ProgressTicker.describe(out, bytes: count))")
    let existed = FileIO.exists(out)
    do { _ = try save(out, SaveOptions()) } catch {
        switch error {
        case .notDurable(let e, _):                    // written; only the folder sync failed
            FileIO.writeStderr("scened \(command): \(e)\n")
            return Exit.ioError
        case .io(let e):
            FileIO.writeStderr("scened \(command): \(e); \(existed ? "\(out) is unchanged" : "nothing written")\n")
        case .externalChange(let c):                   // not reached: nothing is expected
            FileIO.writeStderr("scened \(command): \(c.description)\n")
        }
        return Exit.cantCreate
    }
    return Exit.ok
}
