// Recovery files: what the editor leaves behind when SIGHUP or SIGTERM ends it
// with unsaved edits (a dropped SSH link, a shutdown), like vim's swap file.
//
// Location: next to the original as `.<name>.scened-recover` (symlinks followed,
// like saving). When that directory is not writable, and for the built-in demo,
// in `$XDG_STATE_HOME/scened/` (default `~/.local/state/scened/`) under the
// original's absolute path with `/` written as `%` (`%work%a.json.scened-recover`;
// the demo is `demo.scened-recover`).
//
// Format: one JSON header line, then the document bytes exactly as edited:
//   {"scened-recovery":1,"path":"/abs/a.json","size":120,"mtime":"1700000000.5",
//    "hash":"cbf29ce484222325","time":1700000000,"pid":4242,"length":131}\n<document>
// `path` is null for the demo; size/mtime/hash are the stamp of the version the
// edits were based on (null when there was no file); `length` is the document's
// byte count, so a recovery file cut short is recognised as incomplete.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public struct RecoveryHeader: Sendable, Equatable {
    public static let formatVersion = 1
    public var formatVersion: Int
    /// Absolute path of the original file; nil for the built-in demo.
    public var originalPath: String?
    /// The version of the original the edits started from (opened or last saved).
    public var originalStamp: FileStamp?
    /// When the recovered edits were made (seconds since the epoch).
    public var time: Int
    /// The editor process that wrote the file.
    public var pid: Int32
    /// Length of the document that follows the header line.
    public var length: Int

    public init(originalPath: String?, originalStamp: FileStamp?, time: Int, pid: Int32, length: Int) {
        self.formatVersion = RecoveryHeader.formatVersion
        self.originalPath = originalPath; self.originalStamp = originalStamp
        self.time = time; self.pid = pid; self.length = length
    }

    /// The header line, newline included.
    public var line: [UInt8] {
        var o: [(String, JSONValue)] = [("scened-recovery", .int(formatVersion)),
                                        ("path", originalPath.map { .string($0) } ?? .null)]
        if let s = originalStamp {
            o += [("size", .int(s.size)), ("mtime", .string("\(s.mtimeSec).\(s.mtimeNsec)")), ("hash", .string(s.hashHex))]
        } else {
            o += [("size", .null), ("mtime", .null), ("hash", .null)]
        }
        o += [("time", .int(time)), ("pid", .int(Int(pid))), ("length", .int(length))]
        return Array(JSONWriter.render(.object(o), style: .compact).utf8) + [0x0A]
    }
}

/// A recovery file that could not be read back.
public struct RecoveryError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String
    public var description: String { "\(path): \(message)" }
}

/// A recovery file found for an original.
public struct RecoveryFile: Sendable {
    /// Where the recovery file is.
    public let path: String
    public let header: RecoveryHeader

    /// The recovered document bytes. Throws when the file is damaged or incomplete.
    public func load() throws(RecoveryError) -> [UInt8] {
        let bytes: [UInt8]
        do { bytes = try FileIO.read(path) } catch { throw RecoveryError(path: path, message: error.message) }
        let parsed = try Recovery.parse(bytes, path: path)
        return Array(bytes[parsed.bodyOffset...])
    }

    /// Deletes the recovery file (after recovering and saving, or when the user discards it).
    public func discard() { unlink(path) }

    /// True when the original on disk is still the version the edits started from, false
    /// when it changed since (recovering would then undo someone else's change), nil when
    /// unknown (no stamp, or the original is gone).
    public func originalUnchanged() -> Bool? {
        guard let p = header.originalPath, let expected = header.originalStamp,
              let now = try? FileStamp.of(p) else { return nil }
        return now.sameContent(as: expected)
    }

    /// A unified diff from `current` (normally the file on disk) to the recovered document.
    public func diff(from current: [UInt8], name: String) throws(RecoveryError) -> String {
        UnifiedDiff.diff(old: current, new: try load(), oldName: name, newName: "\(name) (recovered)")
    }
}

public enum Recovery {
    static let suffix = ".scened-recover"

    /// Where recovery files for the demo (and for originals in read-only directories) go.
    public static func stateDirectory() -> String {
        if let x = getenv("XDG_STATE_HOME"), x.pointee == CChar(UInt8(ascii: "/")) {
            return String(cString: x) + "/scened"
        }
        let home = getenv("HOME").map { String(cString: $0) } ?? "/tmp"
        return (home.isEmpty ? "/tmp" : home) + "/.local/state/scened"
    }

    /// An absolute version of `path` with symlinks followed (the file saving writes to).
    public static func absoluteTarget(_ path: String) -> String {
        let t = SafeSave.resolve(path)
        if t.hasPrefix("/") { return t }
        var buf = [CChar](repeating: 0, count: 4097)
        guard getcwd(&buf, buf.count) != nil else { return t }
        let cwd = String(decoding: buf.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return (cwd == "/" ? "" : cwd) + "/" + (t.hasPrefix("./") ? String(t.dropFirst(2)) : t)
    }

    /// The recovery file next to the original: `.<name>.scened-recover`.
    public static func path(for original: String?) -> String {
        guard let original else { return fallbackPath(for: nil) }
        let t = absoluteTarget(original)
        return SafeSave.directory(of: t) + "/." + SafeSave.baseName(of: t) + suffix
    }

    /// The recovery file in the state directory.
    public static func fallbackPath(for original: String?) -> String {
        guard let original else { return stateDirectory() + "/demo" + suffix }
        let t = absoluteTarget(original)
        var name = ""
        for ch in t { name += ch == "%" ? "%%" : ch == "/" ? "%" : String(ch) }
        if name.utf8.count > 200 {   // keep under NAME_MAX; the hash keeps long paths apart
            name = String(decoding: Array(name.utf8.suffix(150)), as: UTF8.self) + "-" + FileStamp(bytes: Array(t.utf8)).hashHex
        }
        return stateDirectory() + "/" + name + suffix
    }

    /// The newest readable recovery file for `original` (nil: the demo), if any. A file whose
    /// header cannot be read is still returned when it exists, so it can be discarded; its
    /// `load()` explains the damage. Files that belong to another original are ignored.
    public static func find(for original: String?) -> RecoveryFile? {
        let want = original.map(absoluteTarget)
        var best: RecoveryFile?
        for p in [path(for: original), fallbackPath(for: original)] {
            guard let bytes = try? FileIO.read(p) else { continue }
            let header: RecoveryHeader
            if let parsed = try? parse(bytes, path: p) {
                header = parsed.header
                if header.originalPath != want { continue }
            } else {
                header = RecoveryHeader(originalPath: want, originalStamp: nil, time: 0, pid: 0, length: -1)
            }
            if best == nil || header.time > best!.header.time { best = RecoveryFile(path: p, header: header) }
        }
        return best
    }

    /// Splits a recovery file into its header and the offset where the document starts.
    public static func parse(_ bytes: [UInt8], path: String) throws(RecoveryError) -> (header: RecoveryHeader, bodyOffset: Int) {
        func bad(_ m: String) -> RecoveryError { RecoveryError(path: path, message: "not a usable recovery file: \(m)") }
        guard let nl = bytes.prefix(65536).firstIndex(of: 0x0A) else { throw bad("no header line") }
        let doc: JSONDocument
        do { doc = try JSONDocument(bytes: Array(bytes[..<nl])) } catch { throw bad("header \(error)") }
        let r = doc.root
        guard doc.kind(r) == .object, let version = doc.int(r, "scened-recovery") else { throw bad("no scened-recovery header") }
        guard version == RecoveryHeader.formatVersion else { throw bad("format version \(version) is not supported") }
        guard let length = doc.int(r, "length"), length >= 0, let time = doc.int(r, "time"),
              let pid = doc.int(r, "pid"), let pid32 = Int32(exactly: pid) else { throw bad("header lacks length, time or pid") }
        let originalPath = doc.string(r, "path")
        var stamp: FileStamp?
        if let size = doc.int(r, "size"), let mt = doc.string(r, "mtime"), let h = doc.string(r, "hash"),
           let hash = UInt64(h, radix: 16) {
            let parts = mt.split(separator: ".")
            stamp = FileStamp(size: size, mtimeSec: parts.first.flatMap { Int($0) } ?? 0,
                              mtimeNsec: parts.count > 1 ? Int(parts[1]) ?? 0 : 0, hash: hash)
        }
        let header = RecoveryHeader(originalPath: originalPath, originalStamp: stamp, time: time, pid: pid32, length: length)
        let have = bytes.count - (nl + 1)
        guard have == length else {
            throw RecoveryError(path: path, message: "incomplete recovery file: \(have) of \(length) document bytes")
        }
        return (header, nl + 1)
    }
}
