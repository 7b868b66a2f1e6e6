// Carries out a replacement's field rules on one module (as a SubDocument),
// recording every change. Conditions test the module as it was before the
// upgrade. Renamed and moved fields take their `metadata` (restore entry and
// descriptor) with them; dropped fields take theirs away.

struct ModuleRewriter {
    var sub: SubDocument
    /// The module before any rule ran.
    let original: JSONDocument
    var changes: [PlanChange] = []
    var metadataChanges: [PlanChange] = []

    init(sub: SubDocument) {
        self.sub = sub
        self.original = sub.doc
    }

    var doc: JSONDocument { sub.doc }

    // MARK: paths

    static func domainPath(_ d: FieldPath.Domain) -> JSONPath { [.key(d.rawValue)] }

    /// Every concrete path of a field in `d` (one per array element for `[]` segments).
    static func expand(_ f: FieldPath, in d: JSONDocument) -> [JSONPath] {
        var paths: [JSONPath] = [domainPath(f.domain)]
        for seg in f.segments {
            var next: [JSONPath] = []
            for p in paths {
                switch seg {
                case .key(let k): next.append(p.appending(key: k))
                case .each:
                    guard let a = d.node(at: p), d.kind(a) == .array else { continue }
                    for i in 0..<d.node(a).count { next.append(p.appending(index: i)) }
                }
            }
            paths = next
        }
        return paths.filter { d.node(at: $0) != nil }
    }

    static func text(_ p: JSONPath) -> String {
        var s = ""
        for c in p.components {
            switch c {
            case .key(let k): s += s.isEmpty ? k : "." + k
            case .index(let i): s += "[\(i)]"
            }
        }
        return s
    }

    func compact(_ p: JSONPath) -> String? { sub.value(p)?.compactText }

    // MARK: rules

    mutating func run(_ rules: [FieldRule]) throws(JSONEditError) {
        for r in rules { try run(r) }
    }

    mutating func run(_ r: FieldRule) throws(JSONEditError) {
        switch r.kind {
        case .keep(let f, let omit, let items):
            for p in ModuleRewriter.expand(f, in: doc).reversed() {
                let v = sub.value(p)!
                if omit.contains(v) {
                    try sub.remove(p)
                    record(.removed, p, nil, before: v.compactText, note: r.note ?? "left out: the new version omits this value", r)
                } else if let items {
                    if flagMisfit(p, f, nil, v, items, r) { continue }
                    try renameItemKeys(p, f, items, descriptor: nil)
                    record(r.review == nil ? .changed : .flagged, p, p, before: v.compactText, after: compact(p),
                           note: r.review ?? r.note ?? "items: \(items.description)", r)
                } else if let review = r.review {
                    record(.flagged, p, p, before: v.compactText, after: v.compactText, note: review, r)
                }
            }
        case .rename(let f, let to, let omit, let items):
            for p in ModuleRewriter.expand(f, in: doc).reversed() {
                let v = sub.value(p)!
                if omit.contains(v) {
                    try sub.remove(p)
                    if f.isTopLevel && !sub.exists(ModuleRewriter.domainPath(to.domain).appending(key: to.name)) {
                        try followMetadata(f, to, r.descriptor)   // the field still exists, only its value is left out
                    }
                    record(.removed, p, nil, before: v.compactText, note: r.note ?? "left out: the new version omits this value", r)
                    continue
                }
                if let items, flagMisfit(p, f, to, v, items, r) { continue }
                try rename(p, f, to, v, r, items: items)
            }
        case .drop(let f, let expect):
            for p in ModuleRewriter.expand(f, in: doc).reversed() {
                let v = sub.value(p)!
                if let expect, !expect.contains(v) {
                    record(.flagged, p, p, before: v.compactText, after: v.compactText,
                           note: r.review ?? "no \(f.name) in the new version, and this value would be lost: left in place", r)
                    continue
                }
                try sub.remove(p)
                if f.isTopLevel { try dropMetadata(f.domain, f.name) }
                record(.removed, p, nil, before: v.compactText, note: r.note, r)
            }
        case .add(let f, let value):
            try add(f, value, r, replace: false)
        case .set(let f, let value):
            try add(f, value, r, replace: true)
        case .map(let f, let to, let values):
            for p in ModuleRewriter.expand(f, in: doc).reversed() {
                let v = sub.value(p)!
                guard let new = values.first(where: { $0.0 == v })?.1 else {
                    record(.flagged, p, p, before: v.compactText, after: v.compactText,
                           note: "value \(v.compactText) has no mapping to the new version: left in place", r)
                    continue
                }
                if new != v { try sub.replace(p, with: new) }
                var dest = p
                if let to, to != f {
                    dest = try renameInPlace(p, f, to, r)
                }
                record(r.review == nil ? .changed : .flagged, p, dest,
                       before: v.compactText, after: new.compactText, note: r.review ?? r.note, r)
            }
        case .when(let conds, let then, let otherwise):
            try run(conds.allSatisfy { holds($0) } ? then : otherwise)
        }
    }

    func holds(_ c: Condition) -> Bool {
        let nodes = ModuleRewriter.expand(c.field, in: original).compactMap { original.node(at: $0) }
        if nodes.isEmpty {
            if case .absent = c.test { return true }
            return c.orAbsent
        }
        return nodes.contains { n in
            let v = original.value(n)
            switch c.test {
            case .equals(let e): return v == e
            case .oneOf(let list): return list.contains(v)
            case .absent: return false
            case .present: return true
            }
        }
    }

    mutating func record(_ kind: PlanChange.Kind, _ before: JSONPath?, _ after: JSONPath?, before b: String? = nil,
                                 after a: String? = nil, note: String?, _ r: FieldRule?) {
        changes.append(PlanChange(kind: kind, keyBefore: before.map(ModuleRewriter.text), keyAfter: after.map(ModuleRewriter.text),
                                  before: b, after: a, note: note, provenance: r?.provenance))
    }

    /// Renames (same object) or moves (other domain) the member at `p`, and the keys inside its
    /// items with `items`.
    private mutating func rename(_ p: JSONPath, _ f: FieldPath, _ to: FieldPath, _ v: JSONValue, _ r: FieldRule,
                                 items: ItemKeys?) throws(JSONEditError) {
        var dest = JSONPath(Array(p.components.dropLast())).appending(key: to.name)
        if f.isTopLevel { dest = ModuleRewriter.domainPath(to.domain).appending(key: to.name) }
        if dest != p && sub.exists(dest) {
            record(.flagged, p, p, before: v.compactText, after: v.compactText,
                   note: "\(ModuleRewriter.text(dest)) already has a value: left in place", r)
            return
        }
        if let items { try renameItemKeys(p, f, items, descriptor: r.descriptor) }
        let newPath = try renameInPlace(p, f, to, r)
        record(r.review == nil ? .renamed : .flagged, p, newPath, before: v.compactText, after: compact(newPath),
               note: r.review ?? r.note ?? items.map { "items: \($0.description)" }, r)
    }

    /// Renames or moves without recording a field change; metadata follows.
    private mutating func renameInPlace(_ p: JSONPath, _ f: FieldPath, _ to: FieldPath, _ r: FieldRule) throws(JSONEditError) -> JSONPath {
        if f.domain == to.domain || !f.isTopLevel {
            try sub.renameKey(p, to: to.name)
            if f.isTopLevel { try followMetadata(f, to, r.descriptor) }
            return JSONPath(Array(p.components.dropLast())).appending(key: to.name)
        }
        // a move between parameters and mapper keeps the value's exact text
        let raw = doc.sourceText(sub.node(p)!)
        try sub.setRaw(ModuleRewriter.domainPath(to.domain), to.name, raw, objectAfter: to.domain == .mapper ? ["parameters", "version"] : ["version"])
        try sub.remove(p)
        try followMetadata(f, to, r.descriptor)
        return ModuleRewriter.domainPath(to.domain).appending(key: to.name)
    }

    private mutating func add(_ f: FieldPath, _ value: JSONValue, _ r: FieldRule, replace: Bool) throws(JSONEditError) {
        let existing = ModuleRewriter.expand(f, in: doc)
        if !existing.isEmpty {
            guard replace else { return }
            for p in existing.reversed() {
                let v = sub.value(p)!
                if v == value { continue }
                try sub.replace(p, with: value)
                record(r.review == nil ? .changed : .flagged, p, p, before: v.compactText, after: value.compactText, note: r.review ?? r.note, r)
                if f.isTopLevel { try setRestore(f.domain, f.name, r.restore) }
            }
            return
        }
        guard f.isTopLevel else { return }   // nested adds are not supported (the loader does not produce them for arrays)
        let obj = ModuleRewriter.domainPath(f.domain)
        try sub.set(obj, f.name, value, after: r.after, objectAfter: f.domain == .mapper ? ["parameters", "version"] : ["version"])
        record(r.review == nil ? .added : .flagged, nil, obj.appending(key: f.name), after: value.compactText, note: r.review ?? r.note, r)
        if let d = r.descriptor { try addDescriptor(f.domain, d) }
        try setRestore(f.domain, f.name, r.restore)
    }

    // MARK: metadata

    static func descriptorArray(_ d: FieldPath.Domain) -> JSONPath { ["metadata", .key(d == .parameters ? "parameters" : "expect")] }
    static func restoreObject(_ d: FieldPath.Domain) -> JSONPath { ["metadata", "restore", .key(d == .parameters ? "parameters" : "expect")] }

    /// Restore entries of a field: `restore.parameters.X` / `restore.expect.X`, or the oldest exports' flat `restore.X`.
    func restorePaths(_ d: FieldPath.Domain, _ k: String) -> [JSONPath] {
        [ModuleRewriter.restoreObject(d).appending(key: k), ["metadata", "restore", .key(k)]].filter { sub.exists($0) }
    }

    mutating func noteMetadata(_ kind: PlanChange.Kind, _ before: JSONPath?, _ after: JSONPath?, _ b: String?, _ a: String?) {
        metadataChanges.append(PlanChange(kind: kind, keyBefore: before.map(ModuleRewriter.text), keyAfter: after.map(ModuleRewriter.text),
                                          before: b, after: a, note: nil, provenance: nil))
    }

    mutating func followMetadata(_ f: FieldPath, _ to: FieldPath, _ descriptor: JSONValue?) throws(JSONEditError) {
        for rp in restorePaths(f.domain, f.name) {
            let flat = rp.components.count == 3
            if f.domain == to.domain || flat {
                if f.name != to.name, !sub.exists(JSONPath(Array(rp.components.dropLast())).appending(key: to.name)) {
                    try sub.renameKey(rp, to: to.name)
                    noteMetadata(.renamed, rp, JSONPath(Array(rp.components.dropLast())).appending(key: to.name), nil, nil)
                }
            } else {
                let raw = doc.sourceText(sub.node(rp)!)
                try sub.remove(rp)
                let dest = ModuleRewriter.restoreObject(to.domain)
                if !sub.exists(dest.appending(key: to.name)) {
                    try sub.setRaw(dest, to.name, raw)
                    noteMetadata(.renamed, rp, dest.appending(key: to.name), nil, nil)
                }
            }
        }
        let fromArr = ModuleRewriter.descriptorArray(f.domain)
        guard let i = sub.descriptorIndex(fromArr, name: f.name) else {
            if let d = descriptor { try addDescriptor(to.domain, d) }
            return
        }
        let p = fromArr.appending(index: i)
        let newDescriptor: JSONValue
        if let d = descriptor { newDescriptor = d } else {
            guard case .object(var members) = sub.value(p)! else { return }
            for k in members.indices where members[k].0 == "name" { members[k].1 = .string(to.name) }
            newDescriptor = .object(members)
        }
        if f.domain == to.domain {
            if descriptor == nil { try sub.replace(p.appending(key: "name"), with: .string(to.name)) } else { try sub.replace(p, with: newDescriptor) }
            noteMetadata(.changed, p, p, nil, nil)
        } else {
            try sub.remove(p)
            try addDescriptor(to.domain, newDescriptor)
        }
    }

    mutating func addDescriptor(_ d: FieldPath.Domain, _ v: JSONValue) throws(JSONEditError) {
        guard sub.exists(["metadata"]) else { return }
        if let name = v["name"]?.stringValue, sub.descriptorIndex(ModuleRewriter.descriptorArray(d), name: name) != nil { return }
        try sub.append(ModuleRewriter.descriptorArray(d), v, arrayAfter: ["restore", "designer"])
        noteMetadata(.added, nil, ModuleRewriter.descriptorArray(d), nil, v.compactText)
    }

    mutating func dropMetadata(_ d: FieldPath.Domain, _ k: String) throws(JSONEditError) {
        for rp in restorePaths(d, k).reversed() {
            noteMetadata(.removed, rp, nil, compact(rp), nil)
            try sub.remove(rp)
        }
        let arr = ModuleRewriter.descriptorArray(d)
        if let i = sub.descriptorIndex(arr, name: k) {
            noteMetadata(.removed, arr.appending(index: i), nil, nil, nil)
            try sub.remove(arr.appending(index: i))
        }
    }

    /// Writes the restore entry of a field whose value was set, or removes the stale one.
    mutating func setRestore(_ d: FieldPath.Domain, _ k: String, _ entry: JSONValue?) throws(JSONEditError) {
        for rp in restorePaths(d, k).reversed() {
            noteMetadata(.removed, rp, nil, compact(rp), nil)
            try sub.remove(rp)
        }
        guard let entry, sub.exists(["metadata"]) else { return }
        try sub.set(ModuleRewriter.restoreObject(d), k, entry, objectAfter: [])
        noteMetadata(.added, nil, ModuleRewriter.restoreObject(d).appending(key: k), nil, entry.compactText)
    }
}
