/// A region of the screen in cells.
public struct Rect: Sendable, Equatable {
    public var row: Int
    public var column: Int
    public var width: Int
    public var height: Int

    public init(row: Int, column: Int, width: Int, height: Int) {
        self.row = row
        self.column = column
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public var bottom: Int { row + height }
    public var right: Int { column + width }

    public func contains(row line: Int, column col: Int) -> Bool {
        line >= row && line < bottom && col >= column && col < right
    }

    /// The same region without `count` rows at the top.
    public func droppingTop(_ count: Int) -> Rect {
        Rect(row: row + min(count, height), column: column, width: width, height: height - min(count, height))
    }

    /// A centred box of at most this size.
    public func centered(width boxWidth: Int, height boxHeight: Int) -> Rect {
        let w = min(width, boxWidth), h = min(height, boxHeight)
        return Rect(row: row + (height - h) / 2, column: column + (width - w) / 2, width: w, height: h)
    }
}
