import Foundation

/// The OSC 52 escape sequence that sets the clipboard. The text is base64-encoded, so nothing in
/// it can act on the terminal.
enum ClipboardSequence {
    static func bytes(for text: String, insideTmux: Bool) -> [UInt8] {
        let plain = "\u{1B}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{1B}\\"
        guard insideTmux else { return Array(plain.utf8) }
        // tmux passes a DCS "tmux;" body (its escapes doubled) on to the outer terminal when
        // `allow-passthrough` is on; the plain sequence after it reaches the clipboard when
        // `set-clipboard` is on instead. Whichever tmux allows works; a refused one is dropped.
        let passthrough = "\u{1B}Ptmux;" + plain.replacingOccurrences(of: "\u{1B}", with: "\u{1B}\u{1B}") + "\u{1B}\\"
        return Array((passthrough + plain).utf8)
    }
}
