import EventLog
import Events
import Foundation

/// Runs one `MessageHandler` as a long-lived consumer: poll a batch, handle each message,
/// publish what it caused, then commit — so a crash anywhere replays the batch (at-least-once),
/// and because output ids are derived from input ids the replay publishes nothing twice.
///
/// No message stops the stream: an undecodable, unknown or schema-invalid one, or one whose
/// handler keeps failing after `maximumAttempts`, is published to the dead-letter topic with the
/// reason and its origin, and the runner moves on.
public struct ServiceRunner: Sendable {
    public struct Options: Sendable {
        public var topics: Topics
        public var batchSize: Int
        public var maximumAttempts: Int
        /// The first retry waits this long; each further one twice as long.
        public var retryDelay: Duration
        public var sessionTimeout: Duration

        public init(
            topics: Topics = Topics(), batchSize: Int = 200, maximumAttempts: Int = 3,
            retryDelay: Duration = .milliseconds(20), sessionTimeout: Duration = .seconds(10)
        ) {
            self.topics = topics
            self.batchSize = batchSize
            self.maximumAttempts = maximumAttempts
            self.retryDelay = retryDelay
            self.sessionTimeout = sessionTimeout
        }
    }

    let handler: any MessageHandler
    let log: any EventLog
    let options: Options
    let diagnostics: Diagnostics

    public init(handler: any MessageHandler, log: any EventLog, options: Options = Options(), diagnostics: Diagnostics = .discard) {
        self.handler = handler
        self.log = log
        self.options = options
        self.diagnostics = diagnostics
    }

    public var group: String { "dos.\(handler.name)" }
    var source: String { "/dos/\(handler.name)" }

    /// Consumes until the task is cancelled. Throws only when the log itself fails.
    public func run() async throws {
        let consumer = try await log.consumer(
            group: group, topics: handler.topics(options.topics),
            options: ConsumerOptions(startWithoutCommit: .beginning, sessionTimeout: options.sessionTimeout, recordIDs: .notNeeded))
        do {
            while !Task.isCancelled {
                _ = try await processNextBatch(of: consumer, timeout: .seconds(1))
            }
        } catch is CancellationError {
            // Shutdown: the uncommitted batch is replayed by whoever runs next.
        } catch {
            await consumer.close()
            throw error
        }
        await consumer.close()
    }

    /// Handles one batch (waiting up to `timeout` for it), then a `PeriodicHandler`'s tick even
    /// when the batch was empty; returns how many messages the batch held.
    public func processNextBatch(of consumer: any GroupConsumer, timeout: Duration) async throws -> Int {
        let batch = try await consumer.poll(maxRecords: options.batchSize, timeout: timeout)
        var outputs: [OutgoingRecord] = []
        for record in batch {
            outputs += await process(record)
        }
        let periodic = await tickRecords()
        outputs += periodic.map(\.1)
        if !outputs.isEmpty { _ = try await log.append(outputs) }
        if !batch.isEmpty { try await consumer.commit(batch) }
        await confirmPublished(periodic.map(\.0))
        return batch.count
    }

    /// The records one input causes: its outputs, or a dead letter.
    func process(_ record: LogRecord) async -> [OutgoingRecord] {
        let event: CloudEvent
        switch CloudEventCodec.decode(record.payload) {
        case .success(let decoded): event = decoded
        case .failure(let error): return deadLetter(record, "undecodable envelope: \(error.reason)", attempts: 1)
        }
        let message: Message
        switch MessageDecoder.decode(event) {
        case .success(.known(let known, _)): message = known
        case .success(.unknown(_, let reason)): return deadLetter(record, reason, attempts: 1)
        case .failure(let error): return deadLetter(record, "invalid payload: \(error)", attempts: 1)
        }
        let input = IncomingMessage(record: record, event: event, message: message)
        var attempt = 1
        while true {
            do {
                return try await handler.handle(input).enumerated().compactMap { index, output in
                    envelope(output, index: index, causedBy: event)
                }
            } catch let failure as PermanentFailure {
                return deadLetter(record, failure.reason, attempts: attempt)
            } catch {
                guard attempt < options.maximumAttempts, !Task.isCancelled else {
                    return deadLetter(record, "\(handler.name) failed \(attempt) times: \(error)", attempts: attempt)
                }
                diagnostics.warning("\(handler.name): attempt \(attempt) on \(record.topic)@\(record.position) failed: \(error)")
                try? await Task.sleep(for: options.retryDelay * (1 << (attempt - 1)))
                attempt += 1
            }
        }
    }

    private func envelope(_ output: OutgoingMessage, index: Int, causedBy input: CloudEvent) -> OutgoingRecord? {
        let id = Self.outputID(handler: handler.name, inputID: input.id, index: index)
        return envelope(output, id: id, sagaID: input.sagaID, causationID: input.id, actor: input.actor)
    }

    func envelope(_ output: OutgoingMessage, id: String, sagaID: String?, causationID: String?, actor: String?) -> OutgoingRecord? {
        do {
            let event = try output.message.cloudEvent(
                id: id, source: source, time: Date(), subject: output.subject,
                sagaID: sagaID, causationID: causationID, actor: actor)
            let topic = options.topics.topic(for: output.message.type)
            return OutgoingRecord(topic: topic, key: options.topics.key(for: event, on: topic), id: id, payload: CloudEventCodec.encode(event))
        } catch {
            diagnostics.warning("\(handler.name): cannot encode \(output.message.type.typeName): \(error)")
            return nil
        }
    }

    private func deadLetter(_ record: LogRecord, _ reason: String, attempts: Int) -> [OutgoingRecord] {
        diagnostics.warning("\(handler.name): dead-lettering \(record.topic)@\(record.position): \(reason)")
        let letter = DeadLetters.record(
            for: record, reason: reason, attempts: attempts, group: group, source: source, topics: options.topics, now: Date())
        return letter.map { [$0] } ?? []
    }
}
