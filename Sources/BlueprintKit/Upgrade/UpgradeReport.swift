// Reports for `scened check` and `scened upgrade`, independent of argument
// parsing: which modules need attention in a blueprint, and what an
// upgrade-all run did.

/// The modules of one blueprint that are not current.
public struct CheckReport: Sendable {
    public struct Item: Sendable {
        public var module: Module
        public var status: ModuleStatus
    }

    /// Modules that are upgradable, manual or unknown, in tree order (with `before`: only
    /// those that stop working or lose support before that day).
    public var items: [Item]
    public var counts: [ModuleStatus.State: Int]
    /// How the statuses are known: documented, by app version, observed only, unknown.
    public var basisCounts: [Basis: Int]
    /// Modules whose deadline is past or within 90 days of `today`.
    public var urgent: Int
    public var moduleCount: Int
    public let today: String
    public let before: String?

    public init(blueprint bp: Blueprint, catalog: Catalog, today: String = Deadline.today(), before: String? = nil) {
        var counts: [ModuleStatus.State: Int] = [:]
        for s in ModuleStatus.State.allCases { counts[s] = 0 }
        var basisCounts: [Basis: Int] = [:]
        for b in Basis.allCases { basisCounts[b] = 0 }
        // Big blueprints are looked up in chunks on all cores; items stay in tree order.
        let parts = Parallel.chunks(bp.modules.count, minimum: 2000) { range in
            var partItems: [Item] = []
            var partCounts: [ModuleStatus.State: Int] = [:]
            var partBasis: [Basis: Int] = [:]
            var partUrgent = 0
            var window = ResidentWindow(bp.document.bytes, from: range.isEmpty ? 0 : bp.document.node(bp.modules[range.lowerBound].node).start)
            for k in range {                            // by index: `for m in` copies every module
                window.passed(bp.document.node(bp.modules[k].node).start)
                let st = catalog.status(of: bp.modules[k], in: bp.document)
                partCounts[st.state, default: 0] += 1
                partBasis[st.basis, default: 0] += 1
                if st.isUrgent(today: today) { partUrgent += 1 }
                let keep = before.map { b in st.deadline?.isBefore(b) ?? false } ?? st.needsAttention
                if keep { partItems.append(Item(module: bp.modules[k], status: st)) }
            }
            return (partItems, partCounts, partBasis, partUrgent)
        }
        self.items = parts.flatMap { $0.0 }
        for p in parts { for (s, n) in p.1 { counts[s, default: 0] += n } }
        for p in parts { for (s, n) in p.2 { basisCounts[s, default: 0] += n } }
        self.counts = counts
        self.basisCounts = basisCounts
        self.urgent = parts.reduce(0) { $0 + $1.3 }
        self.moduleCount = bp.modules.count
        self.today = today
        self.before = before
    }

    public var needsAttention: Bool { !items.isEmpty }

    /// `3 upgradable, 1 manual, 0 unknown, 40 current`.
    public static func countsText(_ c: [ModuleStatus.State: Int]) -> String {
        let review = c[.needsReview] ?? 0
        return "\(c[.upgradable] ?? 0) upgradable, \(c[.manual] ?? 0) manual, " + (review > 0 ? "\(review) need review, " : "")
            + "\(c[.unknown] ?? 0) unknown, \(c[.current] ?? 0) current"
    }

    /// `basis: 12 documented, 20 by app version, 8 observed only, 0 unknown`.
    public static func basisText(_ c: [Basis: Int]) -> String {
        "basis: \(c[.documented] ?? 0) documented, \(c[.appVersion] ?? 0) by app version, \(c[.observed] ?? 0) observed only, \(c[.unknown] ?? 0) unknown"
    }

    /// `; 3 stop working within 90 days` (or nothing).
    public static func urgentText(_ n: Int) -> String {
        n == 0 ? "" : "; \(n) module\(n == 1 ? "" : "s") stop\(n == 1 ? "s" : "") working or lose support within \(Deadline.soonDays) days (or already did)"
    }

    /// Indented lines, one per module that needs attention.
    public func text(file: String) -> String {
        let head = "\(CheckReport.countsText(counts)) (\(CheckReport.basisText(basisCounts)))\(CheckReport.urgentText(urgent))"
        if let before, !needsAttention { return "\(file): nothing stops working before \(before); \(head)\n" }
        guard needsAttention else {
            return "\(file): all \(moduleCount) module\(moduleCount == 1 ? "" : "s") current (\(CheckReport.basisText(basisCounts)))\n"
        }
        var out = "\(file): \(head)\n"
        let ids = items.map { $0.module.idText }
        let idWidth = ids.map { $0.utf8.count }.max() ?? 2         // "#123": ASCII, bytes = columns
        // The continuation indent, and the state column padded to 10 (one string per state).
        let indent = "  " + String(repeating: " ", count: idWidth) + "  " + String(repeating: " ", count: 10) + "  "
        let stateText = Dictionary(uniqueKeysWithValues: ModuleStatus.State.allCases.map { ($0, ($0 == .needsReview ? "review" : $0.rawValue).padding(10)) })
        // Lines for big reports are built in chunks on all cores, joined in order.
        let items = self.items
        let chunks = Parallel.chunks(items.count, minimum: 1000) { range in
            var out = ""
            out.reserveCapacity(range.count * 80)
            for k in range {
                let m = items[k].module, st = items[k].status
                out += "  "
                out += ids[k]
                out += String(repeating: " ", count: idWidth - ids[k].utf8.count)
                out += "  "
                out += stateText[st.state] ?? st.state.rawValue
                out += "  "
                out += st.key.description
                out += "  ["; out += st.basisText; out += "]"
                if st.title != CatalogEntry.defaultTitle(m.moduleName) { out += "  "; out += st.title }
                if let l = m.label, !l.isEmpty { out += "  \""; out += l; out += "\"" }
                if let t = st.target {
                    out += "\n"; out += indent; out += "→ "; out += t.description
                    if let tt = st.targetTitle { out += "  "; out += tt }
                } else if let v = st.targetAppVersion {
                    out += "\n"; out += indent; out += "→ a module of "; out += String(AppVersionKey.app(of: m.moduleName)); out += " v\(v)"
                }
                if let v = st.value { out += "\n"; out += indent; out += "\(v.field) = \"\(v.value)\""; if let r = v.replacement { out += " → \"\(r)\"" } }
                if let d = st.deadline { out += "  ("; out += d.text(today: today); out += ")" }
                out += "\n"
                if st.state == .manual || st.state == .unknown { for n in st.notes { out += indent; out += "note: "; out += n; out += "\n" } }
                for i in st.shapeIssues { out += indent; out += "review "; out += i.description; out += "\n" }
            }
            return out
        }
        for c in chunks { out += c }
        return out
    }

    /// The JSON object for one file in `check --json` (shape documented in README).
    public func json(file: String) -> JSONValue {
        .object([
            ("file", .string(file)),
            ("modules", .int(moduleCount)),
            ("counts", CheckReport.countsJSON(counts)),
            ("basis", CheckReport.basisJSON(basisCounts)),
            ("urgent", .int(urgent)),
            ("attention", .array(items.map { it in
                let m = it.module, st = it.status
                var o: [(String, JSONValue)] = [
                    ("id", m.id.map { .int($0) } ?? .null),
                    ("path", .string(m.path.description)),
                    ("module", .string(m.moduleName)),
                    ("version", m.version.map { .int($0) } ?? .null),
                    ("label", m.label.map { .string($0) } ?? .null),
                    ("status", .string(st.state.rawValue)),
                    ("basis", .string(st.basis.rawValue)),
                    ("title", .string(st.title)),
                ]
                o.append(("target", st.target.map { t in
                    .object([("module", .string(t.module)), ("version", t.version.map { .int($0) } ?? .null),
                             ("title", st.targetTitle.map { .string($0) } ?? .null)])
                } ?? .null))
                o.append(("deprecatedSince", st.deprecatedSince.map { .string($0) } ?? .null))
                o.append(("stopsWorking", st.stopsWorking.map { .string($0) } ?? .null))
                o.append(("unsupportedAfter", st.unsupportedAfter.map { .string($0) } ?? .null))
                o.append(("deadline", st.deadline.map { d in
                    .object([("kind", .string(d.kind.rawValue)), ("date", .string(d.date)), ("days", .int(d.days(from: today))),
                             ("text", .string(d.text(today: today)))])
                } ?? .null))
                o.append(("targetAppVersion", st.targetAppVersion.map { .int($0) } ?? .null))
                o.append(("value", st.value.map { v in
                    .object([("field", .string(v.field.description)), ("value", .string(v.value)),
                             ("replacement", v.replacement.map { .string($0) } ?? .null)])
                } ?? .null))
                o.append(("notes", .array(st.notes.map { .string($0) })))
                o.append(("review", .array(st.shapeIssues.map { i in
                    .object([("field", .string(i.field)), ("kind", .string(i.kind.rawValue)), ("reason", .string(i.reason))])
                })))
                o.append(("provenance", .array(st.provenance.map { .string($0) })))
                return .object(o)
            })),
        ])
    }

    public static func countsJSON(_ c: [ModuleStatus.State: Int]) -> JSONValue {
        .object(ModuleStatus.State.allCases.map { ($0.rawValue, .int(c[$0] ?? 0)) })
    }

    public static func basisJSON(_ c: [Basis: Int]) -> JSONValue {
        .object(Basis.allCases.map { ($0.jsonKey, .int(c[$0] ?? 0)) })
    }
}

/// What `upgrade` did to one file, for the summary on stderr.
public struct UpgradeSummary: Sendable {
    public var outcomes: [UpgradeOutcome]
    public var failures: [(id: Int?, message: String)]
    /// Modules still deprecated without an automatic path, and modules in no catalog.
    public var manualLeft: Int
    public var unknown: Int

    public init(outcomes: [UpgradeOutcome], failures: [(id: Int?, message: String)], manualLeft: Int, unknown: Int) {
        self.outcomes = outcomes; self.failures = failures; self.manualLeft = manualLeft; self.unknown = unknown
    }

    public var referencesRewritten: Int { outcomes.reduce(0) { $0 + $1.referencesRewritten } }
    public var flagged: Int { outcomes.reduce(0) { $0 + $1.flaggedFields } }
    public var dangling: Int { outcomes.reduce(0) { $0 + $1.danglingReferences } }
    public var referencesToReview: Int { outcomes.reduce(0) { $0 + $1.referencesToReview } }
    public var needingConnection: Int { outcomes.filter { $0.connectionMustBeReassigned }.count }
    public var connectionsToVerify: Int { outcomes.filter { $0.connectionToVerify }.count }

    /// `upgraded 3 modules, 2 references rewritten, 4 fields flagged for review, ...`.
    public var text: String {
        func n(_ k: Int, _ one: String, _ many: String) -> String { "\(k) \(k == 1 ? one : many)" }
        var parts = ["upgraded \(n(outcomes.count, "module", "modules"))",
                     n(referencesRewritten, "reference rewritten", "references rewritten"),
                     n(flagged, "field flagged for review", "fields flagged for review"),
                     n(needingConnection, "module needing a connection", "modules needing a connection"),
                     n(manualLeft, "manual module left", "manual modules left")]
        if connectionsToVerify > 0 { parts.append(n(connectionsToVerify, "connection to verify", "connections to verify")) }
        if dangling > 0 { parts.append(n(dangling, "reference to a removed output", "references to removed outputs")) }
        if referencesToReview > 0 { parts.append(n(referencesToReview, "reference to review", "references to review")) }
        if unknown > 0 { parts.append(n(unknown, "unknown module", "unknown modules")) }
        if !failures.isEmpty { parts.append(n(failures.count, "module failed", "modules failed")) }
        return parts.joined(separator: ", ")
    }

    /// One line per upgraded module with what needs a person.
    public static func details(_ plans: [UpgradePlan]) -> String {
        var out = ""
        for p in plans {
            out += "  \(p.moduleId.map { "#\($0)" } ?? "#?")  \(p.from) → \(p.to)"
            if !p.rewrites.isEmpty { out += "  (\(p.rewrites.count) reference\(p.rewrites.count == 1 ? "" : "s") rewritten)" }
            out += "\n"
            for c in p.flagged { out += "      review \(c.keyText)\(c.before.map { " = \($0.truncated(60))" } ?? ""): \(c.note ?? "")\n" }
            if let c = p.connection, c.action != .keep {
                out += "      \(c.action == .reassign ? "connection" : "verify") \(c.parameterAfter): \(c.note ?? UpgradeEngine.connectionNote(ConnectionRule(parameter: c.parameterBefore, to: c.parameterAfter, kind: c.kind, accepted: c.acceptedAfter, action: c.action)))\n"
            }
            for d in p.dangling { out += "      dangling {{\(d.text)}} in #\(d.moduleId.map(String.init) ?? "?") \(d.location): \(d.reason)\n" }
            for d in p.referencesToReview { out += "      check {{\(d.text)}} in #\(d.moduleId.map(String.init) ?? "?") \(d.location): \(d.reason)\n" }
        }
        return out
    }
}

extension ConnectionRule {
    init(parameter: String, to: String?, kind: AccountKind, accepted: [String], action: Action) {
        self.init(parameter: parameter, to: to, kind: kind, accepted: accepted, action: action, descriptorType: nil, note: nil, provenance: nil)
    }
}

extension String {
    func padding(_ w: Int) -> String { count >= w ? self : self + String(repeating: " ", count: w - count) }
    func truncated(_ n: Int) -> String { count <= n ? self : String(prefix(n - 1)) + "…" }
}
