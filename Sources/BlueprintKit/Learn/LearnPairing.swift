// Pairs the modules of a scenario before and after a person upgraded it by hand:
// by id when the module kept it (Fusion's "Upgrade", Make's Module Migrator), else
// by place (the new module sits where the old one sat: same container and the same
// neighbours, or the same position), else as the user says (`--pair OLD=NEW`).
// What is left on either side is reported: a rule cannot add or remove modules.

/// One old module and its counterpart, as indices into the two blueprints' `modules`.
public struct ModulePair: Sendable, Equatable {
    public enum How: String, Sendable { case id, place, user }
    public var old: Int
    public var new: Int
    public var how: How
}

public struct LearnPairing: Sendable {
    public var pairs: [ModulePair]
    /// Modules of BEFORE with no counterpart (removed), and of AFTER (added).
    public var onlyBefore: [Int]
    public var onlyAfter: [Int]
    /// `--pair` requests that did not apply, and places with more than one candidate.
    public var problems: [String]

    public func new(forOld i: Int) -> Int? { pairs.first { $0.old == i }?.new }
    public func old(forNew i: Int) -> Int? { pairs.first { $0.new == i }?.old }

    /// AFTER's module id `id` as BEFORE knew it: the id of its counterpart, else `id` itself.
    func oldId(_ id: Int, before: Blueprint, after: Blueprint) -> Int {
        after.module(id: id).flatMap { old(forNew: $0.index) }.flatMap { before.modules[$0].id } ?? id
    }

    /// Pairs `before` with `after`; `user` holds (old id, new id) requests, which come first.
    public init(before: Blueprint, after: Blueprint, user: [(Int, Int)] = []) {
        var oldToNew: [Int: Int] = [:], newToOld: [Int: Int] = [:]
        var list: [ModulePair] = []
        var problems: [String] = []
        func add(_ o: Int, _ n: Int, _ how: ModulePair.How) {
            oldToNew[o] = n; newToOld[n] = o
            list.append(ModulePair(old: o, new: n, how: how))
        }
        for (oid, nid) in user {
            guard let o = before.module(id: oid), let n = after.module(id: nid) else { continue }
            guard oldToNew[o.index] == nil, newToOld[n.index] == nil else {
                problems.append("--pair \(oid)=\(nid): #\(oid) or #\(nid) is already paired")
                continue
            }
            add(o.index, n.index, .user)
        }
        // a container matches when its owner is the counterpart of the other's owner
        func sameSlot(_ o: Module, _ n: Module) -> Bool {
            guard o.container.slotKey == n.container.slotKey else { return false }
            switch (o.parentIndex, n.parentIndex) {
            case (nil, nil): return true
            case let (po?, pn?): return oldToNew[po] == pn
            default: return false
            }
        }
        for o in before.modules where oldToNew[o.index] == nil {
            guard let id = o.id, let n = after.module(id: id), newToOld[n.index] == nil else { continue }
            if o.app == n.app || sameSlot(o, n) { add(o.index, n.index, .id) }
        }
        let oldSiblings = LearnPairing.siblings(before), newSiblings = LearnPairing.siblings(after)
        var changed = true
        while changed {
            changed = false
            for o in before.modules where oldToNew[o.index] == nil && !o.moduleName.isEmpty {
                let candidates = after.modules.filter { newToOld[$0.index] == nil && !$0.moduleName.isEmpty && sameSlot(o, $0) }
                guard !candidates.isEmpty else { continue }
                let (op, os, opos) = oldSiblings[o.index]
                // neighbours: the counterparts of o's neighbours (an unpaired neighbour matches nothing)
                let wantPrev: Int?? = op.map { oldToNew[$0].map { Optional($0) } } ?? .some(nil)
                let wantNext: Int?? = os.map { oldToNew[$0].map { Optional($0) } } ?? .some(nil)
                let byNeighbours = candidates.filter { n in
                    let (np, ns, _) = newSiblings[n.index]
                    return wantPrev.map { $0 == np } == true && wantNext.map { $0 == ns } == true
                }
                let byPosition = candidates.filter { newSiblings[$0.index].2 == opos }
                if byNeighbours.count == 1 { add(o.index, byNeighbours[0].index, .place); changed = true }
                else if byNeighbours.isEmpty && byPosition.count == 1 { add(o.index, byPosition[0].index, .place); changed = true }
            }
        }
        for o in before.modules where oldToNew[o.index] == nil && !o.moduleName.isEmpty {
            let c = after.modules.filter { newToOld[$0.index] == nil && !$0.moduleName.isEmpty && sameSlot(o, $0) }
            if c.count > 1 {
                problems.append("\(o.idText) `\(o.moduleName)`: \(c.count) new modules could have replaced it (\(c.map(\.idText).joined(separator: ", "))); say which with --pair \(o.id.map(String.init) ?? "OLD")=NEW")
            }
        }
        pairs = list.sorted { $0.old < $1.old }
        onlyBefore = before.modules.filter { oldToNew[$0.index] == nil && !$0.moduleName.isEmpty }.map(\.index)
        onlyAfter = after.modules.filter { newToOld[$0.index] == nil && !$0.moduleName.isEmpty }.map(\.index)
        self.problems = problems
    }

    /// For each module: the previous and next module of its flow, and its position there.
    static func siblings(_ bp: Blueprint) -> [(Int?, Int?, Int)] {
        var groups: [String: [Int]] = [:]
        for m in bp.modules {
            let key = "\(m.parentIndex.map(String.init) ?? "-") \(m.container.slotKey)"
            groups[key, default: []].append(m.index)
        }
        var out = [(Int?, Int?, Int)](repeating: (nil, nil, 0), count: bp.modules.count)
        for list in groups.values {
            for (k, i) in list.enumerated() {
                out[i] = (k > 0 ? list[k - 1] : nil, k + 1 < list.count ? list[k + 1] : nil, k)
            }
        }
        return out
    }
}

extension Container {
    /// The container's kind and its route/branch/tool/fragment number, without its owner:
    /// `main`, `route0`, `onerror`, `branch1`, `tool0`, `orphan2`.
    public var slotKey: String {
        switch self {
        case .main: return "main"
        case .route(_, let i, _): return "route\(i)"
        case .onError: return "onerror"
        case .branch(_, let i, _): return "branch\(i)"
        case .tool(_, let i, _): return "tool\(i)"
        case .orphan(let f): return "orphan\(f)"
        }
    }
}
