import TerminalSafety
import Events
import Foundation
import Model

/// Words a `SagaSubmission` as `dos apply` and friends print it: one aligned line per entry
/// (kind, name, id, outcome), the failed step of a composite saga, and the exit status.
public struct SubmissionReport: Sendable {
    /// How to start the services on this data directory, for the "nothing is processing" note.
    public var serveHint: String

    public init(serveHint: String = "dos serve all") {
        self.serveHint = serveHint
    }

    public func output(for submission: SagaSubmission) -> CommandOutput {
        var output = CommandOutput()
        guard submission.waited else {
            // Saga id first, so scripts can take the first column.
            output.lines = rows(submission.entries.map { [$0.sagaID, $0.command.kind.rawValue, $0.command.name, text($0.command.entityID)] })
            return output
        }
        var rows: [[String]] = []
        var details: [String] = []
        for entry in submission.entries {
            rows += self.rows(for: entry)
            details += self.details(for: entry)
        }
        output.lines = self.rows(rows) + details.map(TerminalText.escape)
        let allCompleted = submission.entries.allSatisfy { $0.trace?.state == .completed }
        output.status = allCompleted ? .success : .sagaFailed
        switch submission.interruption {
        case .noService(let timeout)?:
            output.status = .noService
            output.notes.append("""
                no saga started within \(seconds(timeout)): no service is processing commands on this data directory \
                (start them with `\(serveHint)`). The \(submission.entries.count == 1 ? "command was" : "commands were") \
                published and will run when a service starts.
                """)
        case .stalled(let limit)?:
            output.status = .noService
            output.notes.append("""
                the sagas made no progress for \(seconds(limit)): the services stopped processing commands; \
                follow them with `dos sagas`
                """)
        case nil:
            break
        }
        return output
    }

    // MARK: - Lines

    private func rows(for entry: SagaSubmission.Entry) -> [[String]] {
        let command = entry.command
        let head = [command.kind.rawValue, command.name, text(command.entityID)]
        guard let trace = entry.trace else { return [head + ["not processed"]] }
        let reason = trace.reason ?? "no reason given"
        switch trace.state {
        case .completed where command.action == .register:
            // One line per entry the saga created, the provider first.
            let created = entry.changes.compactMap { change -> [String]? in
                guard let entity = change.entity else { return nil }
                return [entity.kind.rawValue, entity.displayName, text(entity.id), "created v\(entity.version)"]
            }
            return created.isEmpty ? [head + ["registered"]] : created
        case .completed:
            let version = entry.changes.last { $0.id == command.entityID }?.version
            let verb = Self.pastTense(command.action)
            return [head + [command.action == .delete ? verb : verb + (version.map { " v\($0)" } ?? "")]]
        case .failed: return [head + ["failed: \(reason)"]]
        case .compensated: return [head + ["compensated: \(reason)"]]
        case .timedOut: return [head + ["timed out: \(reason)"]]
        case .running: return [head + ["no outcome yet (saga \(entry.sagaID) still running)"]]
        }
    }

    /// For a composite saga that did not complete: the step that failed and what was undone.
    private func details(for entry: SagaSubmission.Entry) -> [String] {
        guard entry.command.action == .register, let trace = entry.trace, trace.isFinished, trace.state != .completed else {
            return []
        }
        var lines: [String] = []
        if let step = trace.failedStep {
            lines.append("  failed at step \(step.index + 1), \"\(step.name)\": \(step.reason ?? trace.reason ?? "no reason given")")
        }
        if trace.state == .compensated {
            let undone = trace.completedCompensations.map(\.name)
            lines.append(undone.isEmpty
                ? "  compensated: nothing had been created, so nothing was left behind"
                : "  compensated by \(undone.joined(separator: ", ")); nothing from it was left behind")
        }
        lines.append("  saga \(trace.id): see `dos sagas \(trace.id)` for every step")
        return lines
    }

    private func rows(_ rows: [[String]]) -> [String] {
        guard let width = rows.map(\.count).max() else { return [] }
        // Empty headers give alignment without a header line: one line per entry, for scripts.
        return Array(TextTable(headers: Array(repeating: "", count: width), rows: rows, maximumCellWidth: 40).lines().dropFirst())
    }

    private func text(_ id: UUID) -> String { id.uuidString.lowercased() }

    private func seconds(_ duration: Duration) -> String {
        let parts = duration.components
        return String(format: "%gs", Double(parts.seconds) + Double(parts.attoseconds) / 1e18)
    }

    static func pastTense(_ action: CommandAction) -> String {
        switch action {
        case .create: "created"
        case .update: "updated"
        case .delete: "deleted"
        case .publish: "published"
        case .unpublish: "unpublished"
        case .flag: "flagged"
        case .unflag: "unflagged"
        case .register: "registered"
        }
    }
}
