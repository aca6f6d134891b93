import CRdKafka
import EventLog
import Foundation
import Synchronization

/// The event log on an Apache Kafka cluster, through librdkafka: the same contract as the
/// embedded log, with Kafka's own terms where they differ (DECISIONS.md):
/// - positions are per partition; records of one key share a partition and keep their order;
/// - a batch is produced in order but is not atomic across partitions;
/// - ids are not deduplicated by the log (an idempotent producer only rules out retry
///   duplicates): every consumer dedupes by event id, as every dos handler does.
public final class KafkaEventLog: EventLog, @unchecked Sendable {
    public let settings: KafkaSettings
    public let status = KafkaStatus()
    /// Made by the first append: a process that only reads (a tail, a listing, a replay) never
    /// starts one, nor waits for it at close.
    private let producer = Mutex(ProducerState.none)

    private enum ProducerState {
        case none
        case started(KafkaProducer)
        /// Closed: appends are refused.
        case closed
    }
    private let topics: KafkaTopics

    /// `topicCreator` makes missing topics (default: the admin API).
    public init(settings: KafkaSettings, topicCreator: (any KafkaTopicCreator)? = nil) throws {
        self.settings = settings
        // Metadata is asked through a consumer-type handle: a producer's request for an unknown
        // topic would have brokers auto-create it with their default partitions.
        let admin = try KafkaHandle(consumer: settings, properties: ["allow.auto.create.topics": "false"], status: status)
        topics = KafkaTopics(handle: admin, settings: settings, creator: topicCreator)
    }

    public var location: String { settings.description }

    /// The librdkafka loaded at run time.
    public static var libraryVersion: String { KafkaHandle.version }

    /// Asks the brokers who they are: "3 brokers (1, 2, 3), 12 topics". Fails when none answers
    /// within `timeout`.
    public static func describeCluster(settings: KafkaSettings, timeout: Duration) async throws -> String {
        let status = KafkaStatus()
        return try await KafkaBlocking.run {
            let handle = try KafkaHandle(consumer: settings, properties: ["allow.auto.create.topics": "false"], status: status)
            var metadata: UnsafePointer<rd_kafka_metadata>?
            let code = rd_kafka_metadata(handle.pointer, 1, nil, &metadata, kafkaMilliseconds(timeout))
            guard code == RD_KAFKA_RESP_ERR_NO_ERROR, let metadata else {
                let reason = status.snapshot.lastError.map { " (\($0))" } ?? ""
                throw EventLogError.backend("no broker answered within \(timeout): \(KafkaHandle.describe(code))\(reason)")
            }
            defer { rd_kafka_metadata_destroy(metadata) }
            let brokers = (0..<Int(metadata.pointee.broker_cnt)).compactMap { metadata.pointee.brokers?[$0].id }.sorted()
            return "\(brokers.count) broker\(brokers.count == 1 ? "" : "s") (\(brokers.map(String.init).joined(separator: ", "))), "
                + "\(metadata.pointee.topic_cnt) topic\(metadata.pointee.topic_cnt == 1 ? "" : "s")"
        }
    }

    /// Creates the topics now if missing (`dos` does this for its own at start).
    public func createTopics(_ names: [String]) async throws {
        _ = try await topics.ensure(names)
    }

    public func append(_ records: [OutgoingRecord]) async throws -> [AppendResult] {
        try await startAppend(records).results()
    }

    public func startAppend(_ records: [OutgoingRecord]) async throws -> PendingAppend {
        let names = Self.distinctTopics(records)
        try RecordRules.check(topics: names)
        for index in records.indices { try RecordRules.check(id: records[index].id, payloadSize: records[index].payload.count) }
        _ = try await topics.ensure(names)
        let producer = try await startedProducer()
        let batch = try await producer.start(records)
        return PendingAppend { try await producer.results(of: batch) }
    }

    /// The topics a batch writes to, in first-seen order (most batches have one).
    private static func distinctTopics(_ records: [OutgoingRecord]) -> [String] {
        var topics: [String] = []
        for record in records where topics.last != record.topic && !topics.contains(record.topic) { topics.append(record.topic) }
        return topics
    }

    public func reader(topics names: [String], from start: StartPoint) async throws -> any LogReader {
        try await reader(topics: names, from: start, recordIDs: .read)
    }

    public func reader(topics names: [String], from start: StartPoint, recordIDs: RecordIDs) async throws -> any LogReader {
        let partitions = try await topics.partitions(of: names)
        return try await KafkaReader.open(settings: settings, status: status, partitions: partitions, from: start, recordIDs: recordIDs)
    }

    public func consumer(group: String, topics names: [String], options: ConsumerOptions) async throws -> any GroupConsumer {
        guard RecordRules.isValidGroupName(group) else { throw EventLogError.invalidGroupName(group) }
        _ = try await topics.ensure(names)
        let endAtStart = options.startWithoutCommit == .end ? try await endOffsets(topics: names) : nil
        return try KafkaGroupConsumer.open(settings: settings, status: status, group: group, topics: names, options: options, endAtStart: endAtStart)
    }

    public func committedOffsets(group: String, topics names: [String]) async throws -> [TopicPartition: Int64] {
        guard RecordRules.isValidGroupName(group) else { throw EventLogError.invalidGroupName(group) }
        let partitions = try await topics.partitions(of: names)
        let settings = self.settings, status = self.status
        return try await KafkaBlocking.run {
            // A handle that names the group but never joins it: it only asks.
            let handle = try KafkaHandle(consumer: settings, properties: ["group.id": group, "enable.auto.commit": "false"], status: status)
            let list = KafkaPartitionList(partitions.map { ($0, dos_kafka_offset_invalid()) })
            let code = rd_kafka_committed(handle.pointer, list.pointer, 10_000)
            guard code == RD_KAFKA_RESP_ERR_NO_ERROR else {
                throw EventLogError.backend("Kafka: committed offsets of group \(group): \(KafkaHandle.describe(code))")
            }
            _ = rd_kafka_consumer_close(handle.pointer)
            return Dictionary(uniqueKeysWithValues: list.elements.filter { $0.offset >= 0 }.map { ($0.partition, $0.offset) })
        }
    }

    public func endOffsets(topics names: [String]) async throws -> [TopicPartition: Int64] {
        let partitions = try await topics.partitions(of: names)
        let handle = topics.handle
        return try await KafkaBlocking.run {
            try KafkaReader.listOffsets(handle: handle, partitions, at: dos_kafka_offset_end())
        }
    }

    /// Unreachable while librdkafka reports every broker down. It says when they went, not when
    /// one is back, so then a broker is asked (a metadata request of at most a second).
    public func health() async -> LogHealth {
        let snapshot = status.snapshot
        guard snapshot.allBrokersDown else { return LogHealth(lastError: snapshot.lastError) }
        let handle = topics.handle
        let answered = (try? await KafkaBlocking.run { () -> Bool in
            var metadata: UnsafePointer<rd_kafka_metadata>?
            let code = rd_kafka_metadata(handle.pointer, 0, nil, &metadata, 1_000)
            if let metadata { rd_kafka_metadata_destroy(metadata) }
            return code == RD_KAFKA_RESP_ERR_NO_ERROR
        }) ?? false
        guard !answered else {
            status.recordProgress()
            return LogHealth(lastError: snapshot.lastError)
        }
        return LogHealth(unreachable: "no broker answers", lastError: snapshot.lastError)
    }

    /// The producer, made now if this is the first append (off the caller's thread: it waits
    /// for the cluster's metadata).
    private func startedProducer() async throws -> KafkaProducer {
        if case .started(let started) = producer.withLock({ $0 }) { return started }
        return try await KafkaBlocking.run { [self] in
            try producer.withLock { state in
                switch state {
                case .started(let started):
                    return started
                case .closed:
                    throw EventLogError.closed
                case .none:
                    let started = try KafkaProducer(settings: settings, status: status)
                    state = .started(started)
                    return started
                }
            }
        }
    }

    public func close() async {
        let previous = producer.withLock { state in
            defer { state = .closed }
            return state
        }
        guard case .started(let producer) = previous else { return }
        _ = try? await KafkaBlocking.run { producer.close() }
    }
}
