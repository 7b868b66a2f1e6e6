// The imported facts, pinned: on real corpus modules where they occur, on crafted
// modules where the corpus has none; deadlines against an injected "today"; and
// the errors a bad user catalog gets (FILE:LINE:COL, nothing applied).
import Foundation
import Testing
@testable import BlueprintKit

@Suite struct CatalogFactsTests {
    let c = Catalog.shipped

    /// The status of one crafted module.
    func status(_ module: String, _ version: Int?, mapper: String = "{}") throws -> ModuleStatus {
        let v = version.map(String.init) ?? "null"
        let bp = try fixture(#"{"flow": [{"id": 1, "module": "\#(module)", "version": \#(v), "parameters": {}, "mapper": \#(mapper)}]}"#)
        return c.status(of: bp.modules[0], in: bp.document)
    }

    // MARK: on the corpus

    @Test func corpusModulesTheIssueNamesAreNoLongerCurrent() throws {
        guard CatalogCorpus.available else { return }
        var seen: Set<String> = []
        for (file, bp, m) in try CatalogCorpus.allModules() {
            let st = c.status(of: m, in: bp.document)
            switch (m.moduleName, m.version) {
            case ("openai-gpt-3:messageAssistantAdvanced", 1):
                // the vendor's Assistants API is gone: manual, pointing at the Responses module, with the date
                #expect(st.state == .manual && st.catalogStatus == .retired, "\(file)")
                #expect(st.target == ModuleKey("openai-gpt-3:createModelResponse", 1) && st.stopsWorking == "2026-08-26")
                #expect(st.provenance.contains { $0.hasPrefix("https://developers.openai.com/") })
                seen.insert("assistants")
            case (let name, 3) where name.hasPrefix("slack:") && name != "slack:CreateMessage":
                // Slack v3 as a whole is deprecated: manual by app version, replaced by a module of v4
                #expect(st.state == .manual && st.basis == .appVersion && st.targetAppVersion == 4, "\(name) in \(file)")
                seen.insert("slack3")
            case ("slack:CreateMessage", 3):
                #expect(st.state == .upgradable && st.basis == .documented)
            case (let name, 5) where name.hasPrefix("twitter:") && name != "twitter:createTweet":
                #expect(st.state == .manual && st.basis == .appVersion && st.targetAppVersion == 6, "\(name)")
                seen.insert("twitter5")
            case (let name, 2) where name.hasPrefix("google-sheets:"):
                // any Google Sheets v2 module is current because its app version is documented current
                #expect(st.state == .current && st.basis == .appVersion, "\(name)")
                seen.insert("sheets2")
            case (let name, 1) where name.hasPrefix("builtin:"):
                #expect(st.state == .current && (st.basis == .appVersion || st.basis == .documented))
                seen.insert("builtin")
            default: break
            }
        }
        #expect(seen == ["assistants", "slack3", "twitter5", "sheets2", "builtin"])
    }

    // MARK: crafted, where the corpus has none

    @Test func gmailV2ModulesAreLegacyEvenWithoutARuleOfTheirOwn() throws {
        let draft = try status("google-email:ActionCreateDraft", 2)
        #expect(draft.state == .manual && draft.target == ModuleKey("google-email:createADraft", 4))
        let delete = try status("google-email:ActionDeleteEmailApi", 2)
        #expect(delete.state == .manual && delete.basis == .appVersion && delete.targetAppVersion == 4)
        #expect(try status("google-email:searchEmails", 4).state == .current)
    }

    @Test func aiToolkitV1NeedsTheNewConnection() throws {
        let ask = try status("ai-tools:Ask", 1)
        #expect(ask.state == .manual && ask.target == ModuleKey("ai-tools:Ask", 2))
        #expect(try status("ai-tools:Ask", 2).state == .current)
    }

    @Test func pipedriveApiV1ModulesStopAfterJuly2026() throws {
        let get = try status("pipedrive:GetDeal", 2)
        #expect(get.state == .manual && get.stopsWorking == "2026-07-31" && get.target == ModuleKey("pipedrive:getDealV2", 2))
        let inStage = try status("pipedrive:ListStageDeals", 2)
        #expect(inStage.state == .upgradable && inStage.target == ModuleKey("pipedrive:listDealsV2", 2))
        // the API v2 modules are current; subscription modules have no ids, so the date is an app note
        #expect(try status("pipedrive:getDealV2", 2).state == .current)
        #expect(get.notes.contains { $0.contains("Subscription") && $0.contains("2026-07-31") })
    }

    @Test func pipedriveListModuleUpgradesWithItsFieldRename() throws {
        let bp = try fixture(#"{"flow": [{"id": 1, "module": "pipedrive:ListStageDeals", "version": 2, "parameters": {"__IMTCONN__": 5}, "mapper": {"id": "7"}}]}"#)
        var s = EditSession(document: bp.document)
        #expect(UpgradeEngine().upgradeAll(in: &s).count == 1)
        #expect(s.document.text.contains(#""module": "pipedrive:listDealsV2""#) && s.document.text.contains(#""stage_id": "7""#))
    }

    @Test func mondayV1LosesSupportAndSheetsV1IsRetired() throws {
        let monday = try status("monday:ListBoards", 1)
        #expect(monday.state == .manual && monday.unsupportedAfter == "2026-05-01" && monday.targetAppVersion == 2)
        #expect(monday.deadline?.text(today: "2026-12-03") == "unsupported since 2026-05-01")
        let sheets = try status("google-sheets:ActionGetReport", 1)
        #expect(sheets.state == .manual && sheets.catalogStatus == .retired && sheets.target == ModuleKey("google-sheets:filterRows", 2))
    }

    @Test func retiredModelValuesAreUpgradableBySettingTheNewValue() throws {
        let gpt = try status("openai-gpt-3:CreateCompletion", 1, mapper: #"{"model": "chatgpt-4o-latest"}"#)
        #expect(gpt.state == .upgradable && gpt.value?.replacement == "gpt-4o-2024-08-06" && gpt.basis == .documented)
        let claude = try status("anthropic-claude:simpleTextPrompt", 1, mapper: #"{"model": "claude-sonnet-4-20250514"}"#)
        #expect(claude.state == .upgradable && claude.stopsWorking == "2026-06-15" && claude.value?.replacement == "claude-sonnet-4-6")
        #expect(claude.deadline?.isPast("2026-12-03") == true)
        // another model on the same module is untouched
        #expect(try status("anthropic-claude:simpleTextPrompt", 1, mapper: #"{"model": "claude-sonnet-4-5"}"#).state == .current)
        // the one-key upgrade sets the value and nothing else
        let text = #"{"flow": [{"id": 1, "module": "gemini-ai:createACompletionGeminiPro", "version": 1, "parameters": {}, "mapper": {"model": "gemini-3-pro-preview", "prompt": "hi"}}]}"#
        let bp = try fixture(text)
        var s = EditSession(document: bp.document)
        #expect(UpgradeEngine().upgradeAll(in: &s).count == 1)
        #expect(s.document.text == text.replacingOccurrences(of: "gemini-3-pro-preview", with: "gemini-3.1-pro-preview"))
        #expect(s.undo() != nil && s.document.text == text)
    }

    @Test func fusionAppsHaveTitlesAndDeadlineNotes() throws {
        #expect(c.apps["workfront-workfront"]?.title == "Workfront")
        #expect(c.apps["workfront-maestro"]?.title == "Workfront Planning")
        #expect(c.apps["workfront-proof"]?.title == "Workfront Proof")
        let jira = try status("workfront-jiracloud:searchIssues", 1)
        #expect(jira.notes.contains { $0.contains("410") })
        #expect(jira.title.hasPrefix("Jira Cloud › "))
    }

    // MARK: deadlines

    @Test func deadlinesReadAsActions() {
        let d = Deadline(kind: .stopsWorking, date: "2026-07-31")
        #expect(d.text(today: "2026-08-01") == "stopped working on 2026-07-31")
        #expect(d.text(today: "2026-07-01") == "stops working 2026-07-31 (in 30 days)")
        #expect(d.text(today: "2026-01-01") == "stops working 2026-07-31")
        #expect(d.isUrgent("2026-05-02") && !d.isUrgent("2026-05-01"))
        #expect(d.isBefore("2026-08-01") && !d.isBefore("2026-07-31"))
        #expect(Deadline(kind: .stopsWorking, date: "2026-07").isBefore("2026-07-02"))    // a month counts from its first day
        #expect(Deadline.today(environment: ["SCENED_TODAY": "2026-02-03"]) == "2026-02-03")
        #expect(Deadline.today(environment: ["SCENED_TODAY": "2026-02-30"]) != "2026-02-30")
    }

    @Test func checkCountsUrgentModulesAndFiltersByDate() throws {
        let bp = try fixture(#"{"flow": [{"id": 1, "module": "pipedrive:GetDeal", "version": 2, "mapper": {}},"#
            + #"{"id": 2, "module": "openai-gpt-3:messageAssistantAdvanced", "version": 1, "mapper": {}},"#
            + #"{"id": 3, "module": "http:ActionSendData", "version": 3, "mapper": {}}]}"#)
        let r = CheckReport(blueprint: bp, catalog: c, today: "2026-05-20")
        #expect(r.urgent == 1)    // Pipedrive in 72 days; OpenAI in 98; HTTP has no date
        #expect(r.text(file: "f").contains("stops working 2026-07-31 (in 72 days)"))
        let before = CheckReport(blueprint: bp, catalog: c, today: "2026-05-20", before: "2026-08-01")
        #expect(before.items.map { $0.module.id } == [1])
        #expect(CheckReport(blueprint: bp, catalog: c, today: "2026-05-20", before: "2026-01-01").items.isEmpty)
    }

    // MARK: bad user catalogs

    func error(_ text: String) -> CatalogError? {
        var cat = Catalog.shipped
        do { try cat.add(bytes: Array(text.utf8), source: "team.json"); return nil } catch { return error }
    }

    @Test func badUserCatalogsAreRefusedWithTheirPosition() {
        let notADate = """
        {"scenedCatalog": 1, "apps": [{"app": "acme", "versions": [
          {"version": 1, "status": "deprecated", "stopsWorking": "2026-02-30"}]}]}
        """
        let e1 = error(notADate)
        #expect(e1?.line == 2 && e1?.message.contains("must be a date") == true && e1?.description.hasPrefix("team.json:2:") == true)
        let notAString = """
        {"scenedCatalog": 1, "values": [
          {"app": "acme", "field": "mapper.model", "value": 4, "replacement": "x", "status": "retired"}]}
        """
        #expect(error(notAString)?.message.contains("\"value\" must be a string") == true)
        // a module said to be current inside an app version that stopped working
        let contradiction = """
        {"scenedCatalog": 1,
         "apps": [{"app": "acme", "versions": [{"version": 1, "status": "retired"}]}],
         "entries": [{"module": "acme:Get", "version": 1, "status": "current"}]}
        """
        let e3 = error(contradiction)
        #expect(e3?.line == 3 && e3?.message.contains("retired") == true)
        // against the shipped catalog: a replacement into a deprecated app version
        let intoLegacy = """
        {"scenedCatalog": 1, "entries": [
          {"module": "acme:Send", "version": 1, "status": "deprecated",
           "replacement": {"module": "http:NewThing", "version": 3, "mode": "manual"}}]}
        """
        #expect(error(intoLegacy)?.message.contains("http v3 is deprecated itself") == true)
        #expect(error(#"{"scenedCatalog": 1, "apps": [{"app": "a", "versions": [{"version": 1, "status": "deprecated", "basis": "observed", "seenIn": 2}]}]}"#)?
            .message.contains("can only be current") == true)
    }
}
