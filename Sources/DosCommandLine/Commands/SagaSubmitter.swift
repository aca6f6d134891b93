import EventLog
import Events
import Foundation

/// Publishes commands, each with a new saga id, and follows their sagas on the sagas topic
/// until each reaches a final stage (CQRS: it never asks a service, it only reads topics).
///
/// Waiting is bounded twice: when no saga has started within `timeout`, nothing is processing
/// commands; when sagas started but the topic stays silent for `stallLimit` (longer than the
/// coordinator's own step timeout), the services stopped mid-way. Neither hangs the command.
public struct SagaSubmitter: Sendable {
    public var log: any EventLog
    public var topics: Topics
    public var timeout: Duration
    public var stallLimit: Duration
    /// The `actor` extension on every command: who asked.
    public var actor: String

    public init(
        log: any EventLog, topics: Topics = Topics(), timeout: Duration = .seconds(5), stallLimit: Duration = .seconds(60),
        actor: String = SagaSubmitter.defaultActor
    ) {
        self.log = log
        self.topics = topics
        self.timeout = timeout
        self.stallLimit = stallLimit
        self.actor = actor
    }

    /// `$USER` on the command line, so history shows who made a change.
    public static var defaultActor: String {
        "cli:" + (ProcessInfo.processInfo.environment["USER"] ?? "unknown")
    }

    public func submit(_ commands: [PlannedCommand], wait: Bool) async throws -> SagaSubmission {
        var entries: [SagaSubmission.Entry] = []
        var records: [OutgoingRecord] = []
        for command in commands {
            let sagaID = EventID.make()
            let event = try command.message.cloudEvent(source: "/dos/cli", sagaID: sagaID, actor: actor)
            records.append(OutgoingRecord(
                topic: topics.commands, key: topics.key(for: event, on: topics.commands), id: event.id,
                payload: CloudEventCodec.encode(event)))
            entries.append(SagaSubmission.Entry(command: command, sagaID: sagaID))
        }
        guard wait else {
            _ = try await log.append(records)
            return SagaSubmission(entries: entries, waited: false)
        }
        // Made before the append, so it sees every answer and nothing older.
        let reader = try await log.reader(topics: [topics.sagas, topics.views], from: .end)
        do {
            _ = try await log.append(records)
            let submission = try await follow(entries, reader: reader)
            await reader.close()
            return submission
        } catch {
            await reader.close()
            throw error
        }
    }

    private func follow(_ published: [SagaSubmission.Entry], reader: any LogReader) async throws -> SagaSubmission {
        var entries = published
        let position = Dictionary(entries.enumerated().map { ($1.sagaID, $0) }, uniquingKeysWith: { first, _ in first })
        var ledger = SagaLedger()
        let clock = ContinuousClock()
        let start = clock.now
        var lastProgress = start
        var interruption: SagaSubmission.Interruption?
        while true {
            try Task.checkCancellation()
            let batch = try await reader.poll(maxRecords: 1_000, timeout: .milliseconds(100))
            for record in batch {
                if record.topic == topics.sagas {
                    guard let sagaID = ledger.apply(record), position[sagaID] != nil else { continue }
                    lastProgress = clock.now
                } else {
                    collect(view: record, into: &entries, position: position)
                }
            }
            let ours = entries.compactMap { ledger[$0.sagaID] }
            if ours.count == entries.count && ours.allSatisfy(\.isFinished) { break }
            if ours.isEmpty, clock.now - start >= timeout {
                interruption = .noService(timeout: timeout)
                break
            }
            if !ours.isEmpty, clock.now - lastProgress >= max(stallLimit, timeout) {
                interruption = .stalled(after: max(stallLimit, timeout))
                break
            }
        }
        // The store writes a view before the fact that completes its saga, so the views of
        // finished sagas are in the log now; read what is left without waiting.
        while true {
            let batch = try await reader.poll(maxRecords: 1_000, timeout: .zero)
            if batch.isEmpty { break }
            for record in batch where record.topic == topics.views {
                collect(view: record, into: &entries, position: position)
            }
        }
        for index in entries.indices { entries[index].trace = ledger[entries[index].sagaID] }
        return SagaSubmission(entries: entries, interruption: interruption, waited: true)
    }

    private func collect(view record: LogRecord, into entries: inout [SagaSubmission.Entry], position: [String: Int]) {
        guard case .success(let change) = ViewChange.read(record), let sagaID = change.sagaID,
              let index = position[sagaID]
        else { return }
        entries[index].changes.append(change)
    }
}
