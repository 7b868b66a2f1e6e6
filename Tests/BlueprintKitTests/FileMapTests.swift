// Opening without a copy (FileIO.documentBytes): a mapped file gives the same document
// as a read one; standard input, devices and small files are read; and a file truncated
// or rewritten while it is mapped never crashes (SIGBUS is caught for our mappings), and
// says so through `fileChanged`.
import Foundation
import Testing
@testable import BlueprintKit

@Suite struct FileMapTests {
    func temporaryFile(_ bytes: [UInt8]) -> String {
        let path = NSTemporaryDirectory() + "scened-map-\(getpid())-\(UUID().uuidString.prefix(8)).json"
        _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }

    /// A blueprint of about `size` bytes: modules with long strings, so it spans many pages.
    func bigBlueprint(_ size: Int) -> [UInt8] {
        var text = "{\"name\": \"big\", \"flow\": [\n"
        var id = 1
        while text.utf8.count < size {
            if id > 1 { text += ",\n" }
            text += "  {\"id\": \(id), \"module\": \"util:SetVariable\", \"version\": 1, \"mapper\": {\"name\": \"v\(id)\", \"scope\": \"roundtrip\", \"value\": \"\(String(repeating: "Grüße \\\"x\\\" {{1.value}} ", count: 40))\"}}"
            id += 1
        }
        return Array((text + "\n]}\n").utf8)
    }

    @Test(arguments: Corpus.openable)
    func mappedFileGivesTheSameDocumentAsReadingIt(_ file: String) throws {
        guard Corpus.available else { return }
        let path = Corpus.url(file).path
        let mapped = try FileIO.documentBytes(path, mapAbove: 0)
        #expect(mapped.isMapped)
        let read = try FileIO.read(path)
        #expect(mapped == read)
        let a = try Blueprint(bytes: mapped), b = try Blueprint(bytes: read)
        #expect(a.document.nodes.count == b.document.nodes.count)
        #expect(a.document.value(a.document.root) == b.document.value(b.document.root))
        #expect(a.modules.map(\.name) == b.modules.map(\.name))
        #expect(a.references == b.references)
        #expect(!mapped.fileChanged)
    }

    @Test func bigFilesAreMappedSmallOnesAndDevicesRead() throws {
        let big = temporaryFile(bigBlueprint(FileIO.mapThreshold + 4096))
        let small = temporaryFile(Array("{\"flow\": []}".utf8))
        defer { unlink(big); unlink(small) }
        #expect(try FileIO.documentBytes(big).isMapped)
        #expect(try !FileIO.documentBytes(small).isMapped)
        #expect(try !FileIO.documentBytes("/dev/null").isMapped)
        #expect(throws: FileError.self) { try FileIO.documentBytes("/nonexistent/x.json") }
    }

    @Test func truncatedWhileMappedDoesNotCrash() throws {
        let original = bigBlueprint(3 << 20)
        let path = temporaryFile(original)
        defer { unlink(path) }
        let bytes = try FileIO.documentBytes(path, mapAbove: 0)
        let bp = try Blueprint(bytes: bytes)
        #expect(!bytes.fileChanged)
        #expect(truncate(path, 100) == 0)                  // another program cuts the file
        // Every byte, every string and the whole model are read again: pages past the new
        // end read as zeros instead of raising SIGBUS.
        var sum = 0
        for b in bytes { sum &+= Int(b) }
        let labels = bp.modules.map { bp.document.string($0.node, "module") }
        let values = bp.document.value(bp.document.root)
        _ = try? Blueprint(bytes: bytes)
        #expect(bytes.fileChanged)
        #expect(labels.count == bp.modules.count)
        _ = values
        // Saving what it holds is up to the caller, which sees `fileChanged`; a copy taken
        // now has the zeros where the file was cut, and never faults.
        let copy = bytes.array
        #expect(copy.count == original.count)
        #expect(copy[original.count - 1] == 0)
    }

    /// Parsing, the module walk and `check`'s status pass release the mapped pages they have
    /// gone past (ResidentWindow, a few MB at a time); reading them again maps the file's
    /// bytes back, so the model and the report are the read file's.
    @Test func releasingPagesBehindThePassesKeepsEverythingTheSame() throws {
        let original = bigBlueprint(6 * ResidentWindow.span)
        let path = temporaryFile(original)
        defer { unlink(path) }
        let mapped = try FileIO.documentBytes(path, mapAbove: 0)
        #expect(mapped.isMapped)
        var window = ResidentWindow(mapped)
        #expect(window.next == ResidentWindow.span)
        window.passed(original.count)
        #expect(window.next > original.count)             // released everything before the end
        let a = try Blueprint(bytes: mapped), b = try Blueprint(bytes: original)
        #expect(a.modules.count > 1000)
        #expect(a.modules.map(\.name) == b.modules.map(\.name))
        #expect(a.modules.map(\.label) == b.modules.map(\.label))
        #expect(a.references == b.references)
        let ra = CheckReport(blueprint: a, catalog: .shipped), rb = CheckReport(blueprint: b, catalog: .shipped)
        #expect(ra.counts == rb.counts)
        #expect(mapped.array == original)                  // every byte reads back after its release
        #expect(!mapped.fileChanged)
        // memory of the document's own is never released
        #expect(ResidentWindow(JSONBytes(original)).next == .max)
    }

    @Test func rewrittenWhileMappedIsNoticed() throws {
        let path = temporaryFile(bigBlueprint(2 << 20))
        defer { unlink(path) }
        let bytes = try FileIO.documentBytes(path, mapAbove: 0)
        _ = try Blueprint(bytes: bytes)
        usleep(10_000)
        // same size, other content, written in place (no rename)
        let fd = open(path, O_WRONLY)
        #expect(fd >= 0)
        _ = pwrite(fd, "X", 1, 40)
        close(fd)
        #expect(bytes.fileChanged)
    }
}
