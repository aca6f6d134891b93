/// One line of editable text with a cursor: filters, the command line, form fields.
/// The cursor is an index in characters (grapheme clusters), so wide and combined characters
/// move as one.
public struct LineEditor: Sendable, Equatable {
    public private(set) var text: String
    public private(set) var cursor: Int

    public init(_ text: String = "") {
        self.text = text
        cursor = text.count
    }

    public mutating func set(_ newText: String) {
        text = newText
        cursor = newText.count
    }

    /// Applies an editing key; returns false when the key is not an editing key.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .character(let character):
            insert(character)
        case .backspace:
            guard cursor > 0 else { return true }
            let index = text.index(text.startIndex, offsetBy: cursor - 1)
            text.remove(at: index)
            cursor -= 1
        case .delete, .control("d"):
            guard cursor < text.count else { return true }
            text.remove(at: text.index(text.startIndex, offsetBy: cursor))
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(text.count, cursor + 1)
        case .home, .control("a"): cursor = 0
        case .end, .control("e"): cursor = text.count
        case .control("u"):
            text.removeSubrange(text.startIndex..<text.index(text.startIndex, offsetBy: cursor))
            cursor = 0
        case .control("k"):
            text.removeSubrange(text.index(text.startIndex, offsetBy: cursor)...)
        case .control("w"):
            deleteWordBeforeCursor()
        default:
            return false
        }
        return true
    }

    public mutating func insert(_ character: Character) {
        // Controls never enter the text: a pasted ESC would otherwise travel into a command.
        guard !character.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else { return }
        text.insert(character, at: text.index(text.startIndex, offsetBy: cursor))
        cursor += 1
    }

    private mutating func deleteWordBeforeCursor() {
        var start = cursor
        let characters = Array(text)
        while start > 0, characters[start - 1] == " " { start -= 1 }
        while start > 0, characters[start - 1] != " " { start -= 1 }
        text.removeSubrange(text.index(text.startIndex, offsetBy: start)..<text.index(text.startIndex, offsetBy: cursor))
        cursor = start
    }

    /// Draws the text in `width` columns, scrolled so the cursor shows; the cursor cell is
    /// painted in `cursorRole` when `focused`.
    public func draw(into screen: inout ScreenBuffer, row: Int, column: Int, width: Int, role: Role, cursorRole: Role, focused: Bool) {
        guard width > 0 else { return }
        screen.fill(row: row, column: column, width: width, role: role)
        let characters = Array(text)
        // Scroll: keep the cursor inside the box.
        var start = 0
        var widthBeforeCursor = characters[0..<cursor].reduce(0) { $0 + TerminalWidth.of($1) }
        while widthBeforeCursor > width - 1, start < cursor {
            widthBeforeCursor -= TerminalWidth.of(characters[start])
            start += 1
        }
        let visible = String(characters[start...])
        screen.write(visible, row: row, column: column, limit: width, role: role)
        if focused {
            let cursorColumn = column + widthBeforeCursor
            if cursorColumn < column + width { screen.paint(row: row, column: cursorColumn, width: 1, role: cursorRole) }
        }
    }
}
