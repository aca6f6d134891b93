import TerminalSafety

/// The whole screen as cells, drawn by the views and handed to a terminal (curses) or read
/// back as text (tests). Every string written goes through `TerminalText.escape`, so no text
/// from the stream can reach a terminal as control characters, whatever a view does.
public struct ScreenBuffer: Sendable, Equatable {
    public private(set) var width: Int
    public private(set) var height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int, role: Role = .body) {
        self.width = max(1, width)
        self.height = max(1, height)
        cells = Array(repeating: .blank(role), count: self.width * self.height)
    }

    public subscript(row: Int, column: Int) -> Cell {
        cells[row * width + column]
    }

    /// Fills a rectangle with blanks in `role`.
    public mutating func fill(row: Int, column: Int = 0, width fillWidth: Int? = nil, height fillHeight: Int = 1, role: Role) {
        let left = max(0, column), right = min(width, column + (fillWidth ?? width))
        let top = max(0, row), bottom = min(height, row + fillHeight)
        guard left < right, top < bottom else { return }
        for line in top..<bottom {
            for col in left..<right { cells[line * width + col] = .blank(role) }
        }
    }

    /// Writes `text` at a position, clipped to `limit` columns (default: to the right edge),
    /// escaping anything a terminal would act on; escapes are painted in `.escaped`.
    /// Returns the columns used. A wide character that does not fit whole is not drawn.
    @discardableResult
    public mutating func write(_ text: String, row: Int, column: Int, limit: Int? = nil, role: Role) -> Int {
        guard row >= 0, row < height, column < width else { return 0 }
        let right = min(width, column + (limit ?? width))
        var col = column
        for piece in Self.pieces(of: text) {
            let pieceRole = piece.escaped ? .escaped : role
            for character in piece.text {
                let characterWidth = TerminalText.width(of: character)
                if characterWidth == 0 {
                    // A combining mark joins the previous cell's grapheme.
                    if col > column, col - 1 < width, col - 1 >= 0 {
                        var index = row * width + col - 1
                        if cells[index].isContinuation, index > 0 { index -= 1 }
                        cells[index].text.append(character)
                    }
                    continue
                }
                if col + characterWidth > right { return col - column }
                if col >= 0 {
                    // Overwriting half of a wide character blanks its other half.
                    clearWideNeighbour(row: row, column: col)
                    cells[row * width + col] = Cell(text: String(character), width: UInt8(characterWidth), role: pieceRole)
                    if characterWidth == 2 {
                        clearWideNeighbour(row: row, column: col + 1)
                        cells[row * width + col + 1] = Cell(text: "", width: 0, role: pieceRole)
                    }
                }
                col += characterWidth
            }
        }
        return col - column
    }

    /// Writes text cut to `columns` columns with "…" when it does not fit (measured escaped),
    /// keeping escapes in their own role. Returns the columns used.
    @discardableResult
    public mutating func writeClipped(_ text: String, row: Int, column: Int, columns: Int, role: Role) -> Int {
        guard columns > 0 else { return 0 }
        guard TerminalText.width(TerminalText.escape(text)) > columns else {
            return write(text, row: row, column: column, limit: columns, role: role)
        }
        let used = write(text, row: row, column: column, limit: columns - 1, role: role)
        return used + write("…", row: row, column: column + used, limit: 1, role: role)
    }

    /// Writes text padded with blanks (or cut with "…") to exactly `columns` columns.
    public mutating func writePadded(_ text: String, row: Int, column: Int, columns: Int, role: Role) {
        guard columns > 0 else { return }
        fill(row: row, column: column, width: columns, role: role)
        writeClipped(text, row: row, column: column, columns: columns, role: role)
    }

    /// Changes the role of cells without touching their text (selection bars, highlights).
    public mutating func paint(row: Int, column: Int = 0, width paintWidth: Int? = nil, role: Role) {
        let left = max(0, column), right = min(width, column + (paintWidth ?? width))
        guard row >= 0, row < height, left < right else { return }
        for col in left..<right where cells[row * width + col].role != .escaped {
            cells[row * width + col].role = role
        }
    }

    private mutating func clearWideNeighbour(row: Int, column: Int) {
        guard column < width else { return }
        let cell = cells[row * width + column]
        if cell.isContinuation, column > 0 {
            cells[row * width + column - 1] = .blank(cells[row * width + column - 1].role)
        } else if cell.width == 2, column + 1 < width {
            cells[row * width + column + 1] = .blank(cell.role)
        }
    }

    /// The text as the user would read it, one line per row, trailing blanks trimmed: what the
    /// golden screen tests compare.
    public var text: String {
        (0..<height).map { line(at: $0) }.joined(separator: "\n")
    }

    public func line(at row: Int) -> String {
        var line = ""
        for col in 0..<width {
            let cell = self[row, col]
            if !cell.isContinuation { line += cell.text }
        }
        while line.last == " " { line.removeLast() }
        return line
    }

    /// Splits text into runs that are safe as they are and runs that had to be escaped.
    static func pieces(of text: String) -> [(text: String, escaped: Bool)] {
        guard text.unicodeScalars.contains(where: TerminalText.isUnsafe) else { return [(text, false)] }
        var pieces: [(text: String, escaped: Bool)] = []
        var plain = ""
        for scalar in text.unicodeScalars {
            if TerminalText.isUnsafe(scalar) {
                if !plain.isEmpty { pieces.append((plain, false)); plain = "" }
                pieces.append((TerminalText.escape(String(scalar)), true))
            } else {
                plain.unicodeScalars.append(scalar)
            }
        }
        if !plain.isEmpty { pieces.append((plain, false)) }
        return pieces
    }
}
