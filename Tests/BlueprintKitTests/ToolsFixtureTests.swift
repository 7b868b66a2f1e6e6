// The scenario tools on the crafted fixture (ToolsFixture.swift): the edge cases
// each tool must get right, and that each is one undoable step.
import Testing
@testable import BlueprintKit

@Suite struct ToolsFixtureTests {
    func applied(_ bp: Blueprint, _ f: (inout EditSession) throws -> Void) throws -> (Blueprint, EditSession) {
        var s = EditSession(document: bp.document)
        try f(&s)
        return (try Blueprint(document: s.document), s)
    }

    func value(_ bp: Blueprint, _ id: Int, _ path: JSONPath) -> JSONValue? {
        guard let m = bp.module(id: id), let n = bp.document.node(at: path, from: m.node) else { return nil }
        return bp.document.value(n)
    }

    // MARK: remap

    @Test func remapRewritesEveryReferenceInEveryContainer() throws {
        let bp = try ToolsFixture.blueprint()
        let plan = try RemapSource.plan(bp, from: 5, to: 6)
        let (after, s) = try applied(bp) { try RemapSource.apply(plan, to: &$0) }
        // nothing points at #5 any more, except #6's own reference (left, reported)
        let left = after.references(to: 5)
        #expect(left.map { after.modules[$0.moduleIndex].id } == [6])
        #expect(plan.leftInTarget.map(\.text) == ["5.data"])
        // filter, mapper with a quoted field and a function, error handler, If-else condition, branch, orphan
        #expect(value(after, 7, ["filter", "conditions", 0, 0, "a"]) == .string("{{6.statusCode}}"))
        #expect(value(after, 7, ["mapper", "text"]) == .string("Got {{6.data}} and {{6.`File Name`}}; {{15.x}} is a router; plain 5.data stays; {{get(6.headers; 1)}}"))
        #expect(value(after, 8, ["mapper", "text"]) == .string("Failed: {{6.data}} for {{3.email}} and {{3.emailAddress}} and {{lower(3.email)}}"))
        #expect(value(after, 10, ["branches", 0, "conditions", 0, 0, "a"]) == .string("{{6.headers.size}}"))
        #expect(value(after, 12, ["mapper", "value"]) == .string("{{6.data}} {{3.email}}"))
        #expect(value(after, 20, ["mapper", "value"]) == .string("{{6.DATA}} {{55.data}}"))
        // the aggregator is fed by #6, and its source label follows
        #expect(value(after, 9, ["parameters", "feeder"]) == .int(6))
        #expect(value(after, 9, ["metadata", "restore", "extra", "feeder", "label"]) == .string("HTTP - Make a request [6]"))
        #expect(plan.feeders.count == 1)
        // one undo step gives back the file byte for byte
        var u = s
        #expect(u.undoStack.count == 1)
        u.undo()
        #expect(u.document.bytes == bp.document.bytes)
    }

    @Test func remapListsOutputsTheCatalogDoesNotKnow() throws {
        let bp = try ToolsFixture.blueprint()
        // #6 is http:MakeRequest v4: the catalog knows its outputs are data, statusCode, headers
        let plan = try RemapSource.plan(bp, from: 5, to: 6)
        #expect(plan.outputsSource == "catalog")
        #expect(Set(plan.missingOutputs.map(\.text)) == ["6.`File Name`", "6.DATA"])
        #expect(plan.missingOutputs.allSatisfy { $0.reason.contains("has no output") })
    }

    @Test func remapRenamesFieldsOnTheWay() throws {
        let bp = try ToolsFixture.blueprint()
        let plan = try RemapSource.plan(bp, from: 5, to: 6, fields: ["File Name": "fileName", "data": "Body text"])
        let (after, _) = try applied(bp) { try RemapSource.apply(plan, to: &$0) }
        #expect(value(after, 7, ["mapper", "text"]) == .string("Got {{6.`Body text`}} and {{6.fileName}}; {{15.x}} is a router; plain 5.data stays; {{get(6.headers; 1)}}"))
        // fileName is not an output of http:MakeRequest v4 either
        #expect(plan.missingOutputs.contains { $0.text == "6.fileName" })
    }

    @Test func remapFromADeletedModuleAndItsRefusals() throws {
        let bp = try ToolsFixture.blueprint()
        // #3 does not exist (dangling references): remap repairs them
        let plan = try RemapSource.plan(bp, from: 3, to: 6)
        let (after, _) = try applied(bp) { try RemapSource.apply(plan, to: &$0) }
        #expect(after.references(to: 3).isEmpty)
        #expect(value(after, 8, ["mapper", "text"]) == .string("Failed: {{5.data}} for {{6.email}} and {{6.emailAddress}} and {{lower(6.email)}}"))
        #expect(throws: ToolError.self) { try RemapSource.plan(bp, from: 5, to: 99) }
        #expect(throws: ToolError.self) { try RemapSource.plan(bp, from: 5, to: 5) }
        #expect(throws: ToolError.self) { try RemapSource.plan(bp, from: 5, to: 6, fields: ["data": "a`b"]) }
        #expect(try RemapSource.plan(bp, from: 77, to: 6).isEmpty)
    }

    // MARK: swap-expr

    @Test func swapExpressionTouchesOnlyWholeExpressions() throws {
        let bp = try ToolsFixture.blueprint()
        let plan = try SwapExpression.plan(bp, old: "{{3.email}}", new: "{{3.emails[1]}}")
        #expect(plan.matches.map(\.moduleId) == [7, 8, 12])
        let (after, s) = try applied(bp) { try SwapExpression.apply(plan, to: &$0) }
        #expect(value(after, 7, ["mapper", "blocks"]) == .string("{{3.emails[1]}}"))
        #expect(value(after, 8, ["mapper", "text"]) == .string("Failed: {{5.data}} for {{3.emails[1]}} and {{3.emailAddress}} and {{lower(3.email)}}"))
        #expect(value(after, 12, ["mapper", "value"]) == .string("{{5.data}} {{3.emails[1]}}"))
        #expect(s.undoStack.count == 1)
        // braces are optional on the command line; a block cannot be two blocks
        #expect(try SwapExpression.plan(bp, old: "3.email", new: "3.emails[1]").matches.count == 3)
        #expect(throws: ToolError.self) { try SwapExpression.plan(bp, old: "{{1.a}} {{1.b}}", new: "x") }
        #expect(throws: ToolError.self) { try SwapExpression.plan(bp, old: "{{1.id}}", new: "1.id") }
        // plain text that reads like the expression is not one, and case counts in IML
        let data = try SwapExpression.plan(bp, old: "5.data", new: "6.data")
        #expect(data.matches.map(\.moduleId) == [6, 7, 8, 9, 12])
        let (swapped, _) = try applied(bp) { try SwapExpression.apply(data, to: &$0) }
        #expect(value(swapped, 7, ["mapper", "text"]) == .string("Got {{6.data}} and {{5.`File Name`}}; {{15.x}} is a router; plain 5.data stays; {{get(5.headers; 1)}}"))
        #expect(value(swapped, 20, ["mapper", "value"]) == .string("{{5.DATA}} {{55.data}}"))
    }

    // MARK: copy mapping / filter

    @Test func copyMappingKeepsTheTargetsConnectionAndId() throws {
        let bp = try ToolsFixture.blueprint()
        let plan = try CopyMapping.plan(bp, kind: .mapping, from: 7, to: [8])
        let (after, s) = try applied(bp) { try CopyMapping.apply(plan, to: &$0) }
        #expect(value(after, 8, ["mapper"]) == value(bp, 7, ["mapper"]))
        #expect(value(after, 8, ["parameters", "__IMTCONN__"]) == .int(4002))
        #expect(value(after, 8, ["metadata", "restore", "parameters", "__IMTCONN__", "label"]) == .string("Alerts Slack"))
        #expect(value(after, 8, ["metadata", "designer"]) == value(bp, 8, ["metadata", "designer"]))
        #expect(after.module(id: 8)?.path == bp.module(id: 8)?.path)
        // #8 has no filter and gets none: the mapping is not the filter
        #expect(value(after, 8, ["filter"]) == nil)
        #expect(s.undoStack.count == 1)
        // the source keeps everything of its own (#8 sits in its error handler)
        for k in ["parameters", "mapper", "filter", "metadata"] { #expect(value(after, 7, [.key(k)]) == value(bp, 7, [.key(k)])) }
    }

    @Test func copyMappingRefusesOtherKinds() throws {
        let bp = try ToolsFixture.blueprint()
        #expect(throws: ToolError.self) { try CopyMapping.plan(bp, kind: .mapping, from: 5, to: [6]) }   // v3 vs v4
        #expect(throws: ToolError.self) { try CopyMapping.plan(bp, kind: .mapping, from: 7, to: [7]) }
        #expect(throws: ToolError.self) { try CopyMapping.plan(bp, kind: .mapping, from: 7, to: [42]) }
        #expect(throws: ToolError.self) { try CopyMapping.plan(bp, kind: .filter, from: 8, to: [9]) }    // #8 has no filter
        #expect(throws: ToolError.self) { try CopyMapping.plan(bp, kind: .filter, from: 7, to: [1]) }    // the trigger
        // copying onto a module that already has it changes nothing
        let same = try CopyMapping.plan(bp, kind: .mapping, from: 7, to: [8])
        var s = EditSession(document: bp.document)
        try CopyMapping.apply(same, to: &s)
        let again = try CopyMapping.plan(try Blueprint(document: s.document), kind: .mapping, from: 7, to: [8])
        #expect(try CopyMapping.apply(again, to: &s) == false)
    }

    @Test func copyFilterPutsTheFilterOnOtherRoutes() throws {
        let bp = try ToolsFixture.blueprint()
        let plan = try CopyMapping.plan(bp, kind: .filter, from: 7, to: [9, 12])
        let (after, _) = try applied(bp) { try CopyMapping.apply(plan, to: &$0) }
        #expect(value(after, 9, ["filter"]) == value(bp, 7, ["filter"]))
        #expect(value(after, 12, ["filter"]) == value(bp, 7, ["filter"]))
        #expect(value(after, 9, ["parameters", "feeder"]) == .int(5))
        #expect(after.module(id: 12)?.hasFilter == true)
    }

    // MARK: find

    @Test func findMatchesValuesIgnoringCase() throws {
        let bp = try ToolsFixture.blueprint()
        let hits = FindValues.find("5.DATA", in: bp)
        #expect(hits.map { "\($0.moduleId!) \($0.path)" } == ["6 mapper.url", "7 mapper.text", "8 mapper.text", "9 mapper.value", "12 mapper.value", "20 mapper.value"])
        // numbers are found as written; keys and metadata are not searched
        #expect(FindValues.find("4002", in: bp).map(\.path) == ["parameters.__IMTCONN__"])
        #expect(FindValues.find("Alerts Slack", in: bp).isEmpty)
        #expect(FindValues.find("number:greater", in: bp).map(\.path) == ["branches[0].conditions[0][0].o"])
        #expect(FindValues.find("", in: bp).isEmpty)
        #expect(FindValues.json(FindValues.find("C02", in: bp)) == "[\n    {\"id\":8,\"path\":\"mapper.channel\",\"value\":\"C02\"}\n]\n")
    }

    // MARK: apps

    @Test func appCensusCountsAppsAndVersions() throws {
        let bp = try ToolsFixture.blueprint()
        let rows = AppCensus.rows(bp)
        #expect(rows.contains(AppVersionCount(app: "http", version: nil, count: 2)))
        #expect(rows.contains(AppVersionCount(app: "http", version: 3, count: 1)))
        #expect(rows.contains(AppVersionCount(app: "slack", version: 4, count: 2)))
        #expect(AppFilter(app: "http", version: 4).matches(bp.module(id: 6)!))
        #expect(!AppFilter(app: "http", version: 4).matches(bp.module(id: 5)!))
    }

    @Test func swapAppUsesTheCatalogWhereItCanAndNamesTheRest() throws {
        let bp = try ToolsFixture.blueprint()
        let plan = try SwapApp.plan(bp, app: "http", version: 3, toApp: "http", toVersion: 4)
        #expect(plan.items.map(\.how) == [.catalog])
        #expect(plan.items.first?.to == ModuleKey("http:MakeRequest", 4))
        let (after, s) = try applied(bp) { try SwapApp.apply(plan, to: &$0) }
        #expect(after.module(id: 5)?.moduleName == "http:MakeRequest")
        #expect(s.undoStack.count == 1)
        let byName = try SwapApp.plan(bp, app: "slack", version: 4, toApp: "slack", toVersion: 5)
        #expect(byName.items.map(\.how) == [.byName, .byName])
        #expect(byName.items.allSatisfy { $0.review.contains { $0.contains("not in the catalog") } })
        let (moved, s2) = try applied(bp) { try SwapApp.apply(byName, to: &$0) }
        #expect(moved.module(id: 7)?.version == 5 && moved.module(id: 8)?.version == 5)
        #expect(value(moved, 7, ["mapper"]) == value(bp, 7, ["mapper"]))
        var u = s2
        u.undo()
        #expect(u.document.bytes == bp.document.bytes)
        #expect(throws: ToolError.self) { try SwapApp.plan(bp, app: "notion", version: 1, toApp: "notion", toVersion: 2) }
        let parsed = SwapApp.parse("google-email@2")
        #expect(parsed?.app == "google-email" && parsed?.version == 2)
        #expect(SwapApp.parse("x@y") == nil && SwapApp.parse("a:b") == nil)
    }
}
