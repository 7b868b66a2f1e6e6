// `scened snapshot`: print the frame the editor would show after some keys.
import BlueprintKit
import EditorUI

let snapshotCommand = Command(
    name: "snapshot",
    summary: "print the editor's screen after a key sequence, without a terminal",
    usage: """
    scened snapshot [FILE | DIR | FILE...] [--size WxH] [--keys KEYS] [--ansi [--colors 256|8|mono]] [--ascii]
                    [--theme NAME|PATH] [--config FILE | --no-config]

      Renders the frame the editor shows after KEYS, through the same code as the
      live editor. Without FILE it opens the config's `set workspace` folder, else
      the built-in demo. It never writes a file: a save in KEYS says "not saved". A
      folder (or several files) renders the workspace's scenario list, as `scened DIR`
      shows it.
      --size WxH    screen size (default 120x40)
      --keys KEYS   keys in vim notation, e.g. "jjju", "/slack<Enter>", "<C-s>", "<Down>"
      --ansi        colours and attributes as ANSI escape sequences
      --colors N    colour depth for --ansi: 256 (default; mono under NO_COLOR), 8, mono
      --ascii       ASCII glyphs and text, as in a non-UTF-8 locale
    Keys, theme and line graphics come from the config file, as in the editor:
    \(editorOptionsUsage)
    """,
    run: { argv in MainActor.assumeIsolated { runSnapshot(argv) } })

@MainActor
func runSnapshot(_ argv: [String]) -> Int32 {
    var args = Args(argv, command: "snapshot")
    let ansi = args.flag("--ansi")
    let ascii = args.flag("--ascii")
    let sizeText: String
    let keysText: String
    let colorsText: String?
    let options: EditorOptions
    var files: [String]
    let catalogFiles: [String]
    let connections: String?
    do {
        sizeText = try args.option("--size") ?? "120x40"
        keysText = try args.option("--keys") ?? ""
        colorsText = try args.option("--colors")
        options = try parseEditorOptions(&args)
        catalogFiles = try args.options("--catalog")
        connections = try args.option("--connections")
        files = try args.positionals()
    } catch { return usageFailure(snapshotCommand, error.message) }
    let parts = sizeText.lowercased().split(separator: "x")
    guard parts.count == 2, let w_ = Int(parts[0]), let h = Int(parts[1]), w_ >= 0, h >= 0, w_ <= 1000, h <= 1000 else {
        return usageFailure(snapshotCommand, "--size must look like 120x40")
    }
    let keys: [Key]
    do { keys = try Key.parseSequence(keysText) } catch {
        return usageFailure(snapshotCommand, "--keys: \(error)")
    }
    let depthByName: [String: ColorDepth] = ["256": .c256, "8": .c8, "mono": .mono, "0": .mono]
    if let c = colorsText, depthByName[c] == nil { return usageFailure(snapshotCommand, "--colors must be 256, 8 or mono") }
    let settings = resolveSettings(options)
    if files.isEmpty {
        switch configuredInputs(settings, command: "snapshot") {
        case .success(let f): files = f
        case .failure(let f): return f.code
        }
    }
    let services: EditorServices
    switch makeServices(settings: settings, catalogFiles: catalogFiles, connections: connections, file: files.first, command: "snapshot") {
    case .success(let s): services = s
    case .failure(let f): return f.code
    }
    let inputs = BlueprintInputs(files)
    let buf: ScreenBuffer
    if inputs.isMany {
        switch makeWorkspace(inputs, services: services, settings: settings, glyphs: settings.glyphs(localeIsUTF8: !ascii), command: "snapshot") {
        case .success(let w):
            w.savesDisabledReason = "scened snapshot never writes files"
            buf = Snapshot.render(w, keys: keys, width: w_, height: h)
        case .failure(let f): return f.code
        }
    } else {
        let editor: Editor
        switch makeEditor(path: files.first, command: "snapshot", glyphs: settings.glyphs(localeIsUTF8: !ascii), keyTable: settings.keyTable,
                      services: services) {
    case .success(let e): editor = e
    case .failure(let f): return f.code
    }
        // A snapshot only renders: `w`, Ctrl-S or quit → save in KEYS must not write any file.
        editor.savesDisabledReason = "scened snapshot never writes files"
        buf = Snapshot.render(editor, keys: keys, width: w_, height: h)
    }
    if ansi {
        let depth = colorsText.flatMap { depthByName[$0] } ?? settings.depth(terminalColors: 256)
        FileIO.writeStdout(AnsiRenderer.render(buf, theme: settings.theme, depth: depth) + "\n")
    } else {
        FileIO.writeStdout(buf.lines.joined(separator: "\n") + "\n")
    }
    return Exit.ok
}
