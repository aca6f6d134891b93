import CNCurses
import ConsoleKit

/// Turns what `wget_wch` returns into the console's keys.
enum KeyDecoder {
    /// A character result (`wget_wch` returned OK). Controls become their keys; Ctrl-letters
    /// arrive because the terminal is in raw mode, Ctrl-C included.
    static func key(forCharacter value: UInt32) -> Key? {
        switch value {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape  // alone, or the first half of Alt+key: the key follows as its own event
        case 8, 127: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(UInt8(value) + 0x60)))  // 1 → "a"
        case 28...31: return .control(Character(Unicode.Scalar(UInt8(value) + 0x40)))  // 28 → "\\"
        case 0, 0x80...0x9F: return nil  // Ctrl-Space and C1 controls: nothing the console binds
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .character(Character(scalar))
        }
    }

    /// A key-code result (`wget_wch` returned KEY_CODE_YES). Resize and mouse are handled by the caller.
    static func key(forCode code: Int32) -> Key? {
        switch code {
        case KEY_UP, KEY_SR: return .up  // KEY_SR/KEY_SF: Shift-Up/Down
        case KEY_DOWN, KEY_SF: return .down
        case KEY_LEFT, KEY_SLEFT: return .left
        case KEY_RIGHT, KEY_SRIGHT: return .right
        case KEY_HOME, KEY_FIND, KEY_A1: return .home  // Find and A1: Home on vt220-style keypads
        case KEY_END, KEY_SELECT, KEY_C1: return .end
        case KEY_PPAGE, KEY_A3: return .pageUp
        case KEY_NPAGE, KEY_C3: return .pageDown
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        case cn_key_f(1)...cn_key_f(63): return .function(Int(code - cn_key_f(0)))
        default: return nil
        }
    }
}
