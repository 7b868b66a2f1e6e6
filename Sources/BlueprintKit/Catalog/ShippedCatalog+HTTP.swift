// Shipped catalog, part 1: HTTP v3 (HTTP (legacy)) → HTTP v4.
// Every rule cites /work/shared/research/upgrade-evidence.md (§ numbers and corpus
// counts) or fusion-product.md. Where the corpus shows no v4 form (XML, url-encoded
// and multipart bodies, basic-auth and OAuth credentials, mTLS), the field is left in
// place and flagged for review instead of guessed.

extension ShippedCatalog {
    static let http = #"""
{
    "scenedCatalog": 1,
    "description": "HTTP v3 (HTTP (legacy)) to HTTP v4 (MakeRequest, DownloadFile)",
    "ruleSets": {
        "http-v3-request": [
            { "move": "parameters.handleErrors", "to": "mapper.stopOnHttpError",
              "descriptor": { "name": "stopOnHttpError", "type": "boolean", "label": "Return error if HTTP request fails", "required": true },
              "provenance": "upgrade-evidence §2.1: v3 parameters.handleErrors (true 54, false 39 of 93 v3 HTTP modules) ↔ v4 mapper.stopOnHttpError (20/20 MakeRequest, 3/3 DownloadFile); medium" },
            { "drop": "parameters.useNewZLibDeCompress",
              "provenance": "upgrade-evidence §2.1: hidden parameter, present in 80 (bool true 77, string \"true\" 3); no v4 descriptor" },
            { "add": "parameters.tlsType", "value": "",
              "descriptor": { "name": "tlsType", "type": "select", "label": "Transport layer security (TLS)", "validate": { "enum": ["mTls", "tls"] } },
              "restore": { "label": "Empty" },
              "provenance": "upgrade-evidence §2.1: v4 tlsType \"\" in 20/20, restore label \"Empty\"; v3 ca \"\" 86/86 and useMtls false 85" },
            { "keep": "mapper.url", "provenance": "upgrade-evidence §2.2: url (str 37, IML 49) → url (str 19, IML 1); high" },
            { "keep": "mapper.method", "provenance": "upgrade-evidence §2.2: same enum get…options; post 42, get 29, patch 14, put 1; high" },
            { "keep": "mapper.headers", "omit": [[]],
              "provenance": "upgrade-evidence §2.2: same {name,value} items, all 53 v3 header names pass the v4 pattern; v4 omits empty arrays (0 of 20 empty, v3 43 empty); high" },
            { "rename": "mapper.qs", "to": "mapper.queryParameters", "omit": [[]],
              "descriptor": { "name": "queryParameters", "spec": { "name": "value", "spec": [ { "name": "name", "type": "text", "label": "Name", "required": true }, { "name": "value", "type": "text", "label": "Value" } ], "type": "collection", "label": "Parameter" }, "type": "array", "label": "Query parameters" },
              "provenance": "upgrade-evidence §2.2: qs \"Query String\" (non-empty 17, [] 69) → queryParameters \"Query parameters\", identical {name,value} item spec; medium" },
            { "keep": "mapper.parseResponse", "provenance": "upgrade-evidence §2.2: true 65, false 21 → true 20; high" },
            { "keep": "mapper.timeout", "omit": [""], "provenance": "upgrade-evidence §2.2: \"\" 85, \"120\" 1 → \"300\" 12, absent 8; \"\" is left out; high" },
            { "keep": "mapper.shareCookies", "provenance": "upgrade-evidence §2.2: identical label; false 86 → false 20; high" },
            { "rename": "mapper.gzip", "to": "mapper.requestCompressedContent",
              "provenance": "upgrade-evidence §2.2: identical label \"Request compressed content\"; true 85, false 1 → true 20; high" },
            { "rename": "mapper.followRedirect", "to": "mapper.allowRedirects",
              "provenance": "upgrade-evidence §2.2: \"Follow redirect\" → \"Allow redirects\"; true 86 → true 20; medium" },
            { "drop": "mapper.followAllRedirects", "expect": [false],
              "provenance": "upgrade-evidence §2.2: no v4 descriptor; false 85, true 1 (that value would be lost, so it is flagged)" },
            { "drop": "mapper.serializeUrl", "expect": [false], "provenance": "upgrade-evidence §2.2: no v4 descriptor; false 85 (absent 1)" },
            { "drop": "mapper.useQuerystring", "expect": [false], "provenance": "upgrade-evidence §2.2: no v4 descriptor; false 86" },
            { "drop": "mapper.rejectUnauthorized", "expect": [true],
              "provenance": "upgrade-evidence §2.2: true 86; no v4 descriptor (possibly tlsType, not observed), so false is flagged" },
            { "drop": "mapper.ca", "expect": ["", null],
              "provenance": "upgrade-evidence §2.1: ca \"\" 86/86 maps to tlsType \"\"; a certificate has no observed v4 form" },
            { "drop": "mapper.useMtls", "expect": [false],
              "provenance": "upgrade-evidence §2.1: useMtls false 85; mTLS has no observed v4 form" },
            { "drop": "mapper.authUser", "expect": ["", null],
              "provenance": "upgrade-evidence §2.1: basic-auth credentials in the mapper (non-empty in 4 modules); the v4 basicAuth keychain parameter is not observed" },
            { "drop": "mapper.authPass", "expect": ["", null],
              "provenance": "upgrade-evidence §2.1: as authUser" },
            { "when": [ { "field": "mapper.bodyType", "equals": "raw" }, { "field": "mapper.contentType", "equals": "application/json" } ],
              "then": [
                  { "drop": "mapper.bodyType", "provenance": "upgrade-evidence §2.3: raw + application/json + data, 38 modules → v4 shape seen in 17/20" },
                  { "set": "mapper.contentType", "value": "json",
                    "restore": { "label": "application/jsonEnter data in the JSON format, as a string or using a data structure." },
                    "provenance": "upgrade-evidence §2.3/§2.4: contentType \"json\" with this restore label in the v4 exports" },
                  { "add": "mapper.inputMethod", "value": "jsonString", "after": ["contentType"],
                    "descriptor": { "name": "inputMethod", "type": "select", "label": "Body input method", "required": true, "validate": { "enum": ["dataStructure", "jsonString"] } },
                    "restore": { "label": "JSON stringEnter the JSON body as a raw text string. If values contain JSON reserved characters, you must escape them manually." },
                    "provenance": "upgrade-evidence §2.3: inputMethod \"jsonString\" in 17/20 (the only value seen)" },
                  { "rename": "mapper.data", "to": "mapper.jsonStringBodyContent",
                    "descriptor": { "name": "jsonStringBodyContent", "type": "text", "label": "Body content", "required": true },
                    "provenance": "upgrade-evidence §2.3: data → jsonStringBodyContent; medium (labels \"Request content\" / \"Body content\")" }
              ],
              "else": [
                  { "when": { "field": "mapper.bodyType", "in": ["", null], "orAbsent": true },
                    "provenance": "upgrade-evidence §2.3: empty bodyType (29 modules) is the only other combination with an observed v4 form",
                    "then": [
                        { "drop": "mapper.bodyType", "provenance": "upgrade-evidence §2.3: no body (29 modules) → no body keys in v4 (3/20, all get)" },
                        { "drop": "mapper.contentType", "expect": [""], "provenance": "upgrade-evidence §2.3: no body" },
                        { "drop": "mapper.data", "expect": [""], "provenance": "upgrade-evidence §2.3: no body" },
                        { "drop": "mapper.formFields", "expect": [[]], "provenance": "upgrade-evidence §2.3: no body" },
                        { "drop": "mapper.formDataFields", "expect": [[]], "provenance": "upgrade-evidence §2.3: no body" }
                    ],
                    "else": [
                        { "keep": "mapper.bodyType", "review": "this body type has no observed v4 form (XML, url-encoded, multipart or untyped raw): set the v4 body content type and fields by hand", "provenance": "upgrade-evidence §2.3: raw+XML 13, raw without type 2, url-encoded 2, multipart 2; v4 forms not observed; low" },
                        { "keep": "mapper.contentType", "review": "v3 content type; the v4 enum is json, multipart, urlEncoded, custom", "provenance": "upgrade-evidence §2.3" },
                        { "keep": "mapper.data", "review": "v3 request body; the v4 field for a custom body is not observed", "provenance": "upgrade-evidence §2.3" },
                        { "keep": "mapper.formFields", "review": "v3 url-encoded fields; the v4 field name is not observed", "provenance": "upgrade-evidence §2.3" },
                        { "keep": "mapper.formDataFields", "review": "v3 multipart fields; the v4 field name is not observed", "provenance": "upgrade-evidence §2.3" }
                    ] }
              ],
              "provenance": "upgrade-evidence §2.3: request body combinations" }
        ]
    },
    "entries": [
        { "module": "http:ActionSendData", "version": 3, "title": "HTTP › Make a request (legacy)", "status": "deprecated",
          "provenance": ["fusion-product §3.2: HTTP v3 is now \"HTTP (legacy)\" (MAKE-APPS http, http-legacy)", "upgrade-evidence §2: 69 modules in the corpus"],
          "replacement": {
              "module": "http:MakeRequest", "version": 4, "mode": "automatic",
              "rules": [
                  { "add": "parameters.authenticationType", "value": "noAuth",
                    "descriptor": { "name": "authenticationType", "type": "select", "label": "Authentication type", "required": true, "validate": { "enum": ["noAuth", "apiKey", "basicAuth", "oAuth"] } },
                    "restore": { "label": "No authenticationUse when no credentials are required for the request" },
                    "provenance": "upgrade-evidence §2.1: plain ActionSendData has no auth parameter → authenticationType \"noAuth\" (17/20); high" },
                  { "include": "http-v3-request" }
              ],
              "outputs": [
                  { "field": "error", "removed": true, "note": "v3 error output; v4 has data, statusCode and headers", "provenance": "upgrade-evidence §2.5: 2 refs to error, no v4 counterpart" }
              ],
              "knownOutputs": ["data", "statusCode", "headers"],
              "notes": ["The module keeps its id, so the 248 corpus references to data and statusCode keep working unchanged."],
              "provenance": ["upgrade-evidence §2: solid for URL, method, headers, query, flags and JSON body; weak for other bodies and auth", "upgrade-evidence §2.5: v4 interface data, statusCode, headers (20/20)"]
          } },
        { "module": "http:ActionSendDataAPIKeyAuth", "version": 3, "title": "HTTP › Make an API key auth request (legacy)", "status": "deprecated",
          "provenance": ["fusion-product §3.2: HTTP (legacy)", "upgrade-evidence §2: 12 modules in 8 files"],
          "replacement": {
              "module": "http:MakeRequest", "version": 4, "mode": "automatic",
              "rules": [
                  { "add": "parameters.authenticationType", "value": "apiKey",
                    "descriptor": { "name": "authenticationType", "type": "select", "label": "Authentication type", "required": true, "validate": { "enum": ["noAuth", "apiKey", "basicAuth", "oAuth"] } },
                    "restore": { "label": "API keyUse when the service requires an API key in the header or query parameters." },
                    "provenance": "upgrade-evidence §2.1: auth (keychain:apikeyauth) → authenticationType \"apiKey\" + apiKeyKeychain (3/20); medium" },
                  { "include": "http-v3-request" }
              ],
              "connection": { "parameter": "auth", "to": "apiKeyKeychain", "kind": "keychain", "accepted": ["apikeyauth"], "action": "keep",
                              "descriptorType": "keychain:apikeyauth",
                              "provenance": "upgrade-evidence §2.1/§13: same keychain type keychain:apikeyauth on both sides, so the key id is carried over" },
              "outputs": [ { "field": "error", "removed": true, "provenance": "upgrade-evidence §2.5" } ],
              "knownOutputs": ["data", "statusCode", "headers"],
              "provenance": ["upgrade-evidence §2.1"]
          } },
        { "module": "http:ActionSendDataBasicAuth", "version": 3, "title": "HTTP › Make a basic auth request (legacy)", "status": "deprecated",
          "provenance": ["fusion-product §3.2: HTTP (legacy)", "upgrade-evidence §2: 1 module"],
          "replacement": {
              "module": "http:MakeRequest", "version": 4, "mode": "automatic",
              "rules": [
                  { "add": "parameters.authenticationType", "value": "basicAuth",
                    "descriptor": { "name": "authenticationType", "type": "select", "label": "Authentication type", "required": true, "validate": { "enum": ["noAuth", "apiKey", "basicAuth", "oAuth"] } },
                    "review": "basic auth: the v4 keychain parameter is not observed; choose the credentials in the module",
                    "provenance": "upgrade-evidence §2.1: basicAuth is in the v4 enum but never used; low" },
                  { "include": "http-v3-request" }
              ],
              "connection": { "parameter": "key", "kind": "keychain", "accepted": ["basicauth"], "action": "reassign",
                              "note": "the v4 basic-auth keychain parameter is not observed: pick the key again after the upgrade",
                              "provenance": "upgrade-evidence §2.1/§14: key (keychain:basicauth, 1 module); v4 parameter not observed" },
              "outputs": [ { "field": "error", "removed": true, "provenance": "upgrade-evidence §2.5" } ],
              "knownOutputs": ["data", "statusCode", "headers"],
              "provenance": ["upgrade-evidence §2.1"]
          } },
        { "module": "http:ActionSendDataOAuth", "version": 3, "title": "HTTP › Make an OAuth 2.0 request (legacy)", "status": "deprecated",
          "provenance": ["fusion-product §3.2: HTTP (legacy)", "upgrade-evidence §2: 4 modules in 2 files"],
          "replacement": {
              "module": "http:MakeRequest", "version": 4, "mode": "automatic",
              "rules": [
                  { "add": "parameters.authenticationType", "value": "oAuth",
                    "descriptor": { "name": "authenticationType", "type": "select", "label": "Authentication type", "required": true, "validate": { "enum": ["noAuth", "apiKey", "basicAuth", "oAuth"] } },
                    "review": "OAuth: the v4 connection parameter is not observed; choose the connection in the module",
                    "provenance": "upgrade-evidence §2.1: oAuth is in the v4 enum but never used; low" },
                  { "include": "http-v3-request" }
              ],
              "connection": { "parameter": "account", "kind": "connection", "accepted": ["oauth2"], "action": "reassign",
                              "note": "the v4 OAuth connection parameter is not observed: pick the connection again after the upgrade",
                              "provenance": "upgrade-evidence §2.1/§13: account (account:oauth2, 4 modules); v4 parameter not observed" },
              "outputs": [ { "field": "error", "removed": true, "note": "v3 OAuth error output; no v4 counterpart", "provenance": "upgrade-evidence §2.5: 2 refs in amrit-dash…DSM_Bot" } ],
              "knownOutputs": ["data", "statusCode", "headers"],
              "provenance": ["upgrade-evidence §2.1"]
          } },
        { "module": "http:ActionGetFile", "version": 3, "title": "HTTP › Get a file (legacy)", "status": "deprecated",
          "provenance": ["fusion-product §3.2: HTTP (legacy); v4 module list: Make a request, Download a file, Resolve URL", "upgrade-evidence §3: 7 modules in 6 files"],
          "replacement": {
              "module": "http:DownloadFile", "version": 4, "mode": "automatic",
              "rules": [
                  { "move": "parameters.handleErrors", "to": "mapper.stopOnHttpError",
                    "descriptor": { "name": "stopOnHttpError", "type": "boolean", "label": "Return error if HTTP request fails", "required": true },
                    "provenance": "upgrade-evidence §3: handleErrors (false 7) → mapper stopOnHttpError (true 3), as §2.1; medium" },
                  { "add": "parameters.authenticationType", "value": "noAuth",
                    "descriptor": { "name": "authenticationType", "type": "select", "label": "Authentication type", "required": true, "validate": { "enum": ["noAuth", "apiKey", "basicAuth", "oAuth"] } },
                    "restore": { "label": "No authenticationUse when no credentials are required for the request" },
                    "provenance": "upgrade-evidence §3: authenticationType noAuth 3/3; high" },
                  { "keep": "mapper.url", "provenance": "upgrade-evidence §3: IML 6, str 1 → str 3; high" },
                  { "keep": "mapper.shareCookies", "provenance": "upgrade-evidence §3: false 6, true 1 → false 3; high" },
                  { "drop": "mapper.method", "expect": ["get"], "provenance": "upgrade-evidence §3: hidden, \"get\" 7/7; no v4 field; high" },
                  { "drop": "mapper.serializeUrl", "expect": [false], "provenance": "upgrade-evidence §3: false 6, true 1; no v4 field, so true is flagged" }
              ],
              "notes": ["Outputs data and fileName are referenced under the same names on v4 (3 refs each)."],
              "provenance": ["upgrade-evidence §3: medium"]
          } },
        { "module": "http:MakeRequest", "version": 4, "title": "HTTP › Make a request", "status": "current",
          "provenance": ["fusion-product §3.2: HTTP Version 4 (MAKE-APPS http)", "upgrade-evidence §2: 20 modules in the corpus"] },
        { "module": "http:DownloadFile", "version": 4, "title": "HTTP › Download a file", "status": "current",
          "provenance": ["fusion-product §3.2: v4 module list", "upgrade-evidence §3: 3 modules in the corpus"] }
    ]
}
"""#
}
