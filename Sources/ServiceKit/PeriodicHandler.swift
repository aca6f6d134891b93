import Events
import Foundation

/// A handler that also has work no message causes — deadlines that pass, say. The runner calls
/// `tick` after every poll (empty ones too, at most once a poll) and publishes what it returns.
///
/// Nothing is consumed, so nothing is committed: the handler makes ticks safe to repeat. Each
/// output names a `seed` from which the runner derives its event id, so a tick repeated after a
/// crash publishes the ids the log already has; `didPublish` tells the handler which outputs are
/// in the log, so it can stop returning them (a transactional outbox).
public protocol PeriodicHandler: MessageHandler {
    /// The messages due at `now`, including any an earlier tick returned that `didPublish` has
    /// not yet confirmed.
    func tick(now: Date) async throws -> [PeriodicOutput]

    /// Called once `outputs` are durably in the log.
    func didPublish(_ outputs: [PeriodicOutput]) async throws
}

extension PeriodicHandler {
    public func didPublish(_ outputs: [PeriodicOutput]) async throws {}
}

/// One message a tick causes, with what the runner cannot take from an input message.
public struct PeriodicOutput: Sendable, Equatable {
    /// Unique to this output and stable across repeats: the event id is derived from it.
    public var seed: String
    /// The saga the message belongs to (`sagaid`), if any.
    public var sagaID: String?
    public var output: OutgoingMessage

    public init(seed: String, sagaID: String?, output: OutgoingMessage) {
        self.seed = seed
        self.sagaID = sagaID
        self.output = output
    }
}
