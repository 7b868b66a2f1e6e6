// The model against the real corpus: edits through the model change exactly
// one line, references agree with a regular-expression scan, the parser agrees
// with Foundation, and no truncation of a real file crashes.
import Foundation
import Testing
@testable import BlueprintKit

@Suite(.enabled(if: Corpus.available, Corpus.skipNote))
struct CorpusModelTests {
    // MARK: one version change = one changed line

    @Test(arguments: Corpus.openable)
    func changingOneModuleVersionChangesExactlyOneLine(_ file: String) throws {
        let bytes = try Corpus.bytes(file)
        let bp = try Blueprint(bytes: bytes)
        let withVersion = bp.modules.filter { $0.version != nil }
        // every module: the splice stays on the version's own line
        var offLine: [String] = []
        for m in withVersion {
            let node = bp.document.member(m.node, "version")!
            let s = try bp.document.setMember(m.node, "version", .int(m.version! + 1))
            if s.range != bp.document.node(node).start..<bp.document.node(node).end || s.text.contains(0x0A) || bytes[s.range].contains(0x0A) {
                offLine.append(m.path.description)
            }
        }
        #expect(offLine.isEmpty, "version splices that are not a one-line value replacement")
        // the deepest one, all the way to disk and back
        let target = try #require(withVersion.max { $0.depth < $1.depth }, "\(file) has a module with a version")
        var session = EditSession(document: bp.document)
        try session.perform("version") { (ed: inout JSONEditor) throws(JSONEditError) in
            try ed.apply(try ed.document.setMember(target.node, "version", .int(target.version! + 1)))
        }
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("out.json").path
        try SafeSave.write(session.document.bytes.array, to: path)
        let saved = try FileIO.read(path)

        let before = lines(bytes), after = lines(saved)
        #expect(before.count == after.count)
        let changed = zip(before, after).enumerated().filter { $0.element.0 != $0.element.1 }
        #expect(changed.count == 1, "\(file)")
        if let (n, (old, new)) = changed.first {
            #expect(String(decoding: new, as: UTF8.self) == String(decoding: old, as: UTF8.self)
                .replacingOccurrences(of: "\(target.version!)", with: "\(target.version! + 1)"))
            #expect(n == TextPosition.locate(bytes, offset: bp.document.member(target.node, "version").map { bp.document.node($0).start }!).line - 1)
        }
        // the model sees the new version there and nothing else changed
        let bp2 = try Blueprint(bytes: saved)
        #expect(bp2.modules.count == bp.modules.count)
        for (a, b) in zip(bp.modules, bp2.modules) {
            #expect(a.path == b.path && a.id == b.id)
            #expect(b.version == (a.index == target.index ? a.version! + 1 : a.version))
        }
        #expect(bp2.document.hasBOM == bp.document.hasBOM)
        // and undo gives the original bytes back
        session.undo()
        #expect(session.document.bytes.array == bytes)
    }

    @Test func addingAMissingVersionAddsExactlyOneLine() throws {
        var tested = 0
        for file in Corpus.openable {
            let bytes = try Corpus.bytes(file)
            let bp = try Blueprint(bytes: bytes)
            for m in bp.modules where m.version == nil {
                let out = try bp.document.applying([try bp.document.setMember(m.node, "version", .int(1), after: ["id", "module"])]).document
                let a = lines(bytes), b = lines(out.bytes.array)
                #expect(b.count == a.count + 1, "\(file)")
                let inserted = try #require(a.indices.first { a[$0] != b[$0] })
                #expect(String(decoding: b[inserted], as: UTF8.self).trimmingCharacters(in: .whitespaces) == "\"version\": 1,")
                #expect(Array(b[..<inserted]) + Array(b[(inserted + 1)...]) == a)
                #expect(try Blueprint(document: out).modules[m.index].version == 1)
                tested += 1
            }
        }
        #expect(tested == 5)   // the placeholder modules (§3.1)
    }

    // MARK: references

    static let sendFamily: Set<String> = ["http:ActionSendDataAPIKeyAuth", "http:ActionSendDataBasicAuth", "http:ActionSendDataOAuth"]

    @Test func referenceCountsAgreeWithARegexScan() throws {
        var total = 0, fromModel = 0
        // references to the outputs of the old HTTP "send" family, as counted in
        // research/upgrade-evidence.md over the 128 blueprints: 251 refs (190 mapper,
        // 61 filter) from 107 modules in 25 files
        var send = (refs: 0, mapper: 0, filter: 0, modules: Set<String>(), files: Set<String>())
        for file in Corpus.openable {
            let bp = try Blueprint(bytes: try Corpus.bytes(file))
            let modules = IndependentWalk.modules(of: bp.document.value(0))
            let ids = Set(modules.compactMap { $0["id"]?.intValue })
            var expected: [String] = []
            for m in modules {
                for s in IndependentWalk.imlStrings(of: m) where s.contains("{{") {
                    expected += IndependentWalk.references(in: s).map { "\($0.id).\($0.field)" }
                }
            }
            let got = bp.references.map { "\($0.targetId).\($0.field)" }
            #expect(got.sorted() == expected.sorted(), "\(file)")
            #expect(Set(bp.danglingReferences.map(\.targetId)) == Set(bp.references.map(\.targetId)).subtracting(ids))
            total += expected.count
            fromModel += got.count
            guard file.hasPrefix("blueprints/") else { continue }
            let sendIds = Set(modules.filter {
                let name = $0["module"]?.stringValue ?? ""
                return (name == "http:ActionSendData" && $0["version"]?.intValue == 3) || Self.sendFamily.contains(name)
            }.compactMap { $0["id"]?.intValue })
            for r in bp.references where sendIds.contains(r.targetId) {
                send.refs += 1
                if r.location.hasPrefix("mapper") { send.mapper += 1 }
                if r.location.hasPrefix("filter") { send.filter += 1 }
                send.modules.insert("\(file)#\(r.moduleIndex)")
                send.files.insert(file)
            }
        }
        #expect(fromModel == total)
        #expect(total == 4034)
        #expect(send.refs == 251 && send.mapper == 190 && send.filter == 61)
        #expect(send.modules.count == 107 && send.files.count == 25)
    }

    // MARK: the parser against Foundation

    /// Our parse, reduced to what Foundation can represent (duplicate keys: last wins).
    static func agree(_ v: JSONValue, _ f: Any, _ path: String = "$") -> String? {
        switch v {
        case .null: return f is NSNull ? nil : path
        case .bool(let b): return (f as? Bool) == b ? nil : path
        case .number(let t):
            guard let n = f as? NSNumber, let d = Double(t) else { return path }
            return n.doubleValue == d ? nil : path
        case .string(let s): return (f as? String) == s ? nil : path
        case .array(let a):
            guard let fa = f as? [Any], fa.count == a.count else { return path }
            for (k, (x, y)) in zip(a, fa).enumerated() { if let p = agree(x, y, "\(path)[\(k)]") { return p } }
            return nil
        case .object(let o):
            guard let fo = f as? [String: Any] else { return path }
            var last: [String: JSONValue] = [:]
            for (k, x) in o { last[k] = x }
            guard Set(last.keys) == Set(fo.keys) else { return path }
            for (k, x) in last { if let p = agree(x, fo[k]!, "\(path).\(k)") { return p } }
            return nil
        }
    }

    @Test(arguments: Corpus.openable)
    func parserAgreesWithFoundation(_ file: String) throws {
        let bytes = try Corpus.bytes(file)
        let d = try JSONDocument(bytes: bytes)
        let body = d.hasBOM ? Data(bytes.dropFirst(3)) : Data(bytes)
        let f = try JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed])
        #expect(Self.agree(d.value(0), f) == nil, "\(file)")
        // node bookkeeping: subtree ends, parents and counts are consistent
        var bad: [Int] = []
        for (i, n) in d.nodes.enumerated() {
            var ok = n.subtreeEnd > i && n.subtreeEnd <= d.nodes.count && n.start < n.end
            if n.parent >= 0 { ok = ok && n.parent < i && d.nodes[n.parent].subtreeEnd >= n.subtreeEnd }
            if n.kind.isContainer { ok = ok && d.children(i).reduce(0) { c, _ in c + 1 } == n.count }
            if !ok { bad.append(i) }
        }
        #expect(bad.isEmpty, "inconsistent nodes \(bad.prefix(5))")
    }

    // MARK: truncation

    @Test func everyTruncationOfARealFileIsAnErrorNotACrash() throws {
        // 13 KB, with raw non-ASCII text, escapes, nesting and numbers
        let bytes = try Corpus.bytes("blueprints/qlife1146__make.com-portfolio__make-google_to_figma.json")
        #expect(bytes.contains { $0 >= 0x80 })
        var messages = Set<String>()
        var wrong: [String] = []
        for cut in 0..<bytes.count {
            let prefix = Array(bytes[..<cut])
            do {
                _ = try JSONDocument(bytes: prefix)
                wrong.append("\(cut): parsed")
            } catch {
                let pos = TextPosition.locate(prefix, offset: error.offset)
                if error.offset > cut || !(error.message.contains("end of input") || error.message == "empty document")
                    || pos.line != error.line || pos.column != error.column {
                    wrong.append("\(cut): \(error)")
                }
                messages.insert(String(error.message.prefix(40)))
            }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(5))")
        #expect(messages.count >= 6)
        #expect(try JSONDocument(bytes: bytes).bytes == bytes)
    }
}
