import Testing
import BlueprintKit
@testable import EditorUI

/// Golden frames of the connection picker (compatible types only, all types with
/// `t`, type-ahead, the apply-to-others question) and the connections view, on the
/// demo with the TeamFixture team list. Each golden holds the text, then the rows
/// drawn in the `selected` style.
@Suite struct ConnectionGoldenTests {
    func frame(_ keys: String, width: Int, height: Int) throws -> String {
        let e = try TeamFixture.editor()
        let buf = Snapshot.render(e, keys: try Key.parseSequence(keys), width: width, height: height)
        var out = buf.plainText() + "\n--- selected\n"
        for (y, row) in buf.styleMask(.selected).enumerated() where row.contains("#") { out += "\(y): \(row)\n" }
        return out
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func pickerCompatibleTypes(width: Int, height: Int) throws {
        let text = try frame(":8<Enter>c", width: width, height: height)
        #expect(text.contains("3 of 7 shown"))
        #expect(!text.contains("Shop Twitter"))
        Golden.check("picker-\(width)x\(height).txt", text)
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func pickerAllTypes(width: Int, height: Int) throws {
        let text = try frame(":8<Enter>ct", width: width, height: height)
        #expect(text.contains("7 of 7 shown"))
        #expect(text.contains("✗ Shop Twitter"))
        Golden.check("picker-all-\(width)x\(height).txt", text)
    }

    @Test func pickerTypeAheadAndQuestion() throws {
        let typed = try frame(":8<Enter>csup", width: 80, height: 24)
        #expect(typed.contains("filter: sup"))
        Golden.check("picker-typeahead-80x24.txt", typed)
        let asked = try frame(":8<Enter>csales<Enter>", width: 80, height: 24)
        #expect(asked.contains("apply to the 1 other module using Ops Slack (ops@example.com)? (y/n)"))
        Golden.check("picker-apply-others-80x24.txt", asked)
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func connectionsView(width: Int, height: Int) throws {
        let text = try frame("Cj", width: width, height: height)
        #expect(text.contains("Connections of Shop orders"))
        #expect(text.contains(" Webhooks"))
        Golden.check("connections-\(width)x\(height).txt", text)
    }

    @Test func connectionsViewModulesList() throws {
        let text = try frame("C<Enter>j", width: 80, height: 24)
        #expect(text.contains("Modules using connection 771204"))
        Golden.check("connections-modules-80x24.txt", text)
    }
}
