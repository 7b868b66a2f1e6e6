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
    /// The base ranges the upgraded modules' own edits cover, sorted by start. A module's
    /// edit covers only the part of its text that changed (from the first changed byte to
    /// the last), so an error handler nested after it can still be planned in the batch.
    private var edited: [Range<Int>] = []
    private var upgradedModules: Set<Int> = []

    struct Step {
        var label: String
        /// Rewrites in other modules (base offsets).
        var outside: [Splice]
        /// The module's range in the base document.
        var region: Range<Int>
        /// The module's own splice, relative to its text with its pending rewrites applied,
        /// and the text it replaces.
        var local: Splice
        var localOld: [UInt8]
        /// The same change as one base splice (absorbing the pending rewrites it touches),
        /// nil when the module's text stays as it is; and the rewrites it absorbs.
        var edit: Splice?
        var absorbed: [Int]
    }
    private(set) var steps: [Step] = []
    private(set) var plans: [UpgradePlan] = []

    init(blueprint bp: Blueprint) {
        document = bp.document
        modules = bp.modules
    }

    var isEmpty: Bool { plans.isEmpty }

    func range(of m: Module) -> Range<Int> { document.node(m.node).start..<document.node(m.node).end }

    /// True when `r` overlaps or touches an upgraded module's edit.
    private func touchesEdited(_ r: Range<Int>) -> Bool {
        var lo = 0, hi = edited.count               // first edit ending at or after r's start
        while lo < hi {
            let mid = (lo + hi) / 2
            if edited[mid].upperBound < r.lowerBound { lo = mid + 1 } else { hi = mid }
        }
        return lo < edited.count && edited[lo].lowerBound <= r.upperBound
    }

    /// Whether module `m` can be planned in this batch: no upgraded module's edit touches
    /// its text or its line's indentation (the model does not have that new text).
    func canPlan(_ m: Module) -> Bool {
        var r = range(of: m)
        let b = document.bytes
        var ls = r.lowerBound
        while ls > 0 && (b[ls - 1] == 0x20 || b[ls - 1] == 0x09) { ls -= 1 }
        r = ls..<r.upperBound
        return !touchesEdited(r)
    }

    /// The earlier steps' rewrites inside module `m` (itself and the modules nested in it).
    func pending(in m: Module) -> [Int] {
        var out: [Int] = []
        var stack = [m.index]
        while let k = stack.popLast() {
            if let ids = rewritesIn[k] { out += ids.filter { rewrites[$0].alive } }
            stack += modules[k].childIndices
        }
        return out.sorted { rewrites[$0].splice.range.lowerBound < rewrites[$1].splice.range.lowerBound }
    }

    func pendingSplices(_ ids: [Int]) -> [Splice] { ids.map { rewrites[$0].splice } }

    /// Adds a plan made with `pending` (sorted by offset) applied. False (nothing added)
    /// when the plan reads or writes a module upgraded earlier in the batch, or one of its
    /// rewrites falls on an earlier edit: plan it again on the updated document.
    mutating func add(_ plan: UpgradePlan, for m: Module, pending: [Int]) -> Bool {
        let outside = Array(plan.splices.dropLast())
        guard let last = plan.splices.last else { return false }
        let readers = plan.rewrites.map(\.moduleIndex) + plan.dangling.map(\.moduleIndex) + plan.referencesToReview.map(\.moduleIndex)
        if readers.contains(where: { upgradedModules.contains($0) }) { return false }
        for s in outside where touchesEdited(s.range) || rewriteStarts.contains(s.range.lowerBound) { return false }
        let region = range(of: m)
        let local = Splice((last.range.lowerBound - region.lowerBound)..<(last.range.upperBound - region.lowerBound), last.text)
        let text = moduleText(region, pending)
        var edit: Splice? = nil
        var absorbed: [Int] = []
        if !(local.range.isEmpty && local.text.isEmpty) {
            // the pending rewrites in module-text offsets; widen the splice over those it touches
            var at: [(id: Int, range: Range<Int>, delta: Int)] = []
            var grown = 0
            for p in pending {
                let s = rewrites[p].splice
                let start = s.range.lowerBound - region.lowerBound + grown
                at.append((p, start..<(start + s.text.count), s.text.count - s.range.count))
                grown += s.text.count - s.range.count
            }
            var lo = local.range.lowerBound, hi = local.range.upperBound
            var changed = true
            while changed {
                changed = false
                for r in at where r.range.lowerBound <= hi && lo <= r.range.upperBound && (r.range.lowerBound < lo || r.range.upperBound > hi) {
                    lo = min(lo, r.range.lowerBound); hi = max(hi, r.range.upperBound); changed = true
                }
            }
            absorbed = at.filter { $0.range.lowerBound >= lo && $0.range.upperBound <= hi }.map(\.id)
            func base(_ x: Int) -> Int { region.lowerBound + x - at.reduce(0) { $1.range.upperBound <= x ? $0 + $1.delta : $0 } }
            edit = Splice(base(lo)..<base(hi), Array(text[lo..<local.range.lowerBound]) + local.text + Array(text[local.range.upperBound..<hi]))
        }
        for p in absorbed { rewrites[p].alive = false }
        for (s, r) in zip(outside, plan.rewrites.filter { !region.contains($0.fieldRange.lowerBound) }) {
            rewritesIn[r.moduleIndex, default: []].append(rewrites.count)
            rewrites.append((s, true))
            rewriteStarts.insert(s.range.lowerBound)
        }
        if let e = edit {
            var lo = 0, hi = edited.count
            while lo < hi { let mid = (lo + hi) / 2; if edited[mid].lowerBound < e.range.lowerBound { lo = mid + 1 } else { hi = mid } }
            edited.insert(e.range, at: lo)
        }
        upgradedModules.insert(m.index)
        steps.append(Step(label: plan.label, outside: outside, region: region, local: local, localOld: Array(text[local.range]),
                          edit: edit, absorbed: absorbed))
        plans.append(plan)
        return true
    }

    /// The module's text with the pending rewrites applied (what its own splice is relative to).
    private func moduleText(_ region: Range<Int>, _ pending: [Int]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(region.count)
        var pos = region.lowerBound
        for s in pendingSplices(pending) {
            out += document.bytes[pos..<s.range.lowerBound]
            out += s.text
            pos = s.range.upperBound
        }
        out += document.bytes[pos..<region.upperBound]
        return out
    }

    /// Each step as the splices it makes on the document the previous steps left (and
    /// their inverses), plus the edits that take the base document to the end result.
    func finish() -> (steps: [EditStepSplices], edits: [Splice]) {
        var keys = rewrites.map(\.splice.range.lowerBound) + steps.compactMap { $0.edit?.range.lowerBound }
        keys.sort()
        var shifts = Fenwick(count: keys.count)
        func rank(_ p: Int) -> Int {                  // how many keys are below p
            var lo = 0, hi = keys.count
            while lo < hi { let mid = (lo + hi) / 2; if keys[mid] < p { lo = mid + 1 } else { hi = mid } }
            return lo
        }
        func shift(_ p: Int) -> Int { shifts.prefix(rank(p)) }
        var out: [EditStepSplices] = []
        for step in steps {
            var forward: [(Splice, [UInt8])] = step.outside.map { s in
                let d = shift(s.range.lowerBound)
                return (Splice((s.range.lowerBound + d)..<(s.range.upperBound + d), s.text), Array(document.bytes[s.range]))
            }
            let base = step.region.lowerBound + shift(step.region.lowerBound)
            let l = step.local
            forward.append((Splice((base + l.range.lowerBound)..<(base + l.range.upperBound), l.text), step.localOld))
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
            for p in step.absorbed {
                let s = rewrites[p].splice
                shifts.add(rank(s.range.lowerBound), s.range.count - s.text.count)
            }
            if let e = step.edit { shifts.add(rank(e.range.lowerBound), e.text.count - e.range.count) }
            for s in step.outside { shifts.add(rank(s.range.lowerBound), s.text.count - s.range.count) }
        }
        return (out, steps.compactMap(\.edit) + rewrites.filter(\.alive).map(\.splice))
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
