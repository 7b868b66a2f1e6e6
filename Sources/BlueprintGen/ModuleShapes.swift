// The generator's module shapes, after the built-in demo's modules: webhook trigger,
// HTTP v3 (with an optional error handler), Gmail v2 with a long HTML body, Notion
// (manual replacement), Slack v3/v4, Google Sheets, Set variable v1/v2, X v5, iterator,
// and the scenario metadata at the end.

extension Generation {
    mutating func trigger() {
        let id = newId()
        w.beginObject()
        w.member("id", id)
        head("gateway:CustomWebHook", 1)
        w.key("parameters"); w.beginObject(); w.member("hook", 480_000 + rng.below(9999)); w.member("maxResults", 1); w.endObject()
        w.key("mapper"); w.emptyObject()
        w.key("metadata"); w.beginObject()
        designer(depth: 0, name: "Neue Bestellung · new order 🛒")
        w.key("restore"); w.beginObject(); w.key("parameters"); w.beginObject(); w.key("hook"); w.beginObject()
        w.key("data"); w.beginObject(); w.member("editable", "true"); w.endObject()
        w.member("label", "Shop orders")
        w.endObject(); w.endObject(); w.endObject()
        w.key("parameters"); w.beginArray()
        descriptor("hook", type: "hook:gateway-webhook", label: "Webhook", required: true)
        descriptor("maxResults", type: "number", label: "Maximum number of results", required: false)
        w.endArray()
        w.endObject()
        w.endObject()
        scope.append(id)
    }

    mutating func http(id: Int, depth: Int, filter: Bool, handler: Bool) {
        head("http:ActionSendData", 3)
        w.key("parameters"); w.beginObject(); w.member("handleErrors", true); w.member("useNewZLibDeCompress", true); w.endObject()
        if filter { filterObject() }
        w.key("mapper"); w.beginObject()
        w.member("ca", "")
        w.key("qs"); w.emptyArray()
        w.member("url", "https://erp.example.com/api/v2/orders/\(iml())/lines?lang=\(rng.pick(["de", "fr", "ja", "ru"]))")
        w.member("gzip", true)
        w.member("method", rng.pick(["post", "put", "get", "patch"]))
        w.key("headers"); w.beginArray()
        for h in 0..<rng.range(1...4) {
            w.beginObject(); w.member("name", ["X-Shop", "X-Request-Id", "Authorization", "Accept-Language"][h]); w.member("value", iml()); w.endObject()
        }
        w.endArray()
        w.member("timeout", "")
        w.member("useMtls", false)
        w.member("bodyType", "raw")
        w.member("contentType", "application/json")
        var body = "{\n  \"order\": \"\(iml())\",\n  \"note\": \"\(rng.pick(Text.sentences))\",\n  \"lines\": ["
        for l in 0..<rng.range(3...24) {
            body += "\(l == 0 ? "" : ",")\n    {\"sku\": \"\(iml())\", \"qty\": \(iml()), \"price\": \"\(iml())\"}"
        }
        body += "\n  ]\n}"
        w.member("data", body)
        w.member("parseResponse", true)
        w.member("serializeUrl", false)
        w.member("shareCookies", false)
        w.member("followRedirect", true)
        w.member("rejectUnauthorized", true)
        w.endObject()
        w.key("metadata"); w.beginObject()
        designer(depth: depth, name: rng.chance(70) ? rng.pick(Text.labels) : nil)
        w.key("restore"); w.beginObject(); w.key("expect"); w.beginObject()
        w.key("qs"); w.beginObject(); w.member("mode", "chose"); w.endObject()
        w.key("method"); w.beginObject(); w.member("mode", "chose"); w.member("label", "POST"); w.endObject()
        w.key("bodyType"); w.beginObject(); w.member("label", "Raw"); w.endObject()
        w.key("contentType"); w.beginObject(); w.member("label", "JSON (application/json)"); w.endObject()
        w.endObject(); w.endObject()
        w.key("parameters"); w.beginArray()
        descriptor("handleErrors", type: "boolean", label: "Evaluate all states as errors (except for 2xx and 3xx )", required: true)
        descriptor("useNewZLibDeCompress", type: "hidden", label: "", required: false)
        w.endArray()
        w.endObject()
        if handler && remaining() > 0 { errorHandler(owner: id, depth: depth) }
    }

    mutating func errorHandler(owner: Int, depth: Int) {
        let saved = scope.count
        scope.append(owner)
        w.key("onerror"); w.beginArray()
        if remaining() > 1 || rng.chance(50) {
            let id = newId()
            w.beginObject(); w.member("id", id)
            slack(id: id, depth: depth + 1, filter: false, v3: rng.chance(50))
            w.endObject()
            scope.append(id)
        }
        if remaining() > 0 {
            let id = newId()
            let directive = rng.pick(["builtin:Resume", "builtin:Ignore", "builtin:Break", "builtin:Rollback", "builtin:Commit"])
            w.beginObject(); w.member("id", id)
            head(directive, 1)
            w.key("parameters"); w.emptyObject()
            w.key("mapper"); w.beginObject()
            switch directive {
            case "builtin:Resume": w.key("data"); w.beginObject(); w.member("status", "queued"); w.member("reason", iml()); w.endObject()
            case "builtin:Break": w.member("retry", true); w.member("count", 3); w.member("interval", 15)
            default: break
            }
            w.endObject()
            w.key("metadata"); w.beginObject(); designer(depth: depth + 1, name: nil); w.endObject()
            w.endObject()
        }
        w.endArray()
        scope.removeSubrange(saved...)
    }

    mutating func gmail(id: Int, depth: Int, filter: Bool) {
        head("google-email:ActionSendEmail", 2)
        w.key("parameters"); w.beginObject(); w.member("account", 1_090_000 + rng.below(9999)); w.endObject()
        if filter { filterObject() }
        w.key("mapper"); w.beginObject()
        w.key("to"); w.beginArray(); w.string(iml()); w.endArray()
        w.member("subject", "\(rng.pick(Text.labels)) \(iml())")
        w.member("html", prose(rng.range(12...60), html: true))
        w.key("attachments"); w.emptyArray()
        w.key("cc"); w.emptyArray()
        w.key("bcc"); w.emptyArray()
        w.endObject()
        w.key("metadata"); w.beginObject()
        designer(depth: depth, name: rng.chance(70) ? rng.pick(Text.labels) : nil)
        connectionRestore("account", type: "google-restricted", label: rng.pick(Text.accounts))
        w.key("parameters"); w.beginArray()
        descriptor("account", type: "account:google-restricted", label: "Connection", required: true)
        w.endArray()
        w.endObject()
    }

    mutating func notion(id: Int, depth: Int, filter: Bool) {
        head("notion:createAPage", 1)
        w.key("parameters"); w.beginObject(); w.member("__IMTCONN__", 3_300_000 + rng.below(9999)); w.endObject()
        if filter { filterObject() }
        w.key("mapper"); w.beginObject()
        w.member("database", "d1c3a0e2-\(rng.below(9000) + 1000)-4b6f-9a1e-6c2b5d0f7e31")
        w.key("properties"); w.beginObject()
        w.member("Name", "\(rng.pick(Text.labels)) \(iml())")
        w.member("Status", rng.pick(["Neu", "En cours", "完了", "Готово"]))
        w.member("Notes", prose(rng.range(2...6), html: false))
        w.endObject()
        w.endObject()
        w.key("metadata"); w.beginObject()
        designer(depth: depth, name: rng.chance(70) ? rng.pick(Text.labels) : nil)
        connectionRestore("__IMTCONN__", type: "notion", label: rng.pick(Text.accounts))
        w.key("parameters"); w.beginArray()
        descriptor("__IMTCONN__", type: "account:notion", label: "Connection", required: true)
        w.endArray()
        w.endObject()
    }

    mutating func slack(id: Int, depth: Int, filter: Bool, v3: Bool) {
        head("slack:CreateMessage", v3 ? 3 : 4)
        w.key("parameters"); w.beginObject(); w.member("__IMTCONN__", 771_000 + rng.below(999)); w.endObject()
        if filter { filterObject() }
        w.key("mapper"); w.beginObject()
        w.member("text", prose(rng.range(1...4), html: false))
        w.member("channel", "C0\(rng.below(90000) + 10000)")
        w.member("channelType", "public")
        w.member("channelWType", "list")
        w.member("mrkdwn", true)
        w.member("parse", false)
        w.endObject()
        w.key("metadata"); w.beginObject()
        designer(depth: depth, name: rng.chance(70) ? rng.pick(Text.labels) : nil)
        connectionRestore("__IMTCONN__", type: v3 ? "slack2" : "slack3", label: rng.pick(Text.accounts))
        w.key("parameters"); w.beginArray()
        descriptor("__IMTCONN__", type: "account:slack2,slack3", label: "Connection", required: true)
        w.endArray()
        w.endObject()
    }

    mutating func sheets(id: Int, depth: Int, filter: Bool) {
        head("google-sheets:addRow", 2)
        w.key("parameters"); w.beginObject(); w.member("__IMTCONN__", 2_210_000 + rng.below(9999)); w.endObject()
        if filter { filterObject() }
        w.key("mapper"); w.beginObject()
        w.member("mode", "select")
        w.member("sheetId", rng.pick(["Orders", "Bestellungen", "注文", "Заказы"]))
        w.member("spreadsheetId", "/1Xk\(rng.below(900_000) + 100_000)Qm")
        w.member("includesHeaders", true)
        w.key("values"); w.beginObject()
        for c in 0..<rng.range(4...16) { w.member(String(c), iml()) }
        w.endObject()
        w.endObject()
        w.key("metadata"); w.beginObject()
        designer(depth: depth, name: rng.chance(70) ? rng.pick(Text.labels) : nil)
        connectionRestore("__IMTCONN__", type: "google", label: rng.pick(Text.accounts))
        w.key("parameters"); w.beginArray()
        descriptor("__IMTCONN__", type: "account:google", label: "Connection", required: true)
        w.endArray()
        w.endObject()
    }

    mutating func setVariable(id: Int, depth: Int, filter: Bool, legacy: Bool) {
        head(legacy ? "util:SetVariable" : "util:SetVariable2", 1)
        w.key("parameters"); w.emptyObject()
        if filter { filterObject() }
        w.key("mapper"); w.beginObject()
        w.member("name", rng.pick(["orderTotal", "kundenNummer", "statusText", "合計", "итог"]) + String(id))
        w.member("scope", "roundtrip")
        w.member("value", rng.chance(30) ? prose(rng.range(1...3), html: false) : iml())
        w.endObject()
        w.key("metadata"); w.beginObject()
        designer(depth: depth, name: rng.chance(50) ? rng.pick(Text.labels) : nil)
        w.key("restore"); w.beginObject(); w.key("expect"); w.beginObject()
        w.key("scope"); w.beginObject(); w.member("label", "One cycle"); w.endObject()
        w.endObject(); w.endObject()
        w.endObject()
    }

    mutating func twitter(id: Int, depth: Int, filter: Bool) {
        head("twitter:createTweet", 5)
        w.key("parameters"); w.beginObject(); w.member("__IMTCONN__", 530_000 + rng.below(999)); w.endObject()
        if filter { filterObject() }
        w.key("mapper"); w.beginObject()
        w.member("text", "\(rng.pick(Text.sentences)) \(iml()) #\(rng.pick(Text.words))")
        w.endObject()
        w.key("metadata"); w.beginObject()
        designer(depth: depth, name: rng.chance(70) ? rng.pick(Text.labels) : nil)
        connectionRestore("__IMTCONN__", type: "twitter", label: "@shop_news")
        w.key("parameters"); w.beginArray()
        descriptor("__IMTCONN__", type: "account:twitter", label: "Connection", required: true)
        w.endArray()
        w.endObject()
    }

    mutating func iterator(id: Int, depth: Int, filter: Bool) {
        head("builtin:BasicFeeder", 1)
        w.key("parameters"); w.emptyObject()
        if filter { filterObject() }
        w.key("mapper"); w.beginObject(); w.member("array", "{{\(upstream()).items}}"); w.endObject()
        w.key("metadata"); w.beginObject()
        designer(depth: depth, name: rng.chance(50) ? "Positionen durchlaufen · each line" : nil)
        w.key("restore"); w.beginObject(); w.key("expect"); w.beginObject()
        w.key("array"); w.beginObject(); w.member("mode", "edit"); w.endObject()
        w.endObject(); w.endObject()
        w.endObject()
    }

    mutating func trailer() {
        w.key("metadata"); w.beginObject()
        w.member("instant", true)
        w.member("version", 1)
        w.key("scenario"); w.beginObject()
        w.member("roundtrips", 1); w.member("maxErrors", 3); w.member("autoCommit", true)
        w.member("autoCommitTriggerLast", true); w.member("sequential", false)
        w.key("slots"); w.null()
        w.member("confidential", false); w.member("dataloss", false); w.member("dlq", false); w.member("freshVariables", false)
        w.endObject()
        w.key("designer"); w.beginObject(); w.key("orphans"); w.emptyArray(); w.endObject()
        w.member("zone", "eu1.make.com")
        w.key("notes"); w.emptyArray()
        w.endObject()
    }
}
