import ConsoleKit
import Foundation

/// A searchable list to pick references (a service's provider, its venues, taxonomy terms) or
/// weekdays. Typing filters; Enter picks (or, for several, confirms); Space toggles one of several.
final class PickerView: ConsoleView {
    struct Item {
        var value: String
        var label: String
        var search: [UInt8]

        init(value: String, label: String) {
            self.value = value
            self.label = label
            search = Array(label.lowercased().utf8)
        }
    }

    let title: String
    let multiple: Bool
    private let items: [Item]
    private var chosen: [String]
    private let onDone: ([String]) -> Void
    private var filter = LineEditor()
    private var matching: [Int]
    private var scroll = ScrollState()
    private var lastHeight = 10

    init(title: String, items: [Item], multiple: Bool, chosen: [String], onDone: @escaping ([String]) -> Void) {
        self.title = title
        self.items = items
        self.multiple = multiple
        self.chosen = chosen
        self.onDone = onDone
        matching = Array(items.indices)
    }

    var crumb: String { "pick" }
    var isTyping: Bool { true }
    var actions: [ConsoleAction] { [.up, .down, .pageUp, .pageDown] }
    var typingKeys: [(keys: String, summary: String)] {
        [("letters", "search"), ("space", multiple ? "choose / unchoose" : "-"), ("enter", multiple ? "done" : "pick"), ("esc", "cancel")]
    }

    func render(into screen: inout ScreenBuffer, area: Rect, context: ConsoleContext) {
        let hint = multiple ? "type to search · Space toggles · Enter done · Esc cancels" : "type to search · Enter picks · Esc cancels"
        Chrome.title(&screen, area: area, "\(title) (\(matching.count))", right: multiple ? "\(chosen.count) chosen" : "")
        screen.write("search: ", row: area.row + 1, column: area.column + 1, role: .label)
        filter.draw(into: &screen, row: area.row + 1, column: area.column + 9, width: min(40, area.width - 10), role: .fieldFocus, cursorRole: .selection, focused: true)
        screen.write(hint, row: area.row + 2, column: area.column + 1, limit: area.width - 2, role: .dim)
        let body = area.droppingTop(3)
        lastHeight = max(1, body.height)
        scroll.clamp(count: matching.count, visible: lastHeight)
        for offset in 0..<body.height {
            let index = scroll.top + offset
            guard index < matching.count else { break }
            let item = items[matching[index]]
            let mark = multiple ? (chosen.contains(item.value) ? "[x] " : "[ ] ") : (chosen.first == item.value ? "(•) " : "( ) ")
            let role: Role = index == scroll.selected ? .selection : .body
            screen.fill(row: body.row + offset, column: body.column, width: body.width, role: role)
            screen.write(mark + item.label, row: body.row + offset, column: body.column + 1, limit: body.width - 2, role: role)
        }
    }

    func typed(_ key: Key, context: ConsoleContext) -> ViewResponse {
        switch key {
        case .escape:
            return .pop
        case .enter:
            if !multiple {
                guard matching.indices.contains(scroll.selected) else { return .handled }
                onDone([items[matching[scroll.selected]].value].filter { !$0.isEmpty })
            } else {
                onDone(chosen)
            }
            return .pop
        case .character(" ") where multiple:
            guard matching.indices.contains(scroll.selected) else { return .handled }
            let value = items[matching[scroll.selected]].value
            if let index = chosen.firstIndex(of: value) { chosen.remove(at: index) } else { chosen.append(value) }
            return .handled
        case .up, .down, .pageUp, .pageDown:
            return .unhandled
        default:
            guard filter.handle(key) else { return .unhandled }
            let text = TextFilter(filter.text)
            matching = items.indices.filter { text.matches(items[$0].search) }
            scroll.toTop()
            return .handled
        }
    }

    func perform(_ action: ConsoleAction, context: ConsoleContext) -> ViewResponse {
        if scroll.perform(action, count: matching.count, visible: lastHeight) { return .handled }
        return action == .back ? .pop : .unhandled
    }
}
