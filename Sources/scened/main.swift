// scened: entry point. `scened` opens the config's `set workspace` folder (or the
// built-in demo), `scened FILE` opens a file in the editor, `scened DIR` a scenario
// list, `scened COMMAND ...` runs a headless subcommand.
#if canImport(Glibc)
import Glibc
#endif
import BlueprintKit

/// Every subcommand; `scened --help` lists them in this order.
let allCommands: [Command] = [
    listCommand,
    fmtCommand,
    checkCommand,
    upgradeCommand,
    catalogCommand,
    connectionsCommand,
    snapshotCommand,
    keysCommand,
    themesCommand,
    setCommand,
    remapCommand,
    swapExprCommand,
    copyMappingCommand,
    copyFilterCommand,
    findCommand,
    swapAppCommand,
    pullCommand,
    pushCommand,
]

@MainActor func mainUsage() -> String {
    var s = """
    scened \(scenedVersion): a terminal editor for Workfront Fusion / Make scenario blueprints

    usage: scened [FILE | DIR]        open FILE in the editor, or DIR as a scenario list; with
                                      neither, the config's `set workspace` folder (else the
                                      built-in demo)
                                      [--theme NAME|PATH] [--config FILE | --no-config]
                                      [--catalog FILE]... [--connections FILE]
           scened COMMAND [ARGS...]   run a command without the editor

    commands:

    """
    let w = allCommands.map { $0.name.count }.max() ?? 0
    for c in allCommands { s += "  \(c.name.padded(w + 2))\(c.summary)\n" }
    s += "\nexit codes: 0 ok, 1 needs attention, 64 usage, 65 malformed input, 66 cannot open, 73 cannot write,\n"
        + "  74 written but not synced to disk, 75 FILE changed since it was read (-i; --force overwrites)\n"
        + "  pull/push: 69 no curl or no answer, 76 unexpected answer, 77 credentials refused, 78 missing credential\n"
    s += "'scened COMMAND --help' describes each command.\n"
    return s
}

@MainActor func runMain(_ argv: [String]) -> Int32 {
    // A save that hits `ulimit -f` must fail with EFBIG, not kill the process.
    signal(SIGXFSZ, SIG_IGN)
    // A parent may have left signals blocked (test runners do); the editor needs
    // SIGWINCH for resizes and SIGTERM/SIGHUP to restore the terminal.
    var unblock = sigset_t()
    sigemptyset(&unblock)
    for s in [SIGWINCH, SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGCONT, SIGTSTP] { sigaddset(&unblock, s) }
    sigprocmask(SIG_UNBLOCK, &unblock, nil)
    guard let first = argv.first else { return runEditor(path: nil, argv: []) }
    if first == "--help" || first == "-h" || first == "help" { FileIO.writeStdout(mainUsage()); return Exit.ok }
    if first == "--version" || first == "-V" { FileIO.writeStdout("scened \(scenedVersion)\n"); return Exit.ok }
    if let cmd = (allCommands + hiddenCommands).first(where: { $0.name == first }) {
        let rest = Array(argv.dropFirst())
        if rest.contains("--help") || rest.contains("-h") { FileIO.writeStdout("usage: \(cmd.usage)\n"); return Exit.ok }
        if rest.contains("--version") { FileIO.writeStdout("scened \(scenedVersion)\n"); return Exit.ok }
        // One line of progress on a terminal while a command works (ProgressTicker.swift);
        // commands that count their own work draw ProgressLine instead, and the editor-like
        // or interactive ones (snapshot, pull, push) none.
        ProgressTicker.start(cmd.name, quiet: rest.contains("--json") || ProgressTicker.ownProgress.contains(cmd.name))
        let code = cmd.run(rest)
        ProgressTicker.stop()
        return code
    }
    if first.hasPrefix("-") && first != "-" {
        return runEditor(path: nil, argv: argv)
    }
    return runEditor(path: first, argv: Array(argv.dropFirst()))
}

exit(MainActor.assumeIsolated { runMain(Array(CommandLine.arguments.dropFirst())) })
