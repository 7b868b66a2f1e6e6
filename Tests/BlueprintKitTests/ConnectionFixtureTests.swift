// Shared fixtures for the connection tests (hand-written, in Make's export layout),
// plus a sanity test that they load.
import Foundation
import Testing
@testable import BlueprintKit

enum ConnFixture {
    /// Modules covering every account-reference shape seen in real exports.
    static let text = #"""
    {
        "name": "Connections fixture",
        "flow": [
            {
                "id": 1,
                "module": "gateway:CustomWebHook",
                "version": 1,
                "parameters": {
                    "hook": 2522499,
                    "maxResults": 1
                },
                "mapper": {},
                "metadata": {
                    "designer": {"x": 0, "y": 0},
                    "restore": {
                        "parameters": {
                            "hook": {
                                "data": {
                                    "editable": "true"
                                },
                                "label": "Orders hook"
                            }
                        }
                    },
                    "parameters": [
                        {"name": "hook", "type": "hook:gateway-webhook", "label": "Webhook", "required": true}
                    ]
                }
            },
            {
                "id": 2,
                "module": "slack:CreateMessage",
                "version": 4,
                "parameters": {
                    "__IMTCONN__": 2545853
                },
                "mapper": {"text": "hi"},
                "metadata": {
                    "designer": {"x": 300, "y": 0},
                    "restore": {
                        "parameters": {
                            "__IMTCONN__": {
                                "data": {
                                    "scoped": "true",
                                    "connection": "slack3"
                                },
                                "label": "Lucy (Slack bot)"
                            }
                        }
                    },
                    "parameters": [
                        {"name": "__IMTCONN__", "type": "account:slack2,slack3", "label": "Connection", "required": true}
                    ]
                }
            },
            {
                "id": 3,
                "module": "builtin:BasicRouter",
                "version": 1,
                "mapper": null,
                "metadata": {"designer": {"x": 600, "y": 0}},
                "routes": [
                    {
                        "flow": [
                            {
                                "id": 4,
                                "module": "slack:AddReaction",
                                "version": 4,
                                "parameters": {
                                    "__IMTCONN__": 2545853
                                },
                                "mapper": {},
                                "metadata": {
                                    "designer": {"x": 900, "y": 0},
                                    "restore": {
                                        "parameters": {
                                            "__IMTCONN__": {
                                                "label": "Lucy (Slack bot)",
                                                "data": {
                                                    "scoped": "true",
                                                    "connection": "slack3"
                                                }
                                            }
                                        }
                                    },
                                    "parameters": [
                                        {"name": "__IMTCONN__", "type": "account:slack2", "label": "Connection", "required": true}
                                    ]
                                }
                            },
                            {
                                "id": 5,
                                "module": "google-sheets:addRow",
                                "version": 2,
                                "parameters": {
                                    "__IMTCONN__": "CONNECTION_PLACEHOLDER",
                                    "mode": "select"
                                },
                                "mapper": {},
                                "metadata": {
                                    "designer": {"x": 1200, "y": 0},
                                    "restore": {
                                        "parameters": {
                                            "__IMTCONN__": "CONNECTION_PLACEHOLDER"
                                        }
                                    },
                                    "parameters": [
                                        {"name": "__IMTCONN__", "type": "account:google", "label": "Connection", "required": true}
                                    ]
                                }
                            }
                        ]
                    },
                    {
                        "flow": [
                            {
                                "id": 6,
                                "module": "email:ActionSendEmail",
                                "version": 7,
                                "parameters": {
                                    "account": 4821,
                                    "saveAfterSent": false
                                },
                                "mapper": {},
                                "metadata": {
                                    "designer": {"x": 900, "y": 300},
                                    "restore": {
                                        "parameters": {
                                            "account": {
                                                "label": "Ops mailbox"
                                            }
                                        }
                                    },
                                    "parameters": [
                                        {"name": "account", "type": "account:smtp,google-restricted,microsoft-smtp-imap", "label": "Connection", "required": true}
                                    ]
                                }
                            },
                            {
                                "id": 7,
                                "module": "openai-gpt-3:CreateCompletion",
                                "version": 1,
                                "parameters": {},
                                "mapper": {},
                                "metadata": {
                                    "designer": {"x": 1200, "y": 300},
                                    "parameters": [
                                        {"name": "__IMTCONN__", "type": "account:openai-gpt-3", "label": "Connection", "required": true}
                                    ]
                                }
                            }
                        ]
                    }
                ]
            },
            {
                "id": 8,
                "module": "http:ActionSendData",
                "version": 3,
                "parameters": {
                    "handleErrors": false,
                    "proxyKeychain": null
                },
                "mapper": {},
                "metadata": {
                    "designer": {"x": 900, "y": 600},
                    "parameters": [
                        {"name": "handleErrors", "type": "boolean", "label": "Evaluate all states as errors", "required": true},
                        {"name": "proxyKeychain", "type": "keychain:proxy", "label": "Proxy"}
                    ]
                }
            },
            {
                "id": 9,
                "module": "datastore:AddRecord",
                "version": 1,
                "parameters": {
                    "datastore": 60211
                },
                "mapper": {},
                "metadata": {
                    "designer": {"x": 1200, "y": 600},
                    "restore": {
                        "parameters": {
                            "datastore": {
                                "label": "Leads"
                            }
                        }
                    },
                    "parameters": [
                        {"name": "datastore", "type": "datastore", "label": "Data store", "required": true}
                    ]
                }
            },
            {
                "id": 10,
                "module": "json:ParseJSON",
                "version": 1,
                "parameters": {
                    "type": 91442
                },
                "mapper": {},
                "metadata": {
                    "designer": {"x": 1500, "y": 600},
                    "parameters": [
                        {"name": "type", "type": "udt", "label": "Data structure"}
                    ]
                }
            },
            {
                "id": 11,
                "module": "slack:CreateMessage",
                "version": 4,
                "parameters": {
                    "__IMTCONN__": "<CONN_02>"
                },
                "mapper": {},
                "metadata": {
                    "designer": {"x": 1800, "y": 600},
                    "restore": {},
                    "parameters": [
                        {"name": "__IMTCONN__", "type": "account:slack2,slack3", "label": "Connection", "required": true}
                    ]
                }
            },
            {
                "id": 12,
                "module": "canvas-lms:ListCourses",
                "version": 1,
                "parameters": {
                    "__IMTCONN__": "{{var.input.CanvasLMSConnection}}"
                },
                "mapper": {},
                "metadata": {
                    "designer": {"x": 2100, "y": 600},
                    "parameters": [
                        {"name": "__IMTCONN__", "type": "account:canvas-lms", "label": "Connection", "required": true}
                    ]
                }
            },
            {
                "id": 13,
                "module": "slack:CreateMessage",
                "version": 3,
                "parameters": {
                    "__IMTCONN__": 2545853
                },
                "mapper": {},
                "metadata": {
                    "designer": {"x": 2400, "y": 600},
                    "restore": {
                        "__IMTCONN__": {
                            "label": "Lucy (Slack bot)",
                            "data": {
                                "scoped": "true",
                                "connection": "slack"
                            }
                        }
                    },
                    "parameters": [
                        {"name": "__IMTCONN__", "type": "account", "label": "Connection", "required": true}
                    ]
                }
            },
            {
                "id": 14,
                "module": "google-drive:getAFile",
                "version": 4,
                "parameters": {
                    "__IMTCONN__": "YOUR_CONNECTION_ID"
                },
                "mapper": {},
                "metadata": {
                    "designer": {"x": 2700, "y": 600},
                    "parameters": [
                        {"name": "__IMTCONN__", "type": "account:google-restricted", "label": "Connection", "required": true}
                    ]
                }
            }
        ],
        "metadata": {
            "version": 1
        }
    }
    """#

    static var bytes: [UInt8] { Array(text.utf8) }

    static func blueprint(_ text: String = text) throws -> Blueprint { try Blueprint(bytes: Array(text.utf8)) }

    static func session(_ text: String = text) throws -> EditSession { EditSession(document: try JSONDocument(text: text)) }

    /// Module index of the module with this id.
    static func index(_ bp: Blueprint, _ id: Int) -> Int { bp.module(id: id)!.index }

    /// Lines (1-based) that differ between two texts of the same line count, with both versions.
    static func changedLines(_ a: String, _ b: String) -> [(Int, String, String)] {
        let x = a.components(separatedBy: "\n"), y = b.components(separatedBy: "\n")
        guard x.count == y.count else { return [(-1, "\(x.count) lines", "\(y.count) lines")] }
        return zip(x, y).enumerated().filter { $0.element.0 != $0.element.1 }.map { ($0.offset + 1, $0.element.0, $0.element.1) }
    }

    /// `text` with `old` replaced by `new`; records an issue when `old` does not occur.
    static func replace(_ text: String, _ old: String, _ new: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        if !text.contains(old) { Issue.record("fixture text not found: \(old)", sourceLocation: sourceLocation) }
        return text.replacingOccurrences(of: old, with: new)
    }

    /// A unified diff for failure messages.
    static func diff(_ expected: String, _ actual: String) -> String {
        UnifiedDiff.diff(old: Array(expected.utf8), new: Array(actual.utf8), oldName: "expected", newName: "actual")
    }

    /// The corpus directory, or nil (with a printed skip notice) when it is absent.
    static func corpus(_ test: String = #function, filePath: String = #filePath) -> URL? {
        let root = URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let dir = root.appendingPathComponent("../shared/corpus/blueprints").standardized
        guard FileManager.default.fileExists(atPath: dir.path) else {
            print("skip \(test): corpus not found at \(dir.path)")
            return nil
        }
        return dir
    }

    static func corpusFiles(_ test: String = #function) -> [URL] {
        guard let dir = corpus(test) else { return [] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted().map { dir.appendingPathComponent($0) }
    }
}

@Suite struct ConnectionFixtureTests {
    @Test func fixtureLoadsWithEveryModule() throws {
        let bp = try ConnFixture.blueprint()
        #expect(bp.modules.count == 14)
        #expect(bp.modules.compactMap(\.id) == Array(1...14))
    }
}
