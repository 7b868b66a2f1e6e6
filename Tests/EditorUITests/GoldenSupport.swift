import Foundation
import Testing

/// Golden files live in Tests/EditorUITests/Golden. Run the tests with
/// UPDATE_GOLDEN=1 to (re)write them after an intended change, then review the diff.
enum Golden {
    static let dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static var updating: Bool { ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" }

    /// Compares `actual` with the golden file `name`, or writes it when updating.
    static func check(_ name: String, _ actual: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = dir.appendingPathComponent(name)
        if updating {
            try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("missing golden file \(name): run with UPDATE_GOLDEN=1", sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            var firstDiff = 0
            while firstDiff < min(e.count, a.count) && e[firstDiff] == a[firstDiff] { firstDiff += 1 }
            let exp = firstDiff < e.count ? String(e[firstDiff]) : "<end>"
            let act = firstDiff < a.count ? String(a[firstDiff]) : "<end>"
            Issue.record("\(name) differs at line \(firstDiff + 1):\n  expected: \(exp)\n  actual:   \(act)\n(UPDATE_GOLDEN=1 rewrites it)",
                         sourceLocation: sourceLocation)
        }
    }
}

/// The shared corpus beside the package root, if present.
enum Corpus {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/corpus")

    static func file(_ name: String) -> [UInt8]? {
        guard let d = FileManager.default.contents(atPath: root.appendingPathComponent("blueprints/\(name)").path) else {
            print("skip: ../shared/corpus not found; corpus-based UI test skipped")
            return nil
        }
        return [UInt8](d)
    }
}
