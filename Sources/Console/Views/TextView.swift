import ConsoleKit
import DosCommandLine
import Foundation
import Model

/// Scrollable lines, each in a role: JSON, payloads, help, timelines. The content may be live
/// (re-made from the state each frame) so a JSON view follows its entry.
final class TextView: ConsoleView {
    struct Line {
        var text: String
        var role: Role = .body
    }

    let crumb: String
    private let title: (ConsoleContext) -> String
    private let content: (ConsoleContext) -> [Line]
    private var scroll = ScrollState()
    private var lastHeight = 20
    private var lastLines: [Line] = []
    var extraActions: [ConsoleAction] = []
    var onAction: ((ConsoleAction, ConsoleContext) -> ViewResponse)?

    init(crumb: String, title: @escaping (ConsoleContext) -> String, content: @escaping (ConsoleContext) -> [Line]) {
        self.crumb = crumb
        self.title = title
        self.content = content
    }

    var actions: [ConsoleAction] { extraActions + [.copy, .up, .down, .pageUp, .pageDown, .top, .bottom] }

    func render(into screen: inout ScreenBuffer, area: Rect, context: ConsoleContext) {
        lastLines = content(context)
        Chrome.title(&screen, area: area, title(context), right: lastLines.isEmpty ? "" : "\(min(lastLines.count, scroll.top + 1))/\(lastLines.count)")
        let body = area.droppingTop(1)
        lastHeight = max(1, body.height)
        // Scrolling moves the window, not a cursor.
        scroll.selected = scroll.top
        scroll.top = min(scroll.top, max(0, lastLines.count - lastHeight))
        for offset in 0..<body.height {
            let index = scroll.top + offset
            guard index < lastLines.count else { break }
            screen.write(lastLines[index].text, row: body.row + offset, column: body.column + 1, limit: body.width - 1, role: lastLines[index].role)
        }
    }

    func perform(_ action: ConsoleAction, context: ConsoleContext) -> ViewResponse {
        let maxTop = max(0, lastLines.count - lastHeight)
        switch action {
        case .up: scroll.top = max(0, scroll.top - 1)
        case .down: scroll.top = min(maxTop, scroll.top + 1)
        case .pageUp: scroll.top = max(0, scroll.top - lastHeight)
        case .pageDown: scroll.top = min(maxTop, scroll.top + lastHeight)
        case .top: scroll.top = 0
        case .bottom: scroll.top = maxTop
        case .copy:
            context.clipboard = lastLines.map(\.text).joined(separator: "\n")
            context.say("copied \(crumb)")
        default:
            return onAction?(action, context) ?? .unhandled
        }
        return .handled
    }

    func mouse(_ event: MouseEvent, area: Rect, context: ConsoleContext) -> ViewResponse {
        switch event.action {
        case .wheelUp: return perform(.up, context: context)
        case .wheelDown: return perform(.down, context: context)
        default: return .handled
        }
    }

    /// JSON text as lines (already pretty-printed).
    static func lines(json: String) -> [Line] {
        json.split(separator: "\n", omittingEmptySubsequences: false).map { Line(text: String($0)) }
    }

    /// The entry's current view as pretty JSON, following it live.
    static func entryJSON(kind: EntityKind, id: UUID) -> TextView {
        TextView(crumb: "json", title: { context in
            let name = context.state.directory.entry(kind: kind, id: id)?.displayName ?? EntryListing.shortID(id)
            return "\(kind.rawValue) \(name) — JSON"
        }, content: { context in
            guard let entity = context.state.directory.entry(kind: kind, id: id) else {
                return [Line(text: "this \(kind.rawValue) is gone (deleted)", role: .statusWarning)]
            }
            return lines(json: EntryActions.prettyJSON(entity))
        })
    }
}
