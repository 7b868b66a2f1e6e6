// Dates a user can act on: when a module stops working (or loses vendor
// support), whether that is past, within 90 days, or later. "Today" is
// injectable (`SCENED_TODAY=2026-07-01` for tests and what-if runs).
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public struct Deadline: Sendable, Equatable, Comparable {
    public enum Kind: String, Sendable { case stopsWorking, unsupportedAfter }
    public var kind: Kind
    /// As the catalog wrote it (`2026-07-31` or `2026-07`).
    public var date: String

    /// The window in which a deadline counts as soon.
    public static let soonDays = 90

    public static func < (a: Deadline, b: Deadline) -> Bool {
        CatalogDate.earliestDay(a.date) < CatalogDate.earliestDay(b.date)
    }

    /// Days from `today` to the deadline (negative: past).
    public func days(from today: String) -> Int { CatalogDate.days(from: today, to: date) ?? 0 }

    public func isPast(_ today: String) -> Bool { days(from: today) < 0 }

    /// Past, or within `soonDays`.
    public func isUrgent(_ today: String) -> Bool { days(from: today) <= Deadline.soonDays }

    /// Before a day (`check --before`).
    public func isBefore(_ day: String) -> Bool { CatalogDate.earliestDay(date) < CatalogDate.earliestDay(day) }

    /// `stopped working on 2026-05-01`, `stops working 2026-07-31 (in 40 days)`, `unsupported after 2026-05-01`.
    public func text(today: String) -> String {
        let d = days(from: today)
        switch kind {
        case .stopsWorking:
            if d < 0 { return "stopped working on \(date)" }
            return "stops working \(date)" + (d <= Deadline.soonDays ? " (in \(d) day\(d == 1 ? "" : "s"))" : "")
        case .unsupportedAfter:
            if d < 0 { return "unsupported since \(date)" }
            return "unsupported after \(date)" + (d <= Deadline.soonDays ? " (in \(d) day\(d == 1 ? "" : "s"))" : "")
        }
    }

    /// Today as `YYYY-MM-DD`: `SCENED_TODAY` when it is a valid date, else the system's UTC date.
    public static func today(environment: [String: String] = Catalog.processEnvironment()) -> String {
        if let t = environment["SCENED_TODAY"], t.utf8.count == 10, CatalogDate.isValid(t) { return t }
        var now = time(nil)
        var tmv = tm()
        gmtime_r(&now, &tmv)
        let y = Int(tmv.tm_year) + 1900, m = Int(tmv.tm_mon) + 1, d = Int(tmv.tm_mday)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(y)-\(two(m))-\(two(d))"
    }
}

extension ModuleStatus {
    /// The nearest date after which the module stops working or loses support.
    public var deadline: Deadline? {
        let all = [stopsWorking.map { Deadline(kind: .stopsWorking, date: $0) },
                   unsupportedAfter.map { Deadline(kind: .unsupportedAfter, date: $0) }].compactMap { $0 }
        return all.min()
    }

    /// Whether the deadline is past or within 90 days of `today`.
    public func isUrgent(today: String) -> Bool { deadline?.isUrgent(today) ?? false }

    /// A sort key for "most urgent first": past and near deadlines, then manual, upgradable, unknown.
    public func urgencyRank(today: String) -> (Int, String, Int) {
        let stateRank: Int
        switch state {
        case .manual: stateRank = 0
        case .upgradable, .needsReview: stateRank = 1
        case .unknown: stateRank = 2
        case .current: stateRank = 3
        }
        if let d = deadline { return (0, CatalogDate.earliestDay(d.date), stateRank) }
        return (1, "", stateRank)
    }
}
