// Writing a command's result back to its input file (`-i/--in-place`) without
// losing a colleague's change: the file is stamped when read and the write is
// refused when it no longer matches, unless the user passed --force.
//
// Adopting it in a command:
//   guard case .success(let src) = readForInPlace(path, command: "upgrade") else { ... }
//   let bp = try Blueprint(bytes: src.bytes) ... compute `output` ...
//   return writeInPlace(output, to: path, readStamp: src.stamp, force: force, command: "upgrade")
// or, when the command already loaded the blueprint with `loadBlueprint`:
//   return writeInPlace(output, to: path, original: bp.document.bytes.array, force: force, command: "upgrade")
#if canImport(Glibc)
import Glibc
#endif
import BlueprintKit

/// The bytes of a file to be rewritten in place, with the stamp of exactly those bytes.
struct InPlaceSource {
    var bytes: [UInt8]
    var stamp: FileStamp
}

/// Reads `path` for an in-place edit; prints the error and returns exit 66 when it cannot.
func readForInPlace(_ path: String, command: String) -> Result<InPlaceSource, ExitFailure> {
    guard path != "-" else {
        ProgressLine.stderrMessage("scened \(command): --in-place needs a FILE, not standard input\n")
        return .failure(ExitFailure(code: Exit.usage))
    }
    do {
        let r = try FileStamp.read(path)
        return .success(InPlaceSource(bytes: r.bytes, stamp: r.stamp))
    } catch {
        ProgressLine.stderrMessage("scened \(command): \(error)\n")
        return .failure(ExitFailure(code: Exit.noInput))
    }
}

/// Atomically replaces `path` with `bytes`. Refuses (exit 75, nothing written) when the
/// file's content changed since it was read as `readStamp`, unless `force`; a failed
/// write exits 73. Prints why. `forceFlag` is the option the message suggests.
/// `unchanged`: the caller knows `bytes` are exactly what it read.
func writeInPlace(_ bytes: [UInt8], to path: String, readStamp: FileStamp, force: Bool, unchanged: Bool = false,
                  backup: Bool = false, command: String, forceFlag: String = "--force") -> Int32 {
    writeInPlace(count: bytes.count, to: path, readStamp: readStamp, force: force, unchanged: unchanged, backup: backup,
                 command: command, forceFlag: forceFlag) { (o, e) throws(SaveError) in try SafeSave.write(bytes, to: path, options: o, expecting: e) }
}

/// The same from a document's bytes, without copying them.
func writeInPlace(_ bytes: JSONBytes, to path: String, readStamp: FileStamp, force: Bool, unchanged: Bool = false,
                  backup: Bool = false, command: String, forceFlag: String = "--force") -> Int32 {
    writeInPlace(count: bytes.count, to: path, readStamp: readStamp, force: force, unchanged: unchanged, backup: backup,
                 command: command, forceFlag: forceFlag) { (o, e) throws(SaveError) in try SafeSave.write(bytes, to: path, options: o, expecting: e) }
}

private func writeInPlace(count: Int, to path: String, readStamp: FileStamp, force: Bool, unchanged: Bool,
                          backup: Bool, command: String, forceFlag: String,
                          save: (SaveOptions, FileStamp?) throws(SaveError) -> FileStamp) -> Int32 {
    holdForTests()
    ProgressTicker.phase("writing \(ProgressTicker.describe(path, bytes: count))")
    // Nothing changed (e.g. `upgrade -i` with nothing to upgrade): leave the file alone,
    // its inode, mtime and hard links included, as long as it is still the version read.
    if !force, unchanged, let now = try? FileStamp.of(path), now.sameContent(as: readStamp) {
        return Exit.ok
    }
    do {
        _ = try save(SaveOptions(backup: backup), force ? nil : readStamp)
        return Exit.ok
    } catch {
        switch error {
        case .externalChange(let c):
            ProgressLine.stderrMessage("scened \(command): \(c.path): changed on disk since it was read (\(c.whatChanged)); nothing written. "
                               + "Run the command again on the new version, or pass \(forceFlag) to overwrite it.\n")
            return Exit.changedOnDisk
        case .io(let e):
            ProgressLine.stderrMessage("scened \(command): \(e); the file is unchanged\n")
        case .notDurable(let e, _):
            ProgressLine.stderrMessage("scened \(command): \(e)\n")
            return Exit.ioError
        }
        return Exit.cantCreate
    }
}

/// Same, with the stamp derived from the bytes the command parsed (content comparison).
func writeInPlace(_ bytes: JSONBytes, to path: String, original: JSONBytes, force: Bool,
                  backup: Bool = false, command: String, forceFlag: String = "--force") -> Int32 {
    writeInPlace(bytes, to: path, readStamp: FileStamp(bytes: original), force: force, unchanged: bytes == original,
                 backup: backup, command: command, forceFlag: forceFlag)
}

func writeInPlace(_ bytes: [UInt8], to path: String, original: [UInt8], force: Bool,
                  backup: Bool = false, command: String, forceFlag: String = "--force") -> Int32 {
    writeInPlace(bytes, to: path, readStamp: FileStamp(bytes: original), force: force, unchanged: bytes == original,
                 backup: backup, command: command, forceFlag: forceFlag)
}

/// Test seam: with SCENED_TEST_HOLD_IN_PLACE set, prints `held` and waits for a line on
/// standard input before writing, so a test can change FILE between read and write.
private func holdForTests() {
    guard getenv("SCENED_TEST_HOLD_IN_PLACE") != nil else { return }
    FileIO.writeStdout("held\n")
    var c: UInt8 = 0
    while read(0, &c, 1) == 1 && c != 0x0A {}
}
