// Verification of a learned catalog: its entries applied to BEFORE with the
// upgrade engine must give AFTER's modules, ignoring the id, the designer
// position and restore labels (and the connection a person chose again).
// Descriptors are compared by name and type.

/// Whether one pair reproduces, and how it differs when it does not.
public struct LearnVerification: Sendable, Equatable {
    public var example: Int
    public var oldId: Int?
    public var newId: Int?
    public var from: ModuleKey
    public var to: ModuleKey
    /// `mapper.x: the example has "a", the learned entry gives "b"`; empty when it reproduces.
    public var differences: [String]
    /// What was not compared, e.g. the connection chosen again.
    public var notCompared: [String]

    public var reproduces: Bool { differences.isEmpty }

    /// `reproduces the example: yes`, or `no` and the differences (indented).
    public var text: String {
        var s = "reproduces the example: \(reproduces ? "yes" : "no")"
        for d in differences { s += "\n    " + d }
        return s
    }
}

enum LearnVerifier {
    /// The comparable part of a module: module, version, parameters, mapper, filter and the
    /// descriptors' names and types. `ignore` lists parameters whose value is not compared.
    static func comparable(_ m: JSONValue, ignore: Set<String>) -> JSONValue {
        var o: [(String, JSONValue)] = []
        for k in ["module", "version"] { if let v = m[k] { o.append((k, v)) } }
        for k in ["parameters", "mapper"] {
            guard let v = m[k] else { continue }
            if k == "parameters", case .object(let members) = v {
                o.append((k, .object(members.map { ignore.contains($0.0) ? ($0.0, .string("(not compared)")) : $0 })))
            } else { o.append((k, v)) }
        }
        if let f = m["filter"] { o.append(("filter", f)) }
        for (k, label) in [("parameters", "metadata.parameters"), ("expect", "metadata.expect")] {
            guard let arr = m["metadata"]?[k]?.arrayValue else { continue }
            let named = arr.compactMap { d in d["name"]?.stringValue.map { ($0, d["type"] ?? .null) } }
            o.append((label, .object(named)))
        }
        return .object(o)
    }

    /// Differences between the example (`want`) and the learned result (`got`); objects ignore key order.
    static func differences(want: JSONValue?, got: JSONValue?, path: String, into out: inout [String]) {
        switch (want, got) {
        case (nil, nil): return
        case (let w?, nil): out.append("\(path): only in the example (\(short(w)))")
        case (nil, let g?): out.append("\(path): only in the learned result (\(short(g)))")
        case (.object(let w)?, .object(let g)?):
            var keys: [String] = []
            for (k, _) in w + g where !keys.contains(k) { keys.append(k) }
            for k in keys {
                differences(want: w.first { $0.0 == k }?.1, got: g.first { $0.0 == k }?.1,
                            path: path.isEmpty ? k : path.contains("metadata.") ? "\(path) \(k)" : "\(path).\(k)", into: &out)
            }
        case (.array(let w)?, .array(let g)?) where w.count == g.count:
            for i in w.indices { differences(want: w[i], got: g[i], path: "\(path)[\(i)]", into: &out) }
        case (let w?, let g?):
            if !same(w, g) { out.append("\(path): the example has \(short(w)), the learned entry gives \(short(g))") }
        }
    }

    /// Equal, with objects compared without regard to key order.
    static func same(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.object(let x), .object(let y)):
            return x.count == y.count && x.allSatisfy { m in y.contains { $0.0 == m.0 && same($0.1, m.1) } }
        case (.array(let x), .array(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { same($0, $1) }
        default: return a == b
        }
    }

    static func short(_ v: JSONValue) -> String {
        let t = v.compactText
        return t.count > 80 ? String(t.prefix(77)) + "..." : t
    }

    /// Applies `catalog` to BEFORE (only the paired old modules) and compares each pair with AFTER.
    static func verify(example: Int, before: Blueprint, after: Blueprint, pairing: LearnPairing, pairs: [ModulePair],
                       entries: [MergedEntry], catalog: Catalog) -> [LearnVerification] {
        let learned = Set(entries.map(\.oldKey))
        let wanted = pairs.filter { learned.contains(ModuleKey(before.modules[$0.old].moduleName, before.modules[$0.old].version)) }
        let ids = Set(wanted.compactMap { before.modules[$0.old].id })
        var session = EditSession(document: before.document)
        var failures: [(Int?, UpgradeError)] = []
        _ = UpgradeEngine(catalog: catalog).applyAll(in: &session, only: ids, failures: &failures)
        let result = try? Blueprint(document: session.document)
        return wanted.map { p in
            let o = before.modules[p.old], n = after.modules[p.new]
            let key = ModuleKey(o.moduleName, o.version)
            let entry = entries.first { $0.oldKey == key }!
            var v = LearnVerification(example: example, oldId: o.id, newId: n.id, from: key, to: entry.newKey, differences: [], notCompared: [])
            guard let result, p.old < result.modules.count, o.id != nil else {
                v.differences = [o.id == nil ? "the module has no id: the engine cannot upgrade it" : "the upgraded scenario could not be read"]
                return v
            }
            if let f = failures.first(where: { $0.0 == o.id }) { v.differences.append("the upgrade failed: \(f.1)") }
            var ignore = Set<String>()
            if let c = entry.connection, c.action != .keep {
                ignore.insert(c.to)
                v.notCompared.append("parameters.\(c.to): the \(c.kind.title) is chosen again after the upgrade")
            }
            let got = LearnDeriver.canonical(result, result.modules[p.old]) { ($0, $1) }
            let want = LearnDeriver.canonical(after, n) { id, f in (pairing.oldId(id, before: before, after: after), f) }
            differences(want: comparable(want, ignore: ignore), got: comparable(got, ignore: ignore), path: "", into: &v.differences)
            return v
        }
    }
}
