// The connections view (`C`): the inventory as a table, one section per kind
// (connections, webhooks, keys, data stores, data structures, devices), the
// list of modules using the selected entry, and the rename prompt / clear question.
import BlueprintKit

public struct ConnectionsViewState: Sendable, Equatable {
    public enum Stage: Sendable, Equatable {
        case table
        /// `Enter`: the modules using the selected entry; `Enter` there jumps to one.
        case users(cursor: Int)
        /// `r`: the new label.
        case rename(text: String)
        /// `x`: clear it from every module using it? (y/n)
        case confirmClear
    }

    /// Index into the table's entries (section headings are not selectable).
    public internal(set) var cursor = 0
    public internal(set) var scroll = 0
    public internal(set) var stage: Stage = .table
    /// The entry to put the cursor on at the next draw (after a swap or rename changed the table).
    var follow: (kind: AccountKind, id: AccountID?)?

    public init() {}

    public static func == (a: ConnectionsViewState, b: ConnectionsViewState) -> Bool {
        a.cursor == b.cursor && a.scroll == b.scroll && a.stage == b.stage
    }
}

/// One section of the table: a kind and its entries, in inventory order.
struct ConnectionSection {
    var kind: AccountKind
    var entries: [ConnectionEntry]

    var title: String {
        switch kind {
        case .connection: return "Connections"
        case .webhook: return "Webhooks"
        case .keychain: return "Keys"
        case .dataStore: return "Data stores"
        case .dataStructure: return "Data structures"
        case .device: return "Devices"
        }
    }

    /// The inventory's entries grouped by kind, in `AccountKind` order (the inventory's own order).
    static func sections(_ inv: ConnectionInventory) -> [ConnectionSection] {
        AccountKind.allCases.compactMap { k in
            let es = inv.entries(of: k)
            return es.isEmpty ? nil : ConnectionSection(kind: k, entries: es)
        }
    }
}

extension ConnectionEntry {
    /// `Ops Slack (ops@example.com)` or `(no label)`.
    var displayLabel: String { label ?? "(no label)" }

    /// The entry's type, else the types its users accept (`inferred`: drawn dim), else "".
    var displayType: (text: String, inferred: Bool) {
        if let type { return (type, false) }
        var acc: [String] = []
        for u in users { for a in u.accepted where !acc.contains(a) { acc.append(a) } }
        return (acc.joined(separator: ","), true)
    }
}
