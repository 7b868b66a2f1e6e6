// `scened keys`: the key table, as the help screen shows it or as README markdown.
import BlueprintKit
import EditorUI

let keysCommand = Command(
    name: "keys",
    summary: "print the key bindings (--markdown: the README key list)",
    usage: """
    scened keys [--markdown | --actions] [--config FILE | --no-config]

      Prints every key binding, grouped by context: the defaults patched by the
      `bind`/`unbind` lines of the config file, as the editor and `?` use them.
      --markdown  the README key list: the defaults only, unless --config FILE is given
      --actions   every action name `bind` lines accept, with its help text
    """,
    run: { argv in
        var args = Args(argv, command: "keys")
        let md = args.flag("--markdown")
        let actions = args.flag("--actions")
        var options: EditorOptions
        do throws(UsageError) {
            options = try parseEditorOptions(&args)
            _ = try args.positionals()
        } catch { return usageFailure(keysCommand, error.message) }
        if options.theme != nil { return usageFailure(keysCommand, "--theme does not apply to keys") }
        if actions {
            let w = (Action.allCases.map { $0.rawValue.count }.max() ?? 0) + 2
            FileIO.writeStdout(Action.allCases.map { "\($0.rawValue.padded(w))\($0.help)\n" }.joined())
            return Exit.ok
        }
        // The README list documents the defaults, whatever the developer's own config says.
        if md && options.config == .standard { options.config = .none }
        let table = resolveSettings(options).keyTable
        if md { FileIO.writeStdout(table.markdown()); return Exit.ok }
        var out = ""
        for (ctx, rows) in table.grouped() {
            out += "\(ctx.title) (\(ctx.rawValue)):\n"
            for (a, keys) in rows { out += "  \(keys.map(\.displayName).joined(separator: " ").padded(22)) \(a.help)  [\(a.rawValue)]\n" }
        }
        FileIO.writeStdout(out)
        return Exit.ok
    })
