// The catalog compiled into scened: JSON documents in the same format as user
// catalogs (see README), kept as readable raw string literals, loaded in order.
//   ShippedCatalog+HTTP.swift     HTTP v3 → v4
//   ShippedCatalog+Apps.swift     Gmail, Slack, Tools variables, X (Twitter), Notion
//   ShippedCatalog+Current.swift  every other pair seen in real exports, as current

enum ShippedCatalog {
    /// (name, JSON text), in load order.
    static let files: [(String, String)] = [("http", http), ("apps", apps), ("current", current)]
}
