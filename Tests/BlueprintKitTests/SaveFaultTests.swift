// I/O errors that cannot be produced on demand here (EIO needs a failing device):
// SafeSave has a narrow test seam (SaveFaults) that fails one step of saves to
// one path. For each step: the original stays byte-identical (or, after the
// rename, the new bytes are complete), no temporary file is left, and the message
// names the file, the step and the error.
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import BlueprintKit

@Suite struct SaveFaultTests {
    let old = Array(#"{"name": "old", "flow": []}"#.utf8)
    let new = Array(#"{"name": "new", "flow": [{"id": 1, "module": "x:y"}]}"#.utf8)

    @Test(arguments: [(SaveStep.write, "cannot write"), (.fsync, "cannot sync to disk"), (.rename, "cannot replace the file")])
    func failureBeforeTheRenameKeepsTheOriginal(step: SaveStep, action: String) throws {
        let dir = Safety.scratch("fault"); defer { Safety.remove(dir) }
        let f = "\(dir)/a.json"
        Safety.write(f, old)
        SaveFaults.inject(step, errno: EIO, target: f)
        defer { SaveFaults.clear(target: f) }
        do {
            try SafeSave.write(new, to: f, options: SaveOptions(), expecting: FileStamp(bytes: old))
            Issue.record("the save must fail at \(step)")
        } catch {
            guard case .io(let e) = error else { Issue.record("expected an I/O error, got \(error)"); return }
            #expect(e.errno == EIO)
            #expect(e.description == "\(f): \(action): Input/output error")
        }
        #expect(Safety.read(f) == old, "the original must be byte-identical after a failed \(step)")
        #expect(Safety.temporaries(in: dir).isEmpty, "no temporary file may be left after a failed \(step)")
        // The failure is not sticky: the next save (the fault cleared) works.
        SaveFaults.clear(target: f)
        try SafeSave.write(new, to: f)
        #expect(Safety.read(f) == new)
    }

    @Test func directorySyncFailureIsReportedAfterACompleteRename() throws {
        let dir = Safety.scratch("fault-dir"); defer { Safety.remove(dir) }
        let f = "\(dir)/a.json"
        Safety.write(f, old)
        SaveFaults.inject(.directorySync, errno: EIO, target: f)
        defer { SaveFaults.clear(target: f) }
        do {
            try SafeSave.write(new, to: f, options: SaveOptions(), expecting: FileStamp(bytes: old))
            Issue.record("a failed directory sync must be reported")
        } catch {
            guard case .notDurable(let e, let stamp) = error else { Issue.record("expected notDurable, got \(error)"); return }
            #expect(e.description == "\(f): saved, but the folder \(dir) could not be synced to disk, so the save may not survive a crash: Input/output error")
            #expect(stamp.sameContent(as: FileStamp(bytes: new)))
        }
        // The rename happened: the file holds the complete new bytes, never a mix.
        #expect(Safety.read(f) == new)
        #expect(Safety.temporaries(in: dir).isEmpty)
    }

    @Test func faultsOnlyHitTheirOwnTarget() throws {
        let dir = Safety.scratch("fault-scope"); defer { Safety.remove(dir) }
        let f = "\(dir)/a.json", g = "\(dir)/b.json"
        SaveFaults.inject(.write, errno: EIO, target: f)
        defer { SaveFaults.clear(target: f) }
        try SafeSave.write(new, to: g)
        #expect(Safety.read(g) == new)
    }
}
