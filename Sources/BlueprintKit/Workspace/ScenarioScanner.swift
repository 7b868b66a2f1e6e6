// Scanning a workspace: every file is read and summarised (ScenarioSummary) on all
// cores, and the parsed blueprint is dropped. Summaries are cached by file stamp: a
// rescan (after a save, or when the list is shown again) only re-reads files whose
// size or modification time changed, and only re-parses those whose content did.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What scanning one file found.
public enum ScanOutcome: Sendable, Equatable {
    case scenario(ScenarioSummary)
    /// Valid JSON that is not a scenario blueprint (found in a folder: skipped).
    case notBlueprint
}

public final class ScenarioScanner: @unchecked Sendable {
    public let catalog: Catalog
    private var cache: [String: ScanOutcome] = [:]
    private var stamps: [String: FileStamp] = [:]
    /// Files read and files parsed by the last scan (the rest came from the cache).
    public private(set) var lastRead = 0
    public private(set) var lastParsed = 0

    public init(catalog: Catalog) { self.catalog = catalog }

    /// The outcome per file, in order. Files named explicitly (not in `fromFolder`) are
    /// never skipped: a non-blueprint among them shows as broken.
    public func scan(_ files: [String], fromFolder: Set<String> = []) -> [ScanOutcome] {
        let cached = files.map { f -> ScanOutcome? in
            guard let old = stamps[f], let st = Self.statStamp(f), st.size == old.size,
                  st.mtimeSec == old.mtimeSec, st.mtimeNsec == old.mtimeNsec else { return nil }
            return cache[f]
        }
        let todo = files.indices.filter { cached[$0] == nil }
        let catalog = self.catalog
        let previous = todo.map { (files[$0], stamps[files[$0]], cache[files[$0]]) }
        let fresh = Parallel.map(previous) { item -> (ScanOutcome, FileStamp?, Bool) in
            Self.scanOne(item.0, catalog: catalog, previous: item.1, previousOutcome: item.2)
        }
        var out = cached
        lastRead = todo.count
        lastParsed = 0
        for (k, i) in todo.enumerated() {
            let (o, stamp, parsed) = fresh[k]
            out[i] = o
            cache[files[i]] = o
            stamps[files[i]] = stamp
            if parsed { lastParsed += 1 }
        }
        return zip(files, out).map { f, o in
            if case .notBlueprint = o!, !fromFolder.contains(f) {
                return .scenario(ScenarioSummary(path: f, error: ScanError(line: 1, column: 1, message: "not a scenario blueprint")))
            }
            return o!
        }
    }

    /// Forgets a file (after it was saved from memory, its new summary is `update`d).
    public func update(_ summary: ScenarioSummary) {
        cache[summary.path] = .scenario(summary)
        stamps[summary.path] = summary.stamp
    }

    /// Reads and summarises one file. When the content hash equals `previous` the old
    /// outcome is kept without parsing (only the stamp's time is new).
    static func scanOne(_ path: String, catalog: Catalog, previous: FileStamp?, previousOutcome: ScanOutcome?) -> (ScanOutcome, FileStamp?, Bool) {
        let bytes: [UInt8], stamp: FileStamp
        do { (bytes, stamp) = try FileStamp.read(path) } catch {
            return (.scenario(ScenarioSummary(path: path, error: ScanError(line: 0, column: 0, message: error.message))), nil, false)
        }
        if let previous, let previousOutcome, previous.sameContent(as: stamp) {
            guard case .scenario(var s) = previousOutcome else { return (previousOutcome, stamp, false) }
            s.stamp = stamp
            return (.scenario(s), stamp, false)
        }
        do {
            let bp = try Blueprint(bytes: bytes, scanReferences: false)
            return (.scenario(ScenarioSummary(path: path, blueprint: bp, catalog: catalog, stamp: stamp)), stamp, true)
        } catch {
            if error.isNotABlueprint { return (.notBlueprint, stamp, true) }
            return (.scenario(ScenarioSummary(path: path, error: ScanError(line: error.line, column: error.column, message: error.message),
                                              stamp: stamp)), stamp, true)
        }
    }

    /// Size and modification time from `stat` (no read; the hash is left 0).
    static func statStamp(_ path: String) -> FileStamp? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        return FileStamp(size: Int(st.st_size), mtimeSec: Int(st.st_mtim.tv_sec), mtimeNsec: Int(st.st_mtim.tv_nsec), hash: 0)
    }
}
