import DosCommandLine
import Events
import Foundation
import Model

/// What became of one command the gateway published: its saga as the sagas topic told it, the
/// views it wrote, and the facts that say why it failed (read from the events topic, so the
/// answer comes from structured data rather than from the wording of a reason).
struct CommandOutcome: Sendable {
    var command: PlannedCommand
    var sagaID: String
    /// Nil while no progress of the saga has been seen.
    var trace: SagaTrace?
    /// Views and tombstones written in this saga, in log order.
    var changes: [ViewChange] = []
    /// The validator's refusal, with every field error.
    var validationFailure: ValidationFailed?
    /// The data store's last refusal in this saga (a cascade may see several on its way).
    var rejection: StoreRejected?
    /// Why waiting stopped before the saga ended.
    var interruption: SagaSubmission.Interruption?

    init(command: PlannedCommand, sagaID: String) {
        self.command = command
        self.sagaID = sagaID
    }

    /// The last change the saga made to the command's own entry.
    var ownChange: ViewChange? {
        changes.last { $0.kind == command.kind && $0.id == command.entityID }
    }

    /// Whether everything the answer needs has been read: the entry's new view (or tombstone)
    /// for a completed saga, the fact that explains a failed one.
    var isSettled: Bool {
        guard let trace, trace.isFinished else { return false }
        switch trace.state {
        case .completed: return ownChange != nil
        case .failed: return validationFailure != nil || rejection != nil
        case .compensated, .timedOut, .running: return true
        }
    }
}
