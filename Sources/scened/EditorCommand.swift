// Opening the editor. Until the ncurses editor lands this prints the tree.
import BlueprintKit

func runEditor(path: String?, argv: [String]) -> Int32 {
    guard let path else { return Exit.ok }
    switch loadBlueprint(path, command: "scened") {
    case .success(let bp): FileIO.writeStdout(listText(bp)); return Exit.ok
    case .failure(let f): return f.code
    }
}
