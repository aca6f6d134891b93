import DosCommandLine
import EventLog
import Events
import Foundation
import Model

/// Publishes the gateway's commands and follows their sagas: one reader over the sagas, events
/// and views topics serves every request in flight, each waiting for its own saga id.
///
/// Waiting is bounded as `SagaSubmitter` bounds it: no saga started within `startTimeout` means
/// nothing processes commands; a started saga silent for `stallLimit` means the services stopped.
/// Once a saga's final stage is read, the view or fact that explains it is awaited for at most
/// `settleTime` more (on Kafka, topics are not ordered with each other).
actor SagaWatcher {
    struct Settings: Sendable {
        var startTimeout: Duration
        var stallLimit: Duration
        var settleTime: Duration = .seconds(2)
        /// The `source` of the commands' envelopes and their `actor` extension.
        var source = "/dos/gateway"
        var actor: String
    }

    private struct Pending {
        var outcome: CommandOutcome
        var registeredAt: ContinuousClock.Instant
        var lastProgress: ContinuousClock.Instant
        var finishedAt: ContinuousClock.Instant?
        var continuation: CheckedContinuation<CommandOutcome?, Never>?
        /// The outcome, when it was known before anyone waited for it.
        var result: CommandOutcome?
    }

    nonisolated let log: any EventLog
    nonisolated let topics: Topics
    nonisolated let settings: Settings
    private let diagnostics: @Sendable (String) -> Void
    private let clock = ContinuousClock()
    private var pending: [String: Pending] = [:]
    /// The next offset of each partition: where a new reader resumes after a failure.
    private var resumePositions: [TopicPartition: Int64]

    private var watchedTopics: [String] { [topics.sagas, topics.events, topics.views] }

    /// Notes where the topics end now: only what comes after matters, and must not be missed.
    static func open(log: any EventLog, topics: Topics, settings: Settings, diagnostics: @escaping @Sendable (String) -> Void) async throws -> SagaWatcher {
        let ends = try await log.endOffsets(topics: [topics.sagas, topics.events, topics.views])
        return SagaWatcher(log: log, topics: topics, settings: settings, resumePositions: ends, diagnostics: diagnostics)
    }

    private init(log: any EventLog, topics: Topics, settings: Settings, resumePositions: [TopicPartition: Int64], diagnostics: @escaping @Sendable (String) -> Void) {
        self.log = log
        self.topics = topics
        self.settings = settings
        self.resumePositions = resumePositions
        self.diagnostics = diagnostics
    }

    // MARK: - Submitting

    /// Publishes `command` under a new saga id and waits for its outcome.
    nonisolated func submit(_ command: PlannedCommand) async throws -> CommandOutcome {
        let sagaID = EventID.make()
        let event = try command.message.cloudEvent(source: settings.source, sagaID: sagaID, actor: settings.actor)
        let record = OutgoingRecord(
            topic: topics.commands, key: topics.key(for: event, on: topics.commands), id: event.id,
            payload: CloudEventCodec.encode(event))
        // Registered before the append, so no answer can come before anyone listens for it.
        await register(sagaID, command)
        do {
            _ = try await log.append([record])
        } catch {
            await abandon(sagaID)
            throw error
        }
        guard let outcome = await outcome(of: sagaID) else { throw CancellationError() }
        return outcome
    }

    private func register(_ sagaID: String, _ command: PlannedCommand) {
        let now = clock.now
        pending[sagaID] = Pending(outcome: CommandOutcome(command: command, sagaID: sagaID), registeredAt: now, lastProgress: now)
    }

    /// Nil when the waiting task was cancelled.
    private func outcome(of sagaID: String) async -> CommandOutcome? {
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                guard var entry = pending[sagaID] else {
                    continuation.resume(returning: nil)
                    return
                }
                if let result = entry.result {
                    pending[sagaID] = nil
                    continuation.resume(returning: result)
                    return
                }
                entry.continuation = continuation
                pending[sagaID] = entry
            }
        } onCancel: {
            Task { await self.abandon(sagaID) }
        }
    }

    private func abandon(_ sagaID: String) {
        pending.removeValue(forKey: sagaID)?.continuation?.resume(returning: nil)
    }

    private func finish(_ sagaID: String, _ interruption: SagaSubmission.Interruption? = nil) {
        guard var entry = pending[sagaID] else { return }
        entry.outcome.interruption = interruption
        if let continuation = entry.continuation {
            pending[sagaID] = nil
            continuation.resume(returning: entry.outcome)
        } else {
            entry.result = entry.outcome
            pending[sagaID] = entry
        }
    }

    // MARK: - Following

    /// Reads the three topics until the task is cancelled, retrying a failing log from where it stopped.
    nonisolated func run() async {
        await readRetrying("gateway: following the sagas", diagnostics: diagnostics,
                           open: { try await log.reader(topics: watchedTopics, from: .positions(await resumePositions)) },
                           follow: { reader in
                               while !Task.isCancelled {
                                   let batch = try await reader.poll(maxRecords: 1_000, timeout: .milliseconds(100))
                                   await apply(batch)
                               }
                           })
        await abandonAll()
    }

    private func abandonAll() {
        for sagaID in pending.keys { abandon(sagaID) }
    }

    /// Folds in a batch, then settles every saga that has its answer or waited long enough.
    func apply(_ records: [LogRecord]) {
        let now = clock.now
        for record in records {
            let partition = TopicPartition(topic: record.topic, partition: record.position.partition)
            resumePositions[partition] = max(resumePositions[partition] ?? 0, record.position.offset + 1)
            guard !pending.isEmpty, case .success(let event) = CloudEventCodec.decode(record.payload),
                  let sagaID = event.sagaID ?? event.subject, var entry = pending[sagaID], entry.result == nil
            else { continue }
            switch record.topic {
            case topics.sagas:
                guard case .success(.known(.saga(let type, let progress), _)) = MessageDecoder.decode(event),
                      case .saga(let stage) = type.name
                else { continue }
                var trace = entry.outcome.trace ?? SagaTrace(id: sagaID, kind: progress.sagaKind)
                trace.apply(stage, progress)
                entry.outcome.trace = trace
                entry.lastProgress = now
                if trace.isFinished, entry.finishedAt == nil { entry.finishedAt = now }
            case topics.events:
                switch MessageDecoder.decode(event) {
                case .success(.known(.validationFailed(_, let fact), _)): entry.outcome.validationFailure = fact
                case .success(.known(.storeRejected(_, let fact), _)): entry.outcome.rejection = fact
                default: continue
                }
            default:
                guard case .success(let change) = ViewChange.read(record) else { continue }
                entry.outcome.changes.append(change)
            }
            pending[sagaID] = entry
        }
        settle(now: now)
    }

    private func settle(now: ContinuousClock.Instant) {
        for (sagaID, entry) in pending where entry.result == nil {
            if let finishedAt = entry.finishedAt {
                if entry.outcome.isSettled || now - finishedAt >= settings.settleTime { finish(sagaID) }
            } else if entry.outcome.trace?.hasStarted != true {
                if now - entry.registeredAt >= settings.startTimeout { finish(sagaID, .noService(timeout: settings.startTimeout)) }
            } else {
                let limit = max(settings.stallLimit, settings.startTimeout)
                if now - entry.lastProgress >= limit { finish(sagaID, .stalled(after: limit)) }
            }
        }
    }
}
