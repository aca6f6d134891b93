import Events
import Foundation

/// One saga as the sagas topic tells it: its state, its steps with their times, and why it
/// ended as it did — folded from `SagaProgress` messages, never asked of the coordinator.
public struct SagaTrace: Sendable, Equatable {
    /// Where the saga stands; `running` includes compensating.
    public enum State: String, Sendable, CaseIterable {
        case running, completed, failed, compensated
        case timedOut = "timedout"
    }

    /// One step: validation, a create, or (after `compensating`) an undo.
    public struct Step: Sendable, Equatable {
        public enum Outcome: String, Sendable {
            case running, completed, failed
        }

        public var index: Int
        public var name: String
        /// Started after the saga began compensating: it undoes an earlier step.
        public var isCompensation: Bool
        public var startedAt: Date?
        public var endedAt: Date?
        public var outcome: Outcome = .running
        public var reason: String?
    }

    public var id: String
    public var kind: String
    public var startedAt: Date?
    public var endedAt: Date?
    public var stepCount: Int?
    /// The first final stage seen; later copies (redelivery) change nothing.
    public var finalStage: SagaStage?
    public var isCompensating = false
    public var reason: String?
    /// Ordered by step index.
    public var steps: [Step] = []
    /// Where the saga's last message is in the log, to list recent ones last.
    public var lastSeen: Date?

    public init(id: String, kind: String) {
        self.id = id
        self.kind = kind
    }

    public var state: State {
        switch finalStage {
        case .completed?: .completed
        case .compensated?: .compensated
        case .timedOut?: .timedOut
        case .failed?: .failed
        default: .running
        }
    }

    public var hasStarted: Bool { startedAt != nil || !steps.isEmpty }
    public var isFinished: Bool { finalStage != nil }
    public var stepsDone: Int { steps.filter { $0.outcome == .completed }.count }

    /// The forward step that failed (the one that made the saga compensate or fail).
    public var failedStep: Step? { steps.first { $0.outcome == .failed && !$0.isCompensation } }

    /// The undo steps that finished.
    public var completedCompensations: [Step] { steps.filter { $0.isCompensation && $0.outcome == .completed } }

    /// Folds in one progress message. Delivery is at-least-once, so every stage is idempotent.
    public mutating func apply(_ stage: SagaStage, _ progress: SagaProgress) {
        lastSeen = max(lastSeen ?? progress.at, progress.at)
        if let count = progress.stepCount { stepCount = count }
        switch stage {
        case .started:
            startedAt = startedAt ?? progress.at
        case .stepStarted:
            guard let index = progress.stepIndex else { return }
            updateStep(index, progress) { step in step.startedAt = step.startedAt ?? progress.at }
        case .stepCompleted:
            guard let index = progress.stepIndex else { return }
            updateStep(index, progress) { step in
                step.endedAt = step.endedAt ?? progress.at
                step.outcome = .completed
            }
        case .stepFailed:
            guard let index = progress.stepIndex else { return }
            updateStep(index, progress) { step in
                step.endedAt = step.endedAt ?? progress.at
                step.outcome = .failed
                step.reason = progress.reason ?? step.reason
            }
        case .compensating:
            isCompensating = true
            reason = reason ?? progress.reason
        case .completed, .compensated, .failed, .timedOut:
            guard finalStage == nil else { return }
            finalStage = stage
            endedAt = progress.at
            reason = progress.reason ?? reason
        }
    }

    private mutating func updateStep(_ index: Int, _ progress: SagaProgress, _ change: (inout Step) -> Void) {
        if let position = steps.firstIndex(where: { $0.index == index }) {
            change(&steps[position])
            return
        }
        var step = Step(index: index, name: progress.step ?? "step \(index + 1)", isCompensation: isCompensating)
        change(&step)
        steps.append(step)
        steps.sort { $0.index < $1.index }
    }
}
