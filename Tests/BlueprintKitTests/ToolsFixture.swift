// A hand-written scenario for the scenario tools (remap, swap-expr, copy mapping,
// find, swap app): every container, every place a reference can sit, and the edge
// cases (quoted field names, ids that are prefixes of others, a feeder, a module's
// references to itself, plain text that looks like a reference).
import Testing
@testable import BlueprintKit

enum ToolsFixture {
    static let text = #"""
    {
        "name": "Tools fixture",
        "flow": [
            {
                "id": 1,
                "module": "gateway:CustomWebHook",
                "version": 1,
                "parameters": { "hook": 11, "maxResults": 1 },
                "metadata": { "designer": { "x": 0, "y": 0 } }
            },
            {
                "id": 5,
                "module": "http:ActionSendData",
                "version": 3,
                "parameters": { "handleErrors": false },
                "mapper": { "url": "https://api.example.com/{{1.id}}", "method": "get" },
                "metadata": { "designer": { "x": 300, "y": 0, "name": "Old fetch" } }
            },
            {
                "id": 6,
                "module": "http:MakeRequest",
                "version": 4,
                "parameters": { "handleErrors": true },
                "mapper": { "url": "https://api.example.com/v2/{{1.id}}?again={{5.data}}", "method": "get" },
                "metadata": { "designer": { "x": 600, "y": 0, "name": "New fetch" } }
            },
            {
                "id": 15,
                "module": "builtin:BasicRouter",
                "version": 1,
                "routes": [
                    {
                        "flow": [
                            {
                                "id": 7,
                                "module": "slack:CreateMessage",
                                "version": 4,
                                "parameters": { "__IMTCONN__": 4001 },
                                "filter": {
                                    "name": "Has data",
                                    "conditions": [[{ "a": "{{5.statusCode}}", "b": "200", "o": "number:equal" }]]
                                },
                                "mapper": {
                                    "text": "Got {{5.data}} and {{5.`File Name`}}; {{15.x}} is a router; plain 5.data stays; {{get(5.headers; 1)}}",
                                    "channel": "C01",
                                    "blocks": "{{3.email}}"
                                },
                                "metadata": {
                                    "designer": { "x": 900, "y": 0, "name": "Tell Slack" },
                                    "restore": { "parameters": { "__IMTCONN__": { "label": "Ops Slack", "data": { "scoped": "true", "connection": "slack2" } } } }
                                },
                                "onerror": [
                                    {
                                        "id": 8,
                                        "module": "slack:CreateMessage",
                                        "version": 4,
                                        "parameters": { "__IMTCONN__": 4002 },
                                        "mapper": { "text": "Failed: {{5.data}} for {{3.email}} and {{3.emailAddress}} and {{lower(3.email)}}", "channel": "C02" },
                                        "metadata": {
                                            "designer": { "x": 900, "y": 300, "name": "Alert" },
                                            "restore": { "parameters": { "__IMTCONN__": { "label": "Alerts Slack", "data": { "scoped": "true", "connection": "slack2" } } } }
                                        }
                                    }
                                ]
                            }
                        ]
                    },
                    {
                        "flow": [
                            {
                                "id": 9,
                                "module": "builtin:BasicAggregator",
                                "version": 1,
                                "parameters": { "feeder": 5 },
                                "mapper": { "value": "{{5.data}}" },
                                "metadata": { "designer": { "x": 900, "y": 600 }, "restore": { "extra": { "feeder": { "label": "HTTP - Make a request [5]" } } } }
                            },
                            {
                                "id": 10,
                                "module": "builtin:IfElse",
                                "version": 1,
                                "branches": [
                                    { "label": "big", "conditions": [[{ "a": "{{5.headers.size}}", "b": "10", "o": "number:greater" }]], "flow": [
                                        { "id": 12, "module": "util:SetVariable2", "version": 1, "mapper": { "name": "n", "value": "{{5.data}} {{3.email}}" } }
                                    ] },
                                    { "type": "else", "flow": [] }
                                ]
                            }
                        ]
                    }
                ]
            }
        ],
        "metadata": {
            "designer": {
                "orphans": [
                    [ { "id": 20, "module": "util:SetVariable2", "version": 1, "mapper": { "name": "o", "value": "{{5.DATA}} {{55.data}}" } } ]
                ]
            }
        }
    }
    """#

    static func blueprint() throws -> Blueprint { try Blueprint(document: try JSONDocument(text: text)) }
}
