// The built-in demo scenario that `scened` opens with no file: a realistic shop
// order flow with a webhook trigger, a router with three routes (filters, an else
// route), an error handler, an iterator and aggregator, several connections and
// deprecated modules from the shipped catalog. Written for scened, in Make's layout.

public enum DemoScenario {
    /// Shown as the file name; saving the demo asks for a real path.
    public static let displayName = "demo scenario"

    public static var bytes: [UInt8] { Array(json.utf8) }

    public static let json = ##"""
{
    "name": "Shop orders → ERP, Slack and Sheets (demo)",
    "flow": [
        {
            "id": 1,
            "module": "gateway:CustomWebHook",
            "version": 1,
            "parameters": {
                "hook": 48213,
                "maxResults": 1
            },
            "mapper": {},
            "metadata": {
                "designer": {
                    "x": 0,
                    "y": 0,
                    "name": "New order from shop"
                },
                "restore": {
                    "parameters": {
                        "hook": {
                            "data": {
                                "editable": "true"
                            },
                            "label": "Shop orders"
                        }
                    }
                },
                "parameters": [
                    {
                        "name": "hook",
                        "type": "hook:gateway-webhook",
                        "label": "Webhook",
                        "required": true
                    },
                    {
                        "name": "maxResults",
                        "type": "number",
                        "label": "Maximum number of results"
                    }
                ]
            }
        },
        {
            "id": 2,
            "module": "util:SetVariable",
            "version": 1,
            "parameters": {},
            "mapper": {
                "name": "orderTotal",
                "scope": "roundtrip",
                "value": "{{sum(map(1.items; \"price\"))}}"
            },
            "metadata": {
                "designer": {
                    "x": 300,
                    "y": 0,
                    "name": "Order total"
                },
                "restore": {
                    "scope": {
                        "label": "One cycle"
                    }
                },
                "interface": [
                    {
                        "name": "value",
                        "label": "orderTotal",
                        "type": "any"
                    }
                ],
                "expect": [
                    {
                        "name": "name",
                        "type": "text",
                        "label": "Variable name",
                        "required": true
                    },
                    {
                        "name": "scope",
                        "type": "select",
                        "label": "Variable lifetime",
                        "required": true
                    },
                    {
                        "name": "value",
                        "type": "any",
                        "label": "Variable value"
                    }
                ]
            }
        },
        {
            "id": 3,
            "module": "http:ActionSendData",
            "version": 3,
            "parameters": {
                "handleErrors": true,
                "useNewZLibDeCompress": true
            },
            "mapper": {
                "ca": "",
                "qs": [],
                "url": "https://erp.example.com/api/orders",
                "gzip": true,
                "method": "post",
                "headers": [
                    {
                        "name": "X-Shop",
                        "value": "{{1.shop}}"
                    }
                ],
                "timeout": "",
                "useMtls": false,
                "bodyType": "raw",
                "contentType": "application/json",
                "data": "{\"order\": \"{{1.id}}\", \"total\": {{2.value}}, \"customer\": \"{{1.customer.email}}\"}",
                "parseResponse": true,
                "serializeUrl": false,
                "shareCookies": false,
                "useQuerystring": false,
                "followRedirect": true,
                "rejectUnauthorized": true,
                "followAllRedirects": false
            },
            "metadata": {
                "designer": {
                    "x": 600,
                    "y": 0,
                    "name": "Create ERP order"
                },
                "restore": {
                    "expect": {
                        "qs": {
                            "mode": "chose"
                        },
                        "method": {
                            "mode": "chose",
                            "label": "POST"
                        },
                        "headers": {
                            "mode": "chose",
                            "items": [
                                null
                            ]
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
                    },
                    {
                        "name": "useNewZLibDeCompress",
                        "type": "hidden"
                    }
                ]
            },
            "onerror": [
                {
                    "id": 4,
                    "module": "slack:CreateMessage",
                    "version": 4,
                    "parameters": {
                        "__IMTCONN__": 771204
                    },
                    "mapper": {
                        "text": "ERP order failed for {{1.id}}: {{3.error.message}}",
                        "channel": "C04OPS",
                        "channelType": "public",
                        "channelWType": "list",
                        "mrkdwn": true,
                        "parse": false
                    },
                    "metadata": {
                        "designer": {
                            "x": 600,
                            "y": 300,
                            "name": "Alert #ops"
                        },
                        "restore": {
                            "parameters": {
                                "__IMTCONN__": {
                                    "data": {
                                        "scoped": "true",
                                        "connection": "slack2"
                                    },
                                    "label": "Ops Slack (ops@example.com)"
                                }
                            },
                            "expect": {
                                "channel": {
                                    "label": "ops"
                                },
                                "channelType": {
                                    "label": "Public channel"
                                },
                                "channelWType": {
                                    "label": "Select from the list"
                                }
                            }
                        },
                        "parameters": [
                            {
                                "name": "__IMTCONN__",
                                "type": "account:slack2,slack3",
                                "label": "Connection",
                                "required": true
                            }
                        ]
                    }
                },
                {
                    "id": 5,
                    "module": "builtin:Resume",
                    "version": 1,
                    "parameters": {},
                    "mapper": {
                        "data": {
                            "status": "queued"
                        }
                    },
                    "metadata": {
                        "designer": {
                            "x": 900,
                            "y": 300
                        }
                    }
                }
            ]
        },
        {
            "id": 6,
            "module": "builtin:BasicRouter",
            "version": 1,
            "parameters": {
                "else": 2
            },
            "mapper": null,
            "metadata": {
                "designer": {
                    "x": 900,
                    "y": 0
                }
            },
            "routes": [
                {
                    "flow": [
                        {
                            "id": 7,
                            "module": "google-email:ActionSendEmail",
                            "version": 2,
                            "parameters": {
                                "account": 1093344
                            },
                            "filter": {
                                "name": "Paid orders",
                                "conditions": [
                                    [
                                        {
                                            "a": "{{1.status}}",
                                            "b": "paid",
                                            "o": "text:equal"
                                        },
                                        {
                                            "a": "{{3.data.id}}",
                                            "o": "exist"
                                        }
                                    ]
                                ]
                            },
                            "mapper": {
                                "to": [
                                    "{{1.customer.email}}"
                                ],
                                "subject": "Your order {{1.id}} is confirmed",
                                "html": "<p>Hi {{1.customer.name}},</p><p>Total: {{2.value}} €</p>",
                                "attachments": [],
                                "cc": [],
                                "bcc": []
                            },
                            "metadata": {
                                "designer": {
                                    "x": 1200,
                                    "y": -300,
                                    "name": "Confirm to customer"
                                },
                                "restore": {
                                    "parameters": {
                                        "account": {
                                            "data": {
                                                "scoped": "true",
                                                "connection": "google-restricted"
                                            },
                                            "label": "orders@example.com"
                                        }
                                    }
                                },
                                "parameters": [
                                    {
                                        "name": "account",
                                        "type": "account:google-restricted",
                                        "label": "Connection",
                                        "required": true
                                    }
                                ]
                            }
                        },
                        {
                            "id": 8,
                            "module": "slack:CreateMessage",
                            "version": 3,
                            "parameters": {
                                "__IMTCONN__": 771204
                            },
                            "mapper": {
                                "text": "💸 New paid order {{1.id}} — {{2.value}} €",
                                "channel": "C04SALES",
                                "channelType": "public",
                                "channelWType": "list",
                                "parse": false,
                                "mrkdwn": true
                            },
                            "metadata": {
                                "designer": {
                                    "x": 1500,
                                    "y": -300,
                                    "name": "Tell sales"
                                },
                                "restore": {
                                    "parameters": {
                                        "__IMTCONN__": {
                                            "data": {
                                                "scoped": "true",
                                                "connection": "slack2"
                                            },
                                            "label": "Ops Slack (ops@example.com)"
                                        }
                                    }
                                },
                                "parameters": [
                                    {
                                        "name": "__IMTCONN__",
                                        "type": "account:slack2,slack3",
                                        "label": "Connection",
                                        "required": true
                                    }
                                ]
                            }
                        }
                    ]
                },
                {
                    "flow": [
                        {
                            "id": 9,
                            "module": "builtin:BasicFeeder",
                            "version": 1,
                            "parameters": {},
                            "filter": {
                                "name": "Has line items",
                                "conditions": [
                                    [
                                        {
                                            "a": "{{length(1.items)}}",
                                            "b": "0",
                                            "o": "number:greater"
                                        }
                                    ]
                                ]
                            },
                            "mapper": {
                                "array": "{{1.items}}"
                            },
                            "metadata": {
                                "designer": {
                                    "x": 1200,
                                    "y": 0,
                                    "name": "Each line item"
                                },
                                "restore": {
                                    "expect": {
                                        "array": {
                                            "mode": "edit"
                                        }
                                    }
                                }
                            }
                        },
                        {
                            "id": 10,
                            "module": "google-sheets:addRow",
                            "version": 2,
                            "parameters": {
                                "__IMTCONN__": 2210931
                            },
                            "mapper": {
                                "mode": "select",
                                "values": {
                                    "0": "{{1.id}}",
                                    "1": "{{9.sku}}",
                                    "2": "{{9.quantity}}",
                                    "3": "{{9.price}}"
                                },
                                "sheetId": "Lines",
                                "spreadsheetId": "/1AbCdEfGhIjK",
                                "includesHeaders": true,
                                "insertDataOption": "INSERT_ROWS",
                                "valueInputOption": "USER_ENTERED",
                                "insertUnformatted": false
                            },
                            "metadata": {
                                "designer": {
                                    "x": 1500,
                                    "y": 0,
                                    "name": "Log line item — 注文"
                                },
                                "restore": {
                                    "parameters": {
                                        "__IMTCONN__": {
                                            "data": {
                                                "scoped": "true",
                                                "connection": "google"
                                            },
                                            "label": "Finance Google (finance@example.com)"
                                        }
                                    }
                                },
                                "parameters": [
                                    {
                                        "name": "__IMTCONN__",
                                        "type": "account:google",
                                        "label": "Connection",
                                        "required": true
                                    }
                                ]
                            }
                        },
                        {
                            "id": 11,
                            "module": "util:TextAggregator",
                            "version": 1,
                            "parameters": {
                                "feeder": 9,
                                "rowSeparator": "\n"
                            },
                            "mapper": {
                                "value": "{{9.sku}} × {{9.quantity}}"
                            },
                            "metadata": {
                                "designer": {
                                    "x": 1800,
                                    "y": 0
                                },
                                "restore": {
                                    "extra": {
                                        "feeder": {
                                            "label": "Each line item [9]"
                                        }
                                    }
                                }
                            }
                        },
                        {
                            "id": 12,
                            "module": "twitter:createTweet",
                            "version": 5,
                            "parameters": {
                                "__IMTCONN__": 530118
                            },
                            "mapper": {
                                "status": "Another happy customer! {{11.text}}"
                            },
                            "metadata": {
                                "designer": {
                                    "x": 2100,
                                    "y": 0,
                                    "name": "Brag on X"
                                },
                                "restore": {
                                    "parameters": {
                                        "__IMTCONN__": {
                                            "data": {
                                                "scoped": "true",
                                                "connection": "twitter"
                                            },
                                            "label": "@example_shop"
                                        }
                                    }
                                },
                                "parameters": [
                                    {
                                        "name": "__IMTCONN__",
                                        "type": "account:twitter",
                                        "label": "Connection",
                                        "required": true
                                    }
                                ]
                            }
                        }
                    ]
                },
                {
                    "flow": [
                        {
                            "id": 13,
                            "module": "http:ActionSendData",
                            "version": 3,
                            "parameters": {
                                "handleErrors": false,
                                "useNewZLibDeCompress": true
                            },
                            "mapper": {
                                "ca": "",
                                "qs": [
                                    {
                                        "name": "order",
                                        "value": "{{1.id}}"
                                    }
                                ],
                                "url": "https://audit.example.com/unpaid",
                                "gzip": true,
                                "method": "get",
                                "headers": [],
                                "timeout": "",
                                "useMtls": false,
                                "bodyType": "",
                                "parseResponse": true,
                                "serializeUrl": false,
                                "shareCookies": false,
                                "useQuerystring": false,
                                "followRedirect": true,
                                "rejectUnauthorized": true,
                                "followAllRedirects": false
                            },
                            "metadata": {
                                "designer": {
                                    "x": 1200,
                                    "y": 300,
                                    "name": "Audit unpaid order"
                                },
                                "restore": {
                                    "expect": {
                                        "qs": {
                                            "mode": "chose",
                                            "items": [
                                                null
                                            ]
                                        },
                                        "method": {
                                            "mode": "chose",
                                            "label": "GET"
                                        },
                                        "headers": {
                                            "mode": "chose"
                                        },
                                        "bodyType": {
                                            "label": "Empty"
                                        }
                                    }
                                },
                                "parameters": [
                                    {
                                        "name": "handleErrors",
                                        "type": "boolean",
                                        "label": "Evaluate all states as errors (except for 2xx and 3xx )",
                                        "required": true
                                    },
                                    {
                                        "name": "useNewZLibDeCompress",
                                        "type": "hidden"
                                    }
                                ]
                            }
                        },
                        {
                            "id": 14,
                            "module": "util:SetVariable2",
                            "version": 1,
                            "parameters": {},
                            "mapper": {
                                "name": "auditStatus",
                                "scope": "roundtrip",
                                "value": "{{13.statusCode}}"
                            },
                            "metadata": {
                                "designer": {
                                    "x": 1500,
                                    "y": 300
                                },
                                "restore": {
                                    "expect": {
                                        "scope": {
                                            "label": "One cycle"
                                        }
                                    }
                                }
                            }
                        }
                    ]
                }
            ]
        }
    ],
    "metadata": {
        "instant": true,
        "version": 1,
        "scenario": {
            "roundtrips": 1,
            "maxErrors": 3,
            "autoCommit": true,
            "autoCommitTriggerLast": true,
            "sequential": false,
            "slots": null,
            "confidential": false,
            "dataloss": false,
            "dlq": false,
            "freshVariables": false
        },
        "designer": {
            "orphans": []
        },
        "zone": "us1.make.com",
        "notes": []
    }
}
"""##
}
