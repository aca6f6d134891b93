/// Several lines of editable text: Enter splits the line at the cursor, Backspace at the start
/// of a line joins it to the one before, Up/Down move between lines.
public struct TextAreaEditor: Sendable, Equatable {
    public private(set) var lines: [LineEditor]
    public private(set) var row = 0
    public let allowsNewLines: Bool

    public init(lines: [String], allowsNewLines: Bool) {
        self.lines = (lines.isEmpty ? [""] : lines).map { LineEditor($0) }
        self.allowsNewLines = allowsNewLines
        row = self.lines.count - 1
    }

    public var texts: [String] { lines.map(\.text) }

    /// Applies an editing key; false when it is not one (Tab, Esc…), so the form can use it.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .enter:
            guard allowsNewLines else { return false }
            let current = lines[row]
            let characters = Array(current.text)
            let head = String(characters[..<current.cursor]), tail = String(characters[current.cursor...])
            lines[row] = LineEditor(head)
            var next = LineEditor(tail)
            _ = next.handle(.home)
            lines.insert(next, at: row + 1)
            row += 1
        case .backspace where lines[row].cursor == 0 && row > 0:
            let tail = lines.remove(at: row).text
            row -= 1
            var joined = LineEditor(lines[row].text + tail)
            for _ in 0..<tail.count { _ = joined.handle(.left) }
            lines[row] = joined
        case .up:
            guard allowsNewLines, row > 0 else { return false }
            move(to: row - 1)
        case .down:
            guard allowsNewLines, row < lines.count - 1 else { return false }
            move(to: row + 1)
        default:
            return lines[row].handle(key)
        }
        return true
    }

    private mutating func move(to target: Int) {
        let column = lines[row].cursor
        row = target
        var line = LineEditor(lines[row].text)
        _ = line.handle(.home)
        for _ in 0..<min(column, line.text.count) { _ = line.handle(.right) }
        lines[row] = line
    }

    /// Draws up to `height` lines, scrolled so the cursor's line shows.
    public func draw(into screen: inout ScreenBuffer, row top: Int, column: Int, width: Int, height: Int, role: Role, cursorRole: Role, focused: Bool) {
        let first = max(0, min(row - height + 1, lines.count - height))
        for offset in 0..<height {
            let index = first + offset
            if index < lines.count {
                lines[index].draw(into: &screen, row: top + offset, column: column, width: width, role: role, cursorRole: cursorRole, focused: focused && index == row)
            } else {
                screen.fill(row: top + offset, column: column, width: width, role: role)
            }
        }
    }
}
