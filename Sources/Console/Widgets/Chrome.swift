import ConsoleKit

/// Pieces every view draws the same way.
enum Chrome {
    /// The title line: "services (1,234)" on the left, extra on the right, in `.title`.
    static func title(_ screen: inout ScreenBuffer, area: Rect, _ text: String, right: String = "") {
        screen.fill(row: area.row, column: area.column, width: area.width, role: .title)
        let used = screen.write(" " + text + " ", row: area.row, column: area.column, limit: area.width, role: .title)
        let rightWidth = TerminalWidth.of(right)
        if !right.isEmpty, used + rightWidth + 2 <= area.width {
            screen.write(right, row: area.row, column: area.column + area.width - rightWidth - 1, role: .title)
        }
    }

    /// "1,234" — counts are read at a glance.
    static func count(_ number: Int) -> String {
        let digits = String(number)
        var output = ""
        for (index, character) in digits.reversed().enumerated() {
            if index > 0, index % 3 == 0 { output.append(",") }
            output.append(character)
        }
        return String(output.reversed())
    }

    /// A table: header row, then rows from `top`; returns nothing, draws within `area`.
    static func table(
        _ screen: inout ScreenBuffer, area: Rect, titles: [String], widths: [Int], rows: [[String]],
        selected: Int?, roles: [Role], sortMarker: (column: Int, ascending: Bool)? = nil
    ) {
        guard area.height > 0 else { return }
        screen.fill(row: area.row, column: area.column, width: area.width, role: .tableHeader)
        var column = area.column
        for (index, title) in titles.enumerated() where widths[index] > 0 {
            var shown = title
            if let sortMarker, sortMarker.column == index { shown += sortMarker.ascending ? "↑" : "↓" }
            screen.write(shown, row: area.row, column: column, limit: widths[index], role: .tableHeader)
            if let sortMarker, sortMarker.column == index {
                let markerColumn = column + TerminalWidth.of(title)
                if markerColumn < column + widths[index] { screen.paint(row: area.row, column: markerColumn, width: 1, role: .sortMarker) }
            }
            column += widths[index] + TableLayout.gap
        }
        for (offset, cells) in rows.enumerated() where offset + 1 < area.height {
            let row = area.row + 1 + offset
            let role = offset == selected ? Role.selection : (offset < roles.count ? roles[offset] : .body)
            screen.fill(row: row, column: area.column, width: area.width, role: role)
            var col = area.column
            for (index, cell) in cells.enumerated() where index < widths.count && widths[index] > 0 {
                screen.writeClipped(cell, row: row, column: col, columns: widths[index], role: role)
                col += widths[index] + TableLayout.gap
            }
        }
    }
}
