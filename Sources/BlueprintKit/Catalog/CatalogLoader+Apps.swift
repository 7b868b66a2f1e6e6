// The app-version layer and value rules of a catalog file (format in README,
// "Catalog files"): `apps` and `values`.

extension CatalogReader {
    mutating func apps(_ items: [Int], into cat: inout CatalogFacts) throws(CatalogError) {
        var seenApps: [String: Int] = [:]
        for a in items {
            try object(a, "an app", allowed: ["app", "title", "modules", "notes", "provenance", "versions"])
            let appNode = try required(a, "app", "an app")
            let app = try string(appNode, "\"app\"")
            guard !app.isEmpty, !app.contains(":") else {
                throw error(appNode, "\"app\" is the part of a module name before the colon (http, google-email), not \"\(app)\"")
            }
            if let prev = seenApps[app] { throw error(a, "app \"\(app)\" is listed twice in this file (first on line \(prev))") }
            seenApps[app] = line(a)
            var titles: [String: String] = [:]
            if let m = doc.member(a, "modules") {
                guard doc.kind(m) == .object else { throw error(m, "\"modules\" must be an object of module name → readable name") }
                for c in doc.children(m) {
                    let k = doc.key(c) ?? ""
                    guard !k.contains(":") else { throw error(at: doc.node(c).memberStart, "\"modules\" keys are module names without the app (\"\(AppVersionKey.name(of: k))\")") }
                    titles[k] = try string(c, "the readable name of \(k)")
                }
            }
            let info = AppInfo(app: app, title: try optString(a, "title"), moduleTitles: titles, notes: try strings(a, "notes"),
                               provenance: try strings(a, "provenance"), source: source)
            cat.apps[app] = info
            guard let vs = doc.member(a, "versions") else { continue }
            guard doc.kind(vs) == .array else { throw error(vs, "\"versions\" must be an array") }
            for v in doc.children(vs) {
                let entry = try appVersion(v, app: app)
                if let prev = cat.appVersions[entry.key] {
                    throw error(v, "\(entry.key) is listed twice in this file (first on line \(prev.line))")
                }
                cat.appVersions[entry.key] = entry
            }
        }
    }

    func appVersion(_ v: Int, app: String) throws(CatalogError) -> AppVersionEntry {
        try object(v, "an app version", allowed: ["version", "status", "basis", "seenIn", "title", "deprecatedSince", "stopsWorking",
                                                  "unsupportedAfter", "replacement", "notes", "provenance"])
        let vNode = try required(v, "version", "an app version")
        let version: Int? = doc.kind(vNode) == .null ? nil : try int(vNode, "\"version\" (an integer, or null)")
        let status = try self.status(v, "an app version")
        let (basis, seenIn) = try self.basis(v, status: status, what: "app version")
        var replacement: Int?
        if let r = doc.member(v, "replacement") {
            guard status != .current else { throw error(at: doc.node(r).memberStart, "a current app version cannot have a replacement") }
            replacement = try int(r, "\"replacement\" (the app version that replaces this one)")
            guard replacement != version else { throw error(r, "an app version cannot replace itself") }
        }
        let pos = position(v)
        return AppVersionEntry(key: AppVersionKey(app, version), status: status, basis: basis, seenIn: seenIn,
                               title: try optString(v, "title"), dates: try lifecycle(v), replacementVersion: replacement,
                               notes: try strings(v, "notes"), provenance: try strings(v, "provenance"),
                               source: source, line: pos.line, column: pos.column)
    }

    mutating func values(_ items: [Int], into cat: inout CatalogFacts) throws(CatalogError) {
        for v in items {
            try object(v, "a value rule", allowed: ["app", "modules", "version", "field", "value", "replacement", "status",
                                                     "deprecatedSince", "stopsWorking", "unsupportedAfter", "notes", "provenance"])
            let appNode = try required(v, "app", "a value rule")
            let app = try string(appNode, "\"app\"")
            guard !app.isEmpty, !app.contains(":") else { throw error(appNode, "\"app\" is the part of a module name before the colon") }
            let fNode = try required(v, "field", "a value rule")
            let f = try field(fNode, "\"field\"")
            guard f.isTopLevel else { throw error(fNode, "a value rule tests a top-level field (mapper.model), not \(f)") }
            let valueNode = try required(v, "value", "a value rule")
            guard let value = doc.string(valueNode) else {
                throw error(valueNode, "a value rule matches a text field, so \"value\" must be a string, not \(doc.kind(valueNode))")
            }
            var replacement: String?
            if let r = doc.member(v, "replacement") {
                guard let s = doc.string(r) else { throw error(r, "\"replacement\" must be a string (the value that replaces \"\(value)\"), not \(doc.kind(r))") }
                guard s != value else { throw error(r, "\"replacement\" is the same as \"value\"") }
                replacement = s
            }
            let status = try self.status(v, "a value rule")
            guard status != .current else { throw error(doc.member(v, "status")!, "a value rule describes a deprecated or retired value, not a current one") }
            var version: Int?
            if let n = doc.member(v, "version") { version = try int(n, "\"version\"") }
            let rule = ValueRule(app: app, modules: try strings(v, "modules"), version: version, field: f, value: value,
                                 replacement: replacement, status: status, dates: try lifecycle(v), notes: try strings(v, "notes"),
                                 provenance: try strings(v, "provenance"), source: source, line: line(v))
            if let prev = cat.valueRules[app]?.first(where: { $0.sameTarget(rule) }) {
                throw error(v, "the value rule for \(f) = \"\(value)\" is listed twice in this file (first on line \(prev.line))")
            }
            cat.valueRules[app, default: []].append(rule)
        }
    }
}

extension CatalogReader {
    mutating func shapes(_ items: [Int], into cat: inout CatalogFacts) throws(CatalogError) {
        for n in items {
            try object(n, "a shape", allowed: ["module", "version", "seenIn", "parameters", "mapper", "always", "required", "outputs", "provenance"])
            let mNode = try required(n, "module", "a shape")
            let module = try string(mNode, "\"module\"")
            guard module.contains(":") else { throw error(mNode, "\"module\" must look like app:ModuleName") }
            let vNode = try required(n, "version", "a shape")
            let version: Int? = doc.kind(vNode) == .null ? nil : try int(vNode, "\"version\"")
            let seen = try doc.member(n, "seenIn").map { (v) throws(CatalogError) in try int(v, "\"seenIn\"") } ?? 0
            let always = try strings(n, "always"), needed = try strings(n, "required")
            for (list, name) in [(always, "always"), (needed, "required")] {
                for a in list where !(a.hasPrefix("parameters.") || a.hasPrefix("mapper.")) {
                    throw error(doc.member(n, name)!, "\"\(name)\" lists fields as parameters.NAME or mapper.NAME, not \"\(a)\"")
                }
            }
            let key = ModuleKey(module, version)
            guard cat.shapes[key] == nil else { throw error(n, "the shape of \(key) is listed twice in this file") }
            _ = try strings(n, "provenance")
            cat.shapes[key] = ModuleShape(key: key, seenIn: seen, parameters: Set(try strings(n, "parameters")),
                                          mapper: Set(try strings(n, "mapper")), always: Set(always), required: Set(needed),
                                          outputs: try strings(n, "outputs"))
        }
    }
}

/// ISO dates as the catalog writes them: `YYYY-MM` or `YYYY-MM-DD`, real calendar dates.
public enum CatalogDate {
    public static func isValid(_ s: String) -> Bool {
        let u = Array(s.utf8)
        guard u.count == 7 || u.count == 10 else { return false }
        for (i, c) in u.enumerated() {
            if i == 4 || i == 7 { guard c == 0x2D else { return false } } else { guard c >= 0x30 && c <= 0x39 else { return false } }
        }
        func num(_ r: Range<Int>) -> Int { u[r].reduce(0) { $0 * 10 + Int($1 - 0x30) } }
        let y = num(0..<4), m = num(5..<7)
        guard y >= 1990, (1...12).contains(m) else { return false }
        if u.count == 10 {
            let d = num(8..<10)
            let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
            let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
            guard (1...days).contains(d) else { return false }
        }
        return true
    }

    /// The first day a date may mean: `2026-07` → `2026-07-01` (deadlines warn early, never late).
    public static func earliestDay(_ s: String) -> String { s.utf8.count == 7 ? s + "-01" : s }

    /// Days from `a` to `b` (both `YYYY-MM-DD`), by the proleptic Gregorian calendar.
    public static func days(from a: String, to b: String) -> Int? {
        guard let x = dayNumber(a), let y = dayNumber(b) else { return nil }
        return y - x
    }

    static func dayNumber(_ s: String) -> Int? {
        let u = Array(earliestDay(s).utf8)
        guard u.count == 10, isValid(String(decoding: u, as: UTF8.self)) else { return nil }
        func num(_ r: Range<Int>) -> Int { u[r].reduce(0) { $0 * 10 + Int($1 - 0x30) } }
        var y = num(0..<4), m = num(5..<7)
        let d = num(8..<10)
        // days from civil (Howard Hinnant's algorithm)
        y -= m <= 2 ? 1 : 0
        let era = y / 400
        let yoe = y - era * 400
        m = m > 2 ? m - 3 : m + 9
        let doy = (153 * m + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe
    }
}
