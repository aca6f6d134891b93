import ConsoleKit
import DosCommandLine
import Foundation
import Model

/// Every saga the stream has seen, newest first: kind, subject, state, steps, start and
/// duration. Running ones stand out, and so do stuck ones (no progress for a while) and
/// timed-out ones. `t` cycles a state filter; Enter shows the step timeline.
final class SagasView: ConsoleView {
    enum StateFilter: CaseIterable {
        case all, running, stuck, completed, failed, compensated, timedOut

        var label: String {
            switch self {
            case .all: "all"
            case .running: "running"
            case .stuck: "stuck"
            case .completed: "completed"
            case .failed: "failed"
            case .compensated: "compensated"
            case .timedOut: "timed out"
            }
        }
    }

    /// A running saga with no progress for this long is shown as stuck.
    static let stuckAfter: TimeInterval = 30
    private var stateFilter = StateFilter.all
    private var scroll = ScrollState()
    private var filter = TextFilter("")
    private var editor: LineEditor?
    private var shown: [SagaTrace] = []
    private var lastHeight = 20

    var crumb: String { "sagas" }
    var isTyping: Bool { editor != nil }
    var actions: [ConsoleAction] { [.open, .stateFilter, .filter, .copy, .up, .down, .pageUp, .pageDown, .top, .bottom] }

    static func isStuck(_ trace: SagaTrace, now: Date) -> Bool {
        guard !trace.isFinished, let last = trace.lastSeen ?? trace.startedAt else { return false }
        return now.timeIntervalSince(last) > stuckAfter
    }

    private func passes(_ trace: SagaTrace, _ context: ConsoleContext) -> Bool {
        switch stateFilter {
        case .all: break
        case .running: if trace.state != .running || Self.isStuck(trace, now: context.now) { return false }
        case .stuck: if !Self.isStuck(trace, now: context.now) { return false }
        case .completed: if trace.state != .completed { return false }
        case .failed: if trace.state != .failed { return false }
        case .compensated: if trace.state != .compensated { return false }
        case .timedOut: if trace.state != .timedOut { return false }
        }
        guard !filter.isEmpty else { return true }
        return filter.matches("\(trace.id) \(trace.kind) \(trace.state.rawValue) \(subject(trace, context))")
    }

    private func subject(_ trace: SagaTrace, _ context: ConsoleContext) -> String {
        guard let id = context.state.sagaSubjects[trace.id] else { return "-" }
        return context.state.directory.entry(id: id)?.displayName ?? EntryListing.shortID(id)
    }

    func render(into screen: inout ScreenBuffer, area: Rect, context: ConsoleContext) {
        let ledger = context.state.sagas
        shown = ledger.order.reversed().compactMap { ledger[$0] }.filter { passes($0, context) }
        let right = "state: \(stateFilter.label)" + (filter.isEmpty ? "" : " · /" + filter.source)
        Chrome.title(&screen, area: area, "sagas (\(Chrome.count(shown.count)))", right: right)
        let body = area.droppingTop(1)
        lastHeight = max(1, body.height - 1)
        scroll.clamp(count: shown.count, visible: lastHeight)
        var rows: [[String]] = [], roles: [Role] = []
        for trace in shown[scroll.top..<min(shown.count, scroll.top + lastHeight)] {
            let stuck = Self.isStuck(trace, now: context.now)
            let duration = trace.startedAt.map { SagaTimeline.duration((trace.endedAt ?? context.now).timeIntervalSince($0)) } ?? "-"
            rows.append([
                String(trace.id.prefix(13)), trace.kind, subject(trace, context), stuck ? "STUCK" : trace.state.rawValue,
                "\(trace.stepsDone)/\(trace.stepCount.map(String.init) ?? "?")",
                trace.startedAt.map(TailView.time) ?? "-", duration + (trace.isFinished ? "" : "…"),
            ])
            roles.append(Self.role(trace, stuck: stuck))
        }
        let titles = ["SAGA", "KIND", "SUBJECT", "STATE", "STEPS", "STARTED", "DURATION"]
        let widths = TableLayout.widths(titles: titles, flex: [0, 1, 2, 0, 0, 0, 0], rows: rows, available: body.width)
        Chrome.table(&screen, area: body, titles: titles, widths: widths, rows: rows,
                     selected: shown.isEmpty ? nil : scroll.selected - scroll.top, roles: roles)
        if shown.isEmpty, body.height > 2 {
            screen.write(ledger.order.isEmpty ? "no sagas yet" : "no saga matches", row: body.row + 2, column: body.column + 2, role: .dim)
        }
        if let editor {
            let width = min(40, area.width / 2)
            screen.write("/", row: area.row, column: area.right - width - 2, role: .prompt)
            editor.draw(into: &screen, row: area.row, column: area.right - width - 1, width: width, role: .prompt, cursorRole: .fieldFocus, focused: true)
        }
    }

    static func role(_ trace: SagaTrace, stuck: Bool) -> Role {
        if stuck { return .sagaStuck }
        switch trace.state {
        case .running: return .sagaRunning
        case .completed: return .sagaCompleted
        case .timedOut: return .sagaStuck
        case .failed, .compensated: return .sagaFailed
        }
    }

    func typed(_ key: Key, context: ConsoleContext) -> ViewResponse {
        guard var current = editor else { return .unhandled }
        switch key {
        case .enter: editor = nil
        case .escape:
            editor = nil
            filter = TextFilter("")
        default:
            guard current.handle(key) else { return .unhandled }
            editor = current
            filter = TextFilter(current.text)
            scroll.toTop()
        }
        return .handled
    }

    func mouse(_ event: MouseEvent, area: Rect, context: ConsoleContext) -> ViewResponse {
        scroll.mouse(event, area: area, count: shown.count) ? perform(.open, context: context) : .handled
    }

    func perform(_ action: ConsoleAction, context: ConsoleContext) -> ViewResponse {
        if scroll.perform(action, count: shown.count, visible: lastHeight) { return .handled }
        switch action {
        case .stateFilter:
            let all = StateFilter.allCases
            stateFilter = all[((all.firstIndex(of: stateFilter) ?? 0) + 1) % all.count]
            scroll.toTop()
        case .filter: editor = LineEditor(filter.source)
        case .back:
            guard !filter.isEmpty || stateFilter != .all else { return .unhandled }
            filter = TextFilter("")
            stateFilter = .all
        case .open, .copy:
            guard shown.indices.contains(scroll.selected) else { return .handled }
            let id = shown[scroll.selected].id
            if action == .copy {
                context.clipboard = id
                context.say("copied saga id \(id)")
                return .handled
            }
            return .push(SagaDetail.make(sagaID: id))
        default:
            return .unhandled
        }
        return .handled
    }
}

/// One saga's step timeline, live while it runs.
enum SagaDetail {
    static func make(sagaID: String) -> TextView {
        TextView(crumb: "saga " + String(sagaID.prefix(8)), title: { context in
            let state = context.state.sagas[sagaID]?.state.rawValue ?? "?"
            return "saga \(sagaID) — \(state)"
        }, content: { context in
            guard let trace = context.state.sagas[sagaID] else { return [TextView.Line(text: "this saga is not on the stream", role: .statusWarning)] }
            var lines = SagaTimeline(now: context.now).lines(for: trace).map { TextView.Line(text: $0) }
            if let subject = context.state.sagaSubjects[sagaID], let entity = context.state.directory.entry(id: subject) {
                lines.insert(TextView.Line(text: "subject    \(entity.kind.rawValue) \(entity.displayName)", role: .label), at: 0)
            }
            for index in lines.indices {
                let text = lines[index].text
                if text.contains(" failed ") || text.hasSuffix(" failed") { lines[index].role = .sagaFailed }
                else if text.contains(" undo ") { lines[index].role = .statusWarning }
            }
            return lines
        })
    }
}
