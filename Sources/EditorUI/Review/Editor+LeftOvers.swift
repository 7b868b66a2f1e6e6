// Removing a field an upgrade left for review: `x` in the detail pane on a field
// the module's version does not have (the shape check's verdict) removes it as
// one undoable step, and the badge turns ✓ once the last one is gone. On any
// other field `x` keeps its meaning (delete the array item).
import BlueprintKit

extension Editor {
    /// The shape issue of the selected module for field `f` (top-level `mapper.X` / `parameters.X`).
    func leftOverIssue(_ f: FieldRef) -> ShapeIssue? {
        guard fields.target == .module, f.arrayItem == nil, let m = selectedOrOwnerModule else { return nil }
        let issues = services.catalog.status(of: m, in: blueprint.document).shapeIssues
        return issues.first { $0.kind == .unknownField && $0.field == f.display }
    }

    /// Removes a left-over field; returns false when `f` is not one (the caller then does its usual edit).
    func removeLeftOverField(_ f: FieldRef) -> Bool {
        guard let issue = leftOverIssue(f), let m = selectedOrOwnerModule, let node = blueprint.document.node(at: f.path) else { return false }
        var s = session
        do {
            try s.perform("remove \(f.display) from \(m.idText)") { (ed: inout JSONEditor) throws(JSONEditError) in
                try ed.apply(ed.document.remove(node))
            }
        } catch {
            setMessage("cannot remove \(f.display): \(error)", error: true)
            return true
        }
        apply(session: s, message: "")
        var msg = "removed \(issue.field) (z undoes)"
        if let after = blueprint.modules.first(where: { $0.path == m.path }) {
            let left = services.catalog.status(of: after, in: blueprint.document).shapeIssues.count
            msg += left == 0 ? "; \(after.idText) now matches its version: \(badges[after.index].text(glyphs))"
                             : "; \(left) field\(left == 1 ? "" : "s") still left for review"
        }
        setMessage(msg)
        return true
    }
}
