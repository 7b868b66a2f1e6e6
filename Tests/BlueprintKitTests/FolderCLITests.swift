// Folders as inputs (issue 20): check, list, connections and upgrade given a folder
// agree with the same files listed one by one (totals and per-file results), skip
// JSON that is not a blueprint with a count, report a broken file as FILE:LINE:COL
// while the others go on, and exit 66 for a folder without blueprints.
// Fixtures: Tests/Fixtures/workspace (written for these tests).
import Foundation
import Testing
@testable import BlueprintKit

enum WorkspaceFixture {
    static let dir = Corpus.packageRoot.appendingPathComponent("Tests/Fixtures/workspace")

    /// A fresh copy of the fixture folder (and optional extra files), to edit.
    static func copy(extra: [String: String] = [:]) throws -> URL {
        let d = try makeTempDir().appendingPathComponent("ws")
        try FileManager.default.copyItem(at: dir, to: d)
        try? FileManager.default.removeItem(at: d.appendingPathComponent("README.md"))
        for (name, text) in extra { try Data(text.utf8).write(to: d.appendingPathComponent(name)) }
        return d
    }

    /// The blueprint files of a folder, in the order a folder run takes them.
    static func blueprints(in d: URL) -> [String] {
        FileIO.jsonFiles(under: d.path).filter { !$0.contains("/notes/") }
    }
}

@Suite struct FolderCLITests {
    @Test func folderAndFileListAgree() throws {
        let d = try WorkspaceFixture.copy()
        defer { try? FileManager.default.removeItem(at: d.deletingLastPathComponent()) }
        let files = WorkspaceFixture.blueprints(in: d)
        #expect(files.count == 4)
        for cmd in [["check", "--json"], ["check"], ["list"], ["list", "--json"], ["connections"], ["connections", "--json"]] {
            let folder = try Scened.run(cmd + [d.path])
            let list = try Scened.run(cmd + files)
            #expect(folder.status == list.status, "\(cmd)")
            if cmd.contains("--json") {
                // the folder run also counts what it skipped; everything else is the same
                var a = try #require(try JSONSerialization.jsonObject(with: Data(folder.stdout)) as? [String: Any])
                var b = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout)) as? [String: Any])
                var ta = try #require(a["totals"] as? [String: Any]), tb = try #require(b["totals"] as? [String: Any])
                #expect(ta["skipped"] as? Int == 1, "\(cmd)")
                ta["skipped"] = nil; tb["skipped"] = nil
                #expect(NSDictionary(dictionary: ta).isEqual(to: tb), "\(cmd): \(ta) vs \(tb)")
                a["totals"] = nil; b["totals"] = nil
                #expect(NSDictionary(dictionary: a).isEqual(to: b), "\(cmd)")
                let results = try #require(a["files"] as? [[String: Any]])
                #expect(results.compactMap { $0["file"] as? String } == files, "\(cmd)")
            } else {
                #expect(folder.out == list.out, "\(cmd)")
                #expect(folder.stderr.contains("1 non-blueprint JSON file skipped"))
            }
        }
    }

    @Test func totalsPerFileAndOverall() throws {
        let r = try Scened.run(["check", "--json", WorkspaceFixture.dir.path])
        #expect(r.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout)) as? [String: Any])
        let totals = try #require(json["totals"] as? [String: Any])
        #expect(totals["files"] as? Int == 4)
        #expect(totals["upgradable"] as? Int == 3)
        #expect(totals["manual"] as? Int == 2)
        let list = try Scened.run(["list", WorkspaceFixture.dir.path])
        #expect(list.out.contains("==> \(WorkspaceFixture.dir.path)/billing/invoices.json <=="))
        #expect(list.out.hasSuffix("total: 4 files, 9 modules\n"))
        let conns = try Scened.run(["connections", "--json", WorkspaceFixture.dir.path])
        let cj = try #require(try JSONSerialization.jsonObject(with: Data(conns.stdout)) as? [String: Any])
        #expect((cj["totals"] as? [String: Any])?["files"] as? Int == 4)
    }

    @Test func brokenFileIsReportedAndTheRestGoOn() throws {
        let d = try WorkspaceFixture.copy(extra: ["broken.json": "{\n  \"name\": \"Broken\",\n  \"flow\": [ 1 2 ]\n}\n"])
        defer { try? FileManager.default.removeItem(at: d.deletingLastPathComponent()) }
        let broken = d.appendingPathComponent("broken.json").path
        for cmd in [["check"], ["list"], ["connections"]] {
            let r = try Scened.run(cmd + [d.path])
            #expect(r.status == 65, "\(cmd): \(r.stderr)")
            #expect(r.stderr.contains("\(broken):3:15: "), "\(cmd): \(r.stderr)")
            #expect(r.out.contains("weekly.json"), "\(cmd): the other files are still reported")
        }
        let up = try Scened.run(["upgrade", d.path, "--dry-run"])
        #expect(up.status == 65)
        #expect(up.stderr.contains("\(broken):3:15: "))
        #expect(up.stderr.contains("total: 5 files, 3 modules upgraded in 3 files (dry run: nothing written)"), "\(up.stderr)")
    }

    @Test func folderWithoutBlueprintsIsExit66() throws {
        let d = try makeTempDir()
        defer { try? FileManager.default.removeItem(at: d) }
        try FileManager.default.createDirectory(at: d.appendingPathComponent("empty"), withIntermediateDirectories: true)
        try Data("{\"connections\": []}".utf8).write(to: d.appendingPathComponent("other/team.json").creatingFolder())
        for cmd in ["check", "list", "connections"] {
            let e = try Scened.run([cmd, d.appendingPathComponent("empty").path])
            #expect(e.status == 66, "\(cmd)")
            #expect(e.stderr.contains("empty: no scenario blueprints (no *.json files under it)"), "\(cmd): \(e.stderr)")
            let o = try Scened.run([cmd, d.appendingPathComponent("other").path])
            #expect(o.status == 66, "\(cmd)")
            #expect(o.stderr.contains("other: no scenario blueprints (1 JSON file that is not a blueprint)"), "\(cmd): \(o.stderr)")
        }
        let u = try Scened.run(["upgrade", "-i", d.appendingPathComponent("empty").path])
        #expect(u.status == 66)
    }

    @Test func upgradeAndSwapAcrossAFolderInPlace() throws {
        let d = try WorkspaceFixture.copy()
        defer { try? FileManager.default.removeItem(at: d.deletingLastPathComponent()) }
        let up = try Scened.run(["upgrade", "-i", d.path])
        #expect(up.status == 0, "\(up.stderr)")
        #expect(up.stderr.contains("total: 4 files, 3 modules upgraded in 3 files"), "\(up.stderr)")
        let after = try Scened.run(["check", "--json", d.path])
        let totals = try #require((try JSONSerialization.jsonObject(with: Data(after.stdout)) as? [String: Any])?["totals"] as? [String: Any])
        #expect(totals["upgradable"] as? Int == 0)
        let swap = try Scened.run(["connections", d.path, "--swap", "5001=5003", "-i"])
        #expect(swap.status == 0, "\(swap.stderr)")
        #expect(swap.stderr.contains("total: edits matched in 3 files of 4, 3 files changed"), "\(swap.stderr)")
        let inv = try Scened.run(["connections", "--json", d.path])
        let files = try #require((try JSONSerialization.jsonObject(with: Data(inv.stdout)) as? [String: Any])?["files"] as? [[String: Any]])
        let ids = files.flatMap { ($0["connections"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? Int } }
        #expect(!ids.contains(5001) && ids.filter { $0 == 5003 }.count == 3, "\(ids)")
        let none = try Scened.run(["connections", d.path, "--swap", "5001=5004", "-i"])
        #expect(none.status == 1)
        let usage = try Scened.run(["upgrade", d.path])
        #expect(usage.status == 64 && usage.stderr.contains("give -i"))
    }
}

private extension URL {
    /// Creates the folder this file goes in, and returns the file's URL.
    func creatingFolder() throws -> URL {
        try FileManager.default.createDirectory(at: deletingLastPathComponent(), withIntermediateDirectories: true)
        return self
    }
}
