// What check, list, upgrade and connections share when they are given folders or
// several files (BlueprintInputs): loading each file with non-blueprints from folders
// skipped, the error object of a file that did not load, the closing notes (files
// skipped, folders without blueprints) and the exit code: the worst over all files.
import BlueprintKit

/// A file of a many-file run: its blueprint, skipped (JSON that is not a blueprint,
/// found in a folder), or failed with an exit code (the message is printed).
enum InputLoad {
    case loaded(Blueprint)
    case skipped
    case failed(code: Int32, json: JSONValue)
}

/// The worst of two exit codes (sysexits grow with severity; 0 ok, 1 attention).
func worstExit(_ a: Int32, _ b: Int32) -> Int32 { max(a, b) }

/// `{"file": F, "error": {"line", "column", "message"}}` for --json output.
func fileErrorJSON(_ file: String, line: Int?, column: Int?, message: String) -> JSONValue {
    .object([("file", .string(file)), ("error", .object([("line", line.map { .int($0) } ?? .null),
                                                          ("column", column.map { .int($0) } ?? .null),
                                                          ("message", .string(message))]))])
}

/// Loads one input; a read failure prints `scened CMD: …` (66), a parse failure
/// `FILE:LINE:COL: message` (65), a non-blueprint from a folder is skipped silently.
func loadInput(_ path: String, inputs: BlueprintInputs, command: String, scanReferences: Bool = true) -> InputLoad {
    let bytes: JSONBytes
    do { bytes = try FileIO.readBytes(path) } catch {
        ProgressLine.stderrMessage("scened \(command): \(error)\n")
        return .failed(code: Exit.noInput, json: fileErrorJSON(path, line: nil, column: nil, message: error.message))
    }
    do { return .loaded(try Blueprint(bytes: bytes, scanReferences: scanReferences)) } catch {
        if inputs.skips(path, error) { return .skipped }
        ProgressLine.stderrMessage("\(path == "-" ? "<stdin>" : path):\(error.line):\(error.column): \(error.message)\n")
        if case .json(let e) = error { ProgressLine.stderrMessage(indentExcerpt(e.excerpt)) }
        return .failed(code: Exit.dataError, json: fileErrorJSON(path, line: error.line, column: error.column, message: error.message))
    }
}

/// After a many-file run: says how many non-blueprints were skipped and which folders
/// held no blueprint; returns 66 when one did (else 0).
func finishInputs(_ inputs: BlueprintInputs, skipped: Set<String>, command: String) -> Int32 {
    if !skipped.isEmpty { FileIO.writeStderr("scened \(command): \(BlueprintInputs.skippedText(skipped.count))\n") }
    let empty = inputs.emptyFolderMessages(skipped: skipped)
    for m in empty { FileIO.writeStderr("scened \(command): \(m)\n") }
    return empty.isEmpty ? Exit.ok : Exit.noInput
}

/// `3 files`.
func filesText(_ n: Int) -> String { "\(n) file\(n == 1 ? "" : "s")" }
