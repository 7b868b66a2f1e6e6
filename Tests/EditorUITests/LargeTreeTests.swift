// Behaviour on large generated scenarios (BlueprintGen) where the editor takes
// shortcuts for speed: collapse/expand splices only the toggled subtree, and n/N
// use a per-query match list. Both must show exactly what the simple way shows.
import BlueprintGen
import BlueprintKit
import Testing
@testable import EditorUI

@Suite struct LargeTreeTests {
    func editor(_ modules: Int, seed: UInt64 = 9) throws -> Editor {
        try Editor(bytes: BlueprintGenerator.generate(seed: seed, target: .modules(modules)), path: nil, displayName: "generated")
    }

    @Test func collapseAndExpandShowTheSameRowsAsAFullRebuild() throws {
        let e = try editor(600)
        var rng: UInt64 = 12345
        func roll(_ n: Int) -> Int { rng = rng &* 6364136223846793005 &+ 1442695040888963407; return Int((rng >> 33) % UInt64(n)) }
        var toggles = 0
        for _ in 0..<300 {
            e.cursor = roll(e.rows.count)
            let wasCollapsed = e.rows[e.cursor].collapsed
            let collapsible = e.rows[e.cursor].collapsible
            let before = e.rows.count
            e.handle(.enter)
            if collapsible {
                toggles += 1
                #expect(e.rows[e.cursor].collapsed == !wasCollapsed)
                #expect(wasCollapsed ? e.rows.count >= before : e.rows.count <= before)
            }
            #expect(e.rows == TreeModel.rows(e.blueprint, collapsed: e.collapsed, glyphs: e.glyphs))
        }
        #expect(toggles > 50)
        #expect(!e.collapsed.isEmpty)
    }

    @Test func searchNextAndPreviousVisitEveryMatchInTreeOrder() throws {
        let e = try editor(800)
        let order = TreeModel.rows(e.blueprint, collapsed: [], glyphs: e.glyphs).compactMap(\.moduleIndex)
        let expected = order.filter { e.blueprint.modules[$0].moduleName.lowercased().contains("slack") || (e.blueprint.modules[$0].label ?? "").lowercased().contains("slack") || (e.badges[$0].title ?? "").lowercased().contains("slack") }
        #expect(expected.count > 20)
        for k in try Key.parseSequence("/slack<Enter>") { e.handle(k) }
        #expect(e.selectedModule?.index == expected[0])
        #expect(e.message == "/slack: match 1 of \(expected.count)")
        for i in 1..<expected.count {
            e.handle(.char("n"))
            #expect(e.selectedModule?.index == expected[i])
            #expect(e.message == "/slack: match \(i + 1) of \(expected.count)")
        }
        e.handle(.char("n"))
        #expect(e.selectedModule?.index == expected[0])
        #expect(e.message == "/slack: match 1 of \(expected.count) (wrapped)")
        e.handle(.char("N"))
        #expect(e.selectedModule?.index == expected.last)
        #expect(e.message == "/slack: match \(expected.count) of \(expected.count) (wrapped)")
        e.handle(.char("N"))
        #expect(e.selectedModule?.index == expected[expected.count - 2])
        // From a module that does not match, n goes to the next match after it in tree order.
        let gap = try #require((0..<(expected.count - 1)).first { expected[$0 + 1] - expected[$0] > 1 })
        e.select(moduleIndex: expected[gap] + 1)                 // modules are numbered in tree order
        e.handle(.char("n"))
        #expect(e.selectedModule?.index == expected[gap + 1])
        e.select(moduleIndex: expected[gap] + 1)
        e.handle(.char("N"))
        #expect(e.selectedModule?.index == expected[gap])
        // A collapsed ancestor is expanded to show the match.
        e.select(moduleIndex: expected[6])
        let owner = try #require(e.blueprint.modules[expected[6]].parentIndex)
        e.select(moduleIndex: owner)
        e.handle(.enter)
        #expect(!e.rows.contains { $0.moduleIndex == expected[6] })
        e.select(moduleIndex: expected[5])
        e.handle(.char("n"))
        #expect(e.selectedModule?.index == expected[6])
        #expect(e.rows == TreeModel.rows(e.blueprint, collapsed: e.collapsed, glyphs: e.glyphs))
    }
}
