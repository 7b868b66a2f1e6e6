// Module shapes: a module that does not match its version's shape "needs review",
// from the document alone; the shipped shapes are reproducible from the corpus;
// and after upgrade-all, `check` on the saved file reports every partial upgrade.
import Foundation
import Testing
@testable import BlueprintKit

@Suite struct ModuleShapeTests {
    let c = Catalog.shipped

    static func v4(_ extra: String) -> String {
        #"{"flow": [{"id": 1, "module": "http:MakeRequest", "version": 4, "parameters": {"authenticationType": "noAuth", "tlsType": ""},"#
            + #""mapper": {"url": "https://x.example", "method": "post", "parseResponse": true, "stopOnHttpError": true, "allowRedirects": true,"#
            + #""shareCookies": false, "requestCompressedContent": true\#(extra)}}]}"#
    }

    @Test func aHandEditedV4ModuleWithAV3KeyNeedsReviewUntilTheKeyIsGone() throws {
        let bp = try fixture(ModuleShapeTests.v4(#", "bodyType": "multipart_form_data""#))
        let st = c.status(of: bp.modules[0], in: bp.document)
        #expect(st.state == .needsReview)
        #expect(st.shapeIssues.map(\.field) == ["mapper.bodyType"])
        #expect(st.shapeIssues.first?.reason.contains("a field of http:ActionSendData v3, left in place") == true)
        let r = CheckReport(blueprint: bp, catalog: c)
        #expect(r.needsAttention && r.counts[.needsReview] == 1)
        #expect(r.text(file: "f").contains("review mapper.bodyType: not a field of http:MakeRequest v4"))
        // removing the field (as `scened set` or the editor would) makes it current
        var s = EditSession(document: bp.document)
        let obj = try #require(bp.document.member(bp.modules[0].node, "mapper"))
        let splice = bp.document.remove(try #require(bp.document.member(obj, "bodyType")))
        _ = try s.perform("remove bodyType") { (ed: inout JSONEditor) throws(JSONEditError) in try ed.apply(splice) }
        let after = try Blueprint(document: s.document)
        #expect(c.status(of: after.modules[0], in: after.document).state == .current)
    }

    /// A missing field is a verdict when every real module of the version has it and Make's own
    /// form (metadata.expect, written into each export) marks it required; a field every real
    /// module has but the form does not require is only recorded (hand-made modules omit it).
    @Test func aMissingRequiredFieldNeedsReviewAnOptionalOneIsOnlyRecorded() throws {
        let shape = try #require(c.shape(ModuleKey("http:MakeRequest", 4)))
        #expect(shape.mustHave.contains("mapper.url") && !shape.mustHave.contains("parameters.tlsType"))
        let noURL = try fixture(ModuleShapeTests.v4("").replacingOccurrences(of: #""url": "https://x.example", "#, with: ""))
        let st = c.status(of: noURL.modules[0], in: noURL.document)
        #expect(st.state == .needsReview)
        #expect(st.shapeIssues.map(\.field) == ["mapper.url"])
        #expect(st.shapeIssues.first?.kind == .missingField)
        #expect(st.shapeIssues.first?.reason.contains("form marks it required") == true)
        #expect(CheckReport(blueprint: noURL, catalog: c).text(file: "f").contains("review mapper.url: missing"))
        let noTLS = try fixture(ModuleShapeTests.v4("").replacingOccurrences(of: #", "tlsType": """#, with: ""))
        let st2 = c.status(of: noTLS.modules[0], in: noTLS.document)
        #expect(st2.state == .current)
        #expect(c.missingFields(moduleNode: noTLS.modules[0].node, in: noTLS.document, key: st2.key) == ["parameters.tlsType"])
    }

    @Test func realExportsNeverMissARequiredField() throws {
        guard CatalogCorpus.available else { print("skip: ../shared/corpus not found"); return }
        for (u, bp) in ModuleShapeTests.corpus {
            for m in bp.modules {
                let missing = c.status(of: m, in: bp.document).shapeIssues.filter { $0.kind == .missingField }
                #expect(missing.isEmpty, "\(u.lastPathComponent) \(m.idText): \(missing)")
            }
        }
    }

    @Test func appsWithoutShapeDataNeverNeedReview() throws {
        let bp = try fixture(#"{"flow": [{"id": 1, "module": "acme:Thing", "version": 1, "mapper": {"anything": 1}},"#
            + #"{"id": 2, "module": "workfront-workfront:custom", "version": 1, "mapper": {"odd": true}}]}"#)
        for m in bp.modules { #expect(c.status(of: m, in: bp.document).state != .needsReview) }
    }

    /// The corpus, read once for the suite's corpus tests.
    static let corpus: [(url: URL, bp: Blueprint)] = CatalogCorpus.files.compactMap { u in
        (try? CatalogCorpus.blueprint(u)).map { (u, $0) }
    }

    /// The shipped shapes are what `scened catalog shapes` reads from the corpus.
    @Test func shippedShapesAreReproducible() throws {
        guard CatalogCorpus.available else { return }
        #expect(ModuleShapeTests.corpus.count == CatalogCorpus.files.count)
        var obs = ShapeObserver()
        for (_, bp) in ModuleShapeTests.corpus { obs.add(bp) }
        let text = obs.json(description: "Module shapes read from \(CatalogCorpus.files.count) public exports (scened catalog shapes): field names, fields every real module has, outputs")
        #expect(text == String(decoding: PackageResources.shapes_json, as: UTF8.self),
                "Catalog/Data/shapes.json is out of date: run `scened catalog shapes ../shared/corpus/blueprints ../shared/corpus/invalid -o Sources/BlueprintKit/Catalog/Data/shapes.json`")
    }

    /// Why an upgraded module does not match its new version: the v3 body or credentials the
    /// rules could not convert (read from the module before the upgrade), then the left-over fields.
    static func reason(before m: Module, in d: JSONDocument, leftovers: [String]) -> String {
        let mapper = d.member(m.node, "mapper")
        func text(_ k: String) -> String? { mapper.flatMap { d.member($0, k) }.map { d.value($0).compactText } }
        var why: [String] = []
        if let b = text("bodyType"), b != "\"\"", b != "\"raw\"" || text("contentType") != "\"application/json\"" {
            why.append("body \(b)\(text("contentType").map { " " + $0 } ?? "")")
        }
        for k in ["authUser", "followAllRedirects", "serializeUrl"] where leftovers.contains("mapper.\(k)") {
            why.append("\(k) = \(text(k) ?? "?")")
        }
        return "\(m.moduleName) v\(m.version.map(String.init) ?? "-"): " + (why.isEmpty ? "" : why.joined(separator: ", ") + "; ")
            + "leaves " + leftovers.sorted().joined(separator: " ")
    }

    /// No real module of the corpus needs review (its own version's shape fits it), and after
    /// upgrade-all every upgraded module either matches its new version or `check` on the
    /// saved bytes says it needs review. Prints the share of whole upgrades and, by reason,
    /// the modules that are not whole.
    ///
    /// The issue's target is 85%. The corpus cannot reach it without guessing: the HTTP v3 bodies
    /// and credentials with no sourced v4 form (XML and untyped raw bodies, basic-auth user and
    /// password in the mapper, followAllRedirects true, serializeUrl true) stay in place and
    /// flagged. The floor asserted is the share reached.
    @Test func upgradeAllOverTheCorpusIsWholeOrVisiblyPartial() throws {
        guard CatalogCorpus.available else { return }
        var upgraded = 0, whole = 0, flagged = 0
        var reasons: [String: Int] = [:]
        for (f, bp) in ModuleShapeTests.corpus where f.path.contains("/blueprints/") {
            #expect(CheckReport(blueprint: bp, catalog: c).counts[.needsReview, default: 0] == 0, "\(f.lastPathComponent)")
            var s = EditSession(document: bp.document)
            let plans = UpgradeEngine().upgradeAll(in: &s)
            let saved = try Blueprint(bytes: s.document.bytes)     // as `check` reads the saved file
            let check = CheckReport(blueprint: saved, catalog: c)
            for p in plans {
                upgraded += 1
                guard let id = p.moduleId, let m = saved.module(id: id) else { continue }
                let st = c.status(of: m, in: saved.document)
                if st.state == .current { whole += 1; continue }
                // every partial upgrade is in check's report as needing review, with its fields
                let item = check.items.first { $0.module.id == id }
                #expect(item?.status.state == ModuleStatus.State.needsReview, "#\(id) in \(f.lastPathComponent) is \(st.state)")
                #expect(item?.status.shapeIssues.isEmpty == false)
                flagged += 1
                if let old = bp.module(id: id) {
                    reasons[ModuleShapeTests.reason(before: old, in: bp.document, leftovers: st.shapeIssues.map(\.field)), default: 0] += 1
                }
            }
        }
        let share = Double(whole) / Double(max(upgraded, 1)) * 100
        print("upgrade-all over the corpus: \(upgraded) upgraded, \(whole) whole (\(String(format: "%.0f", share))%), \(flagged) need review")
        for (r, n) in reasons.sorted(by: { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }) { print("  \(n) × \(r)") }
        #expect(whole + flagged <= upgraded && whole + flagged > upgraded - 3)   // modules without an id are not looked up
        #expect(upgraded > 100)
        #expect(share >= ModuleShapeTests.wholeFloor, "whole upgrades fell to \(share)%")
    }

    /// The share of whole upgrades over the corpus that the sourced conversions reach: 86 of 107
    /// (80.4%; was 82 before the url-encoded and multipart bodies were converted, 2 modules each,
    /// and 79 before the basic-auth and OAuth credentials were). The issue's target of 85% needs
    /// v4 forms no source gives (see the test above): 21 modules, all HTTP v3, 13 of them XML bodies.
    static let wholeFloor = 80.0
}

/// The HTTP v3 credential variants become the v4 `authenticationType` with its own credential
/// parameter (named by Make's make-skills HTTP reference); the old id is not carried over.
@Suite struct HTTPCredentialConversionTests {
    static func v3(_ module: String, _ param: String, _ type: String) -> String {
        #"{"flow": [{"id": 1, "module": "http:\#(module)", "version": 3, "parameters": {"\#(param)": 7, "handleErrors": true},"#
            + #""mapper": {"url": "https://x.example", "method": "get", "headers": [], "qs": [], "bodyType": "", "parseResponse": true,"#
            + #""timeout": "", "shareCookies": false, "followRedirect": true, "followAllRedirects": false, "gzip": true,"#
            + #""useQuerystring": false, "serializeUrl": false, "rejectUnauthorized": true, "ca": "", "useMtls": false},"#
            + #""metadata": {"parameters": [{"name": "\#(param)", "type": "\#(type)", "label": "Credentials", "required": true}]}}]}"#
    }

    @Test(arguments: [("ActionSendDataBasicAuth", "key", "keychain:basicauth", "basicAuth", "basicAuthKeychain"),
                      ("ActionSendDataOAuth", "account", "account:oauth2", "oAuth", "oAuthAccount")])
    func credentialVariantsUpgradeWhole(_ a: (String, String, String, String, String)) throws {
        let (module, param, type, auth, to) = a
        let bp = try fixture(HTTPCredentialConversionTests.v3(module, param, type))
        var s = EditSession(document: bp.document)
        let plans = UpgradeEngine().upgradeAll(in: &s)
        #expect(plans.count == 1)
        #expect(plans.first?.connectionMustBeReassigned == true)
        let saved = try Blueprint(bytes: s.document.bytes)
        let m = try #require(saved.module(id: 1))
        let params = try #require(saved.document.member(m.node, "parameters"))
        #expect(saved.document.string(params, "authenticationType") == auth)
        #expect(saved.document.member(params, to).map { saved.document.value($0) } == .null)   // choose it again
        #expect(saved.document.member(params, param) == nil)
        #expect(Catalog.shipped.status(of: m, in: saved.document).state == .current)      // whole: matches the v4 shape
    }
}
