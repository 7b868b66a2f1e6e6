// The `E` round trip: the value goes into a temporary file, the person's $VISUAL /
// $EDITOR (vi when neither is set) runs on it, and the file's text comes back.
// The terminal wiring must leave curses mode around `run` (endwin() before,
// a full redraw after) and assign it to `Editor.runExternalEditor`:
//
//     editor.runExternalEditor = { text in
//         endwin(); defer { screen.forceRedraw() }
//         return ExternalEditor.run(text)
//     }
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import BlueprintKit

public enum ExternalEditor {
    /// The command to run: $VISUAL, then $EDITOR, then vi. It may hold arguments (`code -w`).
    public static func command(environment get: (String) -> String? = { getenv($0).map { String(cString: $0) } }) -> String {
        for name in ["VISUAL", "EDITOR"] {
            if let v = get(name), !v.trimmingCharacters(in: " ").isEmpty { return v }
        }
        return "vi"
    }

    /// Edits `text` in the external editor. Returns the new text, or nil when the editor
    /// could not start, exited with a failure status, or left text that is not UTF-8.
    public static func run(_ text: String, command: String = ExternalEditor.command()) -> String? {
        let dir = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array("\(dir)/scened-field-XXXXXX.txt".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemps($0.baseAddress!, 4) }
        guard fd >= 0 else { return nil }
        let path = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        defer { unlink(path) }
        let bytes = Array(text.utf8)
        let wrote = bytes.withUnsafeBufferPointer { buf -> Bool in
            var off = 0
            while off < buf.count {
                let n = write(fd, buf.baseAddress! + off, buf.count - off)
                if n < 0 { if errno == EINTR { continue }; return false }
                off += n
            }
            return true
        }
        close(fd)
        guard wrote, spawnShell("\(command) \"$1\"", argument: path) == 0 else { return nil }
        guard let back = try? FileIO.read(path) else { return nil }
        guard let s = String(validating: back, as: UTF8.self) else { return nil }
        return s
    }

    /// Runs `sh -c script sh argument` and waits; returns the exit status (-1 when it could not start).
    static func spawnShell(_ script: String, argument: String) -> Int32 {
        var pid = pid_t()
        let args = ["/bin/sh", "-c", script, "sh", argument]
        var cargs: [UnsafeMutablePointer<CChar>?] = args.map { strdup($0) } + [nil]
        defer { for a in cargs { free(a) } }
        let rc = posix_spawn(&pid, "/bin/sh", nil, nil, &cargs, environ)
        guard rc == 0 else { return -1 }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 { if errno != EINTR { return -1 } }
        // WIFEXITED / WEXITSTATUS
        return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : -1
    }
}
