// `-i` when the command changes nothing (`upgrade -i` on a current scenario, a `set` to
// the value already there): the file is left alone — same inode, mtime and hard links —
// instead of being rewritten with identical bytes. Found by the QA pass.
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import BlueprintKit

@Suite struct InPlaceNoChangeTests {
    static let current = Array("""
    {
        "name": "current",
        "flow": [
            {"id": 1, "module": "http:MakeRequest", "version": 4, "parameters": {},
             "mapper": {"url": "https://example.com", "method": "get"}}
        ],
        "metadata": {"version": 1}
    }

    """.utf8)

    func inode(_ p: String) -> (ino: UInt, mtime: Int, links: UInt) {
        var st = stat()
        _ = stat(p, &st)
        return (UInt(st.st_ino), st.st_mtim.tv_sec * 1_000_000_000 + st.st_mtim.tv_nsec, UInt(st.st_nlink))
    }

    @Test func nothingToDoLeavesTheFileAlone() throws {
        guard let bin = Safety.binary() else { return }
        let dir = Safety.scratch("nochange"); defer { Safety.remove(dir) }
        let env = ["XDG_CONFIG_HOME": dir, "HOME": dir]
        let f = "\(dir)/a.json"
        Safety.write(f, Self.current)
        link(f, "\(dir)/hardlink.json")
        let before = inode(f)
        for args in [["upgrade", f, "-i"], ["set", f, "1", "mapper.method=get", "-i"]] {
            let r = Safety.run([bin] + args, env: env)
            #expect(r.status == 0, "\(r.err)")
            let after = inode(f)
            #expect(after.ino == before.ino && after.mtime == before.mtime && after.links == 2, "\(args[0])")
            #expect(Safety.read(f) == Self.current)
        }
        // a real change still writes
        let r = Safety.run([bin, "set", f, "1", "mapper.method=post", "-i"], env: env)
        #expect(r.status == 0, "\(r.err)")
        #expect(Safety.read(f) != Self.current)
    }
}
