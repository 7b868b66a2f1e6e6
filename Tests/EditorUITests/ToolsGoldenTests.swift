import Testing
import BlueprintKit
@testable import EditorUI

/// Golden frames of the scenario tools: the remap picker, the copy-filter picker with
/// marked targets, the app picker in ASCII and the tree filtered to one app. Each
/// golden holds the text, then the rows drawn in the selection style.
@Suite struct ToolsGoldenTests {
    func frame(_ keys: String, width: Int, height: Int, glyphs: Glyphs = .unicode) throws -> String {
        let e = try Editor(bytes: DemoScenario.bytes, path: nil, displayName: DemoScenario.displayName, glyphs: glyphs)
        let buf = Snapshot.render(e, keys: try Key.parseSequence(keys), width: width, height: height)
        var out = buf.plainText() + "\n--- selected\n"
        for (y, row) in buf.styleMask(.selected).enumerated() where row.contains("#") { out += "row \(y)\n" }
        return out
    }

    @Test func remapPicker() throws {
        let text = try frame(":7<Enter>rj", width: 100, height: 20)
        #expect(text.contains("#7 Confirm to customer: take over the references of …"))
        #expect(text.contains("#9 Each line item") && text.contains("6 of 6 shown"))
        Golden.check("tools-remap-picker-100x20.txt", text)
    }

    @Test func copyFilterPickerWithMarks() throws {
        let text = try frame(":7<Enter>F<Space><Space>", width: 90, height: 18)
        #expect(text.contains("[x] ") && text.contains("2 marked") && text.contains("apply to the marked"))
        Golden.check("tools-copy-filter-90x18.txt", text)
    }

    @Test func appPickerInASCII() throws {
        let text = try frame("a", width: 80, height: 16, glyphs: .ascii)
        let ascii = text.unicodeScalars.allSatisfy { $0.isASCII }
        #expect(ascii)
        #expect(text.contains("s swap app"))
        Golden.check("tools-app-picker-ascii-80x16.txt", text)
    }

    @Test func treeFilteredToOneApp() throws {
        let text = try frame("a/http<Enter>", width: 100, height: 12)
        #expect(text.contains("[app: http]") && text.contains("showing 2 modules of http"))
        Golden.check("tools-app-filter-100x12.txt", text)
    }
}
