/// Column widths for a table: each column as wide as its title and the rows on screen need,
/// then the flexible ones shrink (by weight) when the screen is narrow, and columns that still
/// do not fit are dropped from the right, as k9s does.
public enum TableLayout {
    public static let gap = 2

    public static func widths(titles: [String], flex: [Int], rows: [[String]], available: Int, cap: Int = 48) -> [Int] {
        var natural = titles.map { TerminalWidth.of($0) + 2 }
        for row in rows {
            for (index, cell) in row.enumerated() where index < natural.count {
                natural[index] = max(natural[index], min(cap, TerminalWidth.of(cell)))
            }
        }
        var widths = natural
        func total() -> Int { widths.reduce(0, +) + gap * max(0, widths.filter { $0 > 0 }.count - 1) }
        // Shrink flexible columns, heaviest first, down to their title width.
        var over = total() - available
        if over > 0 {
            let weights = flex.map { max(0, $0) }
            let weightSum = weights.reduce(0, +)
            if weightSum > 0 {
                for index in widths.indices where weights[index] > 0 {
                    let floor = min(widths[index], max(8, TerminalWidth.of(titles[index]) + 2))
                    let share = (over * weights[index] + weightSum - 1) / weightSum
                    let cut = min(share, widths[index] - floor)
                    widths[index] -= cut
                }
            }
            over = total() - available
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
