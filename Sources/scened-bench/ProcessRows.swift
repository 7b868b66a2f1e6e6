// Whole-process rows: opening (check) vs python and jq, peak memory, open → first
// frame (snapshot), the corpus batch, and save.
import BlueprintKit
import Glibc

func checkRows(_ table: inout Table, _ file: String) {
    let size = fileSize(file)
    let sizeMB = Double(size) / 1_000_000
    guard let s = measure([options.scened, "check", file], times: options.runs, okStatus: [0, 1]) else { return }
    var peers: [String] = []
    var met: Bool? = true
    var rssPeers: [String] = []
    let targets: [(name: String, argv: [String]?, factor: Double)] = [
        ("python3 json.load", which("python3").map { [$0, "-c", "import json,sys; json.load(open(sys.argv[1]))", file] }, 3),
        ("jq empty", which("jq").map { [$0, "empty", file] }, 5),
    ]
    for t in targets {
        guard let argv = t.argv else { peers.append("\(t.name): not installed, skipped"); continue }
        guard let p = measure(argv, times: options.runs) else { peers.append("\(t.name): failed"); continue }
        let ratio = p.seconds / s.seconds
        peers.append("\(t.name) \(fmt(sizeMB / p.seconds, 0)) MB/s (\(ms(p.seconds)), CPU \(ms(p.cpu))): scened **\(fmt(ratio, 1))×** faster (CPU \(fmt(p.cpu / s.cpu, 1))×, best runs \(fmt(p.best / s.best, 1))×)")
        if let rss = peakRSS(argv, times: 1) { rssPeers.append("\(t.name.split(separator: " ")[0]) \(fmt(Double(rss) / Double(size), 1))×") }
        if ratio < t.factor { met = false }
    }
    if options.rows.contains(1) {
        // the spread: (slowest − fastest) / median of scened's runs
        if s.spread >= 0.15 { met = false }
        table.add(1, "open \(mb(size)) (`scened check`, whole process)",
                  scened: "\(fmt(sizeMB / s.seconds, 0)) MB/s (\(ms(s.seconds)), CPU \(ms(s.cpu)); best of \(options.runs) \(ms(s.best)), worst \(ms(s.worst)): spread \(fmt(s.spread * 100, 0)) %)", peers: peers.joined(separator: "; "),
                  target: "≥3× python, ≥5× jq, spread <15 %", met: met)
    }
    if options.rows.contains(5), let rss = peakRSS([options.scened, "check", file], times: 3, okStatus: [0, 1]) {
        let multiple = Double(rss) / Double(size)
        table.add(5, "peak RSS opening \(mb(size)) (`scened check`)",
                  scened: "\(mb(rss)) = \(fmt(multiple, 1))× file", peers: rssPeers.joined(separator: "; "),
                  target: "≤1.2× file size", met: multiple <= 1.2)
    }
}

func openRows(_ table: inout Table, _ file5: String, _ corpus: [String]) {
    var inputs: [(String, String, Bool)] = []
    if let largest = corpus.max(by: { fileSize($0) < fileSize($1) }) {
        inputs.append((largest, "largest corpus file, \(mb(fileSize(largest)))", false))
    } else {
        table.note("row 2: no corpus, the largest-corpus-file measurement is skipped")
    }
    inputs.append((file5, "generated \(mb(fileSize(file5)))", true))
    for (f, label, targeted) in inputs {
        guard let r = measure([options.scened, "snapshot", f, "--size", "120x40"], times: options.runs) else { continue }
        table.add(2, "open → first frame, \(label) (`scened snapshot`, whole process)", scened: "\(ms(r.seconds)) (CPU \(ms(r.cpu)))",
                  target: targeted ? "<50 ms" : "", met: targeted ? r.seconds < 0.050 : nil)
    }
}

func corpusRow(_ table: inout Table, _ files: [String]) {
    guard !files.isEmpty else { table.note("row 6: no corpus at \(options.corpus); skipped"); return }
    let total = files.reduce(0) { $0 + fileSize($1) }
    guard let s = measure([options.scened, "check"] + files, times: options.runs, okStatus: [0, 1]) else { return }
    var peers: [String] = []
    if let jq = which("jq") {
        if let p = measure([jq, "empty"] + files, times: options.runs) {
            peers.append("`jq empty` on the same files \(ms(p.seconds)): scened **\(fmt(p.seconds / s.seconds, 1))×** faster")
        }
    } else { peers.append("jq: not installed, skipped") }
    if let py = which("python3") {
        if let p = measure([py, "-c", "import json,sys\nfor f in sys.argv[1:]: json.load(open(f))"] + files, times: options.runs) {
            peers.append("python3 json.load \(ms(p.seconds)): \(fmt(p.seconds / s.seconds, 1))×")
        }
    }
    table.add(6, "`scened check` over the corpus (\(files.count) files, \(mb(total)))", scened: ms(s.seconds),
              peers: peers.joined(separator: "; "))
}

func saveRows(_ table: inout Table, _ file5: String) {
    // In-process: one edit through an EditSession, then SafeSave (temp file, fsync, rename, fsync dir).
    let work = "\(options.dir)/save-5MB.json"
    guard let text = readFileText(file5), let bp = try? Blueprint(bytes: Array(text.utf8)),
          let m = bp.modules.first(where: { $0.label != nil }),
          let labelNode = bp.document.node(at: JSONPath([.key("metadata"), .key("designer"), .key("name")]), from: m.node) else {
        table.note("row 7: cannot prepare the edit")
        return
    }
    var times: [Double] = []
    for i in 0..<options.runs {
        guard writeFile(Array(text.utf8), work) else { return }
        var session = EditSession(document: bp.document)
        let t0 = now()
        do {
            _ = try session.perform("rename") { (ed: inout JSONEditor) throws(JSONEditError) in
                try ed.apply([ed.document.replaceValue(labelNode, with: .string("Edited \(i) · geändert"))])
            }
            try SafeSave.write(session.document.bytes.array, to: work)
        } catch {
            table.note("row 7: save failed: \(error)")
            return
        }
        times.append(now() - t0)
    }
    times.sort()
    table.add(7, "save \(mb(fileSize(file5))) after one edit (in-process: edit + SafeSave write, fsync, rename)",
              scened: ms(times[times.count / 2]))
    // Whole process: `scened set -i` = read, parse, edit, save.
    var wall: [Double] = []
    for i in 0..<options.runs {
        guard writeFile(Array(text.utf8), work) else { return }
        let r = runChild([options.scened, "set", work, String(m.id ?? 1), "label=Edited \(i)", "-i"])
        guard r.status == 0 else { table.note("row 7: scened set -i exited with \(r.status)"); return }
        wall.append(r.seconds)
    }
    wall.sort()
    table.add(7, "same, whole process (`scened set -i FILE ID label=…`: read, parse, edit, save)", scened: ms(wall[wall.count / 2]))
    unlink(work)
}

/// Row 8: upgrade-all on the 5 MB and the 50 MB file, whole process, with peak RSS. Each
/// module is its own undoable step, as if planned against the document the previous left;
/// the 50 MB run (about 9× the modules) must take at most 15× the 5 MB time.
func upgradeRows(_ table: inout Table, _ file5: String, _ file50: String) {
    var time5: Double? = nil
    for (file, runs) in [(file5, options.runs), (file50, max(1, min(3, options.runs)))] {
        let argv = [options.scened, "upgrade", file, "-o", "/dev/null"]
        guard let r = measure(argv, times: runs), let rss = peakRSS(argv, times: 1) else { continue }
        let modules = (try? Blueprint(bytes: Array((readFileText(file) ?? "").utf8), scanReferences: false))
            .map { CheckReport(blueprint: $0, catalog: .shipped).counts[.upgradable] ?? 0 } ?? 0
        let size = fileSize(file)
        let multiple = Double(rss) / Double(size)
        var scened = "\(ms(r.seconds)) (CPU \(ms(r.cpu))), peak RSS \(mb(rss)) = \(fmt(multiple, 1))× file"
        var target = ""                           // the targets are the 50 MB file's
        var met: Bool? = nil
        if let t5 = time5 {
            let ratio = r.seconds / t5
            scened += "; **\(fmt(ratio, 1))×** the 5 MB time"
            target = "≤15× the 5 MB time, RSS ≤8× file"
            met = multiple <= 8 && ratio <= 15
        } else {
            time5 = r.seconds
        }
        table.add(8, "upgrade all \(modules) upgradable modules of \(mb(size)) (`scened upgrade`, whole process, median of \(runs))",
                  scened: scened, target: target, met: met)
    }
}
