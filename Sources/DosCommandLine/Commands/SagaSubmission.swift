import Foundation

/// What became of published commands: each with its saga as far as the sagas topic told it,
/// and the views its saga wrote.
public struct SagaSubmission: Sendable {
    /// Why waiting stopped before every saga ended.
    public enum Interruption: Sendable, Equatable {
        /// No saga started within the timeout: nothing processes commands on this log.
        case noService(timeout: Duration)
        /// Sagas started, then nothing more came for this long.
        case stalled(after: Duration)
    }

    /// One published command.
    public struct Entry: Sendable {
        public var command: PlannedCommand
        public var sagaID: String
        /// Nil when no progress of the saga was seen (or nobody waited).
        public var trace: SagaTrace?
        /// Views and tombstones written in this saga, in log order.
        public var changes: [ViewChange] = []
    }

    public var entries: [Entry]
    public var interruption: Interruption?
    /// False for `--no-wait`.
    public var waited: Bool
}
