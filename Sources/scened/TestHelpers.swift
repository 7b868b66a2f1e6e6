// Hidden commands that the test suite drives as separate processes (a process
// must be killed, signalled or raced against). Not listed in `scened --help`.
#if canImport(Glibc)
import Glibc
#endif
import BlueprintKit

let hiddenCommands: [Command] = [
    Command(name: "__save-loop", summary: "", usage: "scened __save-loop OUT A B", run: runSaveLoop),
    Command(name: "__in-place", summary: "", usage: "scened __in-place FILE NEWFILE [--force]", run: runInPlaceHelper),
    Command(name: "__recovery", summary: "", usage: "scened __recovery FILE|--demo EDITEDFILE", run: runRecoveryHelper),
]

/// Saves A, B, A, B, ... to OUT with SafeSave until killed; prints `saving` once started.
func runSaveLoop(_ argv: [String]) -> Int32 {
    guard argv.count == 3, let a = try? FileStamp.read(argv[1]).bytes, let b = try? FileStamp.read(argv[2]).bytes else { return Exit.usage }
    FileIO.writeStdout("saving\n")
    var k = 0
    while true {
        do { try SafeSave.write(k % 2 == 0 ? a : b, to: argv[0]) } catch {
            FileIO.writeStderr("scened __save-loop: \(error)\n")
            return Exit.cantCreate
        }
        k += 1
    }
}

/// Reads FILE, prints `read`, waits for a line on stdin (the test changes FILE meanwhile),
/// then writes NEWFILE's bytes in place through `writeInPlace`.
func runInPlaceHelper(_ argv: [String]) -> Int32 {
    var args = Args(argv, command: "__in-place")
    let force = args.flag("--force")
    guard let files = try? args.positionals(), files.count == 2, let new = try? FileIO.read(files[1]) else { return Exit.usage }
    guard case .success(let src) = readForInPlace(files[0], command: "__in-place") else { return Exit.noInput }
    FileIO.writeStdout("read\n")
    var c: UInt8 = 0
    while read(0, &c, 1) == 1 && c != 0x0A {}
    return writeInPlace(new, to: files[0], readStamp: src.stamp, force: force, command: "__in-place")
}

/// Opens FILE (or the demo) as the editor would, publishes EDITEDFILE's bytes as the
/// unsaved document, installs the SIGHUP/SIGTERM handlers, prints `ready` and waits.
func runRecoveryHelper(_ argv: [String]) -> Int32 {
    guard argv.count == 2, let edited = try? FileIO.read(argv[1]) else { return Exit.usage }
    let original: String? = argv[0] == "--demo" ? nil : argv[0]
    let stamp = original.flatMap { try? FileStamp.of($0) }
    let writer = RecoveryWriter(for: original, stamp: stamp)
    RecoveryWriter.installSignalHandlers(restoreTerminal: { FileIO.writeStdout("terminal restored\n") })
    writer.update(document: edited)
    FileIO.writeStdout("ready\n")
    while true { pause() }
}
