// Clearing one account everywhere: every parameter of `kind` that holds `id` is
// set to null and loses its restore entry, as one undoable step (the editor's
// connections view `x`). `ConnectionEditor.clear(module:parameter:)` clears one.

extension ConnectionEditor {
    /// Clears account `id` of `kind` in every module that uses it. Returns the uses it cleared
    /// (empty: the scenario does not use it, nothing changed).
    @discardableResult
    public static func clear(_ kind: AccountKind = .connection, id: AccountID,
                             in session: inout EditSession) throws(ConnectionEditError) -> [ConnectionUse] {
        let bp = try blueprint(session)
        var targets: [(Module, AccountRef)] = []
        for m in bp.modules {
            for ref in m.accounts where ref.kind == kind && AccountID(ref.value) == id { targets.append((m, ref)) }
        }
        guard !targets.isEmpty else { return [] }
        try perform(&session, "Clear \(kind.title) \(id.text)") { doc throws(JSONEditError) in
            var out: [Splice] = []
            for (_, ref) in targets {
                if let v = ref.valueNode, !doc.isNull(v) { out.append(doc.replaceValue(v, with: .null)) }
                if let e = ref.restoreEntry { out.append(doc.remove(e)) }
            }
            return out
        }
        return targets.map { ConnectionInventory.use($0.0, $0.1, override: nil) }
    }
}
