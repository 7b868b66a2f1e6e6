// Maps wget_wch() results to EditorUI keys.
import CNcursesW
import EditorUI

enum CursesKeys {
    /// A KEY_* code (wget_wch returned KEY_CODE_YES).
    static func functionKey(_ code: Int32) -> Key {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME, KEY_A1: return .home
        case KEY_END, KEY_C1: return .end
        case KEY_PPAGE, KEY_A3: return .pageUp
        case KEY_NPAGE, KEY_C3: return .pageDown
        case KEY_IC: return .insert
        case KEY_DC: return .delete
        case KEY_BACKSPACE: return .backspace
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        case KEY_RESIZE: return .resize
        case (KEY_F0 + 1)...(KEY_F0 + 63): return .function(Int(code - KEY_F0))   // KEY_F(n) is a macro
        default: return .unknown(Int(code))
        }
    }

    /// A character code (wget_wch returned OK). Escape is handled by the caller (Alt).
    static func character(_ value: UInt32) -> Key {
        switch value {
        case 13, 10: return .enter
        case 9: return .tab
        case 8, 127: return .backspace
        case 27: return .escape
        case 0: return .ctrl(" ")
        case 1...26: return .ctrl(Character(Unicode.Scalar(value + 96)!))
        case 28: return .ctrl("\\")
        case 29: return .ctrl("]")
        case 30: return .ctrl("^")
        case 31: return .ctrl("_")
        case 0x80...0x9F: return .unknown(Int(value))
        default:
            guard let scalar = Unicode.Scalar(value) else { return .unknown(Int(value)) }
            return .char(Character(scalar))
        }
    }

    /// A mouse report (KEY_MOUSE + getmouse) decoded by the shim.
    static func mouse(kind: Int32, x: Int32, y: Int32) -> Key? {
        let k: MouseEvent.Kind
        switch kind {
        case 1: k = .press(.left)
        case 2: k = .release(.left)
        case 3: k = .press(.middle)
        case 4: k = .release(.middle)
        case 5: k = .press(.right)
        case 6: k = .release(.right)
        case 7: k = .scrollUp
        case 8: k = .scrollDown
        default: return nil
        }
        return .mouse(MouseEvent(kind: k, x: Int(x), y: Int(y)))
    }
}
