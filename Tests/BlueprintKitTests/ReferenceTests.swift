// IML references between modules on the hand-written fixture: which tokens
// count, where they are, and that fieldRange is exactly the field token.
import Foundation
import Testing
@testable import BlueprintKit

@Suite struct ReferenceTests {
    func refs(_ bp: Blueprint, from id: Int) -> [Reference] {
        Array(bp.references(from: bp.modules.first { $0.id == id }!.index))
    }

    func token(_ bp: Blueprint, _ r: Range<Int>) -> String { String(decoding: bp.document.bytes.array[r], as: UTF8.self) }

    @Test func referencesInAMapperWithEveryTokenShape() throws {
        let bp = try Fixture.blueprint()
        let text = refs(bp, from: 2).filter { $0.location == "mapper.text" }
        // {{1.5}} is a number, "plain 1.data" is outside {{ }}
        #expect(text.map(\.text) == ["1.data", "1.`Approval Status`", "1.arr", "99.missing"])
        #expect(text.map(\.field) == ["data", "Approval Status", "arr", "missing"])
        #expect(text.map(\.fieldIsQuoted) == [false, true, false, false])
        #expect(text.map(\.targetId) == [1, 1, 1, 99])
        #expect(text.map(\.dangling) == [false, false, false, true])
    }

    @Test func fieldRangeIsExactlyTheToken() throws {
        let bp = try Fixture.blueprint()
        for r in bp.references {
            let field = token(bp, r.fieldRange)
            #expect(field == (r.fieldIsQuoted ? "`\(r.field)`" : r.field))
            #expect(token(bp, r.range) == r.text)
            #expect(r.range.upperBound == r.fieldRange.upperBound)
            // the token lies inside the string node it names
            let n = bp.document.node(r.stringNode)
            #expect(n.kind == .string && n.start < r.range.lowerBound && r.range.upperBound < n.end)
        }
        let quoted = try #require(bp.references.first { $0.field == "Approval Status" && $0.targetId == 1 })
        #expect(token(bp, quoted.fieldRange) == "`Approval Status`")
        #expect(token(bp, quoted.range) == "1.`Approval Status`")
    }

    @Test func renamingAFieldIsAOneTokenSplice() throws {
        let bp = try Fixture.blueprint()
        let r = try #require(bp.references.first { $0.field == "data" && $0.targetId == 1 })
        let out = try bp.document.applying([Splice(r.fieldRange, "payload")]).document
        let bp2 = try Blueprint(document: out)
        #expect(bp2.document.string(bp2.document.node(at: ["flow", 1, "mapper", "text"])!)!
                .hasPrefix("{{1.payload}} and {{1.`Approval Status`}}"))
        #expect(bp2.references.count == bp.references.count)
    }

    @Test func everyScannedPartAndNothingElse() throws {
        let bp = try Fixture.blueprint()
        let locations = Dictionary(grouping: bp.references, by: { bp.modules[$0.moduleIndex].id ?? -1 })
            .mapValues { $0.map { "\($0.location)=\($0.text)" } }
        #expect(locations[2] == ["filter.conditions[0][0].a=1.score",
                                 "mapper.text=1.data", "mapper.text=1.`Approval Status`", "mapper.text=1.arr", "mapper.text=99.missing",
                                 "mapper.multi=1.a", "mapper.multi=1.b", "mapper.nested.list[0]=1.$sum"])
        #expect(locations[20] == ["mapper.data=2.ts"])
        #expect(locations[9] == ["mapper.url=10.id"])
        #expect(locations[5] == ["branches[0].conditions[0][0].a=4.`Approval Status`"])
        #expect(locations[11] == ["mapper.json=10.body"])
        // metadata (designer name "{{1.notref}}") is not scanned
        #expect(!bp.references.contains { $0.field == "notref" })
        #expect(locations[3] == nil && locations[6] == nil)
    }

    @Test func escapedWhitespaceBeforeAnIdStillSeparatesIt() throws {
        // "{{if(\n2.ok; …)}}" and "{{\t20.data}}": the JSON escapes \n and \t are whitespace, not letters
        let bp = try Fixture.blueprint()
        #expect(refs(bp, from: 10).map(\.text) == ["2.ok", "20.data"])
    }

    @Test func referencesByTargetAndDangling() throws {
        let bp = try Fixture.blueprint()
        #expect(bp.references(to: 1).count == 7)
        #expect(bp.references(to: 10).map { bp.modules[$0.moduleIndex].id } == [9, 11])
        #expect(bp.references(to: 4).map(\.field) == ["Approval Status"])
        #expect(bp.references(to: 7).isEmpty)
        #expect(bp.danglingReferences.map(\.text) == ["99.missing"])
    }

    @Test func edgeTokens() throws {
        func scan(_ s: String) throws -> [String] {
            let text = "{\"flow\": [{\"id\": 1, \"module\": \"a:b\", \"mapper\": {\"v\": \(JSONWriter.quoted(s))}}]}"
            return try Blueprint(bytes: Array(text.utf8)).references.map(\.text)
        }
        #expect(try scan("{{1.5}}") == [])
        #expect(try scan("{{1.5.x}}") == [])
        #expect(try scan("{{a1.x}} {{x.1.y}} {{`1.x`}}") == [])
        #expect(try scan("{{1.`` }}") == [])
        #expect(try scan("{{1.`unterminated}}") == [])
        #expect(try scan("1.x {{ 2.y }} 3.z") == ["2.y"])
        #expect(try scan("{{formatDate(1.date; \"YYYY\")}} {{2.a.b}} {{3.__IMTINDEX__}}") == ["1.date", "2.a", "3.__IMTINDEX__"])
        #expect(try scan("{{1.x}} {{ unterminated 2.y") == ["1.x", "2.y"])
        #expect(try scan("{{99999999999999999999999.x}} {{4.ok}}") == ["4.ok"])
        #expect(try Blueprint(bytes: Array("{\"flow\": [{\"id\": 1, \"mapper\": {\"v\": \"{{5.`a\\\"b`}}\"}}]}".utf8)).references.map(\.field) == ["a\"b"])
    }
}
