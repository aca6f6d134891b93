import Foundation

/// The event stream every service and the console talk to.
///
/// Two backends implement it (the embedded SQLite log and Kafka); both must pass the one
/// conformance suite in `Tests/EventLogConformance`. The log knows no domain: a record is a
/// topic, a key, an id and opaque bytes.
///
/// Delivery is at-least-once. Readers never see a record before the append that wrote it has
/// returned successfully to some writer, and never lose one that has.
public protocol EventLog: Sendable {
    /// Where the log lives, for status lines and `dos doctor` (never contains secrets).
    var location: String { get }

    /// Appends one record; returns where it landed (or where its earlier copy is, for a duplicate id).
    func append(_ record: OutgoingRecord) async throws -> AppendResult

    /// Appends records atomically in the given order, as one batch.
    func append(_ records: [OutgoingRecord]) async throws -> [AppendResult]

    /// Hands records to the log in the given order and returns before they are acknowledged;
    /// `PendingAppend.results()` waits for that (and throws what `append` would). Batches
    /// started one after another keep their order, so a writer can prepare the next batch while
    /// the last one travels. A backend that cannot overlap them appends at once.
    func startAppend(_ records: [OutgoingRecord]) async throws -> PendingAppend

    /// A reader that belongs to no group (tails, replays); it commits nothing.
    func reader(topics: [String], from start: StartPoint) async throws -> any LogReader

    /// A reader as above, told whether its records need their ids.
    func reader(topics: [String], from start: StartPoint, recordIDs: RecordIDs) async throws -> any LogReader

    /// A member of a named consumer group: it resumes from the group's committed offsets.
    func consumer(group: String, topics: [String], options: ConsumerOptions) async throws -> any GroupConsumer

    /// The group's committed offsets (the next offset to read, per topic and partition).
    func committedOffsets(group: String, topics: [String]) async throws -> [TopicPartition: Int64]

    /// The offset the next appended record of each topic partition would get (Kafka's high watermark).
    func endOffsets(topics: [String]) async throws -> [TopicPartition: Int64]

    /// The connection as the backend sees it (may ask the backend: call it now and then, not per record).
    func health() async -> LogHealth

    /// Releases the backend's resources. Readers and consumers made from it must be closed first.
    func close() async
}

extension EventLog {
    /// A backend whose ids cost nothing to read always reads them.
    public func reader(topics: [String], from start: StartPoint, recordIDs: RecordIDs) async throws -> any LogReader {
        try await reader(topics: topics, from: start)
    }

    /// A log on this machine is reachable as long as it answers calls.
    public func health() async -> LogHealth { LogHealth() }

    public func startAppend(_ records: [OutgoingRecord]) async throws -> PendingAppend {
        PendingAppend(finished: try await append(records))
    }

    public func append(_ record: OutgoingRecord) async throws -> AppendResult {
        let results = try await append([record])
        guard let result = results.first else { throw EventLogError.backend("append returned no result") }
        return result
    }

    /// Reads at most `limit` records from `start` without waiting for new ones.
    public func read(topics: [String], from start: StartPoint, limit: Int) async throws -> [LogRecord] {
        let reader = try await reader(topics: topics, from: start)
        var records: [LogRecord] = []
        do {
            while records.count < limit {
                let batch = try await reader.poll(maxRecords: limit - records.count, timeout: .zero)
                if batch.isEmpty { break }
                records += batch
            }
        } catch {
            await reader.close()
            throw error
        }
        await reader.close()
        return records
    }
}
