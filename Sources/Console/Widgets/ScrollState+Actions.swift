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
}
