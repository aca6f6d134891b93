import CRdKafka
import EventLog
import Foundation

/// A member of a Kafka consumer group: cooperative-sticky assignment, offsets stored and
/// committed only when the caller says its effects are durable, `rd_kafka_consumer_close` on close
/// (the group hands the partitions on at once instead of waiting for the session to expire).
final class KafkaGroupConsumer: GroupConsumer, @unchecked Sendable {
    let group: String
    private let core: KafkaConsumerCore
    private let membership: GroupMembership

    private init(group: String, core: KafkaConsumerCore, membership: GroupMembership) {
        self.group = group
        self.core = core
        self.membership = membership
    }

    static func open(
        settings: KafkaSettings, status: KafkaStatus, group: String, topics: [String], options: ConsumerOptions,
        endAtStart: [TopicPartition: Int64]?
    ) throws -> KafkaGroupConsumer {
        // librdkafka sends heartbeats from its own thread, so "silent" means not polling:
        // `max.poll.interval.ms` is the caller's session, and so is the broker-side session
        // (brokers refuse one below their `group.min.session.timeout.ms`, 6 s by default; the
        // error says so).
        let session = max(1, Int(kafkaMilliseconds(options.sessionTimeout)))
        let properties = [
            "group.id": group,
            "enable.auto.commit": "false",
            "enable.auto.offset.store": "false",
            "partition.assignment.strategy": "cooperative-sticky",
            "auto.offset.reset": options.startWithoutCommit == .end ? "latest" : "earliest",
            "session.timeout.ms": String(session),
            "heartbeat.interval.ms": String(max(1, min(3_000, session / 3))),
            "max.poll.interval.ms": String(session),
        ]
        let strategy = settings.properties["partition.assignment.strategy"] ?? "cooperative-sticky"
        let membership = GroupMembership(cooperative: strategy.contains("cooperative"), endAtStart: endAtStart)
        let handle = try KafkaHandle(consumer: settings, properties: properties, status: status, membership: membership)
        rd_kafka_poll_set_consumer(handle.pointer)
        let list = KafkaPartitionList(topics.map { (TopicPartition(topic: $0, partition: dos_kafka_partition_unassigned()), 0) })
        let code = rd_kafka_subscribe(handle.pointer, list.pointer)
        guard code == RD_KAFKA_RESP_ERR_NO_ERROR else {
            throw EventLogError.backend("Kafka: cannot join group \(group): \(KafkaHandle.describe(code))")
        }
        return KafkaGroupConsumer(group: group, core: KafkaConsumerCore(handle: handle, status: status, name: "dos-kafka-group", recordIDs: options.recordIDs), membership: membership)
    }

    func poll(maxRecords: Int, timeout: Duration) async throws -> [LogRecord] {
        // Records of partitions this member no longer owns (revoked in the same poll) are
        // left for their new owner.
        try await core.poll(maxRecords: maxRecords, timeout: timeout).filter { membership.owns($0.topicPartition) }
    }

    func assignment() async -> [TopicPartition] { membership.assignment }

    func commit(_ records: [LogRecord]) async throws {
        guard !records.isEmpty else { return }
        guard !core.isClosed else { throw EventLogError.closed }
        var next: [TopicPartition: Int64] = [:]
        for record in records { next[record.topicPartition] = max(next[record.topicPartition] ?? 0, record.position.offset + 1) }
        let group = self.group, core = self.core, membership = self.membership, offsets = next
        try await KafkaBlocking.run(on: core.queue) {
            // Partitions handed to another member are not this member's to commit.
            guard offsets.keys.allSatisfy(membership.owns) else { throw EventLogError.notGroupMember(group: group) }
            let list = KafkaPartitionList(offsets.map { ($0.key, $0.value) })
            var code = rd_kafka_commit(core.handle.pointer, list.pointer, 0)
            if code == RD_KAFKA_RESP_ERR_NO_ERROR, let failed = list.elements.first(where: { $0.code != RD_KAFKA_RESP_ERR_NO_ERROR }) {
                code = failed.code
            }
            guard code != RD_KAFKA_RESP_ERR_NO_ERROR else { return }
            if Self.meansNotAMember(code) { throw EventLogError.notGroupMember(group: group) }
            throw EventLogError.backend("Kafka: commit for group \(group) failed: \(KafkaHandle.describe(code))")
        }
    }

    static func meansNotAMember(_ code: rd_kafka_resp_err_t) -> Bool {
        switch code {
        case RD_KAFKA_RESP_ERR_ILLEGAL_GENERATION, RD_KAFKA_RESP_ERR_UNKNOWN_MEMBER_ID, RD_KAFKA_RESP_ERR_REBALANCE_IN_PROGRESS,
             RD_KAFKA_RESP_ERR_FENCED_INSTANCE_ID, RD_KAFKA_RESP_ERR__STATE, RD_KAFKA_RESP_ERR__ASSIGNMENT_LOST,
             RD_KAFKA_RESP_ERR__MAX_POLL_EXCEEDED:
            true
        default:
            false
        }
    }

    func close() async {
        guard core.markClosed() else { return }
        let core = self.core
        // Leaves the group (the revoke runs here), so the partitions move on at once.
        _ = try? await KafkaBlocking.run(on: core.queue) { _ = rd_kafka_consumer_close(core.handle.pointer) }
    }
}
