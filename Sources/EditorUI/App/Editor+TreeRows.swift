// Collapse and expand without rebuilding the whole tree: only the toggled row's
// subtree is recomputed and spliced in, so Enter on a 10,000-module scenario costs
// the size of that subtree (see scened-bench, row 3).
import BlueprintKit

extension Editor {
    /// Replaces the rows of row `r`'s subtree after its collapse key `key` was toggled.
    /// Falls back to a full rebuild where a splice does not apply (filtered view, orphans).
    func rebuildRows(toggled key: String, at r: Int) {
        guard !attentionOnly, tools.appFilter == nil, r >= 0, r < rows.count else { rebuildRows(); return }
        var previous = collapsed
        if previous.remove(key) == nil { previous.insert(key) }
        guard let before = TreeModel.subtree(at: r, of: rows, blueprint, collapsed: previous, glyphs: glyphs),
              let after = TreeModel.subtree(at: r, of: rows, blueprint, collapsed: collapsed, glyphs: glyphs),
              r + before.count <= rows.count, rows[r..<(r + before.count)].elementsEqual(before) else {
            rebuildRows()
            return
        }
        rows.replaceSubrange(r..<(r + before.count), with: after)
        cursor = max(0, min(cursor, rows.count - 1))
    }
}
