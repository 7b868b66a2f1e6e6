// Faulting in the node tape of a big document on another core, just ahead of the
// parser. Fresh memory is expensive on first touch here (the kernel zeroes each page,
// and a VM's host may have to back it first): for a 50 MB file the tape's faults were
// about a tenth of `scened check`, all on the parsing thread. `MADV_POPULATE_WRITE`
// (Linux 5.14+) makes the kernel fault the pages in without touching their contents,
// so it never races with the parser's writes; on older kernels it fails and the
// parser simply faults the pages itself.
import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

final class TapePrefault: @unchecked Sendable {   // the raw pointer is only handed to madvise
    /// Inputs smaller than this are parsed before a helper thread would get going.
    static let minimumInput = 8 << 20

    /// Tape bytes the parser has written so far (updated every few thousand nodes).
    let progress = Atomic<Int>(0)
    private let done = Atomic<Bool>(false)
    private let group = DispatchGroup()

    /// Faults in `start..<start+length` (page-aligned inward), staying `lead` bytes
    /// ahead of `progress`. Returns nil where the kernel cannot do it.
    init?(start: UnsafeMutableRawPointer, length: Int, lead: Int = 8 << 20) {
        #if os(Linux)
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let first = (Int(bitPattern: start) + page - 1) & ~(page - 1)
        let end = (Int(bitPattern: start) + length) & ~(page - 1)
        guard end > first else { return nil }
        let span = end - first, base = first, skipped = first - Int(bitPattern: start)
        DispatchQueue.global().async(group: group) { [self] in
            var populated = 0
            while populated < span && !done.load(ordering: .relaxed) {
                let want = min(span, max(0, progress.load(ordering: .relaxed) - skipped) + lead)
                if want > populated {
                    let ptr = UnsafeMutableRawPointer(bitPattern: base + populated)!
                    if madvise(ptr, want - populated, 23 /* MADV_POPULATE_WRITE */) != 0 { return }
                    populated = want
                } else {
                    usleep(100)
                }
            }
        }
        #else
        return nil
        #endif
    }

    /// Stops the helper and waits for it (before the tape may move or be freed).
    func finish() {
        done.store(true, ordering: .relaxed)
        group.wait()
    }
}
