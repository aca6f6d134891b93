import ConsoleKit
import DosCommandLine
import EventLog
import Events
import Foundation
import Model

/// The live event tail of every topic, newest at the bottom. It follows new events until the
/// user scrolls up (then it stays put and counts what arrived), `End`/`G` follows again, and
/// `Space` pauses. Scrolling above the oldest event held reads older ones from the log.
final class TailView: ConsoleView {
    private var following = true
    private var paused = false
    /// While paused, the id of the newest entry showing (newer ones wait below).
    private var frozenAt: String?
    /// How many matching entries are on show (all, unless paused).
    private var visibleCount = 0
    private var scroll = ScrollState()
    private var filter = TailFilter("")
    private var editor: LineEditor?
    private enum Prompt { case filter, startFrom }
    private var prompt: Prompt = .filter
    private var matching: [Int] = []
    private var matchedRevision = -1
    private var matchedDropped = 0
    private var lastHeight = 20
    private var requestedOlder: Int64?

    var crumb: String { "tail" }
    var isTyping: Bool { editor != nil }
    var actions: [ConsoleAction] {
        [.open, .pause, .follow, .filter, .startFrom, .copy, .up, .down, .pageUp, .pageDown, .top]
    }

    private func refreshMatches(_ tail: TailBuffer, revision: Int) {
        guard revision != matchedRevision else { return }
        let shift = tail.dropped - matchedDropped
        let selectedEntryIndex = matching.indices.contains(scroll.selected) ? matching[scroll.selected] - shift : nil
        matching = filter.isEmpty ? Array(tail.entries.indices) : tail.entries.indices.filter { filter.matches(tail.entries[$0]) }
        if let selectedEntryIndex, !following, let index = matching.firstIndex(where: { $0 >= selectedEntryIndex }) {
            // Keep the same event under the cursor as older ones are dropped or read back.
            let before = scroll.selected
            scroll.selected = index
            scroll.top += index - before
        }
        matchedRevision = revision
        matchedDropped = tail.dropped
    }

    func render(into screen: inout ScreenBuffer, area: Rect, context: ConsoleContext) {
        let tail = context.state.tail
        refreshMatches(tail, revision: context.state.tailRevision)
        var shown = matching.count
        if paused, let frozenAt, let last = matching.lastIndex(where: { tail.entries[$0].id == frozenAt }) { shown = last + 1 }
        visibleCount = shown
        var state = following && !paused ? "following" : (paused ? "PAUSED" : "scrolled")
        let waiting = matching.count - shown
        if waiting > 0 { state += " (+\(waiting) new)" }
        let below = shown - (scroll.top + lastHeight)
        if !paused, !following, below > 0 { state += " (\(below) below)" }
        if !filter.isEmpty { state += " · /" + filter.source }
        Chrome.title(&screen, area: area, "tail (\(Chrome.count(shown)) events, all topics)", right: state)
        let body = area.droppingTop(1)
        lastHeight = max(1, body.height - 1)
        if following && !paused { scroll.toBottom(count: shown, visible: lastHeight) }
        scroll.clamp(count: shown, visible: lastHeight)
        var rows: [[String]] = [], roles: [Role] = []
        for index in scroll.top..<min(shown, scroll.top + lastHeight) {
            let entry = tail.entries[matching[index]]
            rows.append([
                Self.time(entry.time), entry.topic, entry.type, entry.subject,
                entry.sagaID.isEmpty ? "-" : String(entry.sagaID.prefix(13)),
            ])
            roles.append(entry.type.contains("failed") || entry.type.contains("deadletter") || entry.type == "(undecodable)" ? .statusError : .body)
        }
        let titles = ["TIME", "TOPIC", "TYPE", "SUBJECT", "SAGA"]
        let widths = TableLayout.widths(titles: titles, flex: [0, 0, 2, 2, 1], rows: rows, available: body.width)
        Chrome.table(&screen, area: body, titles: titles, widths: widths, rows: rows,
                     selected: following && !paused ? nil : scroll.selected - scroll.top, roles: roles)
        if shown == 0, body.height > 2 {
            screen.write(tail.entries.isEmpty ? "waiting for events…" : "no event matches the filter", row: body.row + 2, column: body.column + 2, role: .dim)
        }
        if let editor {
            let label = prompt == .filter ? "/" : "start from (beginning, end, offset, 15m, today, time): "
            let labelWidth = TerminalWidth.of(label)
            let width = min(area.width - labelWidth - 2, 50)
            let column = area.right - width - labelWidth - 1
            screen.write(label, row: area.row, column: column, role: .prompt)
            editor.draw(into: &screen, row: area.row, column: column + labelWidth, width: width, role: .prompt, cursorRole: .fieldFocus, focused: true)
        }
        // At the very top of what is held: read older events from the log.
        if !following, scroll.top == 0, !tail.reachedStart, let oldest = tail.oldestOffset, requestedOlder != oldest {
            requestedOlder = oldest
            context.client.requestOlderTail(before: oldest, count: 500)
        }
    }

    static func time(_ date: Date) -> String {
        let text = Timestamp.string(from: date)
        // 2026-11-27T09:20:01.123Z → 09:20:01.123
        guard let tee = text.firstIndex(of: "T") else { return text }
        return String(text[text.index(after: tee)...].prefix(12))
    }

    func typed(_ key: Key, context: ConsoleContext) -> ViewResponse {
        guard var current = editor else { return .unhandled }
        switch key {
        case .enter:
            editor = nil
            if prompt == .startFrom { restart(from: current.text, context: context) }
            return .handled
        case .escape:
            editor = nil
            if prompt == .filter { setFilter("") }
            return .handled
        default:
            guard current.handle(key) else { return .unhandled }
            editor = current
            if prompt == .filter { setFilter(current.text) }
            return .handled
        }
    }

    private func setFilter(_ text: String) {
        filter = TailFilter(text)
        matchedRevision = -1
    }

    private func restart(from text: String, context: ConsoleContext) {
        do {
            let start = try StartPointParser.parse(text, now: context.now)
            context.client.restartTail(from: start)
            following = true
            paused = false
            requestedOlder = nil
            context.say("tail restarted from \(start)")
        } catch {
            context.say("\(error)", isError: true)
        }
    }

    func perform(_ action: ConsoleAction, context: ConsoleContext) -> ViewResponse {
        let count = matching.count
        switch action {
        case .up, .pageUp, .top:
            if following { scroll.toBottom(count: count, visible: lastHeight) }
            following = false
            let delta = action == .up ? -1 : -lastHeight
            if action == .top { scroll.toTop() } else { scroll.move(by: delta, count: count, visible: lastHeight) }
        case .down, .pageDown:
            scroll.move(by: action == .down ? 1 : lastHeight, count: count, visible: lastHeight)
        case .follow, .bottom:
            following = true
            paused = false
            frozenAt = nil
            // Reading back older events pushed the newest out: read them again from the end.
            if context.state.tail.droppedNewest { context.client.restartTail(from: .end) }
        case .pause:
            paused.toggle()
            refreshMatches(context.state.tail, revision: context.state.tailRevision)
            frozenAt = paused ? matching.last.map { context.state.tail.entries[$0].id } : nil
            if paused { scroll.toBottom(count: matching.count, visible: lastHeight) }
        case .filter:
            prompt = .filter
            editor = LineEditor(filter.source)
        case .startFrom:
            prompt = .startFrom
            editor = LineEditor("")
        case .back:
            guard !filter.isEmpty else { return .unhandled }
            setFilter("")
        case .open, .copy:
            guard let entry = selectedEntry(context) else { return .handled }
            if action == .copy {
                context.clipboard = "\(entry.topic) \(entry.position) \(entry.type) \(entry.subject)"
                context.say("copied the event's summary (open it with Enter to copy its JSON)")
                return .handled
            }
            return .push(EventView(entry: entry))
        default:
            return .unhandled
        }
        return .handled
    }

    private func selectedEntry(_ context: ConsoleContext) -> TailEntry? {
        // A batch may have arrived since the last frame: match against the tail as it is now.
        refreshMatches(context.state.tail, revision: context.state.tailRevision)
        let index = following && !paused ? visibleCount - 1 : scroll.selected
        guard matching.indices.contains(index), context.state.tail.entries.indices.contains(matching[index]) else { return nil }
        return context.state.tail.entries[matching[index]]
    }

    func mouse(_ event: MouseEvent, area: Rect, context: ConsoleContext) -> ViewResponse {
        switch event.action {
        case .wheelUp: return perform(.up, context: context)
        case .wheelDown: return perform(.down, context: context)
        case .click, .doubleClick:
            let index = scroll.top + event.row - area.row - 2
            guard index >= 0, index < matching.count else { return .handled }
            following = false
            scroll.selected = index
            if event.action == .doubleClick { return perform(.open, context: context) }
            return .handled
        }
    }
}

/// One event as pretty JSON, read back from the log by its position.
final class EventView: ConsoleView {
    let entry: TailEntry
    private let text: TextView

    init(entry: TailEntry) {
        self.entry = entry
        text = TextView(crumb: "event", title: { _ in
            "\(entry.topic) @\(entry.position) — \(entry.type)"
        }, content: { context in
            guard let record = context.payloads[entry.position] else {
                context.client.requestRecord(topic: entry.topic, position: entry.position)
                return [TextView.Line(text: "reading the event from the log…", role: .dim)]
            }
            return PrettyJSON.lines(payload: Array(record.payload)).map { TextView.Line(text: $0) }
        })
    }

    var crumb: String { "event" }
    var actions: [ConsoleAction] { text.actions }
    func render(into screen: inout ScreenBuffer, area: Rect, context: ConsoleContext) { text.render(into: &screen, area: area, context: context) }
    func perform(_ action: ConsoleAction, context: ConsoleContext) -> ViewResponse { text.perform(action, context: context) }
    func mouse(_ event: MouseEvent, area: Rect, context: ConsoleContext) -> ViewResponse { text.mouse(event, area: area, context: context) }
}
