import Foundation
import Testing
@testable import BlueprintKit

/// Field edits on every real export in ../shared/corpus: rewriting a field with its
/// own value records nothing, changing a string changes exactly its line, and undo
/// always gives the original bytes back.
@Suite struct FieldCorpusTests {
    static let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/corpus/blueprints")

    static func files() -> [URL] {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: dir.path) else { return [] }
        return names.filter { $0.hasSuffix(".json") }.sorted().map { dir.appendingPathComponent($0) }
    }

    @Test func everyFieldOfEveryModuleEditsOnlyItsOwnLine() throws {
        let files = Self.files()
        guard !files.isEmpty else { print("skip: ../shared/corpus not found; corpus field test skipped"); return }
        var checked = 0
        for url in files {
            let bytes = try [UInt8](Data(contentsOf: url))
            guard let bp = try? Blueprint(bytes: bytes) else { continue }
            let multiline = bytes.contains(0x0A)
            var edits = 0
            for m in bp.modules {
                let fields = FieldList.fields(for: m, in: bp.document)
                var strings = 0
                for f in fields.prefix(12) where f.role != .container && f.role != .duplicateKey {
                    var s = EditSession(document: bp.document)
                    if let v = f.value {
                        #expect(try !FieldEditor.set(f, to: v, in: &s), "\(url.lastPathComponent) \(m.idText) \(f.display): same value recorded a step")
                    }
                    guard f.kind == .string, strings < 1, edits < 8 else { continue }
                    edits += 1
                    strings += 1
                    try FieldEditor.set(f, to: .string(f.editText + " {{1.edited}}"), in: &s)
                    if multiline {
                        let lines = Self.linesTouched(bytes, s.document.bytes.array)
                        #expect(lines == 1, "\(url.lastPathComponent) \(m.idText) \(f.display): \(lines) lines touched")
                    }
                    s.undo()
                    #expect(s.document.bytes.array == bytes, "\(url.lastPathComponent) \(m.idText) \(f.display): undo differs")
                    checked += 1
                }
            }
        }
        #expect(checked > 500)
    }

    /// How many lines of `old` the change to `new` touches (cheap: common prefix and suffix).
    static func linesTouched(_ old: [UInt8], _ new: [UInt8]) -> Int {
        var p = 0
        while p < old.count && p < new.count && old[p] == new[p] { p += 1 }
        var q = 0
        while q < old.count - p && q < new.count - p && old[old.count - 1 - q] == new[new.count - 1 - q] { q += 1 }
        let newlines = max(old[p..<(old.count - q)].filter { $0 == 0x0A }.count, new[p..<(new.count - q)].filter { $0 == 0x0A }.count)
        return 1 + newlines
    }

    @Test func addingToAnEmptyArrayFollowsTheModulesSpec() throws {
        let files = Self.files()
        guard !files.isEmpty else { print("skip: ../shared/corpus not found; corpus field test skipped"); return }
        // Find an HTTP module with `"headers": []` whose metadata.expect describes headers.
        for url in files {
            let bytes = try [UInt8](Data(contentsOf: url))
            guard let bp = try? Blueprint(bytes: bytes) else { continue }
            for m in bp.modules where m.moduleName.hasPrefix("http:") {
                let fields = FieldList.fields(for: m, in: bp.document)
                guard let h = fields.first(where: { $0.display == "mapper.headers" && $0.value == .array([]) }),
                      FieldEditor.specTemplate(bp.document, h.path) != nil else { continue }
                var s = EditSession(document: bp.document)
                try FieldEditor.addItem(h, in: &s)
                let after = try FieldList.field("mapper.headers", module: m, in: s.document)
                #expect(after.value == .array([.object([("name", .string("")), ("value", .string(""))])]))
                s.undo()
                #expect(s.document.bytes.array == bytes)
                return
            }
        }
        Issue.record("no HTTP module with empty headers and a spec in the corpus")
    }
}
