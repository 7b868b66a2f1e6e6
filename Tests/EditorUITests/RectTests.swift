import Testing
@testable import EditorUI

@Suite struct RectTests {
    @Test func splitsClampAndCoverTheWholeRect() {
        let r = Rect(x: 2, y: 1, width: 80, height: 20)
        let (l, rt) = r.splitHorizontal(at: 30)
        #expect(l == Rect(x: 2, y: 1, width: 30, height: 20))
        #expect(rt == Rect(x: 32, y: 1, width: 50, height: 20))
        #expect(r.splitHorizontal(at: -10).right.width == 10)
        #expect(r.splitHorizontal(at: 500).right.isEmpty)
        let (t, b) = r.splitVertical(at: 1)
        #expect(t.height == 1 && b == Rect(x: 2, y: 2, width: 80, height: 19))
        #expect(r.splitVertical(at: -1).bottom.height == 1)
    }

    @Test func insetNeverGoesNegative() {
        #expect(Rect(x: 0, y: 0, width: 10, height: 5).inset(by: 1) == Rect(x: 1, y: 1, width: 8, height: 3))
        #expect(Rect(x: 0, y: 0, width: 1, height: 1).inset(by: 3).isEmpty)
        #expect(Rect(x: 0, y: 0, width: -4, height: 2).width == 0)
        #expect(Rect(x: 0, y: 0, width: 10, height: 5).inset(left: 2) == Rect(x: 2, y: 0, width: 8, height: 5))
    }

    @Test func intersectionAndCentering() {
        let a = Rect(x: 0, y: 0, width: 10, height: 10)
        #expect(a.intersection(Rect(x: 5, y: 5, width: 10, height: 10)) == Rect(x: 5, y: 5, width: 5, height: 5))
        #expect(a.intersection(Rect(x: 20, y: 0, width: 5, height: 5)).isEmpty)
        #expect(Rect(x: Int.min, y: Int.min, width: Int.max, height: Int.max).intersection(a).isEmpty)
        #expect(Rect(x: -5, y: -5, width: Int.max, height: Int.max).intersection(a) == a)
        #expect(a.centered(width: 4, height: 2) == Rect(x: 3, y: 4, width: 4, height: 2))
        #expect(a.centered(width: 40, height: 2).width == 10)
        #expect(a.contains(x: 9, y: 0) && !a.contains(x: 10, y: 0))
    }
}
