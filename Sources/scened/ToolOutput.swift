// What the scenario-tool commands (remap, swap-expr, copy-mapping, copy-filter,
// swap-app) share: the `-o OUT | -i [--force] | --dry-run` options of `scened set`,
// and writing the edited document through the same helpers (writeOutput, InPlaceWrite).
import BlueprintKit

/// The output options of an editing command.
struct EditOutput {
    var out: String?
    var inPlace = false
    var force = false
    var dryRun = false

    /// Takes `-o`, `-i`, `--force` and `--dry-run` out of `args`; the message says what is wrong.
    static func parse(_ args: inout Args) throws(UsageError) -> EditOutput {
        var o = EditOutput()
        o.dryRun = args.flag("--dry-run", "-n")
        o.inPlace = args.flag("-i", "--in-place")
        o.force = args.flag("--force", "--overwrite")
        o.out = try args.option("-o", "--output")
        if [o.out != nil, o.inPlace, o.dryRun].filter({ $0 }).count > 1 { throw UsageError(message: "choose one of -o, -i and --dry-run") }
        if o.force && !o.inPlace { throw UsageError(message: "--force only applies to -i") }
        return o
    }

    /// Checks the FILE argument against the options (-i needs a real file).
    func check(file: String) throws(UsageError) {
        if inPlace && file == "-" { throw UsageError(message: "-i replaces FILE; it cannot be used with standard input") }
    }

    /// Writes the edited document: a diff for --dry-run, FILE for -i (refused when FILE
    /// changed since it was read, unless --force), OUT for -o, else standard output.
    func write(_ bytes: [UInt8], original: [UInt8], file: String, command: String) -> Int32 {
        if dryRun {
            var name = file == "-" ? "<stdin>" : file
            while name.hasPrefix("/") { name.removeFirst() }
            FileIO.writeStdout(UnifiedDiff.diff(old: original, new: bytes, oldName: "a/\(name)", newName: "b/\(name)"))
            return Exit.ok
        }
        if inPlace {
            if bytes == original { return Exit.ok }
            return writeInPlace(bytes, to: file, original: original, force: force, command: command)
        }
        return writeOutput(bytes, to: out, command: command)
    }
}

extension EditOutput {
    /// Makes the tool's edit on a session over `bp` and writes the result; a failed edit
    /// prints why and exits 70 with nothing written.
    func apply(to bp: Blueprint, file: String, command: String,
               _ edit: (inout EditSession) throws(ToolError) -> Void) -> Int32 {
        var session = EditSession(document: bp.document)
        do { try edit(&session) } catch {
            FileIO.writeStderr("scened \(command): \(error); nothing written\n")
            return Exit.software
        }
        return write(session.document.bytes.array, original: bp.document.bytes.array, file: file, command: command)
    }
}

/// `3` or `#3`.
func moduleId(_ text: String) -> Int? {
    Int(text.hasPrefix("#") ? String(text.dropFirst()) : text)
}

/// `3,5,#7` → [3, 5, 7]; nil when one is not an id.
func moduleIds(_ text: String) -> [Int]? {
    var out: [Int] = []
    for part in text.split(separator: ",") {
        guard let id = moduleId(part.filter { $0 != " " }) else { return nil }
        out.append(id)
    }
    return out.isEmpty ? nil : out
}

/// `#5 mapper.url` for the listings on stderr.
func whereText(_ moduleId: Int?, _ location: String) -> String {
    "\(moduleId.map { "#\($0)" } ?? "#?") \(location)"
}
