// Saving: atomic replace, permissions, symlinks, backups, external changes, and
// the faults a user meets (read-only places, a full disk, `ulimit -f`): each must
// leave the original byte-identical, remove the temporary file and say why.
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import BlueprintKit

@Suite struct SafeSaveTests {
    let old = Array(#"{"name": "old", "flow": []}"#.utf8)
    let new = Array(#"{"name": "new", "flow": [{"id": 1, "module": "x:y"}]}"#.utf8)

    @Test func replacesTheFileKeepingModeAndFollowingSymlinks() throws {
        let dir = Safety.scratch("save"); defer { Safety.remove(dir) }
        let real = "\(dir)/real.json", link = "\(dir)/link.json"
        Safety.write(real, old)
        chmod(real, 0o640)
        symlink("real.json", link)
        try SafeSave.write(new, to: link)
        #expect(Safety.read(real) == new)
        var st = stat()
        #expect(lstat(link, &st) == 0 && (st.st_mode & S_IFMT) == S_IFLNK, "the link must stay a link")
        #expect(stat(real, &st) == 0 && st.st_mode & 0o7777 == 0o640, "permissions must be kept")
        #expect(Safety.temporaries(in: dir).isEmpty)
    }

    @Test func backupKeepsThePreviousBytes() throws {
        let dir = Safety.scratch("bak"); defer { Safety.remove(dir) }
        let f = "\(dir)/a.json"
        Safety.write(f, old)
        try SafeSave.write(new, to: f, options: SaveOptions(backup: true))
        #expect(Safety.read(f) == new)
        #expect(Safety.read(f + ".bak") == old)
    }

    @Test func deviceTargetsAreWrittenNotReplaced() throws {
        try SafeSave.write(new, to: "/dev/null")
        var st = stat()
        #expect(stat("/dev/null", &st) == 0 && (st.st_mode & S_IFMT) == S_IFCHR, "/dev/null must still be a device")
    }

    @Test func returnsTheStampOfWhatIsOnDisk() throws {
        let dir = Safety.scratch("stamp"); defer { Safety.remove(dir) }
        let f = "\(dir)/a.json"
        Safety.write(f, old)
        let read = try FileStamp.read(f)
        #expect(read.bytes == old && read.stamp.size == old.count)
        let after = try SafeSave.write(new, to: f, expecting: read.stamp)
        #expect(after == (try FileStamp.of(f)), "the returned stamp (size, mtime, hash) must match the saved file")
        // Saving again against the returned stamp works: it is the new baseline.
        try SafeSave.write(old, to: f, expecting: after)
        #expect(Safety.read(f) == old)
    }

    @Test func refusesWhenTheFileChangedOnDisk() throws {
        let dir = Safety.scratch("ext"); defer { Safety.remove(dir) }
        let f = "\(dir)/a.json"
        Safety.write(f, old)
        let stamp = try FileStamp.of(f)
        let colleague = Array(#"{"name": "colleague's version", "flow": []}"#.utf8)
        Safety.write(f, colleague)
        do {
            try SafeSave.write(new, to: f, expecting: stamp)
            Issue.record("the save must be refused")
        } catch {
            guard case .externalChange(let c) = error else { Issue.record("wrong error \(error)"); return }
            #expect(c.found?.size == colleague.count)
            #expect(c.description.contains("changed on disk since it was read"))
            #expect(c.whatChanged.contains("size \(old.count) → \(colleague.count) bytes"))
        }
        #expect(Safety.read(f) == colleague, "the colleague's bytes must be untouched")
        #expect(Safety.temporaries(in: dir).isEmpty)
        // Forcing (no expected stamp) overwrites.
        try SafeSave.write(new, to: f, expecting: nil)
        #expect(Safety.read(f) == new)
    }

    @Test func sameSizeEditsAndDeletionAreChangesButTouchIsNot() throws {
        let dir = Safety.scratch("ext2"); defer { Safety.remove(dir) }
        let f = "\(dir)/a.json"
        Safety.write(f, old)
        let stamp = try FileStamp.of(f)
        var same = old; same[11] = UInt8(ascii: "O")   // "old" → "Old": same size, other hash
        Safety.write(f, same)
        #expect(throws: SaveError.self) { try SafeSave.write(new, to: f, expecting: stamp) }
        #expect(Safety.read(f) == same)
        Safety.write(f, old)
        var times = [timespec(tv_sec: 1_000_000_000, tv_nsec: 0), timespec(tv_sec: 1_000_000_000, tv_nsec: 0)]
        utimensat(AT_FDCWD, f, &times, 0)
        try SafeSave.write(new, to: f, expecting: stamp)   // only the mtime moved: not a conflict
        #expect(Safety.read(f) == new)
        unlink(f)
        do { try SafeSave.write(old, to: f, expecting: stamp); Issue.record("a deleted file must be reported") } catch {
            guard case .externalChange(let c) = error else { Issue.record("wrong error"); return }
            #expect(c.found == nil && c.whatChanged.contains("deleted"))
        }
    }

    @Test func readOnlyFileSystemLeavesTheOriginal() throws {
        guard let dir = Safety.mountTmpfs("rofs", size: "1m") else { return }
        defer { Safety.unmount(dir) }
        let f = "\(dir)/a.json"
        Safety.write(f, old)
        #expect(Safety.run(["/bin/mount", "-o", "remount,ro", dir]).status == 0)
        do { try SafeSave.write(new, to: f); Issue.record("the save must fail") } catch {
            #expect(error.errno == EROFS)
            #expect(error.description == "\(f): cannot create a temporary file in \(dir): Read-only file system")
        }
        #expect(Safety.read(f) == old)
        #expect(Safety.temporaries(in: dir).isEmpty)
    }

    @Test func fullDiskLeavesTheOriginalAndNoTemporary() throws {
        guard let dir = Safety.mountTmpfs("enospc", size: "256k") else { return }
        defer { Safety.unmount(dir) }
        let f = "\(dir)/a.json"
        let original = Safety.bigBlueprint(size: 100_000)
        Safety.write(f, original)
        let bigger = Safety.bigBlueprint(size: 300_000, tag: "b")
        do { try SafeSave.write(bigger, to: f); Issue.record("the save must fail") } catch {
            #expect(error.errno == ENOSPC)
            #expect(error.description == "\(f): cannot write: No space left on device")
        }
        #expect(Safety.read(f) == original)
        #expect(Safety.temporaries(in: dir).isEmpty, "the temporary file must be removed")
    }

    @Test func unprivilegedUserInAReadOnlyDirectoryGetsExit73() throws {
        guard let bin = Safety.binary(), FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else { return }
        let dir = Safety.scratch("eacces"); defer { Safety.remove(dir) }
        let input = "\(dir)/in.json", out = "\(dir)/out.json"
        Safety.write(input, new); Safety.write(out, old)
        chmod(input, 0o644); chmod(out, 0o644)   // readable by nobody; the directory is root's 0755
        let r = Safety.run(["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", bin, "fmt", input, "-o", out])
        #expect(r.status == 73)
        #expect(r.err == "scened fmt: \(out): cannot create a temporary file in \(dir): Permission denied; \(out) is unchanged\n")
        #expect(Safety.read(out) == old)
        #expect(Safety.temporaries(in: dir).isEmpty)
    }

    @Test func fileSizeLimitGivesEFBIGAndKeepsTheOriginal() throws {
        guard let bin = Safety.binary() else { return }
        let dir = Safety.scratch("efbig"); defer { Safety.remove(dir) }
        let input = "\(dir)/in.json", out = "\(dir)/out.json"
        Safety.write(input, Safety.bigBlueprint(size: 2_000_000))
        Safety.write(out, old)
        // ulimit -f counts 1024-byte blocks: 1 MB, half of what fmt has to write.
        let r = Safety.run(["/bin/bash", "-c", "ulimit -f 1024; exec \"$0\" fmt \"$1\" -o \"$2\"", bin, input, out])
        #expect(r.status == 73, "scened must survive SIGXFSZ and report the failure")
        #expect(r.err == "scened fmt: \(out): cannot write: File too large; \(out) is unchanged\n")
        #expect(Safety.read(out) == old)
        #expect(Safety.temporaries(in: dir).isEmpty)
    }

    @Test func inPlaceWriteRefusesAnExternalChangeUnlessForced() throws {
        guard let bin = Safety.binary() else { return }
        let dir = Safety.scratch("inplace"); defer { Safety.remove(dir) }
        let f = "\(dir)/a.json", edited = "\(dir)/edited.json"
        Safety.write(edited, new)
        let colleague = Array(#"{"name": "colleague", "flow": []}"#.utf8)
        for force in [false, true] {
            Safety.write(f, old)
            // The helper reads the file, then waits; the colleague saves; then it writes.
            let p = Process()
            p.executableURL = URL(fileURLWithPath: bin)
            p.arguments = ["__in-place", f, edited] + (force ? ["--force"] : [])
            let i = Pipe(), o = Pipe(), e = Pipe()
            p.standardInput = i; p.standardOutput = o; p.standardError = e
            try p.run()
            #expect(String(decoding: o.fileHandleForReading.availableData, as: UTF8.self) == "read\n")
            Safety.write(f, colleague)
            i.fileHandleForWriting.write(Data("go\n".utf8))
            p.waitUntilExit()
            let err = String(decoding: e.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            if force {
                #expect(p.terminationStatus == 0)
                #expect(Safety.read(f) == new)
            } else {
                #expect(p.terminationStatus == 75)
                #expect(err.contains("\(f): changed on disk since it was read (size \(old.count) → \(colleague.count) bytes"))
                #expect(err.contains("nothing written. Run the command again on the new version, or pass --force to overwrite it."))
                #expect(Safety.read(f) == colleague)
            }
        }
    }

    @Test func staleTemporariesOfDeadWritersAreRemovedOthersKept() throws {
        let dir = Safety.scratch("stale"); defer { Safety.remove(dir) }
        let f = "\(dir)/a.json"
        Safety.write(f, old)
        // A pid that surely is dead: a child that has exited and been reaped.
        let dead = Safety.run(["/bin/sh", "-c", "echo $$"]).out.trimmingCharacters(in: .whitespacesAndNewlines)
        let stale = ".a.json.scened-\(dead)-AbC123", mine = ".a.json.scened-\(getpid())-XyZ789"
        let alive = ".a.json.scened-1-QwE456", recover = ".a.json.scened-recover", other = ".b.json.scened-\(dead)-AbC123"
        for n in [stale, mine, alive, recover, other] { Safety.write("\(dir)/\(n)", [1]) }
        let removed = SafeSave.removeStaleTemporaries(for: f)
        #expect(removed == [stale])
        #expect(!FileManager.default.fileExists(atPath: "\(dir)/\(stale)"))
        for n in [mine, alive, recover, other] { #expect(FileManager.default.fileExists(atPath: "\(dir)/\(n)")) }
    }

    @Test func lockedTemporaryIsKeptEvenIfItsPidLooksDead() throws {
        let dir = Safety.scratch("locked"); defer { Safety.remove(dir) }
        let f = "\(dir)/a.json"
        let dead = Safety.run(["/bin/sh", "-c", "echo $$"]).out.trimmingCharacters(in: .whitespacesAndNewlines)
        let name = "\(dir)/.a.json.scened-\(dead)-LoCk3d"
        Safety.write(name, [1])
        let fd = open(name, O_RDONLY)
        #expect(flock(fd, LOCK_EX) == 0)
        #expect(SafeSave.removeStaleTemporaries(for: f).isEmpty, "a locked file is being written by someone")
        close(fd)
        #expect(SafeSave.removeStaleTemporaries(for: f).count == 1)
    }
}
