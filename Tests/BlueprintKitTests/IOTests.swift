// Reading and the atomic save: what a user would notice on disk.
import Foundation
import Testing
@testable import BlueprintKit

@Suite struct IOTests {
    @Test func readGivesTheExactBytesOfSmallEmptyAndLargeFiles() throws {
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        for size in [0, 1, 65_535, 65_536, 65_537, 3_000_001] {
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 7) }
            let p = dir.appendingPathComponent("f\(size)").path
            try Data(bytes).write(to: URL(fileURLWithPath: p))
            #expect(try FileIO.read(p) == bytes, "size \(size)")
        }
    }

    @Test func readErrorsNameThePathAndTheReason() throws {
        do {
            _ = try FileIO.read("/does/not/exist")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "/does/not/exist: cannot open: No such file or directory")
            #expect(error.errno == ENOENT)
        }
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(throws: FileError.self) { try FileIO.read(dir.path) }
    }

    @Test func saveReplacesAtomicallyAndKeepsTheMode() throws {
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let p = dir.appendingPathComponent("bp.json").path
        try SafeSave.write(Array("old".utf8), to: p)
        #expect(try FileIO.read(p) == Array("old".utf8))
        #expect((try FileManager.default.attributesOfItem(atPath: p)[.posixPermissions] as? NSNumber)?.intValue == 0o644)
        chmod(p, 0o640)
        try SafeSave.write(Array("new".utf8), to: p)
        #expect(try FileIO.read(p) == Array("new".utf8))
        #expect((try FileManager.default.attributesOfItem(atPath: p)[.posixPermissions] as? NSNumber)?.intValue == 0o640)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["bp.json"])
    }

    @Test func saveThroughASymlinkReplacesTheTarget() throws {
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let real = dir.appendingPathComponent("real.json").path
        let link = dir.appendingPathComponent("link.json").path
        try SafeSave.write(Array("a".utf8), to: real)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "real.json")
        try SafeSave.write(Array("b".utf8), to: link)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "real.json")
        #expect(try FileIO.read(real) == Array("b".utf8))
    }

    @Test func backupKeepsThePreviousBytes() throws {
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let p = dir.appendingPathComponent("bp.json").path
        try SafeSave.write(Array("v1".utf8), to: p)
        try SafeSave.write(Array("v2".utf8), to: p, options: SaveOptions(backup: true))
        #expect(try FileIO.read(p) == Array("v2".utf8))
        #expect(try FileIO.read(p + ".bak") == Array("v1".utf8))
    }

    @Test func aFailedSaveLeavesTheTargetAloneAndNoTemporaryFile() throws {
        // the rename fails (the target is a non-empty directory), after the data was written
        let dir = try makeTempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let target = dir.appendingPathComponent("bp.json")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: false)
        try Data("inside".utf8).write(to: target.appendingPathComponent("keep"))
        do {
            try SafeSave.write(Array("new".utf8), to: target.path)
            Issue.record("expected an error")
        } catch {
            #expect(error.description.hasPrefix("\(target.path): cannot replace the file: "))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["bp.json"])
        #expect(try FileIO.read(target.appendingPathComponent("keep").path) == Array("inside".utf8))
    }

    @Test func savingToAMissingDirectoryIsAnError() {
        do {
            try SafeSave.write([1], to: "/does/not/exist/x.json")
            Issue.record("expected an error")
        } catch {
            #expect(error.errno == ENOENT)
            #expect(error.description.hasPrefix("/does/not/exist/x.json: cannot create a temporary file in /does/not/exist"))
        }
    }
}
