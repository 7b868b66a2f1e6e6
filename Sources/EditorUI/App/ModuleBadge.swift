// What the tree shows for each module's version, independent of where the
// answer comes from (the catalog). `CatalogAdapter` fills these in.
import BlueprintKit

public enum BadgeState: String, Sendable, CaseIterable {
    case current, upgradable, manual, unknown

    public var needsAttention: Bool { self != .current }
}

public struct ModuleBadge: Sendable, Equatable {
    public var state: BadgeState
    public var version: Int?
    public var targetModule: String?
    public var targetVersion: Int?
    /// A readable name such as `HTTP › Make a request (legacy)`.
    public var title: String?
    public var notes: [String]

    public init(state: BadgeState, version: Int?, targetModule: String? = nil, targetVersion: Int? = nil,
                title: String? = nil, notes: [String] = []) {
        self.state = state; self.version = version; self.targetModule = targetModule
        self.targetVersion = targetVersion; self.title = title; self.notes = notes
    }

    /// `v4 ✓`, `v3 → v4`, `v1 ✗`, `v2 ?`.
    public func text(_ g: Glyphs) -> String {
        let v = version.map { "v\($0)" } ?? "v-"
        switch state {
        case .current: return "\(v) \(g.check)"
        case .upgradable:
            // A replacement by another module at the same version number is still a change.
            if let t = targetVersion, t == version, targetModule != nil { return "\(v) \(g.arrow) new" }
            return "\(v) \(g.arrow) \(targetVersion.map { "v\($0)" } ?? "?")"
        case .manual: return "\(v) \(g.cross)"
        case .unknown: return "\(v) ?"
        }
    }

    public var slot: StyleSlot {
        switch state {
        case .current: return .badgeCurrent
        case .upgradable: return .badgeUpgradable
        case .manual: return .badgeManual
        case .unknown: return .badgeUnknown
        }
    }
}
