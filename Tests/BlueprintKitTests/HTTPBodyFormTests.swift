// HTTP v3 url-encoded and multipart request bodies upgrade to the v4 forms the
// evidence gives (`contentType` urlEncoded / multipart with `urlEncodedBodyContent` /
// `multipartBodyContent`, item keys renamed by the rules' `items` option), byte for
// byte; an item that does not fit is left in place and the module needs review.
import Foundation
import Testing
@testable import BlueprintKit

@Suite struct HTTPBodyFormTests {
    /// Upgrades module 7 and returns its text, the plan and the saved blueprint.
    static func upgrade(_ text: String) throws -> (module: String, plan: UpgradePlan, saved: Blueprint) {
        let bp = try fixture(text)
        let engine = UpgradeEngine()
        let plan = try engine.makePlan(for: try #require(bp.module(id: 7)), in: bp)
        var s = EditSession(document: bp.document)
        try engine.apply(plan, to: &s)
        let saved = try Blueprint(bytes: s.document.bytes)
        let m = try #require(saved.module(id: 7))
        return (saved.document.sourceText(m.node), plan, saved)
    }

    @Test func aURLEncodedBodyBecomesURLEncodedBodyContent() throws {
        let (module, plan, saved) = try HTTPBodyFormTests.upgrade(HTTPBodyFormTests.urlEncoded)
        let expected = HTTPBodyFormTests.v4(body: #"""
                        "contentType": "urlEncoded",
                        "urlEncodedBodyContent": [
                            {
                                "name": "email",
                                "value": "{{2.from.address}}"
                            },
                            {
                                "name": "type",
                                "value": "email"
                            }
                        ]
        """#, restore: #"""
                                "urlEncodedBodyContent": {
                                    "mode": "chose",
                                    "items": [
                                        null,
                                        null
                                    ]
                                }
        """#, expect: "")
        #expect(module == expected, "\(module)")
        #expect(plan.flagged.isEmpty)
        #expect(plan.changes.contains { $0.keyText == "mapper.formFields → mapper.urlEncodedBodyContent" && $0.note == "items: key → name" })
        #expect(Catalog.shipped.status(of: try #require(saved.module(id: 7)), in: saved.document).state == .current)
    }

    @Test func aMultipartBodyWithAFileItemBecomesMultipartBodyContent() throws {
        let (module, plan, saved) = try HTTPBodyFormTests.upgrade(HTTPBodyFormTests.multipart())
        let expected = HTTPBodyFormTests.v4(body: #"""
                        "contentType": "multipart",
                        "multipartBodyContent": [
                            {
                                "name": "file",
                                "data": "{{1058.data}}",
                                "fileName": "{{1058.fileName}}",
                                "multipartFieldType": "file"
                            },
                            {
                                "name": "title",
                                "value": "{{1136.`0`}}",
                                "multipartFieldType": "text"
                            }
                        ]
        """#, restore: #"""
                                "multipartBodyContent": {
                                    "mode": "chose",
                                    "items": [
                                        {
                                            "multipartFieldType": {
                                                "mode": "chose",
                                                "label": "File"
                                            }
                                        },
                                        {
                                            "multipartFieldType": {
                                                "mode": "chose",
                                                "label": "Text"
                                            }
                                        }
                                    ]
                                },
                                "contentType": {
                                    "label": "multipart/form-data"
                                }
        """#, expect: #"""
                            {
                                "name": "multipartBodyContent",
                                "type": "array",
                                "label": "Body content",
                                "required": true
                            }
        """#)
        #expect(module == expected, "\(module)")
        #expect(plan.flagged.isEmpty)
        #expect(Catalog.shipped.status(of: try #require(saved.module(id: 7)), in: saved.document).state == .current)
    }

    /// Items the rule cannot convert without guessing: the field stays, flagged, and `check` on the
    /// saved file says the module needs review because of it.
    @Test(arguments: [
        ("no fieldType", #"[{"key": "title", "value": "x"}]"#, "item 1 has no fieldType"),
        ("an unlisted key", #"[{"key": "title", "value": "x", "fieldType": "text"}, {"key": "a", "value": "b", "fieldType": "text", "contentType": "text/csv"}]"#,
         "item 2 has contentType, which the rule does not list"),
        ("not an object", #"[{"key": "title", "value": "x", "fieldType": "text"}, "title=x"]"#, "item 2 is not an object"),
        ("mapped as a whole", #""{{3.array}}""#, "the value is not a list of items"),
    ])
    func anItemThatDoesNotFitIsLeftInPlaceAndFlagged(_ a: (String, String, String)) throws {
        let (_, items, why) = a
        let (_, plan, saved) = try HTTPBodyFormTests.upgrade(HTTPBodyFormTests.multipart(items))
        let flag = try #require(plan.flagged.first { $0.keyText == "mapper.formDataFields" })
        #expect(flag.note?.hasPrefix(why + ": the items cannot be converted into multipartBodyContent") == true, "\(flag.note ?? "")")
        let m = try #require(saved.module(id: 7))
        let mapper = saved.document.value(m.node)["mapper"]
        #expect(mapper?["formDataFields"] != nil && mapper?["multipartBodyContent"] == nil)
        #expect(saved.document.value(m.node)["metadata"]?["restore"]?["expect"]?["formDataFields"] != nil)   // its metadata stays with it
        let check = CheckReport(blueprint: saved, catalog: .shipped)
        let item = try #require(check.items.first { $0.module.id == 7 })
        #expect(item.status.state == .needsReview)
        #expect(item.status.shapeIssues.map(\.field) == ["mapper.formDataFields"])
    }

    /// A url-encoded form beside a v3 content type is not one the evidence covers: all of the body stays, flagged.
    @Test func aFormBesideAV3ContentTypeIsNotConverted() throws {
        let text = HTTPBodyFormTests.urlEncoded.replacingOccurrences(
            of: #""bodyType": "x_www_form_urlencoded","#, with: #""bodyType": "x_www_form_urlencoded", "contentType": "text/plain","#)
        let (_, plan, _) = try HTTPBodyFormTests.upgrade(text)
        #expect(Set(plan.flagged.map(\.keyText)) == ["mapper.bodyType", "mapper.contentType", "mapper.formFields"])
    }
}
