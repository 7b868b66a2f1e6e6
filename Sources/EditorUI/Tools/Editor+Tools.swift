// The scenario tools in the editor. Each change is one undoable step made by the
// BlueprintKit tool (Tools/*), the same code as the headless commands:
//   r  on module B: "take over the references of …" (Remap source), picker of modules
//   M  copy this module's mapping to modules of the same kind (picker, several)
//   F  copy the filter on the route into this module to others (picker, several)
//   X  swap one IML expression for another (two prompts)
//   a  show one app (or app version) only, picked with counts; s there swaps the app
import BlueprintKit

extension Editor {
    func performTool(_ action: Action) {
        switch action {
        case .remapSource: openRemapPicker()
        case .copyMapping, .copyFilter: openCopyPicker(filter: action == .copyFilter)
        case .swapExpression: prompt = Prompt(kind: .swapOld)
        case .highlightApp: openAppPicker()
        default: setMessage("\(action.rawValue) works in the module and app picker")
        }
    }

    /// The name the tree shows for a module: its label, else the catalog's title.
    func toolName(_ m: Module) -> String {
        m.label.flatMap { $0.isEmpty ? nil : $0 } ?? TreeView.readableName(m, badges[m.index], glyphs)
    }

    private func moduleItem(_ m: Module, _ detail: String) -> ToolPickerItem {
        ToolPickerItem(text: "\(m.idText) \(toolName(m))", detail: detail, moduleIndex: m.index, moduleId: m.id, app: nil)
    }

    private func plural(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }

    // MARK: opening the pickers

    func openRemapPicker() {
        guard let t = selectedModule else { setMessage("select the module that takes over the references"); return }
        guard let tid = t.id, blueprint.module(id: tid)?.index == t.index else {
            setMessage("\(t.idText) has no id of its own: references cannot point at it", error: true)
            return
        }
        var counts: [Int: Int] = [:]
        for r in blueprint.references where r.targetId != tid && r.moduleIndex != t.index { counts[r.targetId, default: 0] += 1 }
        for m in blueprint.modules where m.index != t.index {
            if let p = blueprint.document.member(m.node, "parameters"), let f = blueprint.document.int(p, "feeder"), f != tid {
                counts[f, default: 0] += 1          // an aggregator fed by it
            }
        }
        var items: [ToolPickerItem] = []
        for mi in treeOrder {
            let m = blueprint.modules[mi]
            guard let id = m.id, let n = counts.removeValue(forKey: id), blueprint.module(id: id)?.index == mi else { continue }
            items.append(moduleItem(m, "\(m.moduleName)\(m.version.map { " v\($0)" } ?? "") \(glyphs.bullet) \(plural(n, "reference"))"))
        }
        for (id, n) in counts.sorted(by: { $0.key < $1.key }) {
            items.append(ToolPickerItem(text: "#\(id) (not in the scenario)", detail: "deleted? \(glyphs.bullet) \(plural(n, "reference"))",
                                        moduleIndex: nil, moduleId: id, app: nil))
        }
        guard !items.isEmpty else { setMessage("no other module is referred to: nothing to take over"); return }
        tools.picker = ToolPicker(purpose: .remapOnto(target: t.index), title: "\(t.idText) \(toolName(t)): take over the references of …", all: items)
    }

    func openCopyPicker(filter: Bool) {
        guard let s = selectedModule else { setMessage("select the module to copy from"); return }
        let doc = blueprint.document
        if filter && !(doc.member(s.node, "filter").map { doc.kind($0) == .object } ?? false) {
            setMessage("\(s.idText) has no filter to copy", error: true)
            return
        }
        var items: [ToolPickerItem] = []
        for mi in treeOrder where mi != s.index {
            let m = blueprint.modules[mi]
            guard m.id != nil else { continue }
            if filter {
                guard !(m.container == .main && m.path == ["flow", 0]) else { continue }
                items.append(moduleItem(m, m.hasFilter ? "has a filter: \(m.filterName ?? "(unnamed)")" : "no filter"))
            } else {
                guard m.moduleName == s.moduleName && m.version == s.version else { continue }
                let conn = m.connections.first.map { c in c.label ?? c.valueText } ?? ""
                items.append(moduleItem(m, "\(m.moduleName)\(m.version.map { " v\($0)" } ?? "")\(conn.isEmpty ? "" : " \(glyphs.bullet) keeps \(conn)")"))
            }
        }
        guard !items.isEmpty else {
            setMessage(filter ? "no other module can take a filter" : "no other \(s.moduleName) v\(s.version ?? 0) in this scenario to copy the mapping to")
            return
        }
        let what = filter ? "filter" : "mapping"
        tools.picker = ToolPicker(purpose: filter ? .copyFilter(source: s.index) : .copyMapping(source: s.index),
                                  title: "Copy the \(what) of \(s.idText) \(toolName(s)) to … (Space marks several)", all: items)
    }

    func openAppPicker() {
        var items: [ToolPickerItem] = []
        if let f = tools.appFilter {
            items.append(ToolPickerItem(text: "every app", detail: "clear the filter (\(f.text))", moduleIndex: nil, moduleId: nil, app: nil))
        }
        for r in AppCensus.rows(blueprint) {
            let f = AppFilter(app: r.app, version: r.version)
            items.append(ToolPickerItem(text: r.version.map { "  v\($0)" } ?? r.app, detail: plural(r.count, "module"),
                                        moduleIndex: nil, moduleId: nil, app: f))
        }
        guard !items.isEmpty else { setMessage("no module names an app"); return }
        let app = selectedModule?.app
        let start = items.firstIndex { $0.app == AppFilter(app: app ?? "", version: nil) } ?? 0
        tools.picker = ToolPicker(purpose: .app, title: "Show only one app (s: swap the app version for another)", all: items, cursor: start)
    }

    // MARK: keys

    func handleToolPickerKey(_ key: Key) {
        guard let p = tools.picker else { return }
        if p.filter != nil {
            switch key {
            case .char(let c): tools.picker?.refilter { $0.filter?.append(c) }; return
            case .backspace: tools.picker?.refilter { if $0.filter?.isEmpty == true { $0.filter = nil } else { $0.filter?.removeLast() } }; return
            case .ctrl("u"): tools.picker?.refilter { $0.filter = "" }; return
            case .escape: tools.picker?.refilter { $0.filter = nil }; return
            default: break
            }
        }
        if let action = keyTable.action(for: key, in: .toolPicker) { performToolPicker(action); return }
        if case .char(let c) = key, c != " " { tools.picker?.refilter { $0.filter = String(c) }; return }
        setMessage("\(key.displayName) does nothing in the picker: Enter chooses, Esc closes")
    }

    func performToolPicker(_ action: Action) {
        guard let p = tools.picker else { return }
        let page = max(1, viewportRows - 4)
        switch action {
        case .moveDown: tools.picker?.move(to: p.cursor + 1)
        case .moveUp: tools.picker?.move(to: p.cursor - 1)
        case .pageDown: tools.picker?.move(to: p.cursor + page)
        case .pageUp: tools.picker?.move(to: p.cursor - page)
        case .moveTop: tools.picker?.move(to: 0)
        case .moveBottom: tools.picker?.move(to: Int.max / 2)
        case .cancel: tools.picker = nil; setMessage("nothing changed")
        case .toolFilter: if p.filter == nil { tools.picker?.refilter { $0.filter = "" } }
        case .toolMark:
            guard p.multiple else { setMessage("this picker takes one entry: Enter chooses it"); return }
            tools.picker?.toggleMark()
            tools.picker?.move(to: p.cursor + 1)
        case .toolChoose: toolPickerChoose()
        case .swapApp:
            guard p.purpose == .app, let f = p.selected?.app else { setMessage("s swaps an app: open the app picker with a and highlight one"); return }
            tools.picker = nil
            prompt = Prompt(kind: .swapAppTarget(from: f), text: f.app)
        case .redraw: wantsFullRedraw = true
        case .help: openHelp()
        default: setMessage("not available in the picker: Enter chooses, Esc closes")
        }
    }

    func toolPickerChoose() {
        guard let p = tools.picker else { return }
        guard let item = p.selected else { setMessage("nothing matches: Backspace widens the filter"); return }
        let chosen = p.marked.isEmpty ? [item] : p.marked.sorted().map { p.all[$0] }
        tools.picker = nil
        switch p.purpose {
        case .remapOnto(let t):
            guard let from = item.moduleId, let to = blueprint.modules[t].id else { return }
            runTool { s throws(ToolError) in
                let plan = try RemapSource.plan(blueprint, from: from, to: to, catalog: services.catalog)
                try RemapSource.apply(plan, to: &s)
                var msg = plan.summary
                if let m = plan.missingOutputs.first { msg += " (first: {{\(m.text)}} in \(m.moduleId.map { "#\($0)" } ?? "#?") \(m.location))" }
                return (msg, !plan.missingOutputs.isEmpty)
            }
        case .copyMapping(let src), .copyFilter(let src):
            guard let from = blueprint.modules[src].id else { return }
            let kind: CopyPlan.Kind = if case .copyFilter = p.purpose { .filter } else { .mapping }
            runTool { s throws(ToolError) in
                let plan = try CopyMapping.plan(blueprint, kind: kind, from: from, to: chosen.compactMap(\.moduleId))
                guard try CopyMapping.apply(plan, to: &s) else { return ("the targets already have that \(kind.rawValue); nothing changed", false) }
                return (plan.summary, false)
            }
        case .app:
            tools.appFilter = item.app
            rebuildRows()
            if let f = item.app {
                if let m = selectedModule, !f.matches(m), let first = rows.first?.moduleIndex { select(moduleIndex: first) }
                setMessage("showing \(plural(rows.count, "module")) of \(f.text) (a: another app or every app)")
            } else {
                if let keep = selectedModule { select(moduleIndex: keep.index) }
                setMessage("showing every app")
            }
        }
    }

    /// Runs one tool against a copy of the session; commits it when the tool succeeded.
    func runTool(_ body: (inout EditSession) throws(ToolError) -> (String, Bool)) {
        var s = session
        do {
            let (msg, warn) = try body(&s)
            commit(s)
            setMessage(msg, error: warn)
        } catch {
            setMessage(error.message, error: true)
        }
    }

    // MARK: prompts and the swap-app question

    func submitToolPrompt(_ p: Prompt) {
        let text = p.text.trimmingCharacters(in: " ")
        switch p.kind {
        case .swapOld:
            guard let old = SwapExpression.normalize(text) else {
                setMessage("'\(text)' is not one IML expression such as {{3.email}}", error: true)
                return
            }
            prompt = Prompt(kind: .swapNew(old: old))
        case .swapNew(let old):
            guard !text.isEmpty else { setMessage("nothing swapped: no new expression given", error: true); return }
            runTool { s throws(ToolError) in
                let plan = try SwapExpression.plan(blueprint, old: old, new: text)
                guard !plan.matches.isEmpty else { return ("\(old) occurs nowhere as a whole expression; nothing changed", true) }
                try SwapExpression.apply(plan, to: &s)
                return (plan.summary, false)
            }
        case .swapAppTarget(let from):
            guard let to = SwapApp.parse(text) else { setMessage("'\(text)' is not APP or APP@VERSION (e.g. slack@4)", error: true); return }
            do {
                let plan = try SwapApp.plan(blueprint, app: from.app, version: from.version, toApp: to.app, toVersion: to.version,
                                            catalog: services.catalog)
                tools.pendingSwapApp = plan
                let shown = plan.items.prefix(6).map { i in
                    "\(i.moduleId.map { "#\($0)" } ?? "#?") \(i.how == .catalog ? "by the catalog's rules" : "by name")"
                        + (i.review.isEmpty ? "" : " (review: \(i.review.joined(separator: "; ")))")
                }
                confirm = .swapApp(listing: "\(plan.summary). " + shown.joined(separator: ", ") + (plan.items.count > 6 ? ", …" : "") + ".")
            } catch {
                setMessage(error.message, error: true)
            }
        default: break
        }
    }

    func applyPendingSwapApp() {
        guard let plan = tools.pendingSwapApp else { return }
        tools.pendingSwapApp = nil
        runTool { s throws(ToolError) in
            try SwapApp.apply(plan, to: &s, catalog: services.catalog)
            return (plan.summary, plan.items.contains { !$0.review.isEmpty })
        }
    }
}
