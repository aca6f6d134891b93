import ConsoleKit
import DosCommandLine
import Events
import Foundation
import Model

/// One kind's entries as a live table: sort by any column, `/` to filter as you type, new and
/// changed rows lit up for a few seconds, deleted rows gone.
final class ListingView: ConsoleView {
    let kind: EntityKind
    private var table: ListingTable
    private var scroll = ScrollState()
    private var filterEditor: LineEditor?
    private var lastArea = Rect(row: 0, column: 0, width: 0, height: 0)
    static let highlightSeconds: TimeInterval = 3

    init(kind: EntityKind) {
        self.kind = kind
        table = ListingTable(kind: kind)
    }

    var crumb: String { kind.pluralName }
    var isTyping: Bool { filterEditor != nil }

    var actions: [ConsoleAction] {
        var actions: [ConsoleAction] = [.open, .filter, .sortNext, .sortReverse, .history, .json, .copy, .create, .edit, .delete, .flag]
        if kind.isPublishable { actions.append(.publish) }
        if kind == .provider { actions.append(.register) }
        return actions + [.up, .down, .pageUp, .pageDown, .top, .bottom]
    }

    /// The entry under the cursor.
    func selected(_ context: ConsoleContext) -> Entity? {
        guard let row = table.row(at: scroll.selected) else { return nil }
        return context.state.directory.entry(kind: kind, id: row.id)
    }

    func render(into screen: inout ScreenBuffer, area: Rect, context: ConsoleContext) {
        lastArea = area
        // Keep the cursor on the same entry when rows move under it.
        let cursorID = table.row(at: scroll.selected)?.id
        // Answering a key comes first: a big listing catches up with the stream a frame later.
        if !(context.isInputFrame && table.total > 10_000), table.sync(with: context.state.directory), let cursorID {
            keepSelection(cursorID)
        }
        let filterText = filterEditor?.text ?? table.filter.source
        let count = table.filter.isEmpty ? Chrome.count(table.total) : "\(Chrome.count(table.count))/\(Chrome.count(table.total))"
        Chrome.title(&screen, area: area, "\(kind.pluralName) (\(count))", right: filterText.isEmpty ? "" : "/" + filterText)
        let body = area.droppingTop(1)
        let visible = max(1, body.height - 1)
        scroll.clamp(count: table.count, visible: visible)
        var rows: [[String]] = [], roles: [Role] = []
        for index in scroll.top..<min(table.count, scroll.top + visible) {
            guard let row = table.row(at: index) else { continue }
            guard let entity = context.state.directory.entry(kind: kind, id: row.id) else { continue }
            rows.append(table.cells(entity, context.state.directory))
            roles.append(highlight(row.id, context))
        }
        let widths = TableLayout.widths(titles: table.columns.map(\.title), flex: table.columns.map(\.flex), rows: rows, available: body.width)
        Chrome.table(
            &screen, area: body, titles: table.columns.map(\.title), widths: widths, rows: rows,
            selected: table.count == 0 ? nil : scroll.selected - scroll.top, roles: roles,
            sortMarker: (table.sortColumn, table.ascending))
        if table.count == 0, body.height > 2 {
            let message = table.total == 0 ? "no \(kind.pluralName) yet" + (context.readOnly ? "" : " — c creates one") : "nothing matches the filter"
            screen.write(message, row: body.row + 2, column: body.column + 2, role: .dim)
        }
        if let filterEditor, area.height > 0 {
            // The filter being typed shows on the title line's right.
            let width = min(40, area.width / 2)
            screen.write("/", row: area.row, column: area.right - width - 2, role: .prompt)
            filterEditor.draw(into: &screen, row: area.row, column: area.right - width - 1, width: width, role: .prompt, cursorRole: .fieldFocus, focused: true)
        }
    }

    private func highlight(_ id: UUID, _ context: ConsoleContext) -> Role {
        guard let row = context.state.directory.row(kind: kind, id: id), let arrived = row.arrivedAt,
              context.now.timeIntervalSince(arrived) < Self.highlightSeconds
        else { return .body }
        return row.arrivedNew ? .rowNew : .rowChanged
    }

    private func keepSelection(_ id: UUID) {
        guard let index = table.index(of: id) else { return }
        scroll.selected = index
    }

    func typed(_ key: Key, context: ConsoleContext) -> ViewResponse {
        guard var editor = filterEditor else { return .unhandled }
        switch key {
        case .enter:
            filterEditor = nil
            return .handled
        case .escape:
            filterEditor = nil
            table.setFilter("")
            return .handled
        case .up, .down, .pageUp, .pageDown:
            return .unhandled
        default:
            guard editor.handle(key) else { return .unhandled }
            filterEditor = editor
            table.setFilter(editor.text)
            scroll.toTop()
            return .handled
        }
    }

    func perform(_ action: ConsoleAction, context: ConsoleContext) -> ViewResponse {
        let visible = max(1, lastArea.height - 2)
        if scroll.perform(action, count: table.count, visible: visible) { return .handled }
        switch action {
        case .filter: filterEditor = LineEditor(table.filter.source)
        case .back:
            guard !table.filter.isEmpty else { return .unhandled }
            table.setFilter("")
        case .sortNext:
            let cursorID = table.row(at: scroll.selected)?.id
            table.sort(by: (table.sortColumn + 1) % table.columns.count, ascending: true, directory: context.state.directory)
            if let cursorID { keepSelection(cursorID) }
        case .sortReverse:
            let cursorID = table.row(at: scroll.selected)?.id
            table.sort(by: table.sortColumn, ascending: !table.ascending, directory: context.state.directory)
            if let cursorID { keepSelection(cursorID) }
        case .create:
            return .push(FormView.create(kind: kind, context: context))
        case .register:
            return .push(RegistrationView.make())
        default:
            guard let entity = selected(context) else {
                context.say("no \(kind.rawValue) selected", isError: true)
                return .handled
            }
            return EntryActions.perform(action, on: entity, context: context)
        }
        return .handled
    }

    func mouse(_ event: MouseEvent, area: Rect, context: ConsoleContext) -> ViewResponse {
        guard scroll.mouse(event, area: area, count: table.count), let entity = selected(context) else { return .handled }
        return .push(DetailView(kind: kind, id: entity.id))
    }

}
