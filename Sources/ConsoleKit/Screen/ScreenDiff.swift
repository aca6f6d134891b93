/// The cells that differ between two frames of the same size, as runs along a row: a terminal
/// redraws only these, so nothing flickers and an idle screen costs nothing.
public struct ScreenDiff: Sendable, Equatable {
    public struct Run: Sendable, Equatable {
        public var row: Int
        public var column: Int
        public var cells: [Cell]
    }

    public var runs: [Run]
    /// True when the frame must be drawn whole (first frame, or a new size).
    public var isFull: Bool

    public static func between(_ old: ScreenBuffer?, _ new: ScreenBuffer) -> ScreenDiff {
        guard let old, old.width == new.width, old.height == new.height else {
            let runs = (0..<new.height).map { row in
                Run(row: row, column: 0, cells: (0..<new.width).map { new[row, $0] })
            }
            return ScreenDiff(runs: runs, isFull: true)
        }
        var runs: [Run] = []
        for row in 0..<new.height {
            var col = 0
            while col < new.width {
                guard old[row, col] != new[row, col] else { col += 1; continue }
                // A run starts on a whole character: back up over a continuation.
                var start = col
                if new[row, start].isContinuation, start > 0 { start -= 1 }
                var end = col
                while end < new.width, old[row, end] != new[row, end] || new[row, end].isContinuation { end += 1 }
                runs.append(Run(row: row, column: start, cells: (start..<end).map { new[row, $0] }))
                col = end
            }
        }
        return ScreenDiff(runs: runs, isFull: false)
    }

    public var changedCells: Int { runs.reduce(0) { $0 + $1.cells.count } }
}
