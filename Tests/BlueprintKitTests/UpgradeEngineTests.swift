// The upgrade engine on small hand-written blueprints: statuses, plans, what an
// applied upgrade keeps and changes, reference rewriting everywhere, undo.
import Foundation
import Testing
@testable import BlueprintKit

@Suite struct UpgradeEngineTests {
    static let text = #"""
    {
        "name": "fixture",
        "flow": [
            {
                "id": 1,
                "module": "http:ActionSendData",
                "version": 3,
                "parameters": {
                    "handleErrors": true,
                    "useNewZLibDeCompress": true
                },
                "mapper": {
                    "ca": "",
                    "qs": [],
                    "url": "https://example.com/{{0.x}}",
                    "gzip": true,
                    "data": "{\"name\": \"Ren\u00e9e\", \"n\": {{now}}}",
                    "method": "post",
                    "headers": [
                        {
                            "name": "X-Key",
                            "value": "k"
                        }
                    ],
                    "timeout": "",
                    "useMtls": false,
                    "bodyType": "raw",
                    "contentType": "application/json",
                    "serializeUrl": false,
                    "shareCookies": false,
                    "parseResponse": true,
                    "followRedirect": true,
                    "useQuerystring": false,
                    "followAllRedirects": false,
                    "rejectUnauthorized": true
                },
                "metadata": {
                    "designer": {
                        "x": 0,
                        "y": 0,
                        "name": "Call API"
                    },
                    "restore": {
                        "expect": {
                            "qs": {
                                "mode": "chose"
                            },
                            "bodyType": {
                                "label": "Raw"
                            },
                            "contentType": {
                                "label": "JSON (application/json)"
                            }
                        }
                    },
                    "parameters": [
                        {
                            "name": "handleErrors",
                            "type": "boolean",
                            "label": "Evaluate all states as errors (except for 2xx and 3xx )",
                            "required": true
                        }
                    ],
                    "expect": [
                        {
                            "name": "qs",
                            "type": "array",
                            "label": "Query String"
                        }
                    ]
                },
                "onerror": [
                    {
                        "id": 9,
                        "module": "builtin:Ignore",
                        "version": 1,
                        "parameters": {},
                        "mapper": {}
                    }
                ],
                "x-unknown": {
                    "kept": true
                }
            },
            {
                "id": 2,
                "module": "util:SetVariable",
                "version": 1,
                "parameters": {},
                "mapper": {
                    "name": "lowest cost",
                    "scope": "roundtrip",
                    "value": "{{1.data.price}}"
                },
                "metadata": {
                    "interface": [
                        {
                            "name": "value",
                            "label": "lowest cost",
                            "type": "any"
                        }
                    ]
                }
            },
            {
                "id": 3,
                "module": "builtin:BasicRouter",
                "version": 1,
                "routes": [
                    {
                        "flow": [
                            {
                                "id": 4,
                                "module": "slack:CreateMessage",
                                "version": 4,
                                "filter": {
                                    "name": "cheap",
                                    "conditions": [[{ "a": "{{2.value}}", "o": "number:less", "b": "10" }]]
                                },
                                "parameters": {
                                    "__IMTCONN__": 5
                                },
                                "mapper": {
                                    "text": "Cost {{2.value}} / {{1.statusCode}} {{1.error}}"
                                }
                            }
                        ]
                    },
                    {
                        "flow": [
                            {
                                "id": 5,
                                "module": "builtin:BasicIfElse",
                                "version": 1,
                                "mapper": null,
                                "branches": [
                                    {
                                        "label": "known",
                                        "type": "condition",
                                        "conditions": [[{ "a": "{{2.value}}", "o": "exist" }]],
                                        "flow": [
                                            {
                                                "id": 6,
                                                "module": "builtin:BasicAggregator",
                                                "version": 1,
                                                "parameters": {
                                                    "feeder": 2
                                                },
                                                "mapper": {
                                                    "v": "{{ifempty(2.value; 0)}}"
                                                }
                                            }
                                        ]
                                    }
                                ]
                            }
                        ]
                    }
                ]
            }
        ],
        "metadata": {
            "version": 1
        }
    }
    """#

    let engine = UpgradeEngine()

    func module(_ bp: Blueprint, _ id: Int) throws -> Module { try #require(bp.module(id: id)) }

    @Test func statusesComeFromTheCatalog() throws {
        let bp = try fixture(UpgradeEngineTests.text)
        let http = engine.catalog.status(of: try module(bp, 1))
        #expect(http.state == .upgradable && http.target == ModuleKey("http:MakeRequest", 4))
        #expect(http.title == "HTTP › Make a request (legacy)" && http.targetTitle == "HTTP › Make a request")
        #expect(engine.catalog.status(of: try module(bp, 4)).state == .current)
        let other = try fixture(#"{"flow": [{"id": 1, "module": "acme:DoThing", "version": 7}]}"#)
        let st = engine.catalog.status(of: other.modules[0])
        #expect(st.state == .unknown && st.title == "acme › DoThing" && st.needsAttention)
        #expect(engine.plan(for: try module(bp, 4), in: bp) == nil)
    }

    @Test func httpPlanListsEveryChange() throws {
        let bp = try fixture(UpgradeEngineTests.text)
        let plan = try engine.makePlan(for: try module(bp, 1), in: bp)
        func change(_ key: String) -> PlanChange? { plan.changes.first { $0.keyText == key } }
        #expect(change("module")?.after == "\"http:MakeRequest\"")
        #expect(change("parameters.handleErrors → mapper.stopOnHttpError")?.kind == .renamed)
        #expect(change("parameters.handleErrors → mapper.stopOnHttpError")?.before == "true")
        #expect(change("parameters.useNewZLibDeCompress")?.kind == .removed)
        #expect(change("parameters.authenticationType")?.after == "\"noAuth\"")
        #expect(change("mapper.qs")?.kind == .removed)
        #expect(change("mapper.gzip → mapper.requestCompressedContent")?.kind == .renamed)
        #expect(change("mapper.contentType")?.before == "\"application/json\"" && change("mapper.contentType")?.after == "\"json\"")
        #expect(change("mapper.data → mapper.jsonStringBodyContent")?.kind == .renamed)
        #expect(plan.flagged.isEmpty)
        #expect(plan.changes.dropFirst(2).allSatisfy { $0.provenance != nil })
        // ids are kept, so data and statusCode references stay; error is gone in v4
        #expect(plan.rewrites.isEmpty)
        #expect(plan.dangling.map(\.text) == ["1.error"])
        #expect(plan.dangling.first?.moduleId == 4 && plan.dangling.first?.location == "mapper.text")
        #expect(plan.connection == nil)
    }

    @Test func appliedHttpUpgradeKeepsWhatItMust() throws {
        let bp = try fixture(UpgradeEngineTests.text)
        var s = EditSession(document: bp.document)
        let outcome = try engine.apply(try engine.makePlan(for: try module(bp, 1), in: bp), to: &s)
        #expect(outcome.danglingReferences == 1 && outcome.referencesRewritten == 0)
        let after = try Blueprint(document: s.document)
        let m = try module(after, 1)
        #expect(m.moduleName == "http:MakeRequest" && m.version == 4 && m.index == 0 && m.label == "Call API")
        let v = s.document.value(m.node)
        #expect(v["parameters"]?.keys == ["authenticationType", "tlsType"])
        #expect(Set(v["mapper"]?.keys ?? []) == ["url", "requestCompressedContent", "contentType", "inputMethod", "jsonStringBodyContent",
                                                  "method", "headers", "shareCookies", "parseResponse", "allowRedirects", "stopOnHttpError"])
        // the moved and renamed values keep their exact source text
        let body = try #require(s.document.node(at: JSONPath(parsing: "flow[0].mapper.jsonStringBodyContent")!))
        #expect(s.document.sourceText(body) == #""{\"name\": \"Ren\u00e9e\", \"n\": {{now}}}""#)
        #expect(v["mapper"]?["headers"] == bp.document.value(try module(bp, 1).node)["mapper"]?["headers"])
        #expect(v["onerror"] != nil && v["x-unknown"] == .object([("kept", .bool(true))]))
        #expect(v["metadata"]?["restore"]?["expect"]?["queryParameters"] != nil)
        #expect(v["metadata"]?["restore"]?["expect"]?["bodyType"] == nil)
        #expect(v["metadata"]?["expect"]?.arrayValue?.compactMap { $0["name"]?.stringValue }.contains("queryParameters") == true)
        #expect(v["metadata"]?["parameters"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["authenticationType", "tlsType"])
        #expect(after.modules.count == bp.modules.count)
        #expect(engine.catalog.status(of: m).state == .current)
    }

    @Test func variableOutputFollowsTheNameEverywhere() throws {
        let bp = try fixture(UpgradeEngineTests.text)
        let plan = try engine.makePlan(for: try module(bp, 2), in: bp)
        #expect(plan.rewrites.count == 4)
        #expect(Set(plan.rewrites.map(\.location)) == ["filter.conditions[0][0].a", "mapper.text", "branches[0].conditions[0][0].a", "mapper.v"])
        #expect(plan.rewrites.allSatisfy { $0.oldText == "2.value" && $0.newText == "2.`lowest cost`" })
        var s = EditSession(document: bp.document)
        try engine.apply(plan, to: &s)
        let text = s.document.text
        #expect(!text.contains("{{2.value}}") && !text.contains("2.value;"))
        #expect(text.contains("\"a\": \"{{2.`lowest cost`}}\"") && text.contains("{{ifempty(2.`lowest cost`; 0)}}"))
        let after = try Blueprint(document: s.document)
        #expect(after.references(to: 2).allSatisfy { $0.field == "lowest cost" })
        #expect(s.document.value(try module(after, 2).node)["metadata"]?["interface"]?.arrayValue?.first?["name"] == .string("lowest cost"))
        // the diff is the module line, the interface name and the four references
        #expect(UnifiedDiff.changedLineCount(old: bp.document.bytes.array, new: s.document.bytes.array) == 2 * 6)
    }

    @Test func upgradeAllIsUndoableStepByStep() throws {
        let bp = try fixture(UpgradeEngineTests.text)
        var s = EditSession(document: bp.document)
        let outcomes = engine.upgradeAll(in: &s)
        #expect(outcomes.map(\.from) == [ModuleKey("http:ActionSendData", 3), ModuleKey("util:SetVariable", 1)])
        #expect(s.undoStack.count == 2 && s.undoStack[0].label == "Upgrade #1 http:ActionSendData v3 → http:MakeRequest v4")
        let upgraded = s.document.bytes.array
        let after = try CheckReport(blueprint: Blueprint(document: s.document), catalog: engine.catalog)
        #expect(after.counts[.upgradable] == 0 && after.counts[.manual] == 0)   // (a partial upgrade would need review)
        s.undo(); s.undo()
        #expect(s.document.bytes.array == bp.document.bytes.array)
        s.redo(); s.redo()
        #expect(s.document.bytes.array == upgraded)
        // only the listed ids
        var one = EditSession(document: bp.document)
        #expect(engine.upgradeAll(in: &one, only: [2]).map(\.moduleId) == [2])
    }

    @Test func aStalePlanIsRefused() throws {
        let bp = try fixture(UpgradeEngineTests.text)
        let p1 = try engine.makePlan(for: try module(bp, 1), in: bp)
        let p2 = try engine.makePlan(for: try module(bp, 2), in: bp)
        var s = EditSession(document: bp.document)
        try engine.apply(p2, to: &s)
        #expect(throws: UpgradeError.self) { try engine.apply(p1, to: &s) }
        #expect(s.undoStack.count == 1)
    }

    @Test func uncertainBodiesAndValuesAreFlaggedNotGuessed() throws {
        let xml = UpgradeEngineTests.text
            .replacingOccurrences(of: "\"contentType\": \"application/json\"", with: "\"contentType\": \"application/xml\"")
            .replacingOccurrences(of: "\"followAllRedirects\": false", with: "\"followAllRedirects\": true")
        let bp = try fixture(xml)
        let plan = try engine.makePlan(for: try module(bp, 1), in: bp)
        #expect(Set(plan.flagged.map(\.keyText)) == ["mapper.bodyType", "mapper.contentType", "mapper.data", "mapper.followAllRedirects"])
        var s = EditSession(document: bp.document)
        try engine.apply(plan, to: &s)
        let m = s.document.value(try module(try Blueprint(document: s.document), 1).node)
        #expect(m["mapper"]?["contentType"] == .string("application/xml") && m["mapper"]?["followAllRedirects"] == .bool(true))
        #expect(m["mapper"]?["inputMethod"] == nil && m["mapper"]?["jsonStringBodyContent"] == nil)
    }

    @Test func unwritableVariableNamesDangleInsteadOfBreaking() throws {
        for name in ["{{1.x}}", "a`b"] {
            let t = UpgradeEngineTests.text.replacingOccurrences(of: "\"name\": \"lowest cost\"", with: "\"name\": \(JSONWriter.quoted(name))")
            let bp = try fixture(t)
            let plan = try engine.makePlan(for: try module(bp, 2), in: bp)
            #expect(plan.rewrites.isEmpty && plan.dangling.count == 4, "\(name)")
        }
        #expect(UpgradeEngine.token("weather") == "weather")
        #expect(UpgradeEngine.token("Approval \"Status\"") == #"`Approval \"Status\"`"#)
        #expect(UpgradeEngine.token("2nd") == "`2nd`")
    }

    @Test func gmailConnectionMustBeChosenAgain() throws {
        let t = #"""
        {"flow": [{"id": 7, "module": "google-email:ActionSendEmail", "version": 2,
          "parameters": {"account": 5417164},
          "mapper": {"cc": [], "to": ["a@example.com"], "bcc": [], "from": "", "html": "<p>{{1.x}}</p>", "subject": "Hi", "attachments": []},
          "metadata": {"restore": {"parameters": {"account": {"data": {"scoped": "true", "connection": "google-restricted"}, "label": "Me"}}},
                       "parameters": [{"name": "account", "type": "account:google-restricted", "label": "Connection", "required": true}]}}]}
        """#
        let bp = try fixture(t)
        let plan = try engine.makePlan(for: bp.modules[0], in: bp)
        let c = try #require(plan.connection)
        #expect(c.mustReassign && c.parameterBefore == "account" && c.parameterAfter == "__IMTCONN__")
        #expect(c.acceptedBefore == ["google-restricted"] && c.acceptedAfter == ["google-email"] && c.valueBefore == "5417164" && c.label == "Me")
        var s = EditSession(document: bp.document)
        let o = try engine.apply(plan, to: &s)
        #expect(o.connectionMustBeReassigned)
        let m = s.document.value(0)["flow"]?.arrayValue?.first
        #expect(m?["parameters"] == .object([("__IMTCONN__", .null)]))
        #expect(m?["mapper"]?.keys == ["to", "content", "subject", "bodyType"])
        #expect(m?["mapper"]?["content"] == .string("<p>{{1.x}}</p>"))
        #expect(m?["metadata"]?["parameters"]?.arrayValue?.first?["type"] == .string("account:google-email"))
        #expect(m?["metadata"]?["restore"]?["parameters"]?["account"] == nil)
        let after = try Blueprint(document: s.document)
        #expect(after.modules[0].connections.first?.accepted == ["google-email"])
    }
}
