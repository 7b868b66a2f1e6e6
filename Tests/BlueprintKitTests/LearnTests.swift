// `catalog learn` on crafted pairs: one derivation per test (rename, move, drop
// with expect, add, map, output rename, connection type change), a module added
// next to the upgraded one, and two examples that disagree. Every learned file
// must load through the catalog loader and reproduce its examples.
import Testing
@testable import BlueprintKit

enum LearnFixture {
    /// A scenario: a webhook #1, the module under test, a consumer #4 (`consumer` is its mapper).
    static func scenario(_ module: String, consumer: String = "{ \"text\": \"{{1.x}}\" }", extra: String = "", name: String = "Orders") -> String {
        """
        { "name": "\(name)", "flow": [
            { "id": 1, "module": "gateway:CustomWebHook", "version": 1, "parameters": { "hook": 5 }, "metadata": { "designer": { "x": 0, "y": 0 } } },
            \(module),
            \(extra.isEmpty ? "" : extra + ",")
            { "id": 4, "module": "slack:CreateMessage", "version": 4, "mapper": \(consumer), "metadata": { "designer": { "x": 600, "y": 0 } } }
          ], "metadata": { "zone": "eu1.make.com" } }
        """
    }

    static func module(id: Int, _ name: String, _ version: Int, parameters: String = "{}", mapper: String = "{}", metadata: String = "{ \"designer\": { \"x\": 300, \"y\": 0 } }") -> String {
        "{ \"id\": \(id), \"module\": \"\(name)\", \"version\": \(version), \"parameters\": \(parameters), \"mapper\": \(mapper), \"metadata\": \(metadata) }"
    }

    static func blueprint(_ text: String) throws -> Blueprint { try Blueprint(bytes: Array(text.utf8)) }

    static func learn(_ pairs: [(String, String)], user: [(Int, Int)] = []) throws -> LearnResult {
        let ex = try pairs.enumerated().map { k, p in
            LearnExample(before: try blueprint(p.0), after: try blueprint(p.1), beforeName: "before\(k + 1).json", afterName: "after\(k + 1).json")
        }
        return try CatalogLearner(examples: ex, pairs: user, catalog: .shipped, date: "2026-12-03").learn()
    }

    /// The learned replacement of `module` v`version`, read back through the loader.
    static func replacement(_ r: LearnResult, _ module: String, _ version: Int) throws -> Replacement {
        var c = Catalog()
        try c.add(bytes: Array(r.text.utf8), source: "learned.json")
        return try #require(c.entry(module: module, version: version)?.replacement)
    }

    /// `old v1 → new v2` with the given parameters and mapper before and after (ids 3 → 7, paired by place).
    static func pair(_ before: (String, String), _ after: (String, String), consumerBefore: String? = nil, consumerAfter: String? = nil,
                     metaBefore: String = "{ \"designer\": { \"x\": 300, \"y\": 0 } }", metaAfter: String = "{ \"designer\": { \"x\": 320, \"y\": 5 } }") -> (String, String) {
        (scenario(module(id: 3, "acme:OldThing", 1, parameters: before.0, mapper: before.1, metadata: metaBefore), consumer: consumerBefore ?? "{ \"text\": \"{{1.x}}\" }"),
         scenario(module(id: 7, "acme:NewThing", 2, parameters: after.0, mapper: after.1, metadata: metaAfter), consumer: consumerAfter ?? "{ \"text\": \"{{1.x}}\" }"))
    }
}

@Suite struct LearnDerivationTests {
    typealias F = LearnFixture

    @Test func renameKeepAndEvidence() throws {
        let r = try F.learn([F.pair(("{}", "{ \"url\": \"{{1.u}}\", \"method\": \"GET\" }"), ("{}", "{ \"address\": \"{{1.u}}\", \"method\": \"GET\" }"))])
        #expect(r.text.contains("{ \"rename\": \"mapper.url\", \"to\": \"mapper.address\", \"provenance\": \"learned from before1.json → after1.json, scenario \\\"Orders\\\", module #3 → #7, 2026-12-03\" }"))
        #expect(r.text.contains("{ \"keep\": \"mapper.method\""))
        #expect(r.report.contains("  #3 acme:OldThing v1 → #7 acme:NewThing v2 (paired by place)"))
        #expect(r.verifications.count == 1 && r.allReproduce)
        let rep = try F.replacement(r, "acme:OldThing", 1)
        #expect(rep.key == ModuleKey("acme:NewThing", 2) && rep.mode == .automatic && rep.rules.count == 2)
    }

    @Test func moveBetweenParametersAndMapper() throws {
        let r = try F.learn([F.pair(("{ \"folder\": \"INBOX\" }", "{}"), ("{}", "{ \"folder\": \"INBOX\" }"))])
        #expect(r.text.contains("{ \"move\": \"parameters.folder\", \"to\": \"mapper.folder\""))
        #expect(r.allReproduce)
    }

    @Test func dropWithExpectAndAddWithItsDescriptor() throws {
        let after = "{ \"designer\": { \"x\": 1, \"y\": 1 }, \"expect\": [ { \"name\": \"bodyType\", \"type\": \"select\", \"label\": \"Body type\" } ], \"restore\": { \"expect\": { \"bodyType\": { \"label\": \"Raw HTML\" } } } }"
        let r = try F.learn([F.pair(("{}", "{ \"from\": \"\", \"subject\": \"Hi\" }"), ("{}", "{ \"subject\": \"Hi\", \"bodyType\": \"rawHtml\" }"), metaAfter: after)])
        #expect(r.text.contains("{ \"drop\": \"mapper.from\", \"expect\": [\"\"]"))
        #expect(r.text.contains("{ \"add\": \"mapper.bodyType\", \"value\": \"rawHtml\", \"descriptor\": { \"name\": \"bodyType\", \"type\": \"select\", \"label\": \"Body type\" }, \"restore\": { \"label\": \"Raw HTML\" }, \"after\": [\"subject\"]"))
        #expect(r.allReproduce)
        // another module's sender is not the expected value: left in place and flagged
        let other = try F.blueprint(F.scenario(F.module(id: 3, "acme:OldThing", 1, mapper: "{ \"from\": \"me@example.com\", \"subject\": \"S\" }")))
        let plan = try UpgradeEngine(catalog: r.catalog).makePlan(for: other.module(id: 3)!, in: other)
        #expect(plan.changes.contains { $0.kind == .flagged && $0.keyBefore == "mapper.from" })
    }

    @Test func mapOfAnEnumeratedValueSaysItWasSeenOnce() throws {
        let r = try F.learn([F.pair(("{ \"method\": \"GET\" }", "{}"), ("{ \"method\": \"get\" }", "{}"))])
        #expect(r.text.contains("{ \"map\": \"parameters.method\", \"values\": { \"GET\": \"get\" }"))
        #expect(r.text.contains("parameters.method: each value seen once; another value is left in place and flagged"))
        #expect(r.allReproduce)
    }

    @Test func outputRenameFromDownstreamReferencesAndRemovedOutput() throws {
        let p = F.pair(("{}", "{ \"q\": \"a\" }"), ("{}", "{ \"q\": \"a\" }"),
                       consumerBefore: "{ \"text\": \"{{3.html}} {{3.attachments}}\" }", consumerAfter: "{ \"text\": \"{{7.htmlBody}} \" }")
        let r = try F.learn([p])
        #expect(r.text.contains("{ \"field\": \"html\", \"to\": \"htmlBody\""))
        #expect(r.text.contains("{ \"field\": \"attachments\", \"removed\": true"))
        let rep = try F.replacement(r, "acme:OldThing", 1)
        #expect(rep.outputs.map(\.field) == ["html", "attachments"])
        // on another scenario, the engine rewrites the reference
        var s = EditSession(document: try F.blueprint(p.0).document)
        let plans = UpgradeEngine(catalog: r.catalog).upgradeAll(in: &s)
        #expect(plans.count == 1)
        #expect(s.document.text.contains("{{3.htmlBody}}"))
    }

    @Test func connectionTypeChangeBecomesReassign() throws {
        let mb = "{ \"designer\": { \"x\": 0, \"y\": 0 }, \"parameters\": [ { \"name\": \"account\", \"type\": \"account:google\", \"label\": \"Connection\", \"required\": true } ] }"
        let ma = "{ \"designer\": { \"x\": 0, \"y\": 0 }, \"parameters\": [ { \"name\": \"__IMTCONN__\", \"type\": \"account:google-email\", \"label\": \"Connection\", \"required\": true } ] }"
        let r = try F.learn([F.pair(("{ \"account\": 123 }", "{ \"to\": \"a@b.c\" }"), ("{ \"__IMTCONN__\": 456 }", "{ \"to\": \"a@b.c\" }"), metaBefore: mb, metaAfter: ma)])
        #expect(r.text.contains("\"connection\": { \"parameter\": \"account\", \"to\": \"__IMTCONN__\", \"accepted\": [\"google-email\"], \"action\": \"reassign\", \"descriptorType\": \"account:google-email\""))
        let c = try #require(try F.replacement(r, "acme:OldThing", 1).connection)
        #expect(c.action == .reassign && c.newParameter == "__IMTCONN__")
        #expect(r.allReproduce)
        #expect(r.verifications[0].notCompared == ["parameters.__IMTCONN__: the connection is chosen again after the upgrade"])
    }

    @Test func aModuleAddedAfterTheUpgradedOneIsReportedAndNoted() throws {
        let before = F.scenario(F.module(id: 3, "acme:OldThing", 1, mapper: "{ \"q\": 1 }"))
        let after = F.scenario(F.module(id: 7, "acme:NewThing", 2, mapper: "{ \"q\": 1 }"),
                               extra: F.module(id: 8, "pipedrive:GetPersonV2", 2, mapper: "{ \"id\": \"{{7.person}}\" }"))
        let r = try F.learn([(before, after)])
        #expect(r.report.contains("  #8 `pipedrive:GetPersonV2` v2 was added after the upgraded #7: not something a rule can do; noted in the entry"))
        #expect(r.text.contains("in after1.json, #8 `pipedrive:GetPersonV2` v2 was added after the upgraded module: a rule cannot add modules"))
        #expect(r.allReproduce)
    }

    @Test func keepingTheIdPairsByIdAndPairOverridesPlace() throws {
        let before = F.scenario(F.module(id: 3, "acme:OldThing", 1, mapper: "{ \"q\": 1 }"))
        let kept = F.scenario(F.module(id: 3, "acme:NewThing", 2, mapper: "{ \"q\": 1 }"))
        #expect(try F.learn([(before, kept)]).report.contains("  #3 acme:OldThing v1 → #3 acme:NewThing v2 (kept its id)"))
        // two new modules where the old one was: the same position wins, --pair says otherwise
        let two = F.scenario(F.module(id: 7, "acme:NewThing", 2, mapper: "{ \"q\": 1 }"), extra: F.module(id: 8, "acme:Other", 1))
        let byPlace = LearnPairing(before: try F.blueprint(before), after: try F.blueprint(two))
        #expect(byPlace.pairs.map(\.how) == [.id, .place, .id] && byPlace.onlyAfter.count == 1)
        let told = try F.learn([(before, two)], user: [(3, 8)])
        #expect(told.report.contains("  #3 acme:OldThing v1 → #8 acme:Other v1 (paired by --pair)"))
    }

    @Test func twoExamplesThatDisagreeGiveAWhenOnTheFieldThatExplainsIt() throws {
        let a = F.pair(("{}", "{ \"type\": \"simple\", \"limit\": 10 }"), ("{}", "{ \"type\": \"simple\", \"limit\": 10 }"))
        let b = F.pair(("{}", "{ \"type\": \"advanced\", \"limit\": 5 }"), ("{}", "{ \"type\": \"advanced\", \"max\": 5 }"))
        let r = try F.learn([a, b])
        #expect(r.text.contains("{ \"when\": { \"field\": \"mapper.type\", \"equals\": \"simple\" }"))
        #expect(r.report.contains("acme:OldThing v1: the examples disagree on mapper.limit: learned a `when` on mapper.type"))
        #expect(r.verifications.count == 2 && r.allReproduce)
        // a third example that no field explains is flagged
        let c = F.pair(("{}", "{ \"type\": \"simple\", \"limit\": 3 }"), ("{}", "{ \"type\": \"simple\", \"cap\": 3 }"))
        let flagged = try F.learn([a, c])
        #expect(flagged.text.contains("\"review\": \"the examples disagree on mapper.limit"))
        #expect(flagged.report.contains { $0.contains("no field of the old module tells them apart: flagged for review") })
    }

    @Test func aDifferenceTheRulesCannotMakeIsPrinted() throws {
        // a kept field whose descriptor type changed: no rule writes that
        let mb = "{ \"expect\": [ { \"name\": \"q\", \"type\": \"text\" } ] }", ma = "{ \"expect\": [ { \"name\": \"q\", \"type\": \"select\" } ] }"
        let r = try F.learn([F.pair(("{}", "{ \"q\": \"a\" }"), ("{}", "{ \"q\": \"a\" }"), metaBefore: mb, metaAfter: ma)])
        #expect(!r.allReproduce)
        #expect(r.verifications[0].differences == ["metadata.expect q: the example has \"select\", the learned entry gives \"text\""])
    }

    @Test func theOutputIsStable() throws {
        let p = F.pair(("{ \"method\": \"GET\" }", "{ \"url\": \"{{1.u}}\", \"from\": \"\" }"), ("{ \"method\": \"get\" }", "{ \"address\": \"{{1.u}}\", \"x\": true }"))
        #expect(try F.learn([p]).text == (try F.learn([p]).text))
        #expect(try F.learn([p]).text.split(separator: "\n").contains { $0.hasPrefix("                  { \"drop\": \"mapper.from\"") })
    }
}
