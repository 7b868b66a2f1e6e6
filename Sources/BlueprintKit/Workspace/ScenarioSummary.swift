// One row of a workspace's scenario list: what a file holds, found by scanning it
// (parse, module statuses, accounts) without keeping it parsed. The list, its sort
// orders and the cross-scenario actions work from these; a scenario is parsed again
// only when it is opened or an action needs its modules.

public struct ScenarioSummary: Sendable, Equatable {
    public var path: String
    /// The blueprint's name; nil when unnamed (or broken).
    public var name: String?
    public var moduleCount: Int
    /// Modules per status (current ones included).
    public var counts: [ModuleStatus.State: Int]
    /// The nearest date after which a module of it stops working or loses support.
    public var deadline: Deadline?
    /// Distinct connections, webhooks, keys and data stores its modules use.
    public var connectionCount: Int
    /// Why the file could not be read as a blueprint (`3:14: expected ','`); nil when fine.
    public var error: ScanError?
    /// The stamp of the bytes that were scanned.
    public var stamp: FileStamp?

    public init(path: String, name: String? = nil, moduleCount: Int = 0, counts: [ModuleStatus.State: Int] = [:],
                deadline: Deadline? = nil, connectionCount: Int = 0, error: ScanError? = nil, stamp: FileStamp? = nil) {
        self.path = path; self.name = name; self.moduleCount = moduleCount; self.counts = counts
        self.deadline = deadline; self.connectionCount = connectionCount; self.error = error; self.stamp = stamp
    }

    public var isBroken: Bool { error != nil }

    /// Modules that need someone: upgradable, needing review, manual, unknown.
    public var attention: Int { count(.upgradable) + count(.needsReview) + count(.manual) + count(.unknown) }

    /// Modules the upgrade review walks (upgradable and manual).
    public var reviewable: Int { count(.upgradable) + count(.manual) }

    public func count(_ s: ModuleStatus.State) -> Int { counts[s] ?? 0 }

    /// What the list shows: the name, or the file's name when there is none.
    public var title: String { name ?? String(path.split(separator: "/").last ?? Substring(path)) }

    /// `2 upgradable, 1 manual`; `all current` when nothing needs attention.
    public var badgeText: String {
        let parts: [(ModuleStatus.State, String)] = [(.upgradable, "upgradable"), (.needsReview, "needs review"),
                                                     (.manual, "manual"), (.unknown, "unknown")]
        let t = parts.compactMap { count($0.0) > 0 ? "\(count($0.0)) \($0.1)" : nil }
        return t.isEmpty ? "all current" : t.joined(separator: ", ")
    }

    /// "Most urgent first": broken files, then by nearest deadline, then by attention (more first).
    public static func urgencyPrecedes(_ a: ScenarioSummary, _ b: ScenarioSummary) -> Bool {
        if a.isBroken != b.isBroken { return a.isBroken }
        switch (a.deadline, b.deadline) {
        case let (x?, y?) where x != y: return x < y
        case (.some, nil): return true
        case (nil, .some): return false
        default: break
        }
        if a.attention != b.attention { return a.attention > b.attention }
        return byteOrder(a.path, b.path)
    }

    static func byteOrder(_ a: String, _ b: String) -> Bool { Array(a.utf8).lexicographicallyPrecedes(Array(b.utf8)) }
}

/// Why a file in a workspace is not a usable blueprint; `line`/`column` 0 for I/O errors.
public struct ScanError: Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var message: String
    public init(line: Int, column: Int, message: String) { self.line = line; self.column = column; self.message = message }
    /// `FILE:LINE:COL: message` (or `FILE: message`).
    public func text(file: String) -> String { line > 0 ? "\(file):\(line):\(column): \(message)" : "\(file): \(message)" }
    public var description: String { line > 0 ? "\(line):\(column): \(message)" : message }
}

extension ScenarioSummary {
    /// The summary of a parsed blueprint (statuses from `catalog`, as `check` reports them).
    public init(path: String, blueprint bp: Blueprint, catalog: Catalog, stamp: FileStamp?) {
        var counts: [ModuleStatus.State: Int] = [:]
        var deadline: Deadline?
        var accounts = Set<String>()
        for m in bp.modules {
            let s = catalog.status(of: m, in: bp.document)
            counts[s.state, default: 0] += 1
            if s.state != .current, let d = s.deadline, deadline.map({ d < $0 }) ?? true { deadline = d }
            for a in m.accounts { if let id = AccountID(a.value) { accounts.insert("\(a.kind.rawValue)\u{1}\(id.text)") } }
        }
        self.init(path: path, name: bp.name, moduleCount: bp.modules.count, counts: counts, deadline: deadline,
                  connectionCount: accounts.count, stamp: stamp)
    }
}
