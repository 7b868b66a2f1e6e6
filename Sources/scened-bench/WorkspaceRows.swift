// Row 9: a workspace of 1,000 generated scenarios (BlueprintGen, 10 to 59 modules each):
// opening it as a scenario list (`scened snapshot DIR`, the whole process, and the scan
// in-process with the catalog already loaded), and scrolling the list: the list's key
// handling and frame (Workspace.handle + WorkspaceView.render) per key.
import BlueprintGen
import BlueprintKit
import EditorUI
import Glibc

/// The generated folder (files rewritten only when their bytes differ).
func workspaceFolder(count: Int) -> String {
    let dir = "\(options.dir)/workspace-\(count)"
    mkdir(dir, 0o755)
    for i in 0..<count {
        let path = "\(dir)/scenario-\(i < 10 ? "000" : i < 100 ? "00" : i < 1000 ? "0" : "")\(i).json"
        let bytes = BlueprintGenerator.generate(seed: options.seed &+ UInt64(i), target: .modules(10 + i % 50))
        if fileSize(path) != bytes.count { _ = writeFile(bytes, path) }
    }
    return dir
}

@MainActor
func workspaceRows(_ table: inout Table) {
    let count = 1000
    let dir = workspaceFolder(count: count)
    let files = FileIO.jsonFiles(under: dir)
    let whole = measure([options.scened, "snapshot", dir, "--size", "120x40"], times: options.runs)
    let services = EditorServices(catalog: .shipped)
    _ = services.catalog.status(module: "slack:CreateMessage", version: 4)   // the catalog is loaded before the clock starts
    var scans: [Double] = []
    var w: Workspace?
    for _ in 0..<options.runs {
        let t0 = now()
        let ws = Workspace(title: dir, files: files, fromFolder: Set(files), services: services)
        _ = WorkspaceView.render(ws, width: 120, height: 40)
        scans.append(now() - t0)
        w = ws
    }
    guard let w else { return }
    let rescan0 = now()
    _ = w.scanner.scan(files, fromFolder: Set(files))
    let rescan = now() - rescan0
    let modules = w.entries.reduce(0) { $0 + $1.summary.moduleCount }
    let scan = scans.sorted()[scans.count / 2]
    let open = whole?.seconds ?? scan
    table.add(9, "open a folder of \(count) scenarios (\(modules) modules) as the scenario list",
              scened: "\(ms(open)) whole process (`scened snapshot DIR`, catalog load included)",
              peers: "scan + first frame in-process, catalog loaded: \(ms(scan)) (median of \(options.runs)); rescan of unchanged files (stamps): \(ms(rescan))",
              target: "<1 s", met: open < 1.0)

    var rng: UInt64 = 0x2545_F491_4F6C_DD1D
    func roll() -> Int { rng = rng &* 6364136223846793005 &+ 1442695040888963407; return Int((rng >> 33) % 100) }
    var keys: [Key] = []
    while keys.count < options.keys {
        switch roll() {
        case 0..<45: keys.append(.char("j"))
        case 45..<75: keys.append(.char("k"))
        case 75..<88: keys.append(.pageDown)
        case 88..<97: keys.append(.pageUp)
        default: keys.append(roll() < 50 ? .char("G") : .char("g"))
        }
    }
    var times: [Double] = []
    times.reserveCapacity(keys.count)
    for k in keys {
        let t0 = now()
        w.handle(k)
        _ = WorkspaceView.render(w, width: 120, height: 40)
        times.append(now() - t0)
    }
    let s = times.sorted()
    let p99 = s[min(s.count - 1, s.count * 99 / 100)]
    table.add(9, "scroll the list of \(count) scenarios, \(keys.count) keys (j, k, PgDn, PgUp, g, G), 120×40",
              scened: "p50 \(ms(s[s.count / 2])), p99 \(ms(p99)), max \(ms(s.last ?? 0))",
              peers: "handle + render into the screen buffer (terminal output as in row 3 not included)",
              target: "p99 <2 ms", met: p99 < 0.002)
}
