// Row 3: keystroke → frame inside one process, with the editor's own code path:
// Editor.handle, EditorView.render into a ScreenBuffer, and CursesScreen.present
// (real ncurses, headless: output to /dev/null) — what the live loop does per key.
import BlueprintKit
import CursesTerminal
import EditorUI
import Glibc

@MainActor
func keystrokeRow(_ table: inout Table, _ file: String) {
    guard let text = readFileText(file) else { return }
    let editor: Editor
    do { editor = try Editor(bytes: Array(text.utf8), path: file) } catch {
        table.note("row 3: cannot open \(file): \(error)")
        return
    }
    let width = 120, height = 40
    setenv("TERM", "xterm-256color", 1)
    setenv("LC_ALL", "C.UTF-8", 1)
    setenv("LINES", "\(height)", 1)
    setenv("COLUMNS", "\(width)", 1)
    guard let devnull = fopen("/dev/null", "w"), let devnullIn = fopen("/dev/null", "r") else { return }
    defer { fclose(devnull); fclose(devnullIn) }
    let screen: CursesScreen
    do { screen = try CursesScreen(theme: .default, forceMono: false, input: devnullIn, output: devnull) } catch {
        table.note("row 3: headless ncurses failed: \(error)")
        return
    }
    defer { screen.shutdown() }

    // A search to repeat with n/N, typed before the clock starts.
    for k in "/slack".map({ Key.char($0) }) + [Key.enter] { editor.handle(k) }
    screen.present(EditorView.render(editor, width: width, height: height))

    // The key mix: moves, pages, search next/previous, expand/collapse (Enter twice).
    var rng: UInt64 = 0x9E37_79B9_7F4A_7C15
    func roll() -> Int { rng = rng &* 6364136223846793005 &+ 1442695040888963407; return Int((rng >> 33) % 100) }
    var keys: [Key] = []
    while keys.count < options.keys {
        switch roll() {
        case 0..<35: keys.append(.char("j"))
        case 35..<50: keys.append(.char("k"))
        case 50..<60: keys.append(.pageDown)
        case 60..<65: keys.append(.pageUp)
        case 65..<80: keys.append(.char("n"))
        case 80..<85: keys.append(.char("N"))
        default: keys += [.enter, .enter]
        }
    }
    keys = Array(keys.prefix(options.keys))

    var render: [Double] = [], full: [Double] = [], cpu: [Double] = []
    render.reserveCapacity(keys.count); full.reserveCapacity(keys.count)
    for k in keys {
        let c0 = threadCPU()
        let t0 = now()
        editor.handle(k)
        let buf = EditorView.render(editor, width: width, height: height)
        let t1 = now()
        screen.present(buf)
        let t2 = now()
        cpu.append(threadCPU() - c0)
        render.append(t1 - t0)
        full.append(t2 - t0)
    }
    func pct(_ a: [Double], _ p: Int) -> Double { let s = a.sorted(); return s[min(s.count - 1, s.count * p / 100)] }
    let p99 = pct(full, 99)
    var byKey: [String: [Double]] = [:]
    for (k, t) in zip(keys, full) { byKey[k.displayName(ascii: true), default: []].append(t) }
    table.note("row 3 by key (p50 / p99 / max): " + byKey.sorted { $0.key < $1.key }.map {
        "\($0.key) \(ms(pct($0.value, 50))) / \(ms(pct($0.value, 99))) / \(ms($0.value.max() ?? 0))"
    }.joined(separator: ", "))
    table.add(3, "keystroke → frame, \(editor.blueprint.modules.count) modules, \(keys.count) mixed keys (move, page, n/N, expand), 120×40",
              scened: "p50 \(ms(pct(full, 50))), p99 \(ms(p99)), max \(ms(full.max() ?? 0))",
              peers: "CPU time of the same keys: p50 \(ms(pct(cpu, 50))), p99 \(ms(pct(cpu, 99))); without ncurses (handle + render only): p50 \(ms(pct(render, 50))), p99 \(ms(pct(render, 99)))",
              target: "p99 <2 ms", met: p99 < 0.002)
}

/// CPU seconds used by this thread (unaffected by other processes taking the CPU).
func threadCPU() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}
