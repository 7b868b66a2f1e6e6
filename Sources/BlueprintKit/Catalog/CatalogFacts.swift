// What one layer of the catalog says, by kind: module entries, app versions, app titles
// and notes, value rules and shapes. A catalog file parses into one; the catalog merges
// them in load order (later files win), and the shipped catalog keeps one per app, read
// when a module of that app is first looked at (ShippedStore.swift).

import Synchronization

struct CatalogFacts: Sendable {
    var entries: [ModuleKey: CatalogEntry] = [:]
    var appVersions: [AppVersionKey: AppVersionEntry] = [:]
    var apps: [String: AppInfo] = [:]
    var valueRules: [String: [ValueRule]] = [:]
    var shapes: [ModuleKey: ModuleShape] = [:]

    var isEmpty: Bool { entries.isEmpty && appVersions.isEmpty && apps.isEmpty && valueRules.isEmpty && shapes.isEmpty }

    /// Adds `other`'s facts, replacing any with the same (module, version), (app, version) or
    /// value-rule target; app notes and shapes are merged.
    mutating func merge(_ other: CatalogFacts) {
        for (k, e) in other.entries { entries[k] = e }
        for (k, e) in other.appVersions { appVersions[k] = e }
        for (k, a) in other.apps {
            if apps[k] == nil { apps[k] = a } else { apps[k]!.merge(a) }
        }
        for (app, rules) in other.valueRules {
            var list = valueRules[app] ?? []
            for r in rules {
                if let i = list.firstIndex(where: { $0.sameTarget(r) }) { list[i] = r } else { list.append(r) }
            }
            valueRules[app] = list
        }
        for (k, sh) in other.shapes {
            if shapes[k] == nil { shapes[k] = sh } else { shapes[k]!.merge(sh) }
        }
    }

    /// The facts about one app (the part of module names before the colon).
    func only(app: String) -> CatalogFacts {
        var out = CatalogFacts()
        for (k, e) in entries where AppVersionKey.app(of: k.module) == app { out.entries[k] = e }
        for (k, e) in appVersions where k.app == app { out.appVersions[k] = e }
        if let a = apps[app] { out.apps[app] = a }
        if let v = valueRules[app] { out.valueRules[app] = v }
        for (k, s) in shapes where AppVersionKey.app(of: k.module) == app { out.shapes[k] = s }
        return out
    }

    /// Every app the facts mention.
    var appNames: Set<String> {
        var out = Set(apps.keys).union(valueRules.keys).union(appVersions.keys.map(\.app))
        for k in entries.keys { out.insert(String(AppVersionKey.app(of: k.module))) }
        for k in shapes.keys { out.insert(String(AppVersionKey.app(of: k.module))) }
        return out
    }
}

/// Facts already resolved for a catalog value: per app, and the whole catalog when something
/// lists everything. Shared by copies of the value; a mutation starts a new one.
final class CatalogMemo: Sendable {
    private struct State { var apps: [String: CatalogFacts] = [:]; var all: CatalogFacts? }
    private let state = Mutex(State())

    func app(_ name: String, _ make: () -> CatalogFacts) -> CatalogFacts {
        if let f = state.withLock({ $0.apps[name] }) { return f }
        let f = make()
        state.withLock { $0.apps[name] = f }
        return f
    }

    func all(_ make: () -> CatalogFacts) -> CatalogFacts {
        if let f = state.withLock({ $0.all }) { return f }
        let f = make()
        state.withLock { $0.all = f }
        return f
    }
}
