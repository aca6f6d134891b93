import EventLog
import Events
import Foundation
import ServiceKit

/// The saga coordinator: follows every saga by the commands and outcomes on the stream, records
/// each step in its own database, publishes progress to the sagas topic, and orchestrates
/// register-provider — issuing its create commands one at a time and, when a step fails or
/// times out, deleting what was created, in reverse order — and cascade deletes, which delete
/// an entry's dependents first.
///
/// The decisions are `SagaTransition`'s; this type only finds the saga an input concerns and
/// runs the transition inside one transaction of `SagaDatabase`.
public struct SagaCoordinatorService: PeriodicHandler {
    public let name = "sagas"
    public let database: SagaDatabase
    let stepTimeout: TimeInterval
    let clock: @Sendable () -> Date

    /// - Parameters:
    ///   - directory: where `sagas.sqlite` lives (created if needed).
    ///   - stepTimeout: how long a step may wait for its outcome before the saga fails.
    ///   - clock: the time steps start and deadlines are measured by (tests move it).
    public init(directory: URL, stepTimeout: Duration = .seconds(30), clock: @escaping @Sendable () -> Date = { Date() }) throws {
        database = try SagaDatabase(directory: directory)
        let parts = stepTimeout.components
        self.stepTimeout = TimeInterval(parts.seconds) + TimeInterval(parts.attoseconds) / 1e18
        self.clock = clock
    }

    public func topics(_ topics: Topics) -> [String] { [topics.commands, topics.events] }

    public func handle(_ input: IncomingMessage) async throws -> [OutgoingMessage] {
        guard let sagaInput = SagaInput(input.message, eventID: input.event.id, sagaID: input.event.sagaID) else { return [] }
        // The commands this coordinator issues are steps of its own sagas, not sagas of their own.
        if case .command = sagaInput, input.event.source == "/dos/\(name)" { return [] }
        let now = clock()
        let eventID = input.event.id
        return try database.process(eventID: eventID, now: now) { repository in
            var transition = SagaTransition(now: now, stepTimeout: stepTimeout) { index in
                ServiceRunner.outputID(handler: name, inputID: eventID, index: index)
            }
            switch sagaInput {
            case .command(let commandID, let sagaID, let sagaKind, let stepCount, let cascade):
                guard try repository.sagaID(waitingOn: commandID) == nil, try repository.saga(id: sagaID) == nil else {
                    return []
                }
                try repository.save(transition.start(
                    commandID: commandID, sagaID: sagaID, sagaKind: sagaKind, stepCount: stepCount, cascade: cascade))
                // Outcomes that were read before this command count now, in the order they came.
                for parked in try repository.takeParkedOutcomes(of: commandID) {
                    guard let outcome = Self.sagaInput(envelope: parked.envelope) else { continue }
                    try apply(outcome, repository: repository, transition: &transition)
                }
            case .validated, .validationFailed, .stored, .rejected:
                guard let commandID = sagaInput.outcomeOf else { return [] }
                guard try repository.sagaID(waitingOn: commandID) != nil else {
                    // Its command is not here yet (on Kafka it is on another topic): keep it.
                    try repository.park(outcome: eventID, of: commandID, envelope: Array(input.record.payload), now: now)
                    return []
                }
                try apply(sagaInput, repository: repository, transition: &transition)
            }
            return transition.outputs
        }
    }

    /// Moves the saga waiting on the outcome's command on by that outcome.
    private func apply(_ outcome: SagaInput, repository: SagaRepository, transition: inout SagaTransition) throws {
        guard let commandID = outcome.outcomeOf, let sagaID = try repository.sagaID(waitingOn: commandID),
              var saga = try repository.saga(id: sagaID), let position = saga.runningStep(waitingOn: commandID)
        else { return }
        transition.apply(outcome, to: &saga, at: position)
        try repository.save(saga)
    }

    /// A kept outcome, read again from its envelope.
    static func sagaInput(envelope: [UInt8]) -> SagaInput? {
        guard case .success(let event) = CloudEventCodec.decode(envelope),
              case .success(.known(let message, _)) = MessageDecoder.decode(event)
        else { return nil }
        return SagaInput(message, eventID: event.id, sagaID: event.sagaID)
    }

    /// Fails the steps whose deadline has passed (and starts their compensation), keeping what
    /// that causes in an outbox until the runner confirms it is published.
    ///
    /// Deadlines are judged by this service's own clock, the one that started the steps, not by
    /// the runner's: one source of time, which tests can also hold still.
    public func tick(now _: Date) async throws -> [PeriodicOutput] {
        let now = clock()
        return try database.timeOut(now: now) { saga in timeOut(&saga, now: now) }
    }

    public func didPublish(_ outputs: [PeriodicOutput]) async throws {
        try database.removeFromOutbox(outputs.map(\.seed))
    }

    /// Times out the saga's running step past its deadline. The seed names that step, so the
    /// ids of what the timeout issues are known before they are published, and stay the same
    /// if the tick is repeated.
    private func timeOut(_ saga: inout Saga, now: Date) -> [PeriodicOutput] {
        guard let position = saga.steps.lastIndex(where: { $0.state == .running && $0.deadline <= now }) else { return [] }
        let seed = "timeout|\(saga.id)|\(position)|\(saga.steps[position].commandID)"
        var transition = SagaTransition(now: now, stepTimeout: stepTimeout) { [name] index in
            ServiceRunner.periodicOutputID(handler: name, seed: "\(seed)|\(index)")
        }
        transition.timeOut(&saga, at: position)
        return transition.outputs.enumerated().map { index, output in
            PeriodicOutput(seed: "\(seed)|\(index)", sagaID: saga.id, output: output)
        }
    }
}
