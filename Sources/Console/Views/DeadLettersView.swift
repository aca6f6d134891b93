import ConsoleKit
import DosCommandLine
import Events
import Foundation
import Model

/// Messages no consumer could handle: why, where from, when. Enter shows the payload (escaped),
/// `r` retries it (republishes the original to its topic), `x` discards it.
final class DeadLettersView: ConsoleView {
    private var scroll = ScrollState()
    private var shown: [DeadLetterBox.Entry] = []
    private var lastHeight = 20

    var crumb: String { "deadletters" }
    var actions: [ConsoleAction] { [.open, .retry, .discard, .copy, .up, .down, .pageUp, .pageDown, .top, .bottom] }

    func render(into screen: inout ScreenBuffer, area: Rect, context: ConsoleContext) {
        shown = context.state.deadLetters.entries.reversed()
        let open = shown.filter { $0.state == .open }.count
        Chrome.title(&screen, area: area, "dead letters (\(Chrome.count(shown.count)), \(open) open)")
        let body = area.droppingTop(1)
        lastHeight = max(1, body.height - 1)
        scroll.clamp(count: shown.count, visible: lastHeight)
        var rows: [[String]] = [], roles: [Role] = []
        for entry in shown[scroll.top..<min(shown.count, scroll.top + lastHeight)] {
            let letter = entry.letter
            rows.append([
                String(entry.id.prefix(13)), entry.state.rawValue, letter.reason,
                "\(letter.originTopic)@\(letter.originPosition.map(String.init) ?? "?")",
                EntryListing.minute(letter.firstSeenAt), String(letter.attempts),
            ])
            roles.append(entry.state == .open ? .statusError : .dim)
        }
        let titles = ["ID", "STATE", "REASON", "ORIGIN", "TIME", "TRIES"]
        let widths = TableLayout.widths(titles: titles, flex: [0, 0, 3, 1, 0, 0], rows: rows, available: body.width)
        Chrome.table(&screen, area: body, titles: titles, widths: widths, rows: rows,
                     selected: shown.isEmpty ? nil : scroll.selected - scroll.top, roles: roles)
        if shown.isEmpty, body.height > 2 {
            screen.write("no dead letters — every message was handled", row: body.row + 2, column: body.column + 2, role: .dim)
        }
    }

    func mouse(_ event: MouseEvent, area: Rect, context: ConsoleContext) -> ViewResponse {
        scroll.mouse(event, area: area, count: shown.count) ? perform(.open, context: context) : .handled
    }

    func perform(_ action: ConsoleAction, context: ConsoleContext) -> ViewResponse {
        if scroll.perform(action, count: shown.count, visible: lastHeight) { return .handled }
        guard shown.indices.contains(scroll.selected) else { return .handled }
        let entry = shown[scroll.selected]
        switch action {
        case .open: return .push(Self.detail(entry))
        case .copy:
            context.clipboard = String(decoding: entry.letter.originalBytes, as: UTF8.self)
            context.say("copied the dead letter's payload")
        case .retry, .discard:
            guard !context.readOnly else { context.say("read-only: changes are turned off", isError: true); return .handled }
            guard entry.state == .open else {
                context.say("this dead letter was already \(entry.state.rawValue)", isError: true)
                return .handled
            }
            if action == .retry {
                context.client.retryDeadLetter(id: entry.id)
                context.say("retrying \(entry.id.prefix(13))…")
            } else {
                context.client.discardDeadLetter(id: entry.id, reason: "discarded from the console")
                context.say("discarding \(entry.id.prefix(13))…")
            }
        default: return .unhandled
        }
        return .handled
    }

    static func detail(_ entry: DeadLetterBox.Entry) -> TextView {
        TextView(crumb: "dead letter", title: { _ in "dead letter \(entry.id)" }, content: { context in
            let current = context.state.deadLetters.entries.first { $0.id == entry.id } ?? entry
            let letter = current.letter
            var lines: [TextView.Line] = [
                .init(text: "state      \(current.state.rawValue)", role: current.state == .open ? .statusError : .label),
                .init(text: "reason     \(letter.reason)"),
                .init(text: "origin     \(letter.originTopic) position \(letter.originPosition.map(String.init) ?? "?") key \(letter.originKey ?? "-")"),
                .init(text: "group      \(letter.consumerGroup ?? "-")"),
                .init(text: "attempts   \(letter.attempts)"),
                .init(text: "first seen \(Timestamp.string(from: letter.firstSeenAt))"),
            ]
            for resolution in current.resolutions {
                lines.append(.init(text: "resolved   \(resolution.resolved.resolution.rawValue) by \(resolution.resolved.by) at \(Timestamp.string(from: resolution.resolved.at))", role: .label))
            }
            lines.append(.init(text: ""))
            lines.append(.init(text: "payload (\(letter.originalBytes.count) bytes, control characters shown escaped):", role: .label))
            lines += PrettyJSON.lines(payload: letter.originalBytes).map { TextView.Line(text: $0) }
            return lines
        })
    }
}
