// The blueprint model on a hand-written fixture that has every container kind,
// every account-reference shape and every reference edge case.
import Foundation
import Testing
@testable import BlueprintKit

enum Fixture {
    // Tree: 1 webhook, 2 slack (onerror: 20 Resume), 10 old export, 8 agent (tool: 9 http),
    // 3 router [route 0: 4 imap] [route 1 (else): 5 If-else [branch "Rejected": 6] [else: 7 placeholder]],
    // orphan fragment: 11.
    static let text = #"""
    {
        "name": "Fixture ✓",
        "flow": [
            { "id": 1, "module": "gateway:CustomWebHook", "version": 1,
              "parameters": { "hook": 123, "maxResults": 1 }, "mapper": {},
              "metadata": { "designer": { "x": 0, "y": 0, "name": "Incoming" },
                            "restore": { "parameters": { "hook": { "label": "My hook", "data": { "editable": "true" } } } },
                            "parameters": [ { "name": "hook", "type": "hook:gateway-webhook", "label": "Webhook", "required": true } ] } },
            { "id": 2, "module": "slack:CreateMessage", "version": 4,
              "parameters": { "__IMTCONN__": 555 },
              "filter": { "name": "only hot", "conditions": [ [ { "a": "{{1.score}}", "o": "number:greater", "b": "50" } ] ] },
              "mapper": { "text": "{{1.data}} and {{1.`Approval Status`}} {{get(1.arr; 1)}} {{1.5}} {{99.missing}} plain 1.data",
                          "multi": "{{1.a}}{{1.b}}", "nested": { "list": [ "x {{ 1.$sum }}" ] } },
              "metadata": { "designer": { "x": 300, "y": 0, "name": "{{1.notref}}" },
                            "restore": { "parameters": { "__IMTCONN__": { "data": { "scoped": "true", "connection": "slack2" }, "label": "me@example.com" } } },
                            "parameters": [ { "name": "__IMTCONN__", "type": "account:slack2, slack3", "label": "Connection", "required": true } ] },
              "onerror": [
                { "id": 20, "module": "builtin:Resume", "version": 1, "mapper": { "data": "{{2.ts}}" }, "metadata": { "designer": { "x": 0, "y": 0 } } }
              ] },
            { "id": 10, "module": "slack:CreateMessage", "version": 1,
              "parameters": { "__IMTCONN__": 77 },
              "mapper": { "text": "{{if(\n2.ok; \"y\"; \"n\")}}\t{{\t20.data}}" },
              "metadata": { "designer": { "x": 600, "y": 0 }, "restore": { "__IMTCONN__": { "label": "old label" } } } },
            { "id": 8, "module": "ai-local-agent:RunLocalAIAgent", "version": 0,
              "parameters": { "makeConnectionId": 42 }, "mapper": {},
              "metadata": { "designer": { "x": 900, "y": 0 } },
              "tools": [ { "name": "lookup", "description": "d", "flow": [
                { "id": 9, "module": "http:ActionSendData", "version": 3,
                  "parameters": { "proxyKeychain": null, "device": 3 },
                  "mapper": { "url": "https://x/{{10.id}}" },
                  "metadata": { "designer": { "x": 0, "y": 0 },
                                "parameters": [ { "name": "proxyKeychain", "type": "keychain:proxy", "label": "Proxy", "required": false },
                                                { "name": "device", "type": "device:android", "label": "Device", "required": true } ] } } ] } ] },
            { "id": 3, "module": "builtin:BasicRouter", "version": 1, "parameters": { "else": 1 }, "mapper": null,
              "metadata": { "designer": { "x": 1200, "y": 0 } },
              "routes": [
                { "flow": [
                    { "id": 4, "module": "email:TriggerNewEmail", "version": 7, "parameters": { "account": 5 },
                      "mapper": {},
                      "metadata": { "designer": { "x": 0, "y": 0 }, "restore": { "parameters": { "account": "imap label" } },
                                    "parameters": [ { "name": "account", "type": "account", "label": "Connection", "required": true } ] } } ] },
                { "flow": [
                    { "id": 5, "module": "builtin:BasicIfElse", "version": 1, "mapper": null,
                      "metadata": { "designer": { "x": 0, "y": 0 } },
                      "branches": [
                        { "merge": false, "label": "Rejected", "type": "condition",
                          "conditions": [ [ { "a": "{{4.`Approval Status`}}", "b": "Rejected", "o": "text:equal" } ] ],
                          "flow": [
                            { "id": 6, "module": "datastore:AddRecord", "version": 1, "filter": null,
                              "parameters": { "datastore": 7, "type": 9 },
                              "mapper": { "conditions": [] },
                              "metadata": { "designer": { "x": 0, "y": 0 },
                                            "parameters": [ { "name": "datastore", "type": "datastore", "label": "Store", "required": true },
                                                            { "name": "type", "type": "udt", "label": "Structure", "required": true } ] } } ] },
                        { "merge": false, "disabled": false, "label": "", "type": "else",
                          "flow": [ { "id": null, "module": "placeholder:Placeholder", "metadata": { "designer": { "x": 0, "y": 0 } } } ] }
                      ] } ] }
              ] }
        ],
        "metadata": { "version": 1, "zone": "eu1.make.com",
                      "designer": { "orphans": [ [ { "id": 11, "module": "json:ParseJSON", "version": 1,
                                                      "filter": { "name": "no conditions" },
                                                      "mapper": { "json": "{{10.body}}" }, "metadata": { "designer": { "x": 0, "y": 0 } } } ] ] } }
    }
    """#

    static func blueprint() throws -> Blueprint { try Blueprint(bytes: Array(text.utf8)) }
}

@Suite struct BlueprintStructureTests {
    @Test func modulesInEveryContainerInTreeOrder() throws {
        let bp = try Fixture.blueprint()
        #expect(bp.name == "Fixture ✓")
        #expect(bp.zone == "eu1.make.com")
        #expect(bp.modules.map(\.id) == [1, 2, 20, 10, 8, 9, 3, 4, 5, 6, nil, 11])
        #expect(bp.modules.map(\.index) == Array(0..<12))
        #expect(bp.modules.map(\.depth) == [0, 0, 1, 0, 0, 1, 0, 1, 1, 2, 2, 0])
        #expect(bp.modules.map(\.container) == [
            .main, .main, .onError(owner: 2), .main, .main, .tool(owner: 8, index: 0, name: "lookup"), .main,
            .route(router: 3, index: 0, isElse: false), .route(router: 3, index: 1, isElse: true),
            .branch(owner: 5, index: 0, label: "Rejected"), .branch(owner: 5, index: 1, label: "else"), .orphan(fragment: 0),
        ])
        #expect(bp.modules.map(\.container.kindName) == ["main", "main", "onerror", "main", "main", "tool", "main", "route", "route", "branch", "branch", "orphan"])
        #expect(bp.module(id: 5)!.container.description == "route 2 (else) of #3")
        #expect(bp.module(id: 6)!.container.description == "branch 1 \"Rejected\" of #5")
    }

    @Test func pathsPointAtTheModuleObjects() throws {
        let bp = try Fixture.blueprint()
        let paths = bp.modules.map(\.path.description)
        #expect(paths == [
            "flow[0]", "flow[1]", "flow[1].onerror[0]", "flow[2]", "flow[3]", "flow[3].tools[0].flow[0]", "flow[4]",
            "flow[4].routes[0].flow[0]", "flow[4].routes[1].flow[0]", "flow[4].routes[1].flow[0].branches[0].flow[0]",
            "flow[4].routes[1].flow[0].branches[1].flow[0]", "metadata.designer.orphans[0][0]",
        ])
        for m in bp.modules { #expect(bp.document.node(at: m.path) == m.node) }
    }

    @Test func parentsAndChildren() throws {
        let bp = try Fixture.blueprint()
        func ids(_ idx: [Int]) -> [Int?] { idx.map { bp.modules[$0].id } }
        #expect(ids(bp.module(id: 2)!.childIndices) == [20])
        #expect(ids(bp.module(id: 3)!.childIndices) == [4, 5])
        #expect(ids(bp.module(id: 5)!.childIndices) == [6, nil])
        #expect(ids(bp.module(id: 8)!.childIndices) == [9])
        #expect(bp.module(id: 6)!.parentIndex.map { bp.modules[$0].id } == 5)
        #expect(bp.module(id: 1)!.parentIndex == nil)
        #expect(bp.module(id: 11)!.parentIndex == nil)
        #expect(bp.module(id: 2)!.hasErrorHandler)
        #expect(!bp.module(id: 1)!.hasErrorHandler)
    }

    @Test func moduleFieldsIncludingTheOddOnes() throws {
        let bp = try Fixture.blueprint()
        let placeholder = bp.modules[10]
        #expect(placeholder.id == nil && placeholder.idText == "#?")
        #expect(placeholder.version == nil)
        #expect(placeholder.moduleName == "placeholder:Placeholder" && placeholder.app == "placeholder" && placeholder.name == "Placeholder")
        #expect(bp.module(id: 8)!.version == 0)
        #expect(bp.module(id: 1)!.label == "Incoming")
        #expect(bp.module(id: 2)!.filterName == "only hot" && bp.module(id: 2)!.hasFilter)
        #expect(bp.module(id: 6)!.filterName == nil && !bp.module(id: 6)!.hasFilter)    // "filter": null
        #expect(bp.module(id: 11)!.filterName == "no conditions" && bp.module(id: 11)!.hasFilter)
        #expect(bp.module(id: 3)!.accounts.isEmpty)                                      // "mapper": null
        #expect(bp.module(id: 99) == nil)
    }

    @Test func structuralErrorsHaveAPosition() {
        func loadError(_ s: String) -> BlueprintLoadError? {
            do { _ = try Blueprint(bytes: Array(s.utf8)); return nil } catch { return error }
        }
        #expect(loadError("\n  [1]")?.description == "2:3: not a scenario blueprint: the top level is array, expected an object")
        #expect(loadError("{\"name\": \"x\"}")?.description == "1:1: not a scenario blueprint: no \"flow\" array at the top level")
        #expect(loadError("{\"flow\": {}}")?.description == "1:1: not a scenario blueprint: no \"flow\" array at the top level")
        #expect(loadError("{\"flow\": [1,]}")?.description == "1:13: trailing comma before ']'")
        guard case .json(let e)? = loadError("{\"flow\": [00]}") else { Issue.record("expected a JSON error"); return }
        #expect(e.offset == 10)
    }

    @Test func nonObjectsInFlowsAreSkippedNotFatal() throws {
        let bp = try Blueprint(bytes: Array(#"{"flow": [1, null, {"id": 1, "module": "a:b", "routes": [{"flow": "x"}, 3], "onerror": {}}], "metadata": {"designer": {"orphans": [{"id": 2}, [7]]}}}"#.utf8))
        #expect(bp.modules.map(\.id) == [1])
        #expect(bp.modules[0].version == nil)
    }
}

@Suite struct AccountRefTests {
    func account(_ bp: Blueprint, _ id: Int?, _ param: String) -> AccountRef? {
        bp.modules.first { $0.id == id }?.accounts.first { $0.parameter == param }
    }

    @Test func webhookWithDescriptorAndRestoreLabel() throws {
        let a = try #require(account(try Fixture.blueprint(), 1, "hook"))
        #expect(a.kind == .webhook && a.intValue == 123 && a.accepted == ["gateway-webhook"] && a.required)
        #expect(a.label == "My hook" && a.connectionType == nil)
        #expect(try Fixture.blueprint().module(id: 1)!.accounts.count == 1)   // maxResults is not an account
    }

    @Test func connectionWithSeveralAcceptedTypes() throws {
        let bp = try Fixture.blueprint()
        let a = try #require(account(bp, 2, "__IMTCONN__"))
        #expect(a.kind == .connection && a.value == .int(555) && a.valueText == "555")
        #expect(a.accepted == ["slack2", "slack3"])
        #expect(a.label == "me@example.com" && a.connectionType == "slack2")
        #expect(bp.document.sourceText(a.valueNode!) == "555")
        #expect(bp.module(id: 2)!.connections.count == 1)
    }

    @Test func bareAccountTypeAndBareStringLabel() throws {
        let a = try #require(account(try Fixture.blueprint(), 4, "account"))
        #expect(a.kind == .connection && a.accepted == [] && a.required && a.intValue == 5)
        #expect(a.label == "imap label")
    }

    @Test func oldFlatRestoreAndFallbackNames() throws {
        let bp = try Fixture.blueprint()
        let old = try #require(account(bp, 10, "__IMTCONN__"))
        #expect(old.kind == .connection && old.intValue == 77 && old.label == "old label" && !old.required)
        let agent = try #require(account(bp, 8, "makeConnectionId"))
        #expect(agent.kind == .connection && agent.intValue == 42 && agent.label == nil)
    }

    @Test func keychainDeviceDataStoreAndDataStructure() throws {
        let bp = try Fixture.blueprint()
        let key = try #require(account(bp, 9, "proxyKeychain"))
        #expect(key.kind == .keychain && key.value == .null && key.intValue == nil && key.accepted == ["proxy"] && !key.required)
        #expect(key.valueText == "null")
        let dev = try #require(account(bp, 9, "device"))
        #expect(dev.kind == .device && dev.intValue == 3 && dev.accepted == ["android"])
        #expect(bp.module(id: 6)!.accounts.map(\.kind) == [.dataStore, .dataStructure])
        #expect(bp.module(id: 6)!.accounts.map(\.intValue) == [7, 9])
    }

    @Test func descriptorTypesClassify() {
        let cases: [(String, AccountKind?)] = [
            ("account", .connection), ("account:slack2,slack3", .connection), ("hook:gateway-webhook", .webhook), ("hook", .webhook),
            ("keychain:apikeyauth", .keychain), ("datastore", .dataStore), ("udt", .dataStructure), ("device:ios", .device),
            ("text", nil), ("select", nil), ("accounts", nil), ("", nil),
        ]
        for (t, k) in cases { #expect(AccountKind(descriptorType: t) == k, "\(t)") }
    }
}
