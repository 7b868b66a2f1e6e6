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
    static func containerKey(_ c: Container) -> String {
        switch c {
        case .main: return "main"
        case .route(_, let i, _): return "route\(i)"
        case .onError: return "onerror"
        case .branch(_, let i, _): return "branch\(i)"
        case .tool(_, let i, _): return "tool\(i)"
        case .orphan(let f): return "orphan\(f)"
        }
    }

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
        func emit(_ i: Int, _ prefix: String) {
            let m = bp.modules[i]
            let groups = groups(of: m, in: bp)
            let isCollapsed = collapsed.contains("m\(i)")
            rows.append(TreeRow(kind: .module(i), prefix: prefix, collapsed: isCollapsed && !groups.isEmpty, collapsible: !groups.isEmpty))
            if isCollapsed { return }
            for (gi, grp) in groups.enumerated() {
                let last = gi == groups.count - 1
                let hk = "h\(i).\(grp.key)"
                let hc = collapsed.contains(hk)
                rows.append(TreeRow(kind: .header(owner: i, key: grp.key, title: grp.title),
                                    prefix: prefix + (last ? g.treeLast : g.treeBranch), collapsed: hc, collapsible: true))
                if hc { continue }
                let childPrefix = prefix + (last ? g.treeSpace : g.treePipe)
                for c in grp.modules { emit(c, childPrefix) }
            }
        }
        var orphanFragments: [Int: [Int]] = [:]
        var orphanOrder: [Int] = []
        for m in bp.modules where m.parentIndex == nil {
            if case .orphan(let f) = m.container {
                if orphanFragments[f] == nil { orphanOrder.append(f) }
                orphanFragments[f, default: []].append(m.index)
            } else {
                emit(m.index, "")
            }
        }
        for f in orphanOrder {
            let hk = "o\(f)"
            let hc = collapsed.contains(hk)
            rows.append(TreeRow(kind: .header(owner: nil, key: "orphan\(f)", title: "orphan fragment \(f + 1)"),
                                prefix: "", collapsed: hc, collapsible: true))
            if hc { continue }
            for i in orphanFragments[f] ?? [] { emit(i, g.treeSpace) }
        }
        return rows
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
