import ConsoleKit
import DosCommandLine
import Events
import Foundation
import Model
import TerminalSafety

/// Delete asks the user to type the entry's name: no single key can delete by accident.
/// Then it follows the saga and says how it ended.
final class DeleteConfirmView: ConsoleView {
    let entity: Entity
    private var editor = LineEditor()
    private var sagaID: String?

    init(entity: Entity) {
        self.entity = entity
    }

    var crumb: String { "delete" }
    var isTyping: Bool { sagaID == nil }
    var actions: [ConsoleAction] { [] }

    /// What must be typed: the name as the screen shows it (control characters escaped, so
    /// they can be typed), or the short id when the name is empty.
    var expected: String {
        let name = TerminalText.escape(entity.displayName.trimmingCharacters(in: .whitespaces))
        return name.isEmpty ? EntryListing.shortID(entity.id) : name
    }

    func render(into screen: inout ScreenBuffer, area: Rect, context: ConsoleContext) {
        Chrome.title(&screen, area: area, "delete \(entity.kind.rawValue): \(entity.displayName)")
        let box = area.droppingTop(2)
        var row = box.row
        func line(_ text: String, _ role: Role = .body) {
            screen.write(text, row: row, column: box.column + 2, limit: box.width - 4, role: role)
            row += 1
        }
        if let sagaID {
            let trace = context.state.sagas[sagaID]
            line("deleting… saga \(sagaID.prefix(13))", .sagaRunning)
            if let trace, trace.isFinished {
                if trace.state == .completed {
                    line("deleted. Esc goes back.", .sagaCompleted)
                } else {
                    line("not deleted: \(SagaOutcome.reason(trace))", .sagaFailed)
                }
            }
            return
        }
        line("This publishes a delete command for \(entity.kind.rawValue) \"\(entity.displayName)\" (version \(entity.version)).", .statusWarning)
        line("Type its name to confirm, then Enter; Esc cancels.")
        row += 1
        line("name: \(expected)", .label)
        screen.write("> ", row: row, column: box.column + 2, role: .prompt)
        editor.draw(into: &screen, row: row, column: box.column + 4, width: min(60, box.width - 6), role: .fieldFocus, cursorRole: .selection, focused: true)
        row += 1
        if !editor.text.isEmpty, editor.text != expected {
            line("does not match yet", .dim)
        }
    }

    func typed(_ key: Key, context: ConsoleContext) -> ViewResponse {
        switch key {
        case .escape:
            return .pop
        case .enter:
            guard editor.text == expected else {
                context.say("the name does not match: nothing was deleted", isError: true)
                return .handled
            }
            let reference = EntityReference(kind: entity.kind, id: entity.id, expectedVersion: entity.version)
            sagaID = context.publish(.reference(.delete, reference, name: entity.displayName))
            if let sagaID { context.track(sagaID, label: "delete \"\(entity.displayName)\"") }
            return .handled
        default:
            return editor.handle(key) ? .handled : .unhandled
        }
    }

    /// Once the delete completed there is nothing left to look at here.
    func poll(context: ConsoleContext) -> ViewResponse? {
        guard let sagaID, let trace = context.state.sagas[sagaID], trace.state == .completed else { return nil }
        return .pop
    }

    func perform(_ action: ConsoleAction, context: ConsoleContext) -> ViewResponse {
        action == .back ? .pop : .unhandled
    }
}
