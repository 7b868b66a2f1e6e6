// Helpers for the catalog and upgrade tests: the shared corpus (`../shared`
// next to the package root; tests print a notice and pass when it is absent),
// loading blueprints, and small fixtures.
import Foundation
import Testing
@testable import BlueprintKit

enum CatalogCorpus {
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let shared: URL = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    static let blueprintsDir = shared.appendingPathComponent("corpus/blueprints")
    static let invalidDir = shared.appendingPathComponent("corpus/invalid")
    static let moduleVersionsTSV = shared.appendingPathComponent("research/module-versions.tsv")

    static let available: Bool = {
        let ok = FileManager.default.fileExists(atPath: blueprintsDir.path)
        if !ok { print("NOTICE: corpus not found at \(shared.path)/corpus; catalog corpus tests are skipped") }
        return ok
    }()

    /// The valid exports, plus the BOM-only exports of invalid/ (the old util:SetVariable lives there).
    static var files: [URL] {
        guard available else { return [] }
        let fm = FileManager.default
        let good = ((try? fm.contentsOfDirectory(atPath: blueprintsDir.path)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
            .map { blueprintsDir.appendingPathComponent($0) }
        let bom = ((try? fm.contentsOfDirectory(atPath: invalidDir.path)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
            .map { invalidDir.appendingPathComponent($0) }
            .filter { (try? Data(contentsOf: $0))?.starts(with: [0xEF, 0xBB, 0xBF]) ?? false }
        return good + bom
    }

    static var validFiles: [URL] { files.filter { $0.path.contains("/blueprints/") } }

    static func blueprint(_ u: URL) throws -> Blueprint {
        try Blueprint(bytes: [UInt8](try Data(contentsOf: u)))
    }

    /// Every module of every openable file, with its blueprint.
    static func allModules() throws -> [(file: String, bp: Blueprint, module: Module)] {
        var out: [(String, Blueprint, Module)] = []
        for f in files {
            let bp = try blueprint(f)
            for m in bp.modules { out.append((f.lastPathComponent, bp, m)) }
        }
        return out
    }
}

/// A blueprint from text.
func fixture(_ text: String) throws -> Blueprint {
    try Blueprint(bytes: Array(text.utf8))
}

extension JSONDocument {
    /// The module object's value.
    func moduleValue(_ m: Module) -> JSONValue { value(m.node) }
}

extension JSONValue {
    var keys: [String] { objectValue?.map { $0.0 } ?? [] }
}
