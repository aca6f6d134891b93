import ConsoleKit

extension ScrollState {
    /// The list movements every list view shares; false for any other action.
    mutating func perform(_ action: ConsoleAction, count: Int, visible: Int) -> Bool {
        switch action {
        case .up: move(by: -1, count: count, visible: visible)
        case .down: move(by: 1, count: count, visible: visible)
        case .pageUp: move(by: -visible, count: count, visible: visible)
        case .pageDown: move(by: visible, count: count, visible: visible)
        case .top: toTop()
        case .bottom: toBottom(count: count, visible: visible)
        default: return false
        }
        return true
    }

    /// Mouse on a table drawn at `area` (title row, header row, then rows): the wheel scrolls,
    /// a click selects the row under it. Returns true for a double click on a row (open it).
    mutating func mouse(_ event: MouseEvent, area: Rect, count: Int) -> Bool {
        let visible = max(1, area.height - 2)
        switch event.action {
        case .wheelUp: move(by: -3, count: count, visible: visible)
        case .wheelDown: move(by: 3, count: count, visible: visible)
        case .click, .doubleClick:
            let index = top + event.row - area.row - 2
            guard index >= top, index < count else { return false }
            selected = index
            return event.action == .doubleClick
        }
        return false
    }
}
