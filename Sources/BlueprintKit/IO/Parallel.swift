// Running independent work on all cores: `check` opens its files side by side and
// loads the catalog meanwhile; a big report is built in chunks. Results always come
// back in order, so output does not depend on timing.
import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

public enum Parallel {
    /// The number of cores online (at least 1).
    public static let cores = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))

    /// `items.map(body)` on all cores, in order. `body` runs concurrently with itself.
    public static func map<T: Sendable, R: Sendable>(_ items: [T], _ body: @Sendable (T) -> R) -> [R] {
        guard items.count > 1, cores > 1 else { return items.map(body) }
        return indices(items.count) { body(items[$0]) }
    }

    /// `body` over `0..<count` cut into one contiguous chunk per core (none smaller
    /// than `minimum`), the chunks' results in order.
    public static func chunks<R: Sendable>(_ count: Int, minimum: Int, _ body: @Sendable (Range<Int>) -> R) -> [R] {
        let n = max(1, min(cores, count / max(1, minimum)))
        guard n > 1 else { return [body(0..<count)] }
        return indices(n) { k in body(count * k / n ..< count * (k + 1) / n) }
    }

    private static func indices<R: Sendable>(_ n: Int, _ body: @Sendable (Int) -> R) -> [R] {
        let slots = UnsafeMutablePointer<R?>.allocate(capacity: n)
        slots.initialize(repeating: nil, count: n)
        defer { slots.deinitialize(count: n); slots.deallocate() }
        let out = Slots(base: slots)
        DispatchQueue.concurrentPerform(iterations: n) { i in out.base[i] = body(i) }   // each writes its own slot
        return (0..<n).map { slots[$0]! }
    }

    private struct Slots<R>: @unchecked Sendable { let base: UnsafeMutablePointer<R?> }
}

/// A value computed on another thread; `value` waits for it.
public final class Background<V: Sendable>: @unchecked Sendable {
    private var result: V?
    private let group = DispatchGroup()

    public init(_ work: @escaping @Sendable () -> V) {
        DispatchQueue.global().async(group: group) { [self] in result = work() }
    }

    /// Waits at most `seconds` for the work; true when it is done (then `value` does not wait).
    public func wait(seconds: Double) -> Bool {
        group.wait(timeout: .now() + .nanoseconds(Int(max(0, seconds) * 1e9))) == .success
    }

    /// Waits until the work is done (the group orders its write before this read).
    public var value: V {
        group.wait()
        return result!
    }
}
