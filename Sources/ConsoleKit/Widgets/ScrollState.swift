/// A cursor in a list and the first row shown, kept consistent as the list and the window change.
public struct ScrollState: Sendable, Equatable {
    public var selected = 0
    public var top = 0

    public init() {}

    public mutating func clamp(count: Int, visible: Int) {
        guard count > 0 else { selected = 0; top = 0; return }
        selected = min(max(0, selected), count - 1)
        let window = max(1, visible)
        if selected < top { top = selected }
        if selected >= top + window { top = selected - window + 1 }
        top = min(max(0, top), max(0, count - window))
    }

    public mutating func move(by delta: Int, count: Int, visible: Int) {
        selected += delta
        clamp(count: count, visible: visible)
    }

    public mutating func toTop() { selected = 0; top = 0 }

    public mutating func toBottom(count: Int, visible: Int) {
        selected = max(0, count - 1)
        clamp(count: count, visible: visible)
    }
}
