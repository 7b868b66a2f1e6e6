// A small scenario written for the upgrade-review tests (not from the corpus): a
// legacy Gmail trigger whose upgrade rewrites a reference, leaves one dangling,
// flags one and must have its connection reassigned; a legacy Set variable whose
// output is renamed; a current Slack module; a Gmail "move" that needs a manual
// replacement.
enum ReviewFixture {
    static var bytes: [UInt8] { Array(json.utf8) }

    static let json = ##"""
{
    "name": "Support inbox → tickets (review fixture)",
    "flow": [
        {
            "id": 1,
            "module": "google-email:TriggerNewEmail",
            "version": 2,
            "parameters": {
                "from": "",
                "text": "",
                "folder": "INBOX",
                "account": 700001,
                "subject": "",
                "criteria": "UNSEEN",
                "markSeen": true,
                "maxResults": 5,
                "searchType": "simple"
            },
            "mapper": {},
            "metadata": {
                "designer": { "x": 0, "y": 0, "name": "New support email" },
                "restore": {
                    "parameters": {
                        "folder": { "path": ["INBOX"] },
                        "account": {
                            "data": { "scoped": "true", "connection": "google-restricted" },
                            "label": "Support Gmail (support@example.com)"
                        },
                        "criteria": { "label": "Only unread emails" },
                        "searchType": { "label": "Simple filter" }
                    }
                },
                "parameters": [
                    { "name": "account", "type": "account:google-restricted", "label": "Connection", "required": true },
                    { "name": "searchType", "type": "select", "label": "Filter type", "required": true },
                    { "name": "markSeen", "type": "boolean", "label": "Mark email message(s) as read when fetched" },
                    { "name": "maxResults", "type": "uinteger", "label": "Maximum number of results", "required": true },
                    { "name": "folder", "type": "folder", "label": "Folder", "required": true },
                    { "name": "criteria", "type": "select", "label": "Criteria", "required": true },
                    { "name": "from", "type": "email", "label": "Sender email address" },
                    { "name": "subject", "type": "text", "label": "Subject" },
                    { "name": "text", "type": "text", "label": "Search phrase" }
                ]
            }
        },
        {
            "id": 2,
            "module": "util:SetVariable",
            "version": 1,
            "parameters": {},
            "mapper": { "name": "ticketBody", "scope": "roundtrip", "value": "{{1.html}}" },
            "metadata": {
                "designer": { "x": 300, "y": 0, "name": "Ticket body" },
                "interface": [ { "name": "value", "label": "ticketBody", "type": "any" } ]
            }
        },
        {
            "id": 3,
            "module": "slack:CreateMessage",
            "version": 4,
            "parameters": { "__IMTCONN__": 771204 },
            "mapper": {
                "channel": "C024BE91L",
                "channelType": "public",
                "channelWType": "list",
                "text": "New ticket from {{1.fromEmail}}: {{1.subject}}\n{{2.value}}\nFiles: {{1.attachments}}"
            },
            "metadata": {
                "designer": { "x": 600, "y": 0, "name": "Tell support" },
                "restore": { "parameters": { "__IMTCONN__": { "label": "Support Slack", "data": { "scoped": "true", "connection": "slack3" } } } },
                "parameters": [ { "name": "__IMTCONN__", "type": "account:slack2,slack3", "label": "Connection", "required": true } ]
            }
        },
        {
            "id": 4,
            "module": "google-email:ActionMoveEmail",
            "version": 2,
            "parameters": { "account": 700001 },
            "mapper": { "id": "{{1.id}}", "folder": "INBOX", "destinationFolder": "Support/Done" },
            "metadata": {
                "designer": { "x": 900, "y": 0, "name": "File the email" },
                "restore": { "parameters": { "account": { "label": "Support Gmail (support@example.com)" } } },
                "parameters": [ { "name": "account", "type": "account:google-restricted", "label": "Connection", "required": true } ]
            }
        }
    ],
    "metadata": { "version": 1, "scenario": { "roundtrips": 1, "maxErrors": 3, "autoCommit": true, "sequential": false }, "designer": { "orphans": [] } }
}
"""##
}
