// Layout rectangles in screen cells. Sizes are never negative; splitting and insetting
// clamp instead of producing invalid rectangles, so layout code needs no guards for
// tiny terminals.

public struct Rect: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public static let zero = Rect(x: 0, y: 0, width: 0, height: 0)

    /// One past the last column / row (saturating, so huge rectangles cannot trap).
    public var maxX: Int { x.addingReportingOverflow(width).overflow ? Int.max : x + width }
    public var maxY: Int { y.addingReportingOverflow(height).overflow ? Int.max : y + height }
    public var isEmpty: Bool { width == 0 || height == 0 }

    public func contains(x px: Int, y py: Int) -> Bool { px >= x && px < maxX && py >= y && py < maxY }

    /// Splits side by side: `left` gets the first `column` columns (clamped to 0...width),
    /// `right` the rest. A negative `column` counts from the right edge.
    public func splitHorizontal(at column: Int) -> (left: Rect, right: Rect) {
        let c = clamp(column < 0 ? width + column : column, to: width)
        return (Rect(x: x, y: y, width: c, height: height),
                Rect(x: x + c, y: y, width: width - c, height: height))
    }

    /// Splits one above the other: `top` gets the first `row` rows (clamped to 0...height),
    /// `bottom` the rest. A negative `row` counts from the bottom edge.
    public func splitVertical(at row: Int) -> (top: Rect, bottom: Rect) {
        let r = clamp(row < 0 ? height + row : row, to: height)
        return (Rect(x: x, y: y, width: width, height: r),
                Rect(x: x, y: y + r, width: width, height: height - r))
    }

    /// Shrinks by `n` cells on every side (never below zero size).
    public func inset(by n: Int) -> Rect { inset(top: n, left: n, bottom: n, right: n) }

    public func inset(top: Int = 0, left: Int = 0, bottom: Int = 0, right: Int = 0) -> Rect {
        let w = max(0, width - left - right), h = max(0, height - top - bottom)
        return Rect(x: x + min(left, width), y: y + min(top, height), width: w, height: h)
    }

    /// The overlap of two rectangles (empty, positioned at the nearer corner, if none).
    public func intersection(_ o: Rect) -> Rect {
        let x0 = max(x, o.x), y0 = max(y, o.y)
        let x1 = min(maxX, o.maxX), y1 = min(maxY, o.maxY)
        return Rect(x: x0, y: y0, width: Rect.span(x0, x1), height: Rect.span(y0, y1))
    }

    /// A `width`×`height` rectangle centred in this one (clamped to fit).
    public func centered(width w: Int, height h: Int) -> Rect {
        let cw = clamp(w, to: width), ch = clamp(h, to: height)
        return Rect(x: x + (width - cw) / 2, y: y + (height - ch) / 2, width: cw, height: ch)
    }

    /// `hi - lo`, zero when negative, `Int.max` when it would overflow.
    private static func span(_ lo: Int, _ hi: Int) -> Int {
        guard hi > lo else { return 0 }
        let (d, overflow) = hi.subtractingReportingOverflow(lo)
        return overflow ? Int.max : d
    }

    private func clamp(_ v: Int, to upper: Int) -> Int { min(max(0, v), upper) }
}
