// The result table, printed as Markdown so that it can go into README.md as is.

struct Table {
    struct Row {
        var number: Int
        var what: String
        var scened: String
        var peers: String
        var target: String
        var met: Bool?
    }
    private(set) var rows: [Row] = []
    private(set) var notes: [String] = []

    mutating func add(_ number: Int, _ what: String, scened: String, peers: String = "", target: String = "", met: Bool? = nil) {
        rows.append(Row(number: number, what: what, scened: scened, peers: peers, target: target, met: met))
        // Progress on stderr, so a long run shows where it is.
        printErr("[\(number)] \(what): \(scened)\(peers.isEmpty ? "" : " | \(peers)")")
    }

    mutating func note(_ s: String) { notes.append(s) }

    func render() -> String {
        var out = "| # | measurement | scened | compared with | target | met |\n|---|---|---|---|---|---|\n"
        for r in rows.sorted(by: { $0.number < $1.number }) {
            let met = r.met.map { $0 ? "yes" : "**no**" } ?? ""
            out += "| \(r.number) | \(r.what) | \(r.scened) | \(r.peers) | \(r.target) | \(met) |\n"
        }
        // Paths relative to the package, so that the table can be pasted into README.md.
        for n in notes { out += "\n- \(n.replacingOccurrences(of: packageRoot + "/", with: ""))" }
        return out + "\n"
    }
}

/// `*.json` files of a directory, sorted by name (empty when it does not exist).
func listJSON(_ dir: String) -> [String] {
    guard let d = opendir(dir) else { return [] }
    defer { closedir(d) }
    var out: [String] = []
    while let e = readdir(d) {
        let name = withUnsafePointer(to: e.pointee.d_name) { p in
            p.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
        }
        if name.hasSuffix(".json") { out.append("\(dir)/\(name)") }
    }
    return out.sorted()
}

import Glibc

extension String {
    func replacingOccurrences(of a: String, with b: String) -> String { split(separator: a, omittingEmptySubsequences: false).joined(separator: b) }
}
