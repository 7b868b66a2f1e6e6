// The module tree as rows: modules, and header rows for each nested container
// (route 1, route 2 (else), on error, branch, tool, orphan fragment). Rows are
// rebuilt only when the structure, the collapse state or the filter changes,
// never per keystroke.
import BlueprintKit

public struct TreeRow: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case module(Int)
        /// A container header: its owner module (nil for orphan fragments) and its key.
        case header(owner: Int?, key: String, title: String)
    }
    public var kind: Kind
    /// Tree glyphs drawn before the row's content.
    public var prefix: String
    /// True when the row's subtree is collapsed.
    public var collapsed: Bool
    public var collapsible: Bool

    public var moduleIndex: Int? { if case .module(let i) = kind { return i }; return nil }
}

/// Groups of a module's nested modules, one per container, in blueprint order.
struct ContainerGroup {
    var key: String
    var title: String
    var modules: [Int]
}

enum TreeModel {
    static func containerKey(_ c: Container) -> String { c.slotKey }

    static func containerTitle(_ c: Container) -> String {
        switch c {
        case .main: return "main flow"
        case .route(_, let i, let e): return "route \(i + 1)\(e ? " (else)" : "")"
        case .onError: return "on error"
        case .branch(_, let i, let l): return l.isEmpty ? "branch \(i + 1)" : "branch \(i + 1): \(l)"
        case .tool(_, let i, let n): return n.isEmpty ? "tool \(i + 1)" : "tool: \(n)"
        case .orphan(let f): return "orphan fragment \(f + 1)"
        }
    }

    static func groups(of m: Module, in bp: Blueprint) -> [ContainerGroup] {
        var out: [ContainerGroup] = []
        for c in m.childIndices {
            let child = bp.modules[c]
            let key = containerKey(child.container)
            if let last = out.last, last.key == key { out[out.count - 1].modules.append(c) }
            else { out.append(ContainerGroup(key: key, title: containerTitle(child.container), modules: [c])) }
        }
        return out
    }

    /// Every row of the tree, honouring collapsed modules and headers.
    /// `collapsed` holds module keys (`m<index>`) and header keys (`h<owner>.<key>`).
    static func rows(_ bp: Blueprint, collapsed: Set<String>, glyphs g: Glyphs) -> [TreeRow] {
        var rows: [TreeRow] = []
        rows.reserveCapacity(bp.modules.count + bp.modules.count / 4)
        var orphanFragments: [Int: [Int]] = [:]
        var orphanOrder: [Int] = []
        for m in bp.modules where m.parentIndex == nil {
            if case .orphan(let f) = m.container {
                if orphanFragments[f] == nil { orphanOrder.append(f) }
                orphanFragments[f, default: []].append(m.index)
            } else {
                emit(m.index, "", bp, collapsed, g, into: &rows)
            }
        }
        for f in orphanOrder {
            let hk = "o\(f)"
            let hc = collapsed.contains(hk)
            rows.append(TreeRow(kind: .header(owner: nil, key: "orphan\(f)", title: "orphan fragment \(f + 1)"),
                                prefix: "", collapsed: hc, collapsible: true))
            if hc { continue }
            for i in orphanFragments[f] ?? [] { emit(i, g.treeSpace, bp, collapsed, g, into: &rows) }
        }
        return rows
    }

    /// Module `i`'s row and, unless collapsed, its containers' rows.
    static func emit(_ i: Int, _ prefix: String, _ bp: Blueprint, _ collapsed: Set<String>, _ g: Glyphs, into rows: inout [TreeRow]) {
        let m = bp.modules[i]
        let isCollapsed = !collapsed.isEmpty && collapsed.contains("m\(i)")
        guard !m.childIndices.isEmpty else {
            rows.append(TreeRow(kind: .module(i), prefix: prefix, collapsed: false, collapsible: false))
            return
        }
        let groups = groups(of: m, in: bp)
        rows.append(TreeRow(kind: .module(i), prefix: prefix, collapsed: isCollapsed && !groups.isEmpty, collapsible: !groups.isEmpty))
        if isCollapsed { return }
        for (gi, grp) in groups.enumerated() {
            emitHeader(i, grp, last: gi == groups.count - 1, prefix, bp, collapsed, g, into: &rows)
        }
    }

    /// A container header of module `owner` (whose row has `ownerPrefix`) and, unless collapsed, its modules.
    static func emitHeader(_ owner: Int, _ grp: ContainerGroup, last: Bool, _ ownerPrefix: String, _ bp: Blueprint,
                           _ collapsed: Set<String>, _ g: Glyphs, into rows: inout [TreeRow]) {
        let hc = !collapsed.isEmpty && collapsed.contains("h\(owner).\(grp.key)")
        rows.append(TreeRow(kind: .header(owner: owner, key: grp.key, title: grp.title),
                            prefix: ownerPrefix + (last ? g.treeLast : g.treeBranch), collapsed: hc, collapsible: true))
        if hc { return }
        let childPrefix = ownerPrefix + (last ? g.treeSpace : g.treePipe)
        for c in grp.modules { emit(c, childPrefix, bp, collapsed, g, into: &rows) }
    }

    /// The rows of `rows[r]` and everything nested under it, as `rows(_:collapsed:glyphs:)`
    /// would produce them for `collapsed`; nil for orphan-fragment headers.
    static func subtree(at r: Int, of rows: [TreeRow], _ bp: Blueprint, collapsed: Set<String>, glyphs g: Glyphs) -> [TreeRow]? {
        var out: [TreeRow] = []
        switch rows[r].kind {
        case .module(let i):
            emit(i, rows[r].prefix, bp, collapsed, g, into: &out)
        case .header(let owner?, let key, _):
            let groups = groups(of: bp.modules[owner], in: bp)
            guard let gi = groups.firstIndex(where: { $0.key == key }),
                  let ownerRow = rows[..<r].lastIndex(where: { $0.moduleIndex == owner }) else { return nil }
            emitHeader(owner, groups[gi], last: gi == groups.count - 1, rows[ownerRow].prefix, bp, collapsed, g, into: &out)
        case .header(nil, _, _):
            return nil
        }
        return out
    }

    /// The collapse key of a row.
    static func collapseKey(_ row: TreeRow) -> String {
        switch row.kind {
        case .module(let i): return "m\(i)"
        case .header(let owner, let key, _): return owner.map { "h\($0).\(key)" } ?? "o\(key.dropFirst("orphan".count))"
        }
    }

    /// Keys to remove from `collapsed` so that module `i` becomes visible.
    static func ancestorsKeys(of i: Int, in bp: Blueprint) -> [String] {
        var keys: [String] = []
        var cur = bp.modules[i]
        if case .orphan(let f) = cur.container, cur.parentIndex == nil { keys.append("o\(f)") }
        while let p = cur.parentIndex {
            keys.append("m\(p)")
            keys.append("h\(p).\(containerKey(cur.container))")
            cur = bp.modules[p]
            if case .orphan(let f) = cur.container, cur.parentIndex == nil { keys.append("o\(f)") }
        }
        return keys
    }
}
