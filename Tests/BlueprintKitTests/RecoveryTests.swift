// Recovery files: written by the real SIGHUP/SIGTERM handler in a separate
// process, found and loaded back, refused when damaged, and removed after a save.
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import BlueprintKit

@Suite struct RecoveryTests {
    let original = Array(#"{"name": "Before", "flow": []}"#.utf8)
    let edited = Array("{\"name\": \"After \u{1F600}\", \"flow\": [{\"id\": 1, \"module\": \"json:ParseJSON\"}]}".utf8)

    /// Starts `scened __recovery ARG EDITED`, waits for `ready`, sends `sig`; returns stdout.
    func signalHelper(_ bin: String, _ arg: String, edited: String, sig: Int32, env: [String: String] = [:]) throws -> (out: String, signal: Int32) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: bin)
        p.arguments = ["__recovery", arg, edited]
        p.environment = ProcessInfo.processInfo.environment.merging(env) { $1 }
        let o = Pipe()
        p.standardOutput = o
        try p.run()
        var out = String(decoding: o.fileHandleForReading.availableData, as: UTF8.self)
        #expect(out == "ready\n")
        kill(p.processIdentifier, sig)
        p.waitUntilExit()
        out += String(decoding: o.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        return (out, p.terminationReason == .uncaughtSignal ? p.terminationStatus : 0)
    }

    @Test(arguments: [SIGHUP, SIGTERM])
    func signalWritesARecoveryFileNextToTheOriginal(sig: Int32) throws {
        guard let bin = Safety.binary() else { return }
        let dir = Safety.scratch("rec"); defer { Safety.remove(dir) }
        let f = "\(dir)/scenario.json", e = "\(dir)/edited.bin"
        Safety.write(f, original); Safety.write(e, edited)
        let r = try signalHelper(bin, f, edited: e, sig: sig)
        #expect(r.signal == sig, "the editor must die of the signal it got")
        #expect(r.out.hasSuffix("terminal restored\n"), "the terminal hook must run")
        #expect(FileManager.default.fileExists(atPath: "\(dir)/.scenario.json.scened-recover"))
        let found = try #require(Recovery.find(for: f))
        #expect(found.path == "\(dir)/.scenario.json.scened-recover")
        #expect(found.header.originalPath == f)
        #expect(found.header.originalStamp?.sameContent(as: FileStamp(bytes: original)) == true)
        #expect(found.header.length == edited.count)
        #expect(try found.load() == edited, "the recovered document must be the edits, byte for byte")
        #expect(found.originalUnchanged() == true)
        #expect(try found.diff(from: original, name: "scenario.json").contains("+{\"name\": \"After"))
        Safety.write(f, Array(#"{"name": "colleague", "flow": []}"#.utf8))
        #expect(found.originalUnchanged() == false, "a changed original must be noticed before recovering over it")
        found.discard()
        #expect(Recovery.find(for: f) == nil)
        #expect(Safety.temporaries(in: dir).isEmpty)
    }

    @Test func demoRecoveryGoesToTheStateDirectory() throws {
        guard let bin = Safety.binary() else { return }
        let state = Safety.scratch("state"); defer { Safety.remove(state) }
        let e = "\(state)/edited.bin"
        Safety.write(e, edited)
        _ = try signalHelper(bin, "--demo", edited: e, sig: SIGHUP, env: ["XDG_STATE_HOME": state])
        let bytes = try #require(Safety.read("\(state)/scened/demo.scened-recover"))
        let parsed = try Recovery.parse(bytes, path: "demo")
        #expect(parsed.header.originalPath == nil && parsed.header.originalStamp == nil)
        #expect(Array(bytes[parsed.bodyOffset...]) == edited)
    }

    @Test func unwritableDirectoryFallsBackToTheStateDirectory() throws {
        guard let bin = Safety.binary(), FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else { return }
        let dir = Safety.scratch("rodir"); defer { Safety.remove(dir) }
        let state = Safety.scratch("state2"); defer { Safety.remove(state) }
        chown(state, 65534, 65534)
        let f = "\(dir)/a.json", e = "\(dir)/edited.bin"
        Safety.write(f, original); Safety.write(e, edited)
        chmod(f, 0o644); chmod(e, 0o644)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        p.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", bin, "__recovery", f, e]
        p.environment = ["XDG_STATE_HOME": state, "PATH": "/usr/bin:/bin"]
        let o = Pipe()
        p.standardOutput = o
        try p.run()
        #expect(String(decoding: o.fileHandleForReading.availableData, as: UTF8.self) == "ready\n")
        kill(p.processIdentifier, SIGTERM)
        p.waitUntilExit()
        #expect(!FileManager.default.fileExists(atPath: "\(dir)/.a.json.scened-recover"))
        let expected = "\(state)/scened/" + f.map { $0 == "/" ? "%" : String($0) }.joined() + ".scened-recover"
        #expect(Recovery.fallbackPath(for: f) == expected.replacingOccurrences(of: "\(state)/scened", with: Recovery.stateDirectory()))
        let bytes = try #require(Safety.read(expected))
        let parsed = try Recovery.parse(bytes, path: expected)
        #expect(parsed.header.originalPath == f && Array(bytes[parsed.bodyOffset...]) == edited)
    }

    @Test func writerLifecycleInProcess() throws {
        let dir = Safety.scratch("life"); defer { Safety.remove(dir) }
        let f = "\(dir)/a.json"
        Safety.write(f, original)
        let w = RecoveryWriter(for: f, stamp: try FileStamp.of(f))
        #expect(!w.writeNow(), "nothing unsaved: nothing to write")
        w.update(document: Array("[1]".utf8))
        w.update(document: edited)   // replaces (and frees) the first snapshot
        #expect(w.writeNow())
        #expect(try Recovery.find(for: f)?.load() == edited)
        // A successful save: the file goes away and a signal would write nothing.
        let stamp = try SafeSave.write(edited, to: f, expecting: FileStamp.of(f))
        w.saved(stamp: stamp)
        #expect(Recovery.find(for: f) == nil)
        #expect(!w.writeNow())
        // Later edits are based on the saved version.
        w.update(document: original)
        #expect(w.writeNow())
        #expect(Recovery.find(for: f)?.header.originalStamp == stamp)
        w.finish()
        #expect(Recovery.find(for: f) == nil)
    }

    @Test func damagedAndForeignRecoveryFiles() throws {
        let dir = Safety.scratch("dmg"); defer { Safety.remove(dir) }
        let f = "\(dir)/a.json"
        Safety.write(f, original)
        let rec = "\(dir)/.a.json.scened-recover"
        let header = RecoveryHeader(originalPath: f, originalStamp: FileStamp(bytes: original), time: 5, pid: 77, length: edited.count)
        // Cut short (the handler was killed mid-write of an older format without rename).
        Safety.write(rec, header.line + edited.dropLast(3))
        let found = try #require(Recovery.find(for: f), "a damaged file is still offered, so it can be discarded")
        #expect(throws: RecoveryError.self) { try found.load() }
        do { _ = try found.load() } catch {
            #expect(error.message == "incomplete recovery file: \(edited.count - 3) of \(edited.count) document bytes")
        }
        Safety.write(rec, Array("garbage without a header".utf8))
        #expect(Recovery.find(for: f) != nil)
        do { _ = try Recovery.find(for: f)?.load() } catch { #expect(error.message == "not a usable recovery file: no header line") }
        // A recovery file that names another original is not offered for this one.
        let other = RecoveryHeader(originalPath: "\(dir)/other.json", originalStamp: nil, time: 5, pid: 77, length: 2)
        Safety.write(rec, other.line + Array("[]".utf8))
        #expect(Recovery.find(for: f) == nil)
    }

    @Test func headerRoundTrip() throws {
        let h = RecoveryHeader(originalPath: "/a \"b\"/c.json", originalStamp: FileStamp(size: 3, mtimeSec: 1_700_000_000, mtimeNsec: 5, hash: 0xdead_beef),
                               time: 1_700_000_001, pid: 4242, length: 2)
        let line = String(decoding: h.line, as: UTF8.self)
        #expect(line == #"{"scened-recovery":1,"path":"/a \"b\"/c.json","size":3,"mtime":"1700000000.5","hash":"00000000deadbeef","time":1700000001,"pid":4242,"length":2}"# + "\n")
        #expect(try Recovery.parse(h.line + Array("[]".utf8), path: "x").header == h)
    }
}
