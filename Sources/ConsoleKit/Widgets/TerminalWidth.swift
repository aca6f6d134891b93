import TerminalSafety

/// Column widths, so widgets need not import TerminalSafety themselves.
public enum TerminalWidth {
    public static func of(_ character: Character) -> Int { TerminalText.width(of: character) }
    public static func of(_ text: String) -> Int { TerminalText.width(text) }
    /// Columns the text takes once escaped (as `ScreenBuffer.write` shows it).
    public static func shown(_ text: String) -> Int { TerminalText.width(TerminalText.escape(text)) }
    public static func truncate(_ text: String, to columns: Int) -> String { TerminalText.truncate(text, toWidth: columns) }
}
