// The real corpus (../shared/corpus): 128 exports plus 10 from invalid/.
// Every expected number is computed independently of Blueprint (plain JSONValue
// walks, Foundation, regular expressions, or facts established with python3).
import Foundation
import Testing
@testable import BlueprintKit

@Suite(.enabled(if: Corpus.available, Corpus.skipNote))
struct CorpusTests {
    @Test func theCorpusHasTheExpectedFiles() {
        #expect(Corpus.blueprints.count == 128)
        #expect(Corpus.bomFiles.count == 6)
        #expect(Corpus.brokenFiles.count == 4)
    }

    // MARK: open + fmt --style keep

    @Test(arguments: Corpus.openable)
    func opensAndFmtKeepIsByteIdentical(_ file: String) throws {
        let bytes = try Corpus.bytes(file)
        let bp = try Blueprint(bytes: bytes)
        #expect(!bp.modules.isEmpty)
        #expect(bp.document.hasBOM == file.hasPrefix("invalid/"))
        let r = try Scened.run(["fmt", Corpus.url(file).path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == bytes, "fmt --style keep changed \(file)")
    }

    // MARK: list --json

    @Test func listJSONFindsExactlyTheModulesOfAnIndependentWalk() throws {
        var total = 0, independentTotal = 0
        for name in Corpus.blueprints {
            let file = "blueprints/" + name
            // independent: our parser's plain values, walked by the format document's rules
            let value = try JSONDocument(bytes: try Corpus.bytes(file)).value(0)
            let expected = IndependentWalk.modules(of: value).map { m -> String in
                "\(m["id"]?.intValue.map(String.init) ?? "null") \(m["module"]?.stringValue ?? "")"
            }
            // what the CLI prints, read back with Foundation
            let r = try Scened.run(["list", "--json", Corpus.url(file).path])
            #expect(r.status == 0)
            let list = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout)) as? [[String: Any]])
            let got = list.map { "\(($0["id"] as? Int).map(String.init) ?? "null") \($0["module"] as? String ?? "")" }
            #expect(got.sorted() == expected.sorted(), "\(name)")
            #expect(Set(list.compactMap { $0["path"] as? String }).count == list.count, "paths are unique in \(name)")
            total += list.count
            independentTotal += expected.count
        }
        #expect(independentTotal == 1676)
        #expect(total == 1676)
    }

    // MARK: the 4 broken files

    /// line:col and message; Python's json module reports the same line and the next
    /// column (it complains one character later, inside the same bad token).
    static let broken: [(file: String, line: Int, column: Int, message: String, pythonColumn: Int)] = [
        ("geekalyssa__make.com-projects__04_create_deals.json", 9, 23,
         "unquoted '{{' placeholder: an IML expression must be inside a JSON string", 24),
        ("geekalyssa__make.com-projects__05_clear_datastore.json", 9, 30,
         "unquoted '{{' placeholder: an IML expression must be inside a JSON string", 31),
        ("manasoid__make__blueprint-nlp-ai-hubspot.json", 364, 31, "leading zeros are not allowed in numbers", 32),
        ("manasoid__make__blueprint-push-automation.json", 9, 27, "leading zeros are not allowed in numbers", 28),
    ]

    @Test func brokenFilesFailWithExit65AndThePosition() throws {
        #expect(Set(Self.broken.map(\.file)) == Set(Corpus.brokenFiles))
        for b in Self.broken {
            let path = Corpus.url("invalid/" + b.file).path
            for args in [["list", path], ["list", "--json", path], ["fmt", path], ["fmt", "--style", "make", path], ["fmt", "--check", path]] {
                let r = try Scened.run(args)
                #expect(r.status == 65, "\(args)")
                #expect(r.stdout.isEmpty)
                #expect(r.stderr.hasPrefix("\(path):\(b.line):\(b.column): \(b.message)\n"), "\(r.stderr)")
            }
            // the position is where the bad token starts
            let bytes = try Corpus.bytes("invalid/" + b.file)
            guard let e = parseError(bytes) else { continue }
            #expect(b.pythonColumn == b.column + 1)
            let line = lines(bytes)[b.line - 1]
            let col = String(decoding: line, as: UTF8.self).unicodeScalars.map { $0 }
            let badChar = col[b.column - 1]
            #expect(badChar == "{" || badChar == "0")
            #expect(col[b.column] == badChar, "a '{{' or '00' starts at the column")
            #expect(e.offset == line.startIndex + b.column - 1)
        }
    }

    // MARK: fmt --style make

    /// Blueprints whose bytes differ from python3 `json.dumps(json.load(f), indent=4,
    /// ensure_ascii=False)` (computed once). Every other blueprint is in Make's layout.
    static let notMakeLayout: [String: String] = [
        "6302Mohamed__make-automation-projects__project-01-blueprint-sanitized-reference.json": "CRLF, 2-space",
        "6302Mohamed__make-automation-projects__project-02-blueprint-sanitized-reference.json": "CRLF, 2-space",
        "6302Mohamed__make-automation-projects__scenario-1-lead-intake-ai-draft-sanitized.json": "leading whitespace, 2-space",
        "6302Mohamed__make-automation-projects__scenario-2-human-review-followup-sanitized.json": "2-space",
        "Aaditya-Patel__make-com-workflow__Integration_RSS.blueprint.json": "final LF",
        "InduArul__checkflo-Intacct-Make-Integration__flow.json": "2-space, \\u escapes",
        "chiemekaifemegbulem__make.com__Whatsapp_Chatbot_main.json": "final LF",
        "chiemekaifemegbulem__make.com__chatgpt-telegram-bot-make-integration_main.json": "final LF",
        "henriquegallassini__Make-AI-Automation-IRPF__2-Automacao_emails_pendencias_com_IA.blueprint.json": "final LF",
        "igorshkov93__make-ai-email-triage-system__ai-email-triage.blueprint.json": "final LF",
        "ihsolutionsco-hue__CRMAgent-make.com__calculate_rate.json": "inline objects",
        "integromat__make-skills__ai-agent-full-blueprint.json": "tabs",
        "integromat__make-typescript-sdk__blueprint.json": "final LF",
        "manasoid__make__blueprint-twitter-digest-for-keyword-search.json": "final LF",
        "sadeedameen__make-automation-blueprints__finance_invoice-compliance-automation_blueprint.json": "final LF",
        "sadeedameen__make-automation-blueprints__finance_invoice-to-google-sheets-ai_blueprint.json": "final LF",
        "vishalrathod0002__Make-Automation__hr_automation_blueprint.json": "final LF",
        "yuvaraj1916__make-automations__automation.json": "final LF",
        // Python merges its duplicate keys; the file itself is in Make's layout.
        "saifqazi92__ai-visibility-map-make-workflow__03_extract_category_factors.blueprint.redacted.json": "duplicate keys (Make layout)",
    ]

    static func isMakeLayout(_ file: String) -> Bool {
        guard file.hasPrefix("blueprints/") else { return false }   // the BOM files: Make writes no BOM
        let name = String(file.dropFirst("blueprints/".count))
        return notMakeLayout[name].map { $0.hasSuffix("(Make layout)") } ?? true
    }

    @Test(arguments: Corpus.openable)
    func fmtMakeReproducesFilesAlreadyInMakeLayout(_ file: String) throws {
        let bytes = try Corpus.bytes(file)
        let r = try Scened.run(["fmt", "--style", "make", Corpus.url(file).path])
        #expect(r.status == 0)
        if Self.isMakeLayout(file) {
            #expect(r.stdout == bytes, "\(file) is in Make's layout")
            return
        }
        #expect(r.stdout != bytes, "\(file) is not in Make's layout")
        #expect(try Scened.run(["fmt", "--check", "--style", "make", Corpus.url(file).path]).status == 1)
        // the output is the same data, in Make's layout, and a fixed point
        let out = try JSONDocument(bytes: r.stdout)
        let original = try JSONDocument(bytes: bytes)
        #expect(out.value(0) == original.value(0))
        #expect(!out.hasBOM && r.stdout.last == UInt8(ascii: "}"))
        #expect(out.style == .make)
        #expect(Array(JSONWriter.render(out.value(0), style: .make).utf8) == r.stdout)
    }

    @Test func theMakeLayoutSetMatchesTheResearch() {
        // 109 files equal python's output, plus the duplicate-key file
        #expect(Corpus.openable.filter(Self.isMakeLayout).count == 110)
        #expect(Set(Self.notMakeLayout.keys).isSubset(of: Set(Corpus.blueprints)))
    }
}
