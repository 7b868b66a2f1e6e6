// The crafted HTTP v3 modules of HTTPBodyFormTests (a url-encoded and a multipart
// body, in Make's export layout) and the v4 text each must become.

import Foundation

extension HTTPBodyFormTests {
    /// A v3 module in Make's export layout with `BODY` as its last mapper members and
    /// `RESTORE`/`EXPECT` as its body's metadata.
    static func v3(body: String, restore: String, expect: String) -> String {
        #"""
        {
            "flow": [
                {
                    "id": 7,
                    "module": "http:ActionSendData",
                    "version": 3,
                    "parameters": {
                        "handleErrors": true,
                        "useNewZLibDeCompress": true
                    },
                    "mapper": {
                        "ca": "",
                        "qs": [],
                        "url": "https://hook.example/form",
                        "gzip": true,
                        "method": "post",
                        "headers": [],
                        "timeout": "",
                        "useMtls": false,
                        "serializeUrl": false,
                        "shareCookies": false,
                        "parseResponse": false,
                        "followRedirect": true,
                        "useQuerystring": false,
                        "followAllRedirects": false,
                        "rejectUnauthorized": true,
        BODY
                    },
                    "metadata": {
                        "designer": {
                            "x": 300,
                            "y": 0
                        },
                        "restore": {
                            "expect": {
                                "method": {
                                    "mode": "chose",
                                    "label": "POST"
                                },
        RESTORE
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
        EXPECT
                        ]
                    }
                }
            ],
            "metadata": {
                "version": 1
            }
        }
        """#
        .replacingOccurrences(of: "BODY", with: body)
        .replacingOccurrences(of: "RESTORE", with: restore)
        .replacingOccurrences(of: "EXPECT", with: expect)
    }

    static let urlEncoded = v3(body: #"""
                        "bodyType": "x_www_form_urlencoded",
                        "formFields": [
                            {
                                "key": "email",
                                "value": "{{2.from.address}}"
                            },
                            {
                                "key": "type",
                                "value": "email"
                            }
                        ]
        """#, restore: #"""
                                "bodyType": {
                                    "label": "Application/x-www-form-urlencoded"
                                },
                                "formFields": {
                                    "mode": "chose",
                                    "items": [
                                        null,
                                        null
                                    ]
                                }
        """#, expect: #"""
                            {
                                "name": "bodyType",
                                "type": "select",
                                "label": "Body type",
                                "validate": {
                                    "enum": [
                                        "raw",
                                        "x_www_form_urlencoded",
                                        "multipart_form_data"
                                    ]
                                }
                            },
                            {
                                "name": "formFields",
                                "spec": [
                                    {
                                        "name": "key",
                                        "type": "text",
                                        "label": "Key",
                                        "required": true
                                    },
                                    {
                                        "name": "value",
                                        "type": "text",
                                        "label": "Value"
                                    }
                                ],
                                "type": "array",
                                "label": "Fields"
                            }
        """#)

    /// The multipart body of the corpus's DeviantArt upload: a file item and a text item.
    static func multipart(_ items: String = HTTPBodyFormTests.multipartItems) -> String {
        v3(body: #"""
                        "bodyType": "multipart_form_data",
                        "formDataFields": \#(items)
        """#, restore: #"""
                                "bodyType": {
                                    "label": "Multipart/form-data"
                                },
                                "formDataFields": {
                                    "mode": "chose",
                                    "items": [
                                        {
                                            "fieldType": {
                                                "mode": "chose",
                                                "label": "File"
                                            }
                                        },
                                        {
                                            "fieldType": {
                                                "mode": "chose",
                                                "label": "Text"
                                            }
                                        }
                                    ]
                                }
        """#, expect: #"""
                            {
                                "name": "bodyType",
                                "type": "select",
                                "label": "Body type"
                            },
                            {
                                "name": "formDataFields",
                                "spec": [
                                    {
                                        "name": "fieldType",
                                        "type": "select",
                                        "label": "Field type",
                                        "required": true
                                    }
                                ],
                                "type": "array",
                                "label": "Fields"
                            }
        """#)
    }

    static let multipartItems = #"""
    [
                        {
                            "key": "file",
                            "data": "{{1058.data}}",
                            "fileName": "{{1058.fileName}}",
                            "fieldType": "file"
                        },
                        {
                            "key": "title",
                            "value": "{{1136.`0`}}",
                            "fieldType": "text"
                        }
                    ]
    """#

    /// The v4 module both forms share, with `BODY`, `RESTORE` and the body's descriptor
    /// (`expect`, if any) in place; the contentType descriptor comes last.
    static func v4(body: String, restore: String, expect: String) -> String {
        #"""
        {
                    "id": 7,
                    "module": "http:MakeRequest",
                    "version": 4,
                    "parameters": {
                        "authenticationType": "noAuth",
                        "tlsType": ""
                    },
                    "mapper": {
                        "url": "https://hook.example/form",
                        "requestCompressedContent": true,
                        "method": "post",
                        "shareCookies": false,
                        "parseResponse": false,
                        "allowRedirects": true,
        BODY,
                        "stopOnHttpError": true
                    },
                    "metadata": {
                        "designer": {
                            "x": 300,
                            "y": 0
                        },
                        "restore": {
                            "expect": {
                                "method": {
                                    "mode": "chose",
                                    "label": "POST"
                                },
        RESTORE
                            },
                            "parameters": {
                                "authenticationType": {
                                    "label": "No authenticationUse when no credentials are required for the request"
                                },
                                "tlsType": {
                                    "label": "Empty"
                                }
                            }
                        },
                        "parameters": [
                            {
                                "name": "authenticationType",
                                "type": "select",
                                "label": "Authentication type",
                                "required": true,
                                "validate": {
                                    "enum": [
                                        "noAuth",
                                        "apiKey",
                                        "basicAuth",
                                        "oAuth"
                                    ]
                                }
                            },
                            {
                                "name": "tlsType",
                                "type": "select",
                                "label": "Transport layer security (TLS)",
                                "validate": {
                                    "enum": [
                                        "mTls",
                                        "tls"
                                    ]
                                }
                            }
                        ],
                        "expect": [
        EXPECT,
                            {
                                "name": "stopOnHttpError",
                                "type": "boolean",
                                "label": "Return error if HTTP request fails",
                                "required": true
                            },
                            {
                                "name": "queryParameters",
                                "spec": {
                                    "name": "value",
                                    "spec": [
                                        {
                                            "name": "name",
                                            "type": "text",
                                            "label": "Name",
                                            "required": true
                                        },
                                        {
                                            "name": "value",
                                            "type": "text",
                                            "label": "Value"
                                        }
                                    ],
                                    "type": "collection",
                                    "label": "Parameter"
                                },
                                "type": "array",
                                "label": "Query parameters"
                            }CONTENTTYPE
                        ]
                    }
                }
        """#
        .replacingOccurrences(of: "BODY", with: body)
        .replacingOccurrences(of: "RESTORE", with: restore)
        .replacingOccurrences(of: "EXPECT,\n", with: expect.isEmpty ? "" : expect + ",\n")
        .replacingOccurrences(of: "CONTENTTYPE", with: ",\n" + contentTypeDescriptor)
    }

    static let contentTypeDescriptor = #"""
                            {
                                "name": "contentType",
                                "type": "select",
                                "label": "Body content type",
                                "validate": {
                                    "enum": [
                                        "json",
                                        "multipart",
                                        "urlEncoded",
                                        "custom"
                                    ]
                                }
                            }
        """#
}
