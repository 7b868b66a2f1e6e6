// `scened keys`: the key table, as the help screen shows it or as README markdown.
import BlueprintKit
import EditorUI

let keysCommand = Command(
    name: "keys",
    summary: "print the key bindings (--markdown: the README key list)",
    usage: """
    scened keys [--markdown]

      Prints every key binding from the key table, grouped by context.
    """,
    run: { argv in
        var args = Args(argv, command: "keys")
        let md = args.flag("--markdown")
        do { _ = try args.positionals() } catch let e as UsageError { return usageFailure(keysCommand, e.message) } catch { return Exit.software }
        let table = KeyTable.default
        if md { FileIO.writeStdout(table.markdown()); return Exit.ok }
        var out = ""
        for (ctx, rows) in table.grouped() {
            out += "\(ctx.title):\n"
            for (a, keys) in rows { out += "  \(keys.map(\.displayName).joined(separator: " ").padded(22)) \(a.help)\n" }
        }
        FileIO.writeStdout(out)
        return Exit.ok
    })
