import CRdKafka
import EventLog
import Foundation
import Synchronization

/// Makes topics that do not exist yet.
public protocol KafkaTopicCreator: Sendable {
    func create(_ topics: [String], partitions: Int, replicationFactor: Int) async throws
}

/// Topics as the cluster knows them: created when missing (through the admin API unless told
/// otherwise, with the configured partitions and replication factor), and their partition
/// counts, cached. A topic that exists (made by another dos, or by the cluster's operators
/// where dos may not create topics) is simply used. Existence is asked through a handle that
/// tells brokers not to auto-create what it asks about (their defaults are not ours).
final class KafkaTopics: Sendable {
    let handle: KafkaHandle
    private let settings: KafkaSettings
    private let creator: any KafkaTopicCreator
    private let known = Mutex<[String: Int32]>([:])

    init(handle: KafkaHandle, settings: KafkaSettings, creator: (any KafkaTopicCreator)?) {
        self.handle = handle
        self.settings = settings
        self.creator = creator ?? KafkaAdminTopicCreator(handle: handle)
    }

    /// Partition counts of `topics`, creating the ones that do not exist.
    func ensure(_ topics: [String]) async throws -> [String: Int32] {
        try RecordRules.check(topics: topics)
        let cached = known.withLock { $0 }
        let missing = Array(Set(topics.filter { cached[$0] == nil })).sorted()
        if !missing.isEmpty {
            let handle = self.handle
            // Asked through a handle that never has brokers auto-create what it asks about.
            let existing = try await KafkaBlocking.run { missing.compactMap { topic in Self.partitionCount(of: topic, handle: handle).map { (topic, $0) } } }
            let absent = missing.filter { topic in !existing.contains { $0.0 == topic } }
            var created: [(String, Int32)] = []
            if !absent.isEmpty {
                do {
                    try await creator.create(absent, partitions: settings.partitions, replicationFactor: settings.replicationFactor)
                } catch {
                    // Made meanwhile by another process (or by the cluster's operators): use it.
                    let madeMeanwhile = try await KafkaBlocking.run { absent.filter { Self.partitionCount(of: $0, handle: handle) != nil } }
                    guard madeMeanwhile.count == absent.count else { throw error }
                }
                created = try await KafkaBlocking.run { try absent.map { ($0, try Self.waitForPartitions(of: $0, handle: handle)) } }
            }
            known.withLock { known in for (topic, count) in existing + created { known[topic] = count } }
        }
        let all = known.withLock { $0 }
        return Dictionary(uniqueKeysWithValues: topics.compactMap { topic in all[topic].map { (topic, $0) } })
    }

    /// Every partition of `topics`, in topic order.
    func partitions(of topics: [String]) async throws -> [TopicPartition] {
        let counts = try await ensure(topics)
        return topics.flatMap { topic in (0..<(counts[topic] ?? 1)).map { TopicPartition(topic: topic, partition: $0) } }
    }

    /// The topic's partition count, nil when the cluster does not know it (one metadata request).
    private static func partitionCount(of topic: String, handle: KafkaHandle) -> Int32? {
        guard let topicHandle = rd_kafka_topic_new(handle.pointer, topic, nil) else { return nil }
        defer { rd_kafka_topic_destroy(topicHandle) }
        var metadata: UnsafePointer<rd_kafka_metadata>?
        let code = rd_kafka_metadata(handle.pointer, 0, topicHandle, &metadata, 5_000)
        guard code == RD_KAFKA_RESP_ERR_NO_ERROR, let metadata else { return nil }
        defer { rd_kafka_metadata_destroy(metadata) }
        guard metadata.pointee.topic_cnt > 0, let described = metadata.pointee.topics?.pointee,
              described.err == RD_KAFKA_RESP_ERR_NO_ERROR, described.partition_cnt > 0
        else { return nil }
        return described.partition_cnt
    }

    /// Asks until a new topic shows partitions (the cluster takes a moment to say so).
    private static func waitForPartitions(of topic: String, handle: KafkaHandle) throws -> Int32 {
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline {
            if let count = partitionCount(of: topic, handle: handle) { return count }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw EventLogError.backend("topic \(topic) was created but the brokers do not show it after 15 s")
    }
}

/// Creates topics with the admin API (CreateTopics, answered by the cluster's controller).
struct KafkaAdminTopicCreator: KafkaTopicCreator {
    let handle: KafkaHandle

    func create(_ topics: [String], partitions: Int, replicationFactor: Int) async throws {
        let handle = self.handle
        try await KafkaBlocking.run {
            // CreateTopics goes to the controller; a cluster that names none (librdkafka's mock)
            // would keep the request waiting for its whole timeout. Say so at once instead:
            // topics its operators made are then used as they are.
            guard rd_kafka_controllerid(handle.pointer, 2_000) >= 0 else {
                throw EventLogError.backend("creating topics \(topics.joined(separator: ", ")): the cluster names no controller")
            }
            try Self.create(topics, partitions: partitions, replicationFactor: replicationFactor, handle: handle)
        }
    }

    static func create(_ topics: [String], partitions: Int, replicationFactor: Int, handle: KafkaHandle) throws {
        var error = [CChar](repeating: 0, count: 512)
        var newTopics: [OpaquePointer?] = []
        defer { for topic in newTopics { rd_kafka_NewTopic_destroy(topic) } }
        for topic in topics {
            guard let newTopic = rd_kafka_NewTopic_new(topic, Int32(partitions), Int32(replicationFactor), &error, error.count) else {
                throw EventLogError.backend("cannot create topic \(topic): \(kafkaText(error))")
            }
            newTopics.append(newTopic)
        }
        guard let queue = rd_kafka_queue_new(handle.pointer) else { throw EventLogError.backend("librdkafka: no queue") }
        defer { rd_kafka_queue_destroy(queue) }
        let options = rd_kafka_AdminOptions_new(handle.pointer, RD_KAFKA_ADMIN_OP_CREATETOPICS)
        defer { rd_kafka_AdminOptions_destroy(options) }
        rd_kafka_AdminOptions_set_operation_timeout(options, 10_000, &error, error.count)
        rd_kafka_AdminOptions_set_request_timeout(options, 15_000, &error, error.count)
        newTopics.withUnsafeMutableBufferPointer { buffer in
            rd_kafka_CreateTopics(handle.pointer, buffer.baseAddress, buffer.count, options, queue)
        }
        guard let event = rd_kafka_queue_poll(queue, 20_000) else {
            throw EventLogError.backend("creating topics \(topics.joined(separator: ", ")): no answer from the brokers within 20 s")
        }
        defer { rd_kafka_event_destroy(event) }
        if rd_kafka_event_error(event) != RD_KAFKA_RESP_ERR_NO_ERROR {
            throw EventLogError.backend("creating topics: \(String(cString: rd_kafka_event_error_string(event)))")
        }
        guard let result = rd_kafka_event_CreateTopics_result(event) else { return }
        var count = 0
        guard let results = rd_kafka_CreateTopics_result_topics(result, &count) else { return }
        for index in 0..<count {
            let code = rd_kafka_topic_result_error(results[index])
            guard code != RD_KAFKA_RESP_ERR_NO_ERROR, code != RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS else { continue }
            let name = String(cString: rd_kafka_topic_result_name(results[index]))
            let message = rd_kafka_topic_result_error_string(results[index]).map { String(cString: $0) } ?? KafkaHandle.describe(code)
            throw EventLogError.backend("creating topic \(name): \(message)")
        }
    }
}
