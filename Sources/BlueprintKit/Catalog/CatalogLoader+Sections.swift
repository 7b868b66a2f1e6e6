// A catalog file's header (format, rule sets) and its lists, read whole or by app:
// `file()` reads everything; the shipped catalog (ShippedStore.swift) groups the items
// by app and reads only the apps a blueprint uses.

extension CatalogReader {
    /// Checks the root object and the format, and reads the file's rule sets (they become
    /// visible to the rest of the file); returns them.
    mutating func header() throws(CatalogError) -> [String: [FieldRule]] {
        let root = doc.root
        try object(root, "the catalog", allowed: ["scenedCatalog", "description", "ruleSets", "apps", "entries", "values", "shapes"])
        let fmt = try required(root, "scenedCatalog", "a catalog file")
        guard try int(fmt, "\"scenedCatalog\"") == 1 else { throw error(fmt, "unsupported catalog format \(doc.sourceText(fmt)); this scened reads format 1") }
        if let d = doc.member(root, "description") { _ = try string(d, "\"description\"") }
        guard ["entries", "apps", "values", "shapes"].contains(where: { doc.member(root, $0) != nil }) else {
            throw error(root, "a catalog file needs \"entries\", \"apps\", \"values\" or \"shapes\"")
        }
        var fileSets: [String: [FieldRule]] = [:]
        if let sets = doc.member(root, "ruleSets") {
            guard doc.kind(sets) == .object else { throw error(sets, "\"ruleSets\" must be an object of named rule lists") }
            for s in doc.children(sets) {
                let name = doc.key(s) ?? ""
                let rules = try ruleList(s, "rule set \"\(name)\"")
                ruleSets[name] = rules
                fileSets[name] = rules
            }
        }
        return fileSets
    }

    /// The items of a file's lists, in file order.
    struct Sections: Sendable {
        var apps: [Int] = [], values: [Int] = [], shapes: [Int] = [], entries: [Int] = []
    }

    func sections() throws(CatalogError) -> Sections {
        var out = Sections()
        for (key, what) in [("apps", "\"apps\" must be an array"), ("values", "\"values\" must be an array of value rules"),
                            ("shapes", "\"shapes\" must be an array"), ("entries", "\"entries\" must be an array")] {
            guard let list = doc.member(doc.root, key) else { continue }
            guard doc.kind(list) == .array else { throw error(list, what) }
            let items = Array(doc.children(list))
            switch key {
            case "apps": out.apps = items
            case "values": out.values = items
            case "shapes": out.shapes = items
            default: out.entries = items
            }
        }
        return out
    }

    /// The sections' items grouped by the app they describe (`app`, or the part of `module`
    /// before the colon); an item without one is filed under "" and reported when read.
    func sectionsByApp(_ all: Sections) -> [String: Sections] {
        var out: [String: Sections] = [:]
        func app(_ n: Int, _ key: String) -> String {
            guard doc.kind(n) == .object, let s = doc.string(n, key) else { return "" }
            return key == "app" ? s : String(AppVersionKey.app(of: s))
        }
        for n in all.apps { out[app(n, "app"), default: Sections()].apps.append(n) }
        for n in all.values { out[app(n, "app"), default: Sections()].values.append(n) }
        for n in all.shapes { out[app(n, "module"), default: Sections()].shapes.append(n) }
        for n in all.entries { out[app(n, "module"), default: Sections()].entries.append(n) }
        return out
    }

    /// Reads the given items (of one file) into `facts`.
    mutating func read(_ items: Sections, into facts: inout CatalogFacts) throws(CatalogError) {
        try apps(items.apps, into: &facts)
        try values(items.values, into: &facts)
        try shapes(items.shapes, into: &facts)
        var seen: [ModuleKey: Int] = [:]
        var entries: [ModuleKey: CatalogEntry] = [:]
        for e in items.entries {
            let entry = try self.entry(e)
            if let prev = seen[entry.key] {
                throw error(e, "\(entry.key) is listed twice in this file (first on line \(prev))")
            }
            seen[entry.key] = entry.line
            entries[entry.key] = entry
        }
        for (k, e) in entries { facts.entries[k] = e }
    }
}
