// The catalog compiled into scened: the JSON files in Catalog/Data, embedded with
// SwiftPM's `.embedInCode` and read by the same loader as users' catalogs (README,
// "Catalog files"). Load order matters: later files win for the same key, so the
// observations come first and every documented fact after them.
//   observed.json    app versions seen in public exports (`scened catalog observe`)
//   shapes.json      module shapes read from public exports (`scened catalog shapes`)
//   make-apps.json   documented app versions and notes for Make apps
//   fusion.json      Workfront Fusion's apps: titles, API versions, deadlines
//   http.json        HTTP v3 → v4 rules
//   apps.json        Gmail, Slack, Tools variables, X (Twitter), Notion rules
//   pipedrive.json   Pipedrive API v1 modules → API v2 modules
//   ai-models.json   retired AI model values, OpenAI Assistants modules

enum ShippedCatalog {
    /// (name, JSON bytes), in load order. `CatalogDataTests` checks that every file in Data/ is listed.
    static let files: [(String, [UInt8])] = [
        ("observed", PackageResources.observed_json),
        ("shapes", PackageResources.shapes_json),
        ("make-apps", PackageResources.make_apps_json),
        ("fusion", PackageResources.fusion_json),
        ("http", PackageResources.http_json),
        ("apps", PackageResources.apps_json),
        ("pipedrive", PackageResources.pipedrive_json),
        ("ai-models", PackageResources.ai_models_json),
    ]

    /// Files that describe one app only, so that looking up another app need not parse them
    /// (`CatalogTests` checks every fact in them is about that app).
    static let singleApp: [String: String] = ["http": "http", "pipedrive": "pipedrive"]
}
