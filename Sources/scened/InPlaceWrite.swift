// Writing a command's result back to its input file (`-i/--in-place`) without
// losing a colleague's change: the file is stamped when read and the write is
// refused when it no longer matches, unless the user passed --force.
//
// Adopting it in a command:
//   guard case .success(let src) = readForInPlace(path, command: "upgrade") else { ... }
//   let bp = try Blueprint(bytes: src.bytes) ... compute `output` ...
//   return writeInPlace(output, to: path, readStamp: src.stamp, force: force, command: "upgrade")
// or, when the command already loaded the blueprint with `loadBlueprint`:
//   return writeInPlace(output, to: path, original: bp.document.bytes, force: force, command: "upgrade")
import BlueprintKit

/// The bytes of a file to be rewritten in place, with the stamp of exactly those bytes.
struct InPlaceSource {
    var bytes: [UInt8]
    var stamp: FileStamp
}

/// Reads `path` for an in-place edit; prints the error and returns exit 66 when it cannot.
func readForInPlace(_ path: String, command: String) -> Result<InPlaceSource, ExitFailure> {
    guard path != "-" else {
        FileIO.writeStderr("scened \(command): --in-place needs a FILE, not standard input\n")
        return .failure(ExitFailure(code: Exit.usage))
    }
    do {
        let r = try FileStamp.read(path)
        return .success(InPlaceSource(bytes: r.bytes, stamp: r.stamp))
    } catch {
        FileIO.writeStderr("scened \(command): \(error)\n")
        return .failure(ExitFailure(code: Exit.noInput))
    }
}

/// Atomically replaces `path` with `bytes`. Refuses (exit 73, nothing written) when the
/// file's content changed since it was read as `readStamp`, unless `force`. Prints why.
func writeInPlace(_ bytes: [UInt8], to path: String, readStamp: FileStamp, force: Bool,
                  backup: Bool = false, command: String) -> Int32 {
    do {
        try SafeSave.write(bytes, to: path, options: SaveOptions(backup: backup), expecting: force ? nil : readStamp)
        return Exit.ok
    } catch {
        switch error {
        case .externalChange(let c):
            FileIO.writeStderr("scened \(command): \(c.path): changed on disk since it was read (\(c.whatChanged)); nothing written. "
                               + "Run the command again, or pass --force to overwrite.\n")
        case .io(let e):
            FileIO.writeStderr("scened \(command): \(e); the file is unchanged\n")
        }
        return Exit.cantCreate
    }
}

/// Same, with the stamp derived from the bytes the command parsed (content comparison).
func writeInPlace(_ bytes: [UInt8], to path: String, original: [UInt8], force: Bool,
                  backup: Bool = false, command: String) -> Int32 {
    writeInPlace(bytes, to: path, readStamp: FileStamp(bytes: original), force: force, backup: backup, command: command)
}
