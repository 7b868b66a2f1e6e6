// Highlight app (the DevTool's "Highlight app"): the apps a scenario uses, each with
// its versions and how many modules use them, for filtering the tree to one app or
// one app version.

public struct AppVersionCount: Sendable, Equatable {
    public var app: String
    /// nil: every version of the app.
    public var version: Int?
    public var count: Int
}

/// One app (and optionally one version) to show.
public struct AppFilter: Sendable, Equatable {
    public var app: String
    public var version: Int?
    public init(app: String, version: Int? = nil) { self.app = app; self.version = version }

    public func matches(_ m: Module) -> Bool { m.app == app && (version == nil || m.version == version) }

    /// `slack` or `slack v4`.
    public var text: String { app + (version.map { " v\($0)" } ?? "") }
}

public enum AppCensus {
    /// Per app (by name): a row for the app, then a row per version when it has more than
    /// one (or exactly one, when `versions` is true). Modules without a name are skipped.
    public static func rows(_ bp: Blueprint, versions: Bool = true) -> [AppVersionCount] {
        var byApp: [String: [Int?: Int]] = [:]
        for m in bp.modules where !m.moduleName.isEmpty { byApp[m.app, default: [:]][m.version, default: 0] += 1 }
        var out: [AppVersionCount] = []
        for app in byApp.keys.sorted() {
            let vs = byApp[app]!
            out.append(AppVersionCount(app: app, version: nil, count: vs.values.reduce(0, +)))
            guard versions else { continue }
            for (v, n) in vs.sorted(by: { ($0.key ?? -1) < ($1.key ?? -1) }) where v != nil {
                out.append(AppVersionCount(app: app, version: v, count: n))
            }
        }
        return out
    }
}
