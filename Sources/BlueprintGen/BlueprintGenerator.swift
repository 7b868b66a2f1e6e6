// Generates large, realistic scenario blueprints for benchmarks and tests:
// a webhook trigger, then main-flow modules, routers nested up to five deep
// (filters on routes, else routes), error handlers (alert + Resume/Ignore/Break/
// Rollback), long IML strings full of `{{id.field}}` references to upstream
// modules, non-ASCII labels and text, connections (`__IMTCONN__`, `account`) with
// their restore labels, and modules the shipped catalog deprecates (HTTP v3,
// Gmail v2, Slack v3, Set variable v1, X v5: automatic upgrades; Notion: manual).
// The module shapes follow the built-in demo (BlueprintKit/Demo/DemoScenario.swift).
// Output is a pure function of the seed and the target; nothing reads ../shared.

/// How big the generated blueprint should be.
public enum GeneratorTarget: Sendable, Equatable, CustomStringConvertible {
    /// About this many bytes (within one module's size, a few kilobytes).
    case bytes(Int)
    /// Exactly this many modules (counting routers, handlers and nested modules).
    case modules(Int)

    public var description: String {
        switch self {
        case .bytes(let n): return "\(n) bytes"
        case .modules(let n): return "\(n) modules"
        }
    }
}

public enum BlueprintGenerator {
    /// The blueprint's bytes (UTF-8 JSON in Make's export layout).
    public static func generate(seed: UInt64, target: GeneratorTarget) -> [UInt8] {
        var g = Generation(seed: seed, target: target)
        g.run()
        return g.w.bytes
    }

    /// Deepest router nesting the generator produces (the first router chain always reaches it).
    public static let maxRouterDepth = 5
}

/// SplitMix64: small, fast, and the same on every platform.
struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { n <= 1 ? 0 : Int(next() % UInt64(n)) }
    mutating func range(_ r: ClosedRange<Int>) -> Int { r.lowerBound + below(r.count) }
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
    mutating func pick<T>(_ a: [T]) -> T { a[below(a.count)] }
}

struct Generation {
    var w: JSONTextWriter
    var rng: SplitMix64
    let target: GeneratorTarget
    var emitted = 0
    var nextId = 1
    /// Ids visible upstream of the module being written (references point at these).
    var scope: [Int] = []
    var column = 0
    /// Module kinds written first, so that even a small blueprint has every feature.
    var forced: [Kind] = [.http(handler: true), .gmail, .notion, .slack(v3: true), .sheets, .setVariable(legacy: true), .twitter, .iterator]

    init(seed: UInt64, target: GeneratorTarget) {
        rng = SplitMix64(state: seed ^ 0x5CE2_ED00_B1E9_0000)
        self.target = target
        let reserve: Int
        switch target {
        case .bytes(let n): reserve = n + 64 * 1024
        case .modules(let n): reserve = n * 2200
        }
        w = JSONTextWriter(reserve: reserve)
    }

    /// Modules that may still be written: exact for a module count; for a byte size,
    /// unbounded until the text (plus what closing it takes) reaches the size.
    func remaining() -> Int {
        switch target {
        case .modules(let n): return max(0, n - emitted)
        case .bytes(let n): return w.count + 900 + w.openContainers * 40 < n ? Int.max : 0
        }
    }

    mutating func run() {
        w.beginObject()
        w.member("name", "Order hub · Bestellungen · 注文 — generated load test")
        w.key("flow"); w.beginArray()
        if remaining() > 0 { trigger() }
        if remaining() > 0 { router(depth: 0, chain: BlueprintGenerator.maxRouterDepth) }
        while remaining() > 0 {
            if remaining() >= 4 && rng.chance(12) { router(depth: 0, chain: 0) } else { action(depth: 0, filter: false) }
        }
        w.endArray()
        trailer()
        w.endObject()
        w.newline()
    }

    // MARK: structure

    mutating func newId() -> Int {
        defer { nextId += 1; emitted += 1 }
        return nextId
    }

    /// A flow inside a route or error handler; restores the upstream scope afterwards.
    mutating func flow(depth: Int, length: Int, inRoute: Bool, chain: Int) {
        let saved = scope.count
        w.beginArray()
        for i in 0..<length {
            guard remaining() > 0 else { break }
            if i == 0 && chain > 0 && remaining() >= 2 {
                router(depth: depth, chain: chain)
            } else if depth < BlueprintGenerator.maxRouterDepth && remaining() >= 4 && rng.chance(depth == 0 ? 12 : 28 - depth * 4) {
                router(depth: depth, chain: 0)
            } else {
                action(depth: depth, filter: inRoute && i == 0 && rng.chance(70))
            }
        }
        w.endArray()
        scope.removeSubrange(saved...)
    }

    mutating func router(depth: Int, chain: Int) {
        let id = newId()
        let routes = rng.range(2...4)
        let hasElse = rng.chance(40)
        w.beginObject()
        w.member("id", id)
        w.member("module", "builtin:BasicRouter")
        w.member("version", 1)
        w.key("parameters"); w.beginObject()
        if hasElse { w.member("else", routes) }
        w.endObject()
        w.key("mapper"); w.null()
        w.key("metadata"); w.beginObject()
        designer(depth: depth, name: rng.chance(50) ? rng.pick(Text.routerNames) : nil)
        w.endObject()
        w.key("routes"); w.beginArray()
        for r in 0..<routes {
            guard remaining() > 0 else { break }
            w.beginObject()
            w.key("flow")
            flow(depth: depth + 1, length: rng.range(1...5), inRoute: true, chain: r == 0 ? max(0, chain - 1) : 0)
            w.endObject()
        }
        w.endArray()
        w.endObject()
    }

    enum Kind: Equatable {
        case http(handler: Bool), gmail, notion, slack(v3: Bool), sheets, setVariable(legacy: Bool), twitter, iterator
    }

    mutating func action(depth: Int, filter: Bool) {
        let kind: Kind
        if !forced.isEmpty { kind = forced.removeFirst() } else {
            switch rng.below(100) {
            case 0..<22: kind = .http(handler: rng.chance(35))
            case 22..<32: kind = .gmail
            case 32..<35: kind = .notion
            case 35..<52: kind = .slack(v3: rng.chance(50))
            case 52..<67: kind = .sheets
            case 67..<85: kind = .setVariable(legacy: rng.chance(50))
            case 85..<92: kind = .twitter
            default: kind = .iterator
            }
        }
        let id = newId()
        w.beginObject()
        w.member("id", id)
        switch kind {
        case .http(let handler): http(id: id, depth: depth, filter: filter, handler: handler)
        case .gmail: gmail(id: id, depth: depth, filter: filter)
        case .notion: notion(id: id, depth: depth, filter: filter)
        case .slack(let v3): slack(id: id, depth: depth, filter: filter, v3: v3)
        case .sheets: sheets(id: id, depth: depth, filter: filter)
        case .setVariable(let legacy): setVariable(id: id, depth: depth, filter: filter, legacy: legacy)
        case .twitter: twitter(id: id, depth: depth, filter: filter)
        case .iterator: iterator(id: id, depth: depth, filter: filter)
        }
        w.endObject()
        scope.append(id)
    }

    // MARK: pieces

    mutating func designer(depth: Int, name: String?) {
        column += 1
        w.key("designer"); w.beginObject()
        w.member("x", column * 300)
        w.member("y", depth * 300 + rng.below(4) * 150)
        if let name { w.member("name", name) }
        w.endObject()
    }

    /// An upstream module id (the trigger when nothing else is visible).
    mutating func upstream() -> Int {
        guard !scope.isEmpty else { return 1 }
        let window = min(scope.count, 12)
        return scope[scope.count - 1 - rng.below(window)]
    }

    /// One IML expression referring to an upstream module.
    mutating func iml() -> String {
        let id = upstream()
        let f = rng.pick(Text.fields)
        switch rng.below(8) {
        case 0: return "{{formatDate(\(id).createdAt; \"DD.MM.YYYY HH:mm\")}}"
        case 1: return "{{if(\(id).statusCode = 200; \"ok\"; \"failed\")}}"
        case 2: return "{{lower(\(id).\(f))}}"
        case 3: return "{{sum(map(\(id).items; \"price\"))}}"
        default: return "{{\(id).\(f)}}"
        }
    }

    /// Running text with references, mixing languages: `parts` sentences.
    mutating func prose(_ parts: Int, html: Bool) -> String {
        var s = ""
        for i in 0..<parts {
            let sentence = rng.pick(Text.sentences)
            let piece = "\(sentence) \(iml()) – \(rng.pick(Text.words)) \(iml())."
            if html { s += i % 4 == 0 ? "<h3>\(rng.pick(Text.labels))</h3><p>\(piece)</p>" : "<p>\(piece)</p>" }
            else { s += (i == 0 ? "" : " ") + piece }
        }
        return s
    }

    mutating func filterObject() {
        w.key("filter"); w.beginObject()
        w.member("name", rng.pick(Text.filterNames))
        w.key("conditions"); w.beginArray()
        for _ in 0..<rng.range(1...2) {
            w.beginArray()
            for _ in 0..<rng.range(1...3) {
                w.beginObject()
                let op = rng.pick(["text:equal", "number:greater", "exist", "text:contain:ci", "date:less"])
                w.member("a", iml())
                if op != "exist" { w.member("b", op == "number:greater" ? String(rng.below(500)) : rng.pick(Text.words)) }
                w.member("o", op)
                w.endObject()
            }
            w.endArray()
        }
        w.endArray()
        w.endObject()
    }

    /// `parameters.<name>` = connection id, and its restore label and descriptor.
    mutating func connectionRestore(_ param: String, type: String, label: String) {
        w.key("restore"); w.beginObject()
        w.key("parameters"); w.beginObject()
        w.key(param); w.beginObject()
        w.key("data"); w.beginObject()
        w.member("scoped", "true")
        w.member("connection", type)
        w.endObject()
        w.member("label", label)
        w.endObject()
        w.endObject()
        w.endObject()
    }

    mutating func descriptor(_ name: String, type: String, label: String, required: Bool) {
        w.beginObject()
        w.member("name", name)
        w.member("type", type)
        w.member("label", label)
        if required { w.member("required", true) }
        w.endObject()
    }

    mutating func head(_ module: String, _ version: Int) {
        w.member("module", module)
        w.member("version", version)
    }
}

