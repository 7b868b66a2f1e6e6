// scened-bench: the performance table of README.md ("Performance").
//
//   swift build -c release && swift run -c release scened-bench
//
// Generates its inputs with BlueprintGen (5 MB, 50 MB, 10,000 modules; fixed seed),
// runs the release `scened` next to this executable as a child process for the
// whole-process rows, drives the editor in-process for keystroke latency, and runs
// scened under tmux (a real pty) to count the bytes each key sends to the terminal.
import BlueprintGen
import BlueprintKit
import Glibc

let packageRoot: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)                                   // Sources/scened-bench/main.swift
    return parts.joined(separator: "/")
}()

struct Options {
    var scened = executableDirectory() + "/scened"
    var dir = packageRoot + "/.build/bench"
    var corpus = packageRoot + "/../shared/corpus/blueprints"
    var seed: UInt64 = 2026
    var runs = 5
    var keys = 10_000
    var rows: Set<Int> = Set(1...9)
}

func parseOptions() -> Options {
    var o = Options()
    var args = Array(CommandLine.arguments.dropFirst())
    func value(_ name: String) -> String {
        guard !args.isEmpty else { printErr("scened-bench: \(name) needs a value"); exit(64) }
        return args.removeFirst()
    }
    while !args.isEmpty {
        let a = args.removeFirst()
        switch a {
        case "--scened": o.scened = value(a)
        case "--dir": o.dir = value(a)
        case "--corpus": o.corpus = value(a)
        case "--seed": o.seed = UInt64(value(a)) ?? o.seed
        case "--runs": o.runs = max(1, Int(value(a)) ?? o.runs)
        case "--keys": o.keys = max(100, Int(value(a)) ?? o.keys)
        case "--rows": o.rows = Set(value(a).split(separator: ",").compactMap { Int($0) })
        case "-h", "--help":
            print("""
            usage: swift run -c release scened-bench [--rows 1,2,...] [--runs N] [--keys N] [--seed N]
                                                     [--scened PATH] [--dir DIR] [--corpus DIR]
              Needs the release scened next to it: swift build -c release first.
              --rows    which rows of the table to measure (default all, 1-9)
              --runs    runs per whole-process measurement; the median is shown (default 5)
              --keys    keystrokes for the latency row (default 10000)
              --dir     where the generated blueprints go (default .build/bench)
              --corpus  the corpus for rows 2 and 6 (default ../shared/corpus/blueprints)
            """)
            exit(0)
        default: printErr("scened-bench: unknown argument '\(a)' (try --help)"); exit(64)
        }
    }
    return o
}

// `scened-bench --rss-of CMD...` (used by row 5): runs CMD from this fresh, small process and
// prints its peak RSS in bytes. wait4() reports, for a child started by posix_spawn (vfork),
// the larger of the child's peak and the parent's RSS at the time: Linux carries the
// parent's high-water mark through exec. A grandchild of a small helper measures clean.
if CommandLine.arguments.count > 2 && CommandLine.arguments[1] == "--rss-of" {
    let r = runChild(Array(CommandLine.arguments.dropFirst(2)))
    print("\(r.status) \(r.maxRSS)")
    exit(0)
}

let options = parseOptions()
#if DEBUG
printErr("scened-bench: this is a debug build; numbers are meaningless. Use: swift run -c release scened-bench")
#endif
guard access(options.scened, X_OK) == 0 else {
    printErr("scened-bench: no scened binary at \(options.scened). Build it first: swift build -c release")
    exit(66)
}
mkdir(options.dir, 0o755)

/// Generates (or reuses, when the bytes are the same) one input file.
func input(_ name: String, _ target: GeneratorTarget) -> String {
    let path = "\(options.dir)/\(name)"
    let bytes = BlueprintGenerator.generate(seed: options.seed, target: target)
    if fileSize(path) != bytes.count || readFileText(path).map({ Array($0.utf8) != bytes }) ?? true {
        guard writeFile(bytes, path) else { printErr("scened-bench: cannot write \(path)"); exit(73) }
    }
    return path
}

let start = now()
let file5 = input("gen-5MB.json", .bytes(5_000_000))
let file50 = input("gen-50MB.json", .bytes(50_000_000))
let file10k = input("gen-10k-modules.json", .modules(10_000))
let corpusFiles = listJSON(options.corpus)
if corpusFiles.isEmpty { printErr("scened-bench: no corpus at \(options.corpus); rows 2 and 6 skip it") }

var table = Table()
table.note("scened: \(options.scened) (run `swift build -c release` first so that it is current)")
table.note("inputs (seed \(options.seed)): \(file5) \(mb(fileSize(file5))), \(file50) \(mb(fileSize(file50))), \(file10k) \(mb(fileSize(file10k))) / 10000 modules")

if options.rows.contains(1) || options.rows.contains(5) { checkRows(&table, file50) }
if options.rows.contains(2) { openRows(&table, file5, corpusFiles) }
if options.rows.contains(3) { keystrokeRow(&table, file10k) }
if options.rows.contains(4) { terminalBytesRow(&table, file10k) }
if options.rows.contains(6) { corpusRow(&table, corpusFiles) }
if options.rows.contains(7) { saveRows(&table, file5) }
if options.rows.contains(8) { upgradeRows(&table, file5, file50) }
if options.rows.contains(9) { workspaceRows(&table) }

var load = [Double](repeating: 0, count: 3)
_ = getloadavg(&load, 3)
table.note("load average after the run: \(fmt(load[0], 2)) \(fmt(load[1], 2)) \(fmt(load[2], 2)); took \(fmt(now() - start, 0)) s")
print(table.render())
