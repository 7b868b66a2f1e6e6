// A rule's `items` option: the keys inside an array field's items are renamed
// (HTTP v3 `formDataFields` items `{key, fieldType}` → v4 `multipartBodyContent`
// items `{name, multipartFieldType}`), in the value and in the field's
// `metadata.restore` items. Only when every item fits the keys the rule lists:
// otherwise nothing is guessed, and the field is left in place and flagged.

extension ModuleRewriter {
    /// Flags the field at `p` and returns true when its value does not fit `items`.
    mutating func flagMisfit(_ p: JSONPath, _ f: FieldPath, _ to: FieldPath?, _ v: JSONValue, _ items: ItemKeys, _ r: FieldRule) -> Bool {
        let why: String
        if case .array(let list) = v {
            guard let m = list.enumerated().lazy.compactMap({ items.misfit($1, index: $0) }).first else { return false }
            why = m
        } else {
            why = "the value is not a list of items"
        }
        let target = to.map { " into \($0.name)" } ?? ""
        record(.flagged, p, p, before: v.compactText, after: v.compactText,
               note: "\(why): the items cannot be converted\(target) (\(items.description)) without guessing; left in place", r)
        return true
    }

    /// Renames the keys inside the items of the array at `p` and of the field's restore entry. The
    /// old descriptor describes the old item keys: without a new one (`descriptor`) it is removed.
    mutating func renameItemKeys(_ p: JSONPath, _ f: FieldPath, _ items: ItemKeys, descriptor: JSONValue?) throws(JSONEditError) {
        try renameKeys(inItemsOf: p, items)
        guard f.isTopLevel else { return }
        for rp in restorePaths(f.domain, f.name) {
            if try renameKeys(inItemsOf: rp.appending(key: "items"), items) { noteMetadata(.changed, rp, rp, nil, nil) }
        }
        let arr = ModuleRewriter.descriptorArray(f.domain)
        if descriptor == nil, let i = sub.descriptorIndex(arr, name: f.name) {
            noteMetadata(.removed, arr.appending(index: i), nil, nil, nil)
            try sub.remove(arr.appending(index: i))
        }
    }

    /// Renames the listed keys in each object item of the array at `p` (a key whose new name the
    /// item already has stays); returns whether anything changed.
    @discardableResult
    private mutating func renameKeys(inItemsOf p: JSONPath, _ items: ItemKeys) throws(JSONEditError) -> Bool {
        guard let a = sub.node(p), doc.kind(a) == .array else { return false }
        var changed = false
        for i in 0..<doc.node(a).count {   // by path: every edit re-parses the module
            let item = p.appending(index: i)
            for (from, to) in items.rename where !sub.exists(item.appending(key: to)) {
                if try sub.renameKey(item.appending(key: from), to: to) { changed = true }
            }
        }
        return changed
    }
}
