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

    @Test func aMissingFieldIsRecordedButIsNotAVerdict() throws {
        let text = ModuleShapeTests.v4("").replacingOccurrences(of: #""url": "https://x.example", "#, with: "")
        let bp = try fixture(text)
        let st = c.status(of: bp.modules[0], in: bp.document)
        // recorded, not a verdict (minimal hand-made modules lack such fields without being wrong)
        #expect(st.state == .current)
        #expect(c.missingFields(moduleNode: bp.modules[0].node, in: bp.document, key: st.key) == ["mapper.url"])
    }

    @Test func appsWithoutShapeDataNeverNeedReview() throws {
        let bp = try fixture(#"{"flow": [{"id": 1, "module": "acme:Thing", "version": 1, "mapper": {"anything": 1}},"#
            + #"{"id": 2, "module": "workfront-workfront:custom", "version": 1, "mapper": {"odd": true}}]}"#)
        for m in bp.modules { #expect(c.status(of: m, in: bp.document).state != .needsReview) }
    }

    /// The shipped shapes are what `scened catalog shapes` reads from the corpus.
    @Test func shippedShapesAreReproducible() throws {
        guard CatalogCorpus.available else { return }
        var obs = ShapeObserver()
        for f in CatalogCorpus.files { obs.add(try CatalogCorpus.blueprint(f)) }
        let text = obs.json(description: "Module shapes read from \(CatalogCorpus.files.count) public exports (scened catalog shapes): field names, fields every real module has, outputs")
        #expect(text == String(decoding: PackageResources.shapes_json, as: UTF8.self),
                "Catalog/Data/shapes.json is out of date: run `scened catalog shapes ../shared/corpus/blueprints ../shared/corpus/invalid -o Sources/BlueprintKit/Catalog/Data/shapes.json`")
    }

    /// No real module of the corpus needs review (its own version's shape fits it), and after
    /// upgrade-all every upgraded module either matches its new version or `check` on the
    /// saved bytes says it needs review. Prints the share of whole upgrades.
    @Test func upgradeAllOverTheCorpusIsWholeOrVisiblyPartial() throws {
        guard CatalogCorpus.available else { return }
        var upgraded = 0, whole = 0, flagged = 0
        var leftovers: [String: Int] = [:]
        for f in CatalogCorpus.validFiles {
            let bp = try CatalogCorpus.blueprint(f)
            #expect(CheckReport(blueprint: bp, catalog: c).counts[.needsReview, default: 0] == 0, "\(f.lastPathComponent)")
            var s = EditSession(document: bp.document)
            let plans = UpgradeEngine().upgradeAll(in: &s)
            let saved = try Blueprint(bytes: s.document.bytes)     // as `check` reads the saved file
            for p in plans {
                upgraded += 1
                guard let id = p.moduleId, let m = saved.module(id: id) else { continue }
                let st = c.status(of: m, in: saved.document)
                if st.state == .current { whole += 1 } else {
                    #expect(st.state == ModuleStatus.State.needsReview, "#\(id) in \(f.lastPathComponent) is \(st.state)")
                    flagged += 1
                    for i in st.shapeIssues { leftovers[i.field, default: 0] += 1 }
                }
            }
        }
        let share = Double(whole) / Double(max(upgraded, 1)) * 100
        print("upgrade-all over the corpus: \(upgraded) upgraded, \(whole) whole (\(String(format: "%.0f", share))%), \(flagged) need review; "
              + "left-over fields: " + leftovers.sorted { $0.value > $1.value }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        #expect(whole + flagged <= upgraded && whole + flagged > upgraded - 3)   // modules without an id are not looked up
        #expect(upgraded > 100)
    }
}
