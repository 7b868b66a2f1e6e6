// Shipped catalog, part 2: Gmail (legacy) → Gmail, Slack v3 → v4, Tools variables,
// X (Twitter) v5 → v6, and the manual entries (Gmail move, Notion data sources).
// Sources: /work/shared/research/upgrade-evidence.md §4–§13 and fusion-product.md.

extension ShippedCatalog {
    static let apps = #"""
{
    "scenedCatalog": 1,
    "description": "Gmail, Slack, Tools variables, X (Twitter), Notion",
    "ruleSets": {
        "gmail-send-v1v2": [
            { "keep": "mapper.to", "provenance": "upgrade-evidence §5: to (list 8, v1 IML string) → to (list 31, IML 2); high" },
            { "keep": "mapper.cc", "omit": [[]], "provenance": "upgrade-evidence §5: cc [] 9/9 → absent unless set (non-empty 1 of 33); high" },
            { "keep": "mapper.bcc", "omit": [[]], "provenance": "upgrade-evidence §5: bcc [] 9/9 → absent; high" },
            { "keep": "mapper.subject", "provenance": "upgrade-evidence §5: str 5, IML 4 → IML 22, str 11; high" },
            { "add": "mapper.bodyType", "value": "rawHtml", "after": ["subject"],
              "descriptor": { "name": "bodyType", "type": "select", "label": "Body type", "required": true, "validate": { "enum": ["rawHtml", "collection"] } },
              "restore": { "label": "Raw HTML" },
              "provenance": "upgrade-evidence §5: v4 bodyType \"rawHtml\" (13 of 33, restore label \"Raw HTML\") carries an HTML content field; medium" },
            { "rename": "mapper.html", "to": "mapper.content",
              "provenance": "upgrade-evidence §5: html \"Content\" (IML 9) → content \"Content\" with bodyType rawHtml (content present 12 of 13); medium" },
            { "drop": "mapper.from", "expect": ["", null],
              "provenance": "upgrade-evidence §5: from \"\" 9/9 → absent 30 of 33; a non-empty sender has a different v4 form (select), so it is flagged" },
            { "keep": "mapper.attachments", "omit": [[]], "provenance": "upgrade-evidence §5: v2 [] 8 → absent; v4 attachments in 2 modules" },
            { "rename": "mapper.attachments[].fileName", "to": "mapper.attachments[].filename",
              "provenance": "upgrade-evidence §5: fileName → filename, both semantic file:name; medium" },
            { "drop": "mapper.attachments[].cid", "expect": ["", null],
              "provenance": "upgrade-evidence §5: cid has no v4 counterpart (v1 1 item, cid \"employee_photo\"): a content id is flagged" }
        ]
    },
    "entries": [
        { "module": "google-email:ActionSendEmail", "version": 1, "title": "Gmail › Send an email (legacy v1)", "status": "deprecated",
          "deprecatedSince": "2025-09",
          "provenance": ["fusion-product §3.2: Gmail (Legacy) → new Gmail app (MAKE-WL 2025.09)", "upgrade-evidence §5: 1 module"],
          "replacement": {
              "module": "google-email:sendAnEmail", "version": 4, "mode": "automatic",
              "rules": [ { "include": "gmail-send-v1v2" } ],
              "connection": { "parameter": "account", "to": "__IMTCONN__", "accepted": ["google-email"], "action": "reassign",
                              "descriptorType": "account:google-email",
                              "note": "Gmail now uses its own connection type (google-email); the google connection cannot be reused",
                              "provenance": "upgrade-evidence §5/§13: account (account:google) → __IMTCONN__ (account:google-email, 48 descriptors); fusion-product §2.1 (MAKE-SKILLS: Gmail is a separate connection type)" },
              "notes": ["Body: the HTML becomes a Raw HTML body (bodyType rawHtml + content)."],
              "provenance": ["upgrade-evidence §5: solid"]
          } },
        { "module": "google-email:ActionSendEmail", "version": 2, "title": "Gmail › Send an email (legacy)", "status": "deprecated",
          "deprecatedSince": "2025-09",
          "provenance": ["fusion-product §3.2: Gmail (Legacy) → new Gmail app (MAKE-WL 2025.09)", "upgrade-evidence §5: 8 modules in 8 files"],
          "replacement": {
              "module": "google-email:sendAnEmail", "version": 4, "mode": "automatic",
              "rules": [ { "include": "gmail-send-v1v2" } ],
              "connection": { "parameter": "account", "to": "__IMTCONN__", "accepted": ["google-email"], "action": "reassign",
                              "descriptorType": "account:google-email",
                              "note": "Gmail now uses its own connection type (google-email); the google-restricted connection cannot be reused",
                              "provenance": "upgrade-evidence §5/§13: account (account:google-restricted) → __IMTCONN__ (account:google-email)" },
              "provenance": ["upgrade-evidence §5: solid"]
          } },
        { "module": "google-email:TriggerNewEmail", "version": 2, "title": "Gmail › Watch emails (legacy)", "status": "deprecated",
          "deprecatedSince": "2025-09",
          "provenance": ["fusion-product §3.2: Gmail (Legacy) → new Gmail app (MAKE-WL 2025.09)", "upgrade-evidence §6: 2 modules"],
          "replacement": {
              "module": "google-email:triggerWatchNewEmails", "version": 4, "mode": "automatic",
              "rules": [
                  { "when": { "field": "parameters.searchType", "equals": "gmail" },
                    "provenance": "upgrade-evidence §6: with gmailSearch v4 has only q, limit, format, markSeen, filterType, __IMTCONN__; v2 gmail never observed",
                    "then": [
                        { "map": "parameters.searchType", "to": "parameters.filterType", "values": { "gmail": "gmailSearch" },
                          "review": "Gmail filter: the v2 field that held the query is not observed; enter it in q (\"Query\")",
                          "provenance": "upgrade-evidence §6: enum simple, gmail → simpleSearch, gmailSearch; gmail unseen in v2; medium" }
                    ],
                    "else": [
                        { "map": "parameters.searchType", "to": "parameters.filterType", "values": { "simple": "simpleSearch" },
                          "provenance": "upgrade-evidence §6: simple 2 (\"Simple filter\") → simpleSearch 5 (\"Simple filter\"); high" },
                        { "add": "parameters.excludeWords", "value": "", "provenance": "upgrade-evidence §6: new optional, \"\" in the simple-filter v4 exports" },
                        { "add": "parameters.size", "value": { "unit": "M", "amount": null, "criteria": "larger" },
                          "restore": { "nested": { "unit": { "label": "MB (megabytes)" }, "criteria": { "label": "Greater than" } } },
                          "provenance": "upgrade-evidence §6: new optional collection, this value 5/5" },
                        { "add": "parameters.hasAttachment", "value": false, "provenance": "upgrade-evidence §6: new required, false 5/5" }
                    ] },
                  { "map": "parameters.criteria", "values": { "ALL": "all", "SEEN": "is:read", "UNSEEN": "is:unread" },
                    "provenance": "upgrade-evidence §6: enum ALL, SEEN, UNSEEN → all, is:read, is:unread (ALL 1, UNSEEN 1 → is:unread 4, all 1); medium" },
                  { "keep": "parameters.folder", "provenance": "upgrade-evidence §6: \"INBOX\" 2 → \"INBOX\" 5; the restore shape changes (removed below); high" },
                  { "keep": "parameters.markSeen", "provenance": "upgrade-evidence §6: same; high" },
                  { "rename": "parameters.maxResults", "to": "parameters.limit",
                    "provenance": "upgrade-evidence §6: \"Maximum number of results\" → \"Limit\" (required, max 500); medium" },
                  { "keep": "parameters.from", "provenance": "upgrade-evidence §6: same; high" },
                  { "keep": "parameters.subject", "provenance": "upgrade-evidence §6: same; high" },
                  { "when": { "field": "parameters.text", "in": ["", null] },
                    "provenance": "upgrade-evidence §6: text \"\" 2/2; the rename is certain only for an empty search phrase",
                    "then": [ { "rename": "parameters.text", "to": "parameters.includeWords", "provenance": "upgrade-evidence §6: text \"\" 2 → includeWords \"\" 5" } ],
                    "else": [ { "rename": "parameters.text", "to": "parameters.includeWords",
                                "review": "\"Search phrase\" → \"Has the words\" is a low-confidence match: check the search",
                                "provenance": "upgrade-evidence §6: possible rename; low" } ] },
                  { "add": "parameters.format", "value": "full", "restore": { "label": "Full content" },
                    "provenance": "upgrade-evidence §6: new required, full 7/7" }
              ],
              "connection": { "parameter": "account", "to": "__IMTCONN__", "accepted": ["google-email"], "action": "reassign",
                              "descriptorType": "account:google-email",
                              "note": "Gmail now uses its own connection type (google-email)",
                              "provenance": "upgrade-evidence §6/§13: account (account:google-restricted) → __IMTCONN__ (account:google-email)" },
              "outputs": [
                  { "field": "html", "to": "htmlBody", "provenance": "upgrade-evidence §6: 1 ref; v4 interface \"htmlBody\" (HTML body); medium" },
                  { "field": "attachments", "removed": true,
                    "note": "v4 has no attachments output: add a Gmail › List email attachments module (messageId {{trigger.id}}) and map data/filename from it",
                    "provenance": "upgrade-evidence §6: 2 refs; the v4 pattern is a separate listEmailAttachments module (2 files)" },
                  { "field": "id", "review": true, "note": "same name, but an IMAP UID became a Gmail message id",
                    "provenance": "upgrade-evidence §6: 1 ref; v2 consumer \"Email ID (UID)\" number vs v4 \"Message ID\" text; low" }
              ],
              "knownOutputs": ["id", "threadId", "internalDate", "subject", "fromName", "fromEmail", "to", "cc", "bcc", "snippet", "fullTextBody",
                               "htmlBody", "hasAttachment", "hasMedia", "sysFolders", "categoryFolders", "userLabelFolders", "labelIds",
                               "headers", "sizeEstimate", "historyId"],
              "metadata": { "remove": ["restore.parameters.folder", "restore.folder"] },
              "provenance": ["upgrade-evidence §6: medium; v4 interface 7/7"]
          } },
        { "module": "google-email:ActionMoveEmail", "version": 2, "title": "Gmail › Move an email (legacy)", "status": "deprecated",
          "deprecatedSince": "2025-09",
          "provenance": ["fusion-product §3.2: Gmail (Legacy)", "upgrade-evidence §7: 1 module, no v4 counterpart"],
          "replacement": {
              "module": "google-email:updateEmailLabels", "version": 4, "mode": "manual",
              "notes": ["No v4 move module exists. The nearest is Update email labels: id → messageId, folder → removeLabels, destinationFolder → addLabels (a guess: the label value for a folder such as [Gmail]/Spam is not observed).",
                        "Its input id came from the legacy trigger (an IMAP UID); v4 takes a Gmail message id."],
              "provenance": ["upgrade-evidence §7: low"]
          } },
        { "module": "google-email:sendAnEmail", "version": 4, "title": "Gmail › Send an email", "status": "current",
          "provenance": ["upgrade-evidence §5: 33 modules in 15 files"] },
        { "module": "google-email:triggerWatchNewEmails", "version": 4, "title": "Gmail › Watch emails", "status": "current",
          "provenance": ["upgrade-evidence §6: 7 modules in 7 files"] },
        { "module": "google-email:updateEmailLabels", "version": 4, "title": "Gmail › Update email labels", "status": "current",
          "provenance": ["upgrade-evidence §7: 1 module"] },

        { "module": "slack:CreateMessage", "version": 3, "title": "Slack › Create a message (v3)", "status": "deprecated",
          "provenance": ["upgrade-evidence §4: 2 modules (both old-generation exports) vs 36 v4 modules in 9 files"],
          "replacement": {
              "module": "slack:CreateMessage", "version": 4, "mode": "automatic",
              "rules": [
                  { "keep": "mapper.channelWType", "provenance": "upgrade-evidence §4: same name, label and enum; high" },
                  { "keep": "mapper.channelType", "provenance": "upgrade-evidence §4: high" },
                  { "keep": "mapper.channel", "provenance": "upgrade-evidence §4: high" },
                  { "keep": "mapper.text", "provenance": "upgrade-evidence §4: high (required in v3, optional in v4)" },
                  { "keep": "mapper.parse", "provenance": "upgrade-evidence §4: high" },
                  { "keep": "mapper.mrkdwn", "provenance": "upgrade-evidence §4: high" },
                  { "keep": "mapper.thread_ts", "provenance": "upgrade-evidence §4: high" },
                  { "drop": "mapper.as_user", "expect": [null],
                    "provenance": "upgrade-evidence §4: as_user is absent from the v4 expect (never set in v3): a value is flagged" },
                  { "drop": "mapper.attachments", "expect": [[], null],
                    "provenance": "upgrade-evidence §4: attachments is absent from the v4 expect (never set in v3): a value is flagged" }
              ],
              "connection": { "parameter": "__IMTCONN__", "accepted": ["slack2", "slack3"], "action": "verify",
                              "descriptorType": "account:slack2,slack3",
                              "note": "whether the v3 connection is a slack2/slack3 connection cannot be told from the export",
                              "provenance": "upgrade-evidence §4/§13: v3 descriptor untyped (export-age effect); v4 account:slack2,slack3 36/36" },
              "notes": ["Neither version has an output interface; the corpus has no references to either."],
              "provenance": ["upgrade-evidence §4: high on field names, few old instances"]
          } },
        { "module": "slack:CreateMessage", "version": 4, "title": "Slack › Create a message", "status": "current",
          "provenance": ["upgrade-evidence §4: 36 modules in 9 files", "fusion-product §2.1: a real export of slack:CreateMessage version 4"] },

        { "module": "util:SetVariable", "version": 1, "title": "Tools › Set variable (legacy)", "status": "deprecated",
          "provenance": ["upgrade-evidence §9: 1 module (invalid/ Daily_Digest, BOM export) vs 87 SetVariable2 in 22 files"],
          "replacement": {
              "module": "util:SetVariable2", "version": 1, "mode": "automatic",
              "rules": [
                  { "keep": "mapper.name", "provenance": "upgrade-evidence §9: identical expect descriptors; high" },
                  { "keep": "mapper.scope", "provenance": "upgrade-evidence §9: enum roundtrip, execution on both; high" },
                  { "keep": "mapper.value", "provenance": "upgrade-evidence §9: high" }
              ],
              "outputs": [
                  { "field": "value", "toValueOf": "mapper.name",
                    "provenance": "upgrade-evidence §9: new interface name = mapper.name in 87/87 SetVariable2; 153 refs use the variable name, none .value; high" }
              ],
              "provenance": ["upgrade-evidence §9: high on the mapper; output field renamed"]
          } },
        { "module": "util:GetVariable", "version": 1, "title": "Tools › Get variable (legacy)", "status": "deprecated",
          "provenance": ["upgrade-evidence §9: 1 module (invalid/ Daily_Digest) vs 18 GetVariable2 in 5 files"],
          "replacement": {
              "module": "util:GetVariable2", "version": 1, "mode": "automatic",
              "rules": [ { "keep": "mapper.name", "provenance": "upgrade-evidence §9: identical descriptor; high" } ],
              "outputs": [
                  { "field": "value", "toValueOf": "mapper.name",
                    "provenance": "upgrade-evidence §9: interface name = mapper.name in 18/18 GetVariable2; 38 refs use the variable name; high" }
              ],
              "provenance": ["upgrade-evidence §9"]
          } },
        { "module": "util:SetVariable2", "version": 1, "title": "Tools › Set variable", "status": "current",
          "provenance": ["upgrade-evidence §9: 87 modules in 22 files"] },
        { "module": "util:GetVariable2", "version": 1, "title": "Tools › Get variable", "status": "current",
          "provenance": ["upgrade-evidence §9: 18 modules in 5 files"] },

        { "module": "twitter:createTweet", "version": 5, "title": "X (Twitter) › Create a tweet (v5)", "status": "deprecated",
          "provenance": ["upgrade-evidence §8: 1 module (old-generation export) vs createATweet v6 (1)"],
          "replacement": {
              "module": "twitter:createATweet", "version": 6, "mode": "automatic",
              "rules": [
                  { "rename": "mapper.status", "to": "mapper.text", "provenance": "upgrade-evidence §8: status \"Status\" → text \"Text Content\", both required; medium" },
                  { "when": { "field": "mapper.attachments", "in": [[], null], "orAbsent": true },
                    "provenance": "upgrade-evidence §8: media need an inserted uploadAMedia module, which an upgrade does not create",
                    "then": [
                        { "drop": "mapper.attachments", "provenance": "upgrade-evidence §8: no attachments → no media_ids" },
                        { "drop": "mapper.select", "provenance": "upgrade-evidence §8: select has no v6 field" }
                    ],
                    "else": [
                        { "keep": "mapper.attachments", "review": "v6 takes media_ids: add an X › Upload a media module before this one (select, attachments) and map {{ID.media_ids}} into media_ids",
                          "provenance": "upgrade-evidence §8: uploadAMedia v5 feeds createATweet v6 via media_ids in infinityautomate…; low (1 example)" },
                        { "keep": "mapper.select", "review": "belongs to the media upload", "provenance": "upgrade-evidence §8" }
                    ] },
                  { "drop": "mapper.possibly_sensitive", "expect": [false], "provenance": "upgrade-evidence §8: no v6 descriptor; true would be lost, so it is flagged" },
                  { "drop": "mapper.display_coordinates", "provenance": "upgrade-evidence §8: no v6 descriptor; meaningless without coordinates" },
                  { "drop": "mapper.lat", "expect": ["", null], "provenance": "upgrade-evidence §8: no v6 descriptor" },
                  { "drop": "mapper.long", "expect": ["", null], "provenance": "upgrade-evidence §8: no v6 descriptor" }
              ],
              "connection": { "parameter": "__IMTCONN__", "accepted": ["twitter2"], "action": "reassign", "descriptorType": "account:twitter2",
                              "note": "X (Twitter) v6 needs a twitter2 connection",
                              "provenance": "upgrade-evidence §8/§13: v5 account:twitter (uploadAMedia), v6 account:twitter2, different connection ids in one scenario" },
              "outputs": [
                  { "field": "id_str", "review": true, "note": "the v6 outputs are not observed", "provenance": "upgrade-evidence §8: 1 ref to id_str; v6 output not observed" }
              ],
              "provenance": ["upgrade-evidence §8: low (1 example)"]
          } },
        { "module": "twitter:createATweet", "version": 6, "title": "X (Twitter) › Create a post", "status": "current",
          "provenance": ["upgrade-evidence §8: 1 module"] },

        { "module": "notion:createAPage", "version": 1, "title": "Notion › Create a database item (legacy)", "status": "deprecated",
          "provenance": ["upgrade-evidence §10: 10 modules in 6 files vs createDataSourceItem (4, same app version 1)"],
          "replacement": {
              "module": "notion:createDataSourceItem", "version": 1, "mode": "manual",
              "notes": ["Structurally database → data_source, select and fields unchanged, restore.expect.database → data_source.",
                        "Whether a database id is valid as a data-source id cannot be told from the exports: choose the data source again.",
                        "The output names used in the corpus (id, properties_value.*) exist on the new module."],
              "provenance": ["upgrade-evidence §10: medium structure, low value semantics"]
          } },
        { "module": "notion:createDataSourceItem", "version": 1, "title": "Notion › Create a data source item", "status": "current",
          "provenance": ["upgrade-evidence §10: 4 modules"] }
    ]
}
"""#
}
