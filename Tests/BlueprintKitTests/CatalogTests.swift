// The catalog format, its error messages, merging of user catalogs, and the
// shipped catalog's completeness against the research notes.
import Foundation
import Testing
@testable import BlueprintKit

@Suite struct CatalogTests {
    func parse(_ text: String, source: String = "user.json") throws(CatalogError) -> Catalog {
        var c = Catalog()
        try c.add(bytes: Array(text.utf8), source: source)
        return c
    }

    func error(_ text: String) -> CatalogError? {
        do { _ = try parse(text); return nil } catch { return error }
    }

    // MARK: shipped catalog

    @Test func shippedCatalogLoads() {
        #expect(Catalog.shippedError == nil)
        #expect(Catalog.shipped.entries.count > 100)
        #expect(Catalog.shipped.appVersions.count > 60)
        #expect(Catalog.shipped.entry(module: "http:ActionSendData", version: 3)?.displayName == "HTTP › Make a request (legacy)")
        // every file in Catalog/Data is compiled in, in a load order that puts observations first
        let dir = CatalogCorpus.packageRoot.appendingPathComponent("Sources/BlueprintKit/Catalog/Data")
        let onDisk = ((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []).filter { $0.hasSuffix(".json") }
        #expect(Set(onDisk.map { String($0.dropLast(5)) }) == Set(ShippedCatalog.files.map(\.0)))
        #expect(Catalog.shipped.shapes.count > 50)
        #expect(ShippedCatalog.files.first?.0 == "observed")
    }

    /// Every rule, output and connection rule of the shipped catalog says where it comes from,
    /// and names a source a reader can open (never a section of our research notes).
    @Test func everyShippedRuleHasProvenance() {
        func openable(_ p: String, _ what: String) {
            #expect(!p.contains("§") && !p.contains("upgrade-evidence") && !p.contains("fusion-product") && !p.contains("/work/"),
                    "\(what): provenance cites a research note: \(p)")
        }
        func check(_ rules: [FieldRule], _ key: ModuleKey) {
            for r in rules {
                #expect(!(r.provenance ?? "").isEmpty, "rule on line \(r.line) of \(key) has no provenance")
                openable(r.provenance ?? "", "\(key) line \(r.line)")
                if case .when(_, let a, let b) = r.kind { check(a, key); check(b, key) }
            }
        }
        for e in Catalog.shipped.sortedEntries {
            #expect(!e.provenance.isEmpty, "\(e.key) has no provenance")
            for p in e.provenance { openable(p, "\(e.key)") }
            guard let r = e.replacement else { continue }
            check(r.rules, e.key)
            for o in r.outputs { #expect(o.provenance != nil, "output \(o.field) of \(e.key)") }
            if let c = r.connection { #expect(c.provenance != nil, "connection of \(e.key)") }
            #expect(!r.provenance.isEmpty || r.rules.allSatisfy { $0.provenance != nil })
        }
        for a in Catalog.shipped.sortedAppVersions {
            if a.basis == .documented { #expect(!a.provenance.isEmpty, "\(a.key) has no provenance") }
            else { #expect(a.seenIn ?? 0 > 0, "\(a.key) is observed without a count") }
            for p in a.provenance { openable(p, "\(a.key)") }
        }
        for r in Catalog.shipped.allValueRules {
            #expect(!r.provenance.isEmpty, "value rule \(r.field) = \(r.value) has no provenance")
        }
    }

    /// A replacement points at something the catalog itself calls current, and the whole
    /// shipped catalog holds together (no module current inside a retired app version).
    @Test func replacementTargetsAreCurrent() {
        let c = Catalog.shipped
        for e in c.sortedEntries where e.status != .current {
            guard let r = e.replacement else {
                #expect(!e.notes.isEmpty, "\(e.key) is deprecated without a replacement and without a note saying what to do")
                continue
            }
            let t = c.status(module: r.key.module, version: r.key.version)
            #expect(t.state == .current, "target \(r.key) of \(e.key) is \(t.state.rawValue)")
        }
        #expect(c.contradiction(in: c) == nil)
    }

    @Test func shippedRulesCoverTheIssueList() {
        let c = Catalog.shipped
        let automatic: [(String, Int, String)] = [
            ("http:ActionSendData", 3, "http:MakeRequest"), ("http:ActionSendDataAPIKeyAuth", 3, "http:MakeRequest"),
            ("http:ActionSendDataBasicAuth", 3, "http:MakeRequest"), ("http:ActionSendDataOAuth", 3, "http:MakeRequest"),
            ("http:ActionGetFile", 3, "http:DownloadFile"), ("google-email:ActionSendEmail", 1, "google-email:sendAnEmail"),
            ("google-email:ActionSendEmail", 2, "google-email:sendAnEmail"),
            ("google-email:TriggerNewEmail", 2, "google-email:triggerWatchNewEmails"), ("slack:CreateMessage", 3, "slack:CreateMessage"),
            ("util:SetVariable", 1, "util:SetVariable2"), ("util:GetVariable", 1, "util:GetVariable2"),
            ("twitter:createTweet", 5, "twitter:createATweet"),
        ]
        for (m, v, t) in automatic {
            let e = c.entry(module: m, version: v)
            #expect(e?.replacement?.module == t && e?.replacement?.mode == .automatic, "\(m) v\(v)")
        }
        for (m, v) in [("google-email:ActionMoveEmail", 2), ("notion:createAPage", 1)] {
            #expect(c.entry(module: m, version: v)?.replacement?.mode == .manual, "\(m) v\(v)")
        }
        #expect(c.entry(module: "google-email:TriggerNewEmail", version: 2)?.replacement?.connection?.accepted == ["google-email"])
        #expect(c.entry(module: "twitter:createTweet", version: 5)?.replacement?.connection?.accepted == ["twitter2"])
        #expect(c.entry(module: "util:SetVariable", version: 1)?.replacement?.outputs.first?.target == .valueOf(FieldPath(parsing: "mapper.name")!))
    }

    /// Coverage comes from the app-version layer: the shipped catalog lists no observed
    /// modules, only observed app versions, and every corpus module gets a status.
    @Test func corpusIsCoveredByAppVersionsNotByAListOfModules() throws {
        #expect(Catalog.shipped.entries.values.allSatisfy { $0.basis == .documented })
        guard CatalogCorpus.available else { return }
        var unknown: [String] = []
        for (file, bp, m) in try CatalogCorpus.allModules() where !m.moduleName.isEmpty {
            if Catalog.shipped.status(of: m, in: bp.document).state == .unknown { unknown.append("\(file) #\(m.id ?? -1) \(m.moduleName)") }
        }
        #expect(unknown.isEmpty, "\(unknown.prefix(5))")
    }

    /// The shipped observations are exactly what `scened catalog observe` makes of the corpus.
    @Test func observedCatalogIsReproducible() throws {
        guard CatalogCorpus.available else { return }
        var obs = ObservedCatalog()
        for f in CatalogCorpus.files { obs.add(try CatalogCorpus.blueprint(f)) }
        let shipped = String(decoding: PackageResources.observed_json, as: UTF8.self)
        #expect(obs.json() == shipped, "Catalog/Data/observed.json is out of date: run `scened catalog observe ../shared/corpus/blueprints ../shared/corpus/invalid -o Sources/BlueprintKit/Catalog/Data/observed.json`")
    }

    // MARK: format and errors

    static let small = """
    {
        "scenedCatalog": 1,
        "entries": [
            { "module": "monday:ListBoards", "version": 1, "status": "deprecated", "stopsWorking": "2026-05-01",
              "replacement": { "module": "monday:ListBoards", "version": 2, "mode": "automatic",
                  "outputs": [ { "field": "changed_at", "to": "updated_at" } ] } }
        ]
    }
    """

    @Test func parsesAMinimalUserCatalog() throws {
        let c = try parse(CatalogTests.small)
        let e = try #require(c.entry(module: "monday:ListBoards", version: 1))
        #expect(e.status == .deprecated && e.stopsWorking == "2026-05-01" && e.source == "user.json")
        #expect(e.replacement?.outputs.first?.target == .name("updated_at"))
        #expect(e.displayName == "monday › ListBoards")
    }

    @Test func unknownKeyIsAnErrorWithItsPosition() {
        let text = CatalogTests.small.replacingOccurrences(of: "\"stopsWorking\"", with: "\"stopWorking\"")
        let e = error(text)
        let line4 = text.split(separator: "\n")[3]
        let column = line4.distance(from: line4.startIndex, to: line4.range(of: "\"stopWorking\"")!.lowerBound) + 1
        #expect(column > 60)
        #expect(e?.file == "user.json")
        #expect(e?.line == 4)
        #expect(e?.column == column)
        #expect(e?.message.hasPrefix("unknown key \"stopWorking\" in an entry") == true)
        #expect(e?.description.hasPrefix("user.json:4:\(column): unknown key") == true)
    }

    @Test func syntaxErrorsCarryLineAndColumn() {
        let e = error("{\n  \"scenedCatalog\": 1,\n  \"entries\": [ }\n")
        #expect(e?.line == 3 && e?.column == 16)
    }

    @Test func badValuesAreRejectedWithMessages() {
        func msg(_ entry: String) -> String {
            error("{\"scenedCatalog\": 1, \"entries\": [\(entry)]}")?.message ?? "(no error)"
        }
        #expect(msg(#"{"module": "a:B", "version": 1, "status": "old"}"#).contains("must be current, deprecated or retired"))
        #expect(msg(#"{"module": "a:B", "version": 1}"#).contains("needs \"status\""))
        #expect(msg(#"{"module": "aB", "version": 1, "status": "current"}"#).contains("app:ModuleName"))
        #expect(msg(#"{"module": "a:B", "version": 1, "status": "current", "deprecatedSince": "May 2025"}"#).contains("date like"))
        let rule = #"{"module": "a:B", "version": 1, "status": "deprecated", "replacement": {"module": "a:C", "version": 2, "mode": "automatic", "rules": [RULE]}}"#
        func ruleMsg(_ r: String) -> String { msg(rule.replacingOccurrences(of: "RULE", with: r)) }
        #expect(ruleMsg(#"{"rename": "mapper.a"}"#).contains("needs \"to\""))
        #expect(ruleMsg(#"{"rename": "mapper.a", "to": "mapper.b", "drop": "mapper.c"}"#).contains("one operation"))
        #expect(ruleMsg(#"{"keep": "body.a"}"#).contains("is not a field path"))
        #expect(ruleMsg(#"{"include": "nope"}"#).contains("no rule set named \"nope\""))
        #expect(ruleMsg(#"{"drop": "mapper.a", "value": 1}"#).contains("does not apply to a drop rule"))
        #expect(ruleMsg(#"{"move": "mapper.a", "to": "mapper.b"}"#).contains("use rename"))
        #expect(ruleMsg(#"{"rename": "mapper.x[].a", "to": "mapper.y[].b"}"#).contains("within its own object"))
        let twice = #"{"module": "a:B", "version": 1, "status": "current"}"#
        #expect(msg(twice + "," + twice).contains("listed twice"))
        #expect(error(#"{"scenedCatalog": 2, "entries": []}"#)?.message.contains("unsupported catalog format") == true)
    }

    @Test func userRuleSetsCanIncludeShippedOnes() throws {
        var c = Catalog.shipped
        let text = """
        {"scenedCatalog": 1, "entries": [
          {"module": "http:ActionSendData", "version": 3, "status": "deprecated", "title": "mine",
           "replacement": {"module": "http:MakeRequest", "version": 4, "mode": "automatic", "rules": [{"include": "http-v3-request"}]}}]}
        """
        try c.add(bytes: Array(text.utf8), source: "mine.json")
        let e = try #require(c.entry(module: "http:ActionSendData", version: 3))
        #expect(e.title == "mine" && e.source == "mine.json")
        #expect((e.replacement?.rules.count ?? 0) > 10)
    }

    // MARK: loading files: directory then --catalog, later wins

    @Test func laterFilesWinAndErrorsNameTheFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("scened-catalog-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        let catDir = dir.appendingPathComponent("scened/catalog.d")
        try FileManager.default.createDirectory(at: catDir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        func entry(_ title: String) -> String {
            #"{"scenedCatalog": 1, "entries": [{"module": "slack:CreateMessage", "version": 4, "status": "current", "title": "\#(title)"}]}"#
        }
        try entry("from a").write(to: catDir.appendingPathComponent("a.json"), atomically: true, encoding: .utf8)
        try entry("from b").write(to: catDir.appendingPathComponent("b.json"), atomically: true, encoding: .utf8)
        try "ignored".write(to: catDir.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        let env = ["XDG_CONFIG_HOME": dir.path]
        #expect(Catalog.userCatalogFiles(environment: env).map { URL(fileURLWithPath: $0).lastPathComponent } == ["a.json", "b.json"])
        let fromDir = try Catalog.load(files: [], environment: env)
        #expect(fromDir.entry(module: "slack:CreateMessage", version: 4)?.title == "from b")
        let cli = dir.appendingPathComponent("cli.json")
        try entry("from cli").write(to: cli, atomically: true, encoding: .utf8)
        let withCLI = try Catalog.load(files: [cli.path], environment: env)
        #expect(withCLI.entry(module: "slack:CreateMessage", version: 4)?.title == "from cli")
        #expect(withCLI.entry(module: "http:ActionSendData", version: 3) != nil)   // shipped entries stay

        try "{\"scenedCatalog\": 1,\n \"entries\": [1]}".write(to: cli, atomically: true, encoding: .utf8)
        do { _ = try Catalog.load(files: [cli.path], environment: env); Issue.record("expected an error") } catch {
            #expect(error.file == cli.path && error.line == 2 && error.column == 14)
            #expect(error.message.contains("an entry must be an object"))
        }
        do { _ = try Catalog.load(files: [dir.appendingPathComponent("missing.json").path], environment: [:]); Issue.record("expected an error") } catch {
            #expect(error.line == 0 && error.message.contains("cannot open"))
        }
    }

    /// The example user catalog in the documentation is a valid catalog that upgrades what it says.
    @Test func documentedExampleCatalogIsValid() throws {
        let root = CatalogCorpus.packageRoot
        let candidates = ["docs-catalog.md", "README.md"].map { root.appendingPathComponent($0) }
        guard let text = candidates.lazy.compactMap({ try? String(contentsOf: $0, encoding: .utf8) })
            .first(where: { $0.contains("### Example user catalog") }) else {
            Issue.record("no documentation with an example user catalog"); return
        }
        let section = text.components(separatedBy: "### Example user catalog")[1]
        let json = section.components(separatedBy: "```json\n")[1].components(separatedBy: "```")[0]
        var c = Catalog.shipped
        try c.add(bytes: Array(json.utf8), source: "example")
        // a module entry: automatic, with a deadline and an output rename that references follow
        let get = try #require(c.entry(module: "acme-crm:getContact", version: 1))
        #expect(get.stopsWorking == "2027-01-31" && get.replacement?.outputs.first?.target == .name("updated_at"))
        let bp = try fixture(#"{"flow": [{"id": 1, "module": "acme-crm:getContact", "version": 1, "parameters": {}, "mapper": {"id": "7"}},"#
            + #"{"id": 2, "module": "acme-crm:listDeals", "version": 1, "mapper": {"region": "eu-legacy"}},"#
            + #"{"id": 3, "module": "acme-crm:listDeals", "version": 2, "mapper": {"region": "eu-legacy"}},"#
            + #"{"id": 4, "module": "util:SetVariable2", "version": 1, "mapper": {"name": "t", "value": "{{1.changed_at}}"}}]}"#)
        let st = bp.modules.map { c.status(of: $0, in: bp.document) }
        #expect(st[0].state == .upgradable && st[0].basis == .documented && st[0].deadline?.date == "2027-01-31")
        // no module entry: the app version speaks for it, and says what replaces it
        #expect(st[1].state == .manual && st[1].basis == .appVersion && st[1].targetAppVersion == 2)
        #expect(st[1].notes.contains { $0.contains("a module of acme-crm v2") })
        #expect(st[1].title == "Acme CRM › List deals")
        // a value rule: a current module holding a retired value is upgradable by setting the new value
        #expect(st[2].state == .upgradable && st[2].value?.replacement == "eu-1" && st[2].basis == .documented)
        var s = EditSession(document: bp.document)
        let done = UpgradeEngine(catalog: c).upgradeAll(in: &s)
        #expect(done.count == 2)
        #expect(done.first?.referencesRewritten == 1)
        #expect(s.document.text.contains("{{1.updated_at}}") && s.document.text.contains("\"contactId\": \"7\""))
        #expect(s.document.text.contains(#""id": 3, "module": "acme-crm:listDeals", "version": 2, "mapper": {"region": "eu-1"}"#))
        let after = try Blueprint(document: s.document)
        #expect(c.status(of: after.modules[2], in: after.document).state == .current)
    }

    @Test func checkReportAndSummaryText() throws {
        let bp = try fixture(#"{"flow": [{"id": 4, "module": "http:ActionGetFile", "version": 3, "parameters": {"handleErrors": false}, "mapper": {"url": "u", "method": "get"}},"#
            + #"{"id": 5, "module": "notion:createAPage", "version": 1}, {"id": 6, "module": "acme:X", "version": 1}, {"id": 7, "module": "json:ParseJSON", "version": 1, "mapper": {"json": "{}"}}]}"#)
        let r = CheckReport(blueprint: bp, catalog: .shipped)
        #expect(r.counts == [.upgradable: 1, .manual: 1, .unknown: 1, .current: 1, .needsReview: 0])
        let text = r.text(file: "f.json")
        #expect(text.hasPrefix("f.json: 1 upgradable, 1 manual, 1 unknown, 1 current (basis: 2 documented, 1 by app version, 0 observed only, 1 unknown)\n"))
        #expect(text.contains("#4  upgradable  http:ActionGetFile v3  [documented]  HTTP › Get a file (legacy)"))
        #expect(text.contains("→ http:DownloadFile v4  HTTP › Download a file"))
        #expect(text.contains("#6  unknown     acme:X v1  [unknown]"))
        #expect(text.contains("note: Whether a database id is valid"))
        let json = r.json(file: "f.json")
        #expect(json["attention"]?.arrayValue?.map { $0["status"]?.stringValue ?? "" } == ["upgradable", "manual", "unknown"])
        #expect(json["attention"]?.arrayValue?.last?["target"] == .null)
        #expect(json["attention"]?.arrayValue?.map { $0["basis"]?.stringValue ?? "" } == ["documented", "documented", "unknown"])
        #expect(json["basis"]?["appVersion"]?.intValue == 1)
        var s = EditSession(document: bp.document)
        let outcomes = UpgradeEngine().upgradeAll(in: &s)
        let sum = UpgradeSummary(outcomes: outcomes, failures: [], manualLeft: 1, unknown: 1)
        #expect(sum.text == "upgraded 1 module, 0 references rewritten, 0 fields flagged for review, 0 modules needing a connection, 1 manual module left, 1 unknown module")
    }
}
