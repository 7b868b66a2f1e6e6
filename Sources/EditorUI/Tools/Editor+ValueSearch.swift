// `/` then Tab: search the values of parameters, mappers and filters (the DevTool's
// Find by mapping) instead of names. `n`/`N` walk the matches one value at a time,
// in tree order; the status line names the field and the detail pane's field cursor
// goes to it.
import BlueprintKit

extension Editor {
    /// The value matches of `q`, computed once per query and document.
    func valueMatches(_ q: String) -> [ValueMatch] {
        if let c = tools.valueMatches, c.query == q { return c.matches }
        // tree order (the model's module order puts orphans last, as the tree does)
        var pos = [Int](repeating: 0, count: blueprint.modules.count)
        for (k, mi) in treeOrder.enumerated() { pos[mi] = k }
        let found = FindValues.find(q, in: blueprint).enumerated()
            .sorted { (pos[$0.element.moduleIndex], $0.offset) < (pos[$1.element.moduleIndex], $1.offset) }.map(\.element)
        tools.valueMatches = (q, found)
        tools.valueIndex = -1
        return found
    }

    func valueSearch(_ q: String, forward: Bool, includeCurrent: Bool) {
        let found = valueMatches(q)
        guard !found.isEmpty else { setMessage("/ values \(q): no match", error: true); return }
        var i: Int
        let here = selectedModule?.index
        if tools.valueIndex >= 0, tools.valueIndex < found.count, found[tools.valueIndex].moduleIndex == here {
            i = tools.valueIndex + (includeCurrent ? 0 : (forward ? 1 : -1))
        } else {
            // from the cursor: the first match in this module or after it (before it, backward)
            var pos = [Int](repeating: 0, count: blueprint.modules.count)
            for (k, mi) in treeOrder.enumerated() { pos[mi] = k }
            let at = here.map { pos[$0] } ?? 0
            if forward {
                i = found.firstIndex { includeCurrent ? pos[$0.moduleIndex] >= at : pos[$0.moduleIndex] > at } ?? 0
            } else {
                i = found.lastIndex { includeCurrent ? pos[$0.moduleIndex] <= at : pos[$0.moduleIndex] < at } ?? found.count - 1
            }
        }
        let wrapped = i >= found.count || i < 0
        i = (i % found.count + found.count) % found.count
        tools.valueIndex = i
        let m = found[i]
        revealFiltered(m.moduleIndex)
        select(moduleIndex: m.moduleIndex)
        if let f = currentFields().firstIndex(where: { $0.display == m.path }) { moveField(to: f) }
        let value = m.value.count > 60 ? String(m.value.prefix(60)) + "…" : m.value
        setMessage("/ values \(q): match \(i + 1) of \(found.count)\(wrapped ? " (wrapped)" : ""): "
                   + "\(m.moduleId.map { "#\($0)" } ?? "#?") \(m.path) = \(value)")
    }
}
