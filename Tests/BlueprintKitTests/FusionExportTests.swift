// Workfront Fusion exports, crafted from the shapes Adobe's documents and the
// research show (no real Fusion export is in the corpus): the API wrapper
// `{"blueprint": {...}}`, the zone `app-eu.workfrontfusion.com`, connection
// descriptors typed plain `account`, a flat `metadata.restore`, `workfront-` apps.
import Foundation
import Testing
@testable import BlueprintKit

@Suite struct FusionExportTests {
    static let text = #"""
    {"blueprint": {"name": "Fusion wrapped", "flow": [
      {"id": 1, "module": "workfront-workfront:watchEvents", "version": 1, "parameters": {"__IMTHOOK__": 6902, "maxResults": 1},
       "mapper": {}, "metadata": {"designer": {"x": 0, "y": 0}, "restore": {"__IMTHOOK__": {"label": "WF hook"}},
       "parameters": [{"name": "__IMTHOOK__", "type": "hook", "label": "Webhook", "required": true}]}},
      {"id": 2, "module": "workfront-workfront:custom", "version": 1, "parameters": {"__IMTCONN__": 3757},
       "mapper": {"url": "PRGM/search", "method": "GET", "qs": {"DE:typeOfProject": "Execution"}},
       "metadata": {"designer": {"x": 300, "y": 0}, "restore": {"__IMTCONN__": {"label": "EYET PROD (P.x | eyet.my.workfront.com)"}},
       "parameters": [{"name": "__IMTCONN__", "type": "account", "label": "Connection", "required": true}]}},
      {"id": 3, "module": "adobe-firefly:generateAnImage2", "version": 1, "parameters": {"connection": 23252},
       "mapper": {"prompt": "{{2.body}}"}, "metadata": {"restore": {"connection": {"label": "My Adobe Firefly Connection connection"}, "size": {"mode": "chose", "label": ""}},
       "parameters": [{"name": "connection", "type": "account", "label": "Connection", "required": true}]}},
      {"id": 4, "module": "http:ActionSendData", "version": 3, "parameters": {"handleErrors": true},
       "mapper": {"url": "https://example.com/{{3.url}}", "method": "get", "qs": [], "headers": []}}
     ], "metadata": {"instant": true, "version": 1, "zone": "app-eu.workfrontfusion.com",
       "scenario": {"roundtrips": 1, "maxErrors": 3, "autoCommit": true, "sequential": false, "confidential": false, "dataloss": false, "dlq": false}}}}
    """#

    func blueprint() throws -> Blueprint { try Blueprint(bytes: Array(FusionExportTests.text.utf8)) }

    @Test func theWrappedExportOpensWithItsZoneAndModules() throws {
        let bp = try blueprint()
        #expect(bp.rootPath == ["blueprint"])
        #expect(bp.name == "Fusion wrapped" && bp.zone == "app-eu.workfrontfusion.com")
        #expect(bp.modules.map(\.moduleName) == ["workfront-workfront:watchEvents", "workfront-workfront:custom",
                                                 "adobe-firefly:generateAnImage2", "http:ActionSendData"])
        #expect(bp.modules[0].path.description.hasPrefix("blueprint.flow[0]"))
        #expect(bp.references(to: 3).count == 1)
        // the scenario settings are the blueprint's, not the wrapper's
        #expect(FieldList.scenarioFields(in: bp.document).first?.path == ["blueprint", "name"])
    }

    @Test func statusesNameFusionAppsAndNeverGuessAWorkfrontVersion() throws {
        let bp = try blueprint()
        let c = Catalog.shipped
        let wf = c.status(of: bp.modules[1], in: bp.document)
        // no source gives the Workfront connector's version: unknown, with the app's documented deadline as a note
        #expect(wf.state == .unknown && wf.basis == .unknown)
        #expect(wf.title.hasPrefix("Workfront › "))
        #expect(wf.notes.contains { $0.contains("28.4") })
        let firefly = c.status(of: bp.modules[2], in: bp.document)
        #expect(firefly.state == .current && firefly.basis != .unknown)
        let http = c.status(of: bp.modules[3], in: bp.document)
        #expect(http.state == .upgradable)
    }

    @Test func plainAccountDescriptorsAndFlatRestoreAreConnections() throws {
        let bp = try blueprint()
        let inv = ConnectionInventory(blueprint: bp)
        #expect(Set(inv.entries.filter { $0.kind == .connection }.compactMap { $0.id?.text }) == ["3757", "23252"])
        #expect(bp.modules[1].accounts.first?.label == "EYET PROD (P.x | eyet.my.workfront.com)")
        var s = EditSession(document: bp.document)
        try ConnectionEditor.set(module: 1, parameter: "__IMTCONN__", to: ConnectionChoice(idText: "4000", label: "S2S connection", type: nil), in: &s)
        let after = try Blueprint(document: s.document)
        #expect(after.modules[1].accounts.first?.valueText == "4000")
        #expect(after.modules[1].accounts.first?.label == "S2S connection")
        // nothing else changed: undo gives the original bytes
        #expect(s.undo() != nil && s.document.bytes == Array(FusionExportTests.text.utf8))
    }

    @Test func upgradeInsideTheWrapperRewritesReferencesAndKeepsTheWrapper() throws {
        let bp = try blueprint()
        var s = EditSession(document: bp.document)
        let plans = UpgradeEngine().upgradeAll(in: &s)
        #expect(plans.count == 1)
        let text = s.document.text
        #expect(text.hasPrefix("{\"blueprint\": {\"name\": \"Fusion wrapped\""))
        #expect(text.contains("\"module\": \"http:MakeRequest\", \"version\": 4"))
    }
}
