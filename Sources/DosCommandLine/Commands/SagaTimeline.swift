import Foundation
import Model

/// One saga for people: a summary block, then each step with its start, end, duration,
/// outcome and reason, compensations marked as undo steps.
public struct SagaTimeline: Sendable {
    /// For the duration of a saga or step still running.
    public var now: Date

    public init(now: Date = Date()) {
        self.now = now
    }

    public func lines(for trace: SagaTrace) -> [String] {
        var summary: [[String]] = [
            ["saga", trace.id],
            ["kind", trace.kind],
            ["state", trace.state.rawValue],
            ["steps", "\(trace.stepsDone)/\(trace.stepCount.map(String.init) ?? "?") done"],
        ]
        if let started = trace.startedAt { summary.append(["started", Timestamp.string(from: started)]) }
        if let ended = trace.endedAt { summary.append(["ended", Timestamp.string(from: ended)]) }
        if let started = trace.startedAt {
            summary.append(["duration", Self.duration((trace.endedAt ?? now).timeIntervalSince(started))
                + (trace.endedAt == nil ? " so far" : "")])
        }
        if let reason = trace.reason { summary.append(["reason", reason]) }
        var lines = TextTable(headers: ["", ""], rows: summary, maximumCellWidth: 20).lines().dropFirst().map { $0 }
        lines.append("")
        let rows = trace.steps.map { step -> [String] in
            let duration = step.startedAt.map { Self.duration((step.endedAt ?? now).timeIntervalSince($0)) } ?? "-"
            return [
                String(step.index + 1), step.name, step.isCompensation ? "undo" : "forward",
                step.startedAt.map(Self.timeOfDay) ?? "-", step.endedAt.map(Self.timeOfDay) ?? "-", duration,
                step.outcome.rawValue, step.reason ?? "",
            ]
        }
        lines += TextTable(headers: ["STEP", "NAME", "ROLE", "STARTED", "ENDED", "DURATION", "OUTCOME", "REASON"], rows: rows).lines()
        return lines
    }

    /// "12ms", "1.25s", "2m05s".
    public static func duration(_ seconds: TimeInterval) -> String {
        let seconds = max(0, seconds)
        if seconds < 1 { return "\(Int((seconds * 1_000).rounded()))ms" }
        if seconds < 60 { return String(format: "%.2fs", seconds) }
        let whole = Int(seconds.rounded())
        return String(format: "%dm%02ds", whole / 60, whole % 60)
    }

    /// The time of day of an RFC 3339 timestamp, milliseconds kept: "14:03:07.125Z".
    static func timeOfDay(_ date: Date) -> String {
        let text = Timestamp.string(from: date)
        guard let separator = text.firstIndex(of: "T") else { return text }
        return String(text[text.index(after: separator)...])
    }
}
