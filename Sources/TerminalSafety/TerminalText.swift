/// Makes text from the stream safe to show in a terminal cell, and measures it in columns.
///
/// Names are data: a producer may put ESC sequences, C1 controls or bidirectional overrides in
/// them. Those are shown as `\u001b`-style escapes (line breaks as `\n`), never sent raw.
public enum TerminalText {
    public static func escape(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var output = ""
        for scalar in text.unicodeScalars {
            guard isUnsafe(scalar) else {
                output.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            default:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            }
        }
        return output
    }

    /// The controls `TerminalSafeJSON` escapes, plus the Unicode line and paragraph separators,
    /// which some terminals take as line breaks.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        TerminalSafeJSON.isUnsafe(scalar) || scalar.value == 0x2028 || scalar.value == 0x2029
    }

    /// Columns the text takes on a terminal: wide (CJK, emoji) characters take two, combining
    /// marks none. Measure escaped text: controls have no width of their own.
    public static func width(_ text: String) -> Int {
        text.reduce(0) { $0 + width(of: $1) }
    }

    public static func width(of character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if scalars.contains(where: { $0.properties.isEmojiPresentation || $0.value == 0xFE0F }) { return 2 }
        if isWide(first.value) { return 2 }
        switch first.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: return 1
        }
    }

    /// The text cut to at most `limit` columns, ending in "…" when something was cut.
    public static func truncate(_ text: String, toWidth limit: Int) -> String {
        guard width(text) > limit else { return text }
        var output = ""
        var used = 0
        for character in text {
            let next = width(of: character)
            if used + next > limit - 1 { break }
            output.append(character)
            used += next
        }
        return output + "…"
    }

    /// East Asian Wide and Fullwidth blocks (after Markus Kuhn's wcwidth), and the emoji blocks.
    private static func isWide(_ value: UInt32) -> Bool {
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
             0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF,
             0x20000...0x2FFFD, 0x30000...0x3FFFD:
            true
        default:
            false
        }
    }
}
