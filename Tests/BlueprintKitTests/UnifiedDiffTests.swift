import Foundation
import Testing
@testable import BlueprintKit

@Suite struct UnifiedDiffTests {
    @Test func equalInputsGiveNoDiff() {
        #expect(UnifiedDiff.diff(old: Array("a\n".utf8), new: Array("a\n".utf8), oldName: "a", newName: "b") == "")
    }

    @Test func matchesGNUDiffOutput() {
        let old = Array("a\nb\nc\nd\n".utf8), new = Array("a\nB\nc\nd\ne".utf8)
        let expected = """
        --- a/f
        +++ b/f
        @@ -1,4 +1,5 @@
         a
        -b
        +B
         c
         d
        +e
        \\ No newline at end of file

        """
        #expect(UnifiedDiff.diff(old: old, new: new, oldName: "a/f", newName: "b/f") == expected)
    }

    @Test func separateHunksWhenChangesAreFarApart() {
        let old = (1...20).map { "l\($0)\n" }.joined()
        let new = old.replacingFirst("l2\n", with: "X\n").replacingFirst("l19\n", with: "Y\n")
        let d = UnifiedDiff.diff(old: Array(old.utf8), new: Array(new.utf8), oldName: "a", newName: "b")
        #expect(d.components(separatedBy: "\n").filter { $0.hasPrefix("@@") } == ["@@ -1,5 +1,5 @@", "@@ -16,5 +16,5 @@"])
        #expect(UnifiedDiff.changedLineCount(old: Array(old.utf8), new: Array(new.utf8)) == 4)
    }
}

extension String {
    func replacingFirst(_ a: String, with b: String) -> String {
        guard let r = range(of: a) else { return self }
        return replacingCharacters(in: r, with: b)
    }
}
