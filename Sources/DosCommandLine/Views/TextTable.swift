import TerminalSafety

/// Aligned columns for a terminal, measured in display columns so wide characters line up.
///
/// Cells are escaped here, so callers can pass text from the stream as it is.
public struct TextTable: Sendable {
    public var headers: [String]
    public var rows: [[String]]
    /// Every column but the last is cut to this many columns, so one long name cannot push
    /// the rest of the table off the screen.
    public var maximumCellWidth: Int

    public init(headers: [String], rows: [[String]] = [], maximumCellWidth: Int = 48) {
        self.headers = headers
        self.rows = rows
        self.maximumCellWidth = maximumCellWidth
    }

    /// The lines of the table, headers first; no trailing spaces.
    public func lines() -> [String] {
        let lastColumn = headers.count - 1
        let cells = ([headers] + rows).map { row in
            (0..<headers.count).map { column -> String in
                let text = TerminalText.escape(column < row.count ? row[column] : "")
                return column == lastColumn ? text : TerminalText.truncate(text, toWidth: maximumCellWidth)
            }
        }
        var widths = Array(repeating: 0, count: headers.count)
        for row in cells {
            for (column, text) in row.enumerated() { widths[column] = max(widths[column], TerminalText.width(text)) }
        }
        return cells.map { row in
            var line = ""
            for (column, text) in row.enumerated() {
                line += text
                if column < lastColumn {
                    line += String(repeating: " ", count: widths[column] - TerminalText.width(text) + 2)
                }
            }
            while line.last == " " { line.removeLast() }
            return line
        }
    }
}
