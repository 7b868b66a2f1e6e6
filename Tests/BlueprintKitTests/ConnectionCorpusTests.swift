// The connection model against every real export in ../shared/corpus.
import Foundation
import Testing
@testable import BlueprintKit

/// An independent reading of account references with Foundation's JSON parser.
enum IndependentAccounts {
    static let kinds = ["account", "hook", "keychain", "datastore", "udt", "device"]
    static let fallback = ["__IMTCONN__", "__IMTHOOK__", "account", "makeConnectionId"]

    /// `"#id module parameter=value"` for every account reference, sorted.
    static func references(_ data: Data) throws -> [String] {
        var d = data
        if d.starts(with: [0xEF, 0xBB, 0xBF]) { d = d.dropFirst(3) }
        let root = try JSONSerialization.jsonObject(with: d, options: [.fragmentsAllowed]) as? [String: Any] ?? [:]
        var mods: [[String: Any]] = []
        func walk(_ flow: Any?) {
            for case let m as [String: Any] in flow as? [Any] ?? [] {
                mods.append(m)
                for case let r as [String: Any] in m["routes"] as? [Any] ?? [] { walk(r["flow"]) }
                walk(m["onerror"])
                for case let b as [String: Any] in m["branches"] as? [Any] ?? [] { walk(b["flow"]) }
                for case let t as [String: Any] in m["tools"] as? [Any] ?? [] { walk(t["flow"]) }
            }
        }
        walk(root["flow"])
        let orphans = ((root["metadata"] as? [String: Any])?["designer"] as? [String: Any])?["orphans"] as? [Any] ?? []
        for f in orphans { walk(f) }
        var out: [String] = []
        for m in mods {
            let params = m["parameters"] as? [String: Any] ?? [:]
            let descs = (m["metadata"] as? [String: Any])?["parameters"] as? [Any] ?? []
            var names: [String] = []
            for case let desc as [String: Any] in descs {
                guard let n = desc["name"] as? String, let t = desc["type"] as? String, !names.contains(n) else { continue }
                let head = t.split(separator: ":", maxSplits: 1).first.map(String.init) ?? t
                if kinds.contains(head) { names.append(n) }
            }
            for n in fallback where !names.contains(n) {
                guard let v = params[n] else { continue }
                if v is String || v is NSNull || (v is NSNumber && !(v is Bool)) { names.append(n) }
            }
            let id = (m["id"] as? NSNumber).map { "#\($0)" } ?? "#?"
            for n in names { out.append("\(id) \(m["module"] as? String ?? "") \(n)=\(text(params[n]))") }
        }
        return out.sorted()
    }

    static func text(_ v: Any?) -> String {
        switch v {
        case nil, is NSNull: return ""
        case let s as String: return s
        case let n as NSNumber: return n.stringValue
        default: return "?"
        }
    }
}

@Suite struct ConnectionCorpusTests {
    @Test func inventoryListsEveryAccountReference() throws {
        let files = ConnFixture.corpusFiles()
        var refs = 0, conns = 0, byKind: [AccountKind: Int] = [:], codes: [ConnectionWarning.Code: Int] = [:]
        for url in files {
            let data = try Data(contentsOf: url)
            let bp = try Blueprint(bytes: Array(data))
            let inv = ConnectionInventory(blueprint: bp)
            let mine = inv.uses.map { u in "\(u.moduleId.map { "#\($0)" } ?? "#?") \(u.moduleName) \(u.parameter)=\(AccountID(u.value)?.text ?? "")" }.sorted()
            let theirs = try IndependentAccounts.references(data)
            #expect(mine == theirs, "\(url.lastPathComponent)")
            refs += mine.count
            conns += inv.entries(of: .connection).filter { $0.id != nil }.count
            for e in inv.entries { byKind[e.kind, default: 0] += e.users.count }
            for w in inv.warnings { codes[w.code, default: 0] += 1 }
            // every non-numeric, non-IML string is reported as a placeholder
            let strings = inv.uses.filter { AccountID($0.value)?.isPlaceholder == true }.count
            #expect(inv.warnings.filter { $0.code == .placeholder }.count == strings)
        }
        if !files.isEmpty {
            print("corpus: \(files.count) files, \(refs) account references, \(conns) distinct connections per file summed; "
                  + "by kind \(byKind.map { "\($0.key.rawValue) \($0.value)" }.sorted().joined(separator: ", ")); "
                  + "warnings \(codes.map { "\($0.key.rawValue) \($0.value)" }.sorted().joined(separator: ", "))")
            #expect(refs >= 914)   // every typed descriptor in the corpus, plus untyped __IMTCONN__
        }
    }

    /// Swap every account id (every kind) of every file to a new id with a new label: exactly the
    /// modules that used it change, only on their parameter and restore lines, and undo gives back the bytes.
    @Test func swappingEachIdChangesExactlyItsUsers() throws {
        var swaps = 0, modulesChanged = 0
        for url in ConnFixture.corpusFiles() {
            let bytes = Array(try Data(contentsOf: url))
            let bp = try Blueprint(bytes: bytes)
            let inv = ConnectionInventory(blueprint: bp)
            let oldValue = bp.document.value(bp.document.root)
            let lineOf = LineIndex(bytes)
            for (k, e) in inv.entries.enumerated() {
                guard let old = e.id else { continue }
                var s = EditSession(document: bp.document)
                let label = "Swapped \(k) “\(e.kind.rawValue)”"
                let choice = ConnectionChoice(id: .int(987_654_000 + k), label: label, type: e.type)
                let used = try ConnectionEditor.swap(e.kind, from: old, to: choice, in: &s, force: true)
                #expect(used.map(\.moduleIndex) == e.users.map(\.moduleIndex), "\(url.lastPathComponent) \(e.title)")
                try check(url.lastPathComponent, bp, oldValue, lineOf, e, after: s.document, newId: 987_654_000 + k, label: label)
                #expect(s.undoStack.count == 1)
                s.undo()
                #expect(s.document.bytes.array == bytes, "undo of \(e.title) in \(url.lastPathComponent)")
                swaps += 1; modulesChanged += used.count
            }
        }
        if swaps > 0 { print("corpus: \(swaps) swaps, \(modulesChanged) module parameters changed, all undone byte-identically") }
    }

    func check(_ file: String, _ bp: Blueprint, _ oldValue: JSONValue, _ lineOf: LineIndex, _ e: ConnectionEntry,
               after doc: JSONDocument, newId: Int, label: String) throws {
        let old = bp.document
        let nbp = try Blueprint(document: doc)
        #expect(nbp.modules.count == bp.modules.count)
        let users = Set(e.users.map { "\($0.moduleIndex) \($0.parameter)" })
        var masks: [JSONPath] = []
        var allowedLines = Set<Int>()
        func lines(_ d: JSONDocument, _ node: Int) -> ClosedRange<Int> { lineOf[d.node(node).memberStart]...lineOf[d.node(node).end] }
        for m in bp.modules {
            for ref in m.accounts {
                let after = nbp.modules[m.index].accounts.first { $0.parameter == ref.parameter }
                if users.contains("\(m.index) \(ref.parameter)") {
                    // the new id, as an integer unless the old one was a string of digits
                    let wasDigits = ref.value?.stringValue.map { AccountID($0).isNumeric } ?? false
                    #expect(after?.value == (wasDigits ? .string(String(newId)) : .int(newId)), "\(file) \(m.idText)")
                    if ref.restoreEntry != nil { #expect(after?.label == label, "\(file) \(m.idText) label") }
                    if let t = e.type, ref.kind == .connection, ref.restoreEntry.map({ old.kind($0) == .object }) == true {
                        #expect(after?.connectionType == t, "\(file) \(m.idText) type")
                    }
                    masks.append(old.path(of: ref.valueNode!))
                    allowedLines.formUnion(lines(old, ref.valueNode!))
                    if let r = ref.restoreEntry { masks.append(old.path(of: r)); allowedLines.formUnion(lines(old, r)) }
                } else {
                    #expect(after?.value == ref.value && after?.label == ref.label && after?.connectionType == ref.connectionType,
                            "\(file) \(m.idText) \(ref.parameter) must not change")
                }
            }
        }
        // Outside the users' parameter values and restore entries, the documents are equal…
        var a = oldValue, b = doc.value(doc.root)
        for p in masks { a = a.masking(p); b = b.masking(p) }
        #expect(a == b, "\(file) \(e.title): something outside the parameter and restore entries changed")
        // …and the text changed only on their lines.
        let script = UnifiedDiff.lines(UnifiedDiff.splitLines(old.bytes.array), UnifiedDiff.splitLines(doc.bytes.array))
        var line = 0
        for l in script where l.op != .added {
            line += 1
            if l.op == .removed { #expect(allowedLines.contains(line), "\(file) \(e.title): line \(line) changed: \(l.text)") }
        }
    }

    @Test func typeFilteringOnRealDescriptors() throws {
        var restricted = 0, slack = 0
        let team = TeamConnections(connections: [
            TeamConnection(id: .int(1), name: "Google", type: "google", line: 1),
            TeamConnection(id: .int(2), name: "Google restricted", type: "google-restricted", line: 2),
            TeamConnection(id: .int(3), name: "Slack 2", type: "slack2", line: 3),
            TeamConnection(id: .int(4), name: "Slack 3", type: "slack3", line: 4),
            TeamConnection(id: .int(5), name: "Old Slack", type: "slack", line: 5),
        ], source: "team.json")
        for url in ConnFixture.corpusFiles() {
            let bp = try Blueprint(bytes: Array(try Data(contentsOf: url)))
            let inv = ConnectionInventory(blueprint: bp, team: team)
            for m in bp.modules {
                for ref in m.connections where ref.accepted == ["google-restricted"] || ref.accepted == ["slack2", "slack3"] {
                    let good = ref.accepted == ["google-restricted"] ? team.connections[1] : team.connections[3]
                    let bad = ref.accepted == ["google-restricted"] ? team.connections[0] : team.connections[4]
                    if ref.accepted == ["google-restricted"] { restricted += 1 } else { slack += 1 }
                    let teamIds = inv.candidates(module: m.index, parameter: ref.parameter).filter(\.inTeam).map(\.choice.id)
                    #expect(teamIds == (good.id == .int(2) ? [.int(2)] : [.int(3), .int(4)]), "\(url.lastPathComponent) \(m.idText)")
                    var s = EditSession(document: bp.document)
                    #expect(throws: ConnectionEditError.self) {
                        try ConnectionEditor.set(module: m.index, parameter: ref.parameter, to: bad.choice, in: &s)
                    }
                    #expect(!s.canUndo)
                    try ConnectionEditor.set(module: m.index, parameter: ref.parameter, to: good.choice, in: &s)
                    let after = try Blueprint(document: s.document).modules[m.index].accounts.first { $0.parameter == ref.parameter }
                    #expect(after?.value == good.choice.id)
                }
            }
        }
        if !ConnFixture.corpusFiles().isEmpty {
            print("corpus: type filtering checked on \(restricted) account:google-restricted and \(slack) account:slack2,slack3 parameters")
            #expect(restricted > 0 && slack > 0)
        }
    }
}

/// 1-based line of a byte offset, by binary search over line starts.
struct LineIndex {
    let starts: [Int]
    init(_ bytes: [UInt8]) {
        var s = [0]
        for (i, c) in bytes.enumerated() where c == 0x0A { s.append(i + 1) }
        starts = s
    }
    subscript(offset: Int) -> Int {
        var lo = 0, hi = starts.count - 1
        while lo < hi { let mid = (lo + hi + 1) / 2; if starts[mid] <= offset { lo = mid } else { hi = mid - 1 } }
        return lo + 1
    }
}

extension JSONValue {
    /// The value with the node at `path` replaced by null.
    func masking(_ path: JSONPath) -> JSONValue { masking(path.components[...]) }

    private func masking(_ p: ArraySlice<JSONPathComponent>) -> JSONValue {
        guard let first = p.first else { return .null }
        switch (self, first) {
        case (.object(let ms), .key(let k)):
            guard let i = ms.firstIndex(where: { $0.0 == k }) else { return self }
            var out = ms
            out[i].1 = ms[i].1.masking(p.dropFirst())
            return .object(out)
        case (.array(let xs), .index(let i)) where xs.indices.contains(i):
            var out = xs
            out[i] = xs[i].masking(p.dropFirst())
            return .array(out)
        default:
            return self
        }
    }
}
