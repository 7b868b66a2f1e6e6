// The bookkeeping of upgrade-all in one pass (`UpgradeEngine.applyAll`): every module is
// planned against one model of the document, as if the earlier upgrades had been applied
// (their reference rewrites inside the module go into its text first), and the whole
// batch is applied with one copy of the bytes and one reparse. Each module stays one undo
// step, expressed in the offsets of the document its predecessors left, exactly as
// upgrading one module after the other records it.

struct UpgradeBatch {
    let document: JSONDocument
    let modules: [Module]

    /// Reference rewrites made by the batch's steps, in the base document's offsets.
    private var rewrites: [(splice: Splice, alive: Bool)] = []
    /// Rewrite indices by the index of the module that holds the reference.
    private var rewritesIn: [Int: [Int]] = [:]
    private var rewriteStarts: Set<Int> = []
    /// The base ranges of the modules upgraded so far, sorted by start.
    private var upgraded: [Range<Int>] = []

    struct Step {
        var label: String
        /// Rewrites in other modules (base offsets).
        var outside: [Splice]
        /// The module's range in the base document.
        var region: Range<Int>
        /// Earlier rewrites inside the module (indices into `rewrites`), now part of its text.
        var pending: [Int]
        /// The module's own splice, relative to its text with `pending` applied.
        var local: Splice
    }
    private(set) var steps: [Step] = []
    private(set) var plans: [UpgradePlan] = []

    init(blueprint bp: Blueprint) {
        document = bp.document
        modules = bp.modules
    }

    var isEmpty: Bool { plans.isEmpty }

    func range(of m: Module) -> Range<Int> { document.node(m.node).start..<document.node(m.node).end }

    /// True when `r` overlaps or touches a module this batch already upgraded.
    private func touchesUpgraded(_ r: Range<Int>) -> Bool {
        var lo = 0, hi = upgraded.count             // first region ending at or after r's start
        while lo < hi {
            let mid = (lo + hi) / 2
            if upgraded[mid].upperBound < r.lowerBound { lo = mid + 1 } else { hi = mid }
        }
        return lo < upgraded.count && upgraded[lo].lowerBound <= r.upperBound
    }

    /// Whether module `m` can be planned in this batch: it does not lie inside (or around)
    /// a module upgraded earlier in the batch, whose new text the model does not have.
    func canPlan(_ m: Module) -> Bool { !touchesUpgraded(range(of: m)) }

    /// The earlier steps' rewrites inside module `m` (itself and the modules nested in it).
    func pending(in m: Module) -> [Int] {
        var out: [Int] = []
        var stack = [m.index]
        while let k = stack.popLast() {
            if let ids = rewritesIn[k] { out += ids.filter { rewrites[$0].alive } }
            stack += modules[k].childIndices
        }
        return out
    }

    func pendingSplices(_ ids: [Int]) -> [Splice] { ids.map { rewrites[$0].splice } }

    /// Adds a plan made with `pending` applied. False (nothing added) when one of its
    /// rewrites falls on an earlier step's edit: plan it again on the updated document.
    mutating func add(_ plan: UpgradePlan, for m: Module, pending: [Int]) -> Bool {
        let outside = Array(plan.splices.dropLast())
        guard let last = plan.splices.last else { return false }
        for s in outside where touchesUpgraded(s.range) || rewriteStarts.contains(s.range.lowerBound) { return false }
        let region = range(of: m)
        let local = Splice((last.range.lowerBound - region.lowerBound)..<(last.range.upperBound - region.lowerBound), last.text)
        for p in pending { rewrites[p].alive = false }
        for (s, r) in zip(outside, plan.rewrites.filter { !region.contains($0.fieldRange.lowerBound) }) {
            rewritesIn[r.moduleIndex, default: []].append(rewrites.count)
            rewrites.append((s, true))
            rewriteStarts.insert(s.range.lowerBound)
        }
        var lo = 0, hi = upgraded.count
        while lo < hi { let mid = (lo + hi) / 2; if upgraded[mid].lowerBound < region.lowerBound { lo = mid + 1 } else { hi = mid } }
        upgraded.insert(region, at: lo)
        steps.append(Step(label: plan.label, outside: outside, region: region, pending: pending, local: local))
        plans.append(plan)
        return true
    }

    /// The module's text with the step's pending rewrites applied (what the step's own
    /// splice is relative to).
    private func moduleText(_ step: Step) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(step.region.count)
        var pos = step.region.lowerBound
        for s in pendingSplices(step.pending).sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            out += document.bytes[pos..<s.range.lowerBound]
            out += s.text
            pos = s.range.upperBound
        }
        out += document.bytes[pos..<step.region.upperBound]
        return out
    }

    /// Each step as the splices it makes on the document the previous steps left (and
    /// their inverses), plus the edits that take the base document to the end result.
    func finish() -> (steps: [EditStepSplices], edits: [Splice]) {
        var keys = rewrites.map(\.splice.range.lowerBound) + steps.map(\.region.lowerBound)
        keys.sort()
        var shifts = Fenwick(count: keys.count)
        func rank(_ p: Int) -> Int {                  // how many keys are below p
            var lo = 0, hi = keys.count
            while lo < hi { let mid = (lo + hi) / 2; if keys[mid] < p { lo = mid + 1 } else { hi = mid } }
            return lo
        }
        func shift(_ p: Int) -> Int { shifts.prefix(rank(p)) }
        var out: [EditStepSplices] = []
        var edits: [Splice] = []
        for step in steps {
            let text = moduleText(step)
            var forward: [(Splice, [UInt8])] = step.outside.map { s in
                let d = shift(s.range.lowerBound)
                return (Splice((s.range.lowerBound + d)..<(s.range.upperBound + d), s.text), Array(document.bytes[s.range]))
            }
            let base = step.region.lowerBound + shift(step.region.lowerBound)
            let l = step.local
            forward.append((Splice((base + l.range.lowerBound)..<(base + l.range.upperBound), l.text), Array(text[l.range])))
            forward = forward.filter { !($0.0.range.isEmpty && $0.0.text.isEmpty) }
            if !forward.isEmpty {
                var inverse: [Splice] = []
                var grown = 0
                for (s, old) in forward.sorted(by: { $0.0.range.lowerBound < $1.0.range.lowerBound }) {
                    let start = s.range.lowerBound + grown
                    inverse.append(Splice(start..<(start + s.text.count), old))
                    grown += s.text.count - s.range.count
                }
                out.append(EditStepSplices(label: step.label, forward: forward.map(\.0), inverse: inverse))
            }
            // later steps see this one's edits
            var regionGrowth = l.text.count - l.range.count
            for p in step.pending {
                let s = rewrites[p].splice
                let g = s.text.count - s.range.count
                shifts.add(rank(s.range.lowerBound), -g)
                regionGrowth += g
            }
            shifts.add(rank(step.region.lowerBound), regionGrowth)
            for s in step.outside { shifts.add(rank(s.range.lowerBound), s.text.count - s.range.count) }
            edits.append(Splice(step.region, Array(text[..<l.range.lowerBound]) + l.text + Array(text[l.range.upperBound...])))
        }
        edits += rewrites.filter(\.alive).map(\.splice)
        return (out, edits)
    }
}

/// One undo step given as splices (and their inverses) on the document before it.
struct EditStepSplices {
    var label: String
    var forward: [Splice]
    var inverse: [Splice]
}

/// Prefix sums with point updates, both in O(log n).
struct Fenwick {
    private var tree: [Int]
    init(count: Int) { tree = [Int](repeating: 0, count: count + 1) }
    /// Adds `delta` at position `i` (0-based).
    mutating func add(_ i: Int, _ delta: Int) {
        var k = i + 1
        while k < tree.count { tree[k] += delta; k += k & -k }
    }
    /// The sum of positions 0..<n.
    func prefix(_ n: Int) -> Int {
        var s = 0, k = n
        while k > 0 { s += tree[k]; k -= k & -k }
        return s
    }
}
