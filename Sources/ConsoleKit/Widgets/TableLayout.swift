/// Column widths for a table: each column as wide as its title and the rows on screen need,
/// then the flexible ones shrink (by weight) when the screen is narrow, and columns that still
/// do not fit are dropped from the right, as k9s does.
public enum TableLayout {
    public static let gap = 2

    public static func widths(titles: [String], flex: [Int], rows: [[String]], available: Int, cap: Int = 48) -> [Int] {
        // One spare cell after the title for the sort marker.
        var natural = titles.map { TerminalWidth.of($0) + 1 }
        for row in rows {
            for (index, cell) in row.enumerated() where index < natural.count {
                natural[index] = max(natural[index], min(cap, TerminalWidth.shown(cell)))
            }
        }
        var widths = natural
        func total() -> Int { widths.reduce(0, +) + gap * max(0, widths.filter { $0 > 0 }.count - 1) }
        // Shrink flexible columns by weight, down to their title width, until the table fits.
        let weights = flex.map { max(0, $0) }
        // The first column (the name people scan) keeps enough to read; the others their title.
        let floors = widths.indices.map { min(widths[$0], $0 == 0 ? 22 : max(8, TerminalWidth.of(titles[$0]) + 1)) }
        var over = total() - available
        while over > 0 {
            let shrinkable = widths.indices.filter { weights[$0] > 0 && widths[$0] > floors[$0] }
            if shrinkable.isEmpty { break }
            let weightSum = shrinkable.reduce(0) { $0 + weights[$1] }
            // Shares come from the excess at the start of the pass, so columns shrink in proportion.
            let passOver = over
            for index in shrinkable.sorted(by: { weights[$0] > weights[$1] }) where over > 0 {
                let share = max(1, (passOver * weights[index] + weightSum - 1) / weightSum)
                let cut = min(share, widths[index] - floors[index], over)
                widths[index] -= cut
                over -= cut
            }
        }
        // Drop columns from the right until the rest fits (the first column always stays).
        var last = widths.count - 1
        while total() > available, last > 0 {
            widths[last] = 0
            last -= 1
        }
        if total() > available, !widths.isEmpty { widths[0] = max(1, available) }
        // Give room left over to the first flexible column.
        let spare = available - total()
        if spare > 0, let first = flex.indices.first(where: { flex[$0] > 0 && widths[$0] > 0 }) {
            widths[first] += spare
        }
        return widths
    }
}
