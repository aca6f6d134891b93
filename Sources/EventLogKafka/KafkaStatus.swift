import CRdKafka
import EventLog
import Foundation
import Synchronization

/// What librdkafka reports about the connection, for status lines: the last error and whether
/// every broker is down. librdkafka keeps retrying by itself; this only tells.
public final class KafkaStatus: Sendable {
    public struct Snapshot: Sendable, Equatable {
        public var allBrokersDown = false
        public var lastError: String?
        public var errorCount = 0
    }

    private let state = Mutex(Snapshot())

    public init() {}

    public var snapshot: Snapshot { state.withLock { $0 } }

    func record(code: rd_kafka_resp_err_t, reason: String) {
        state.withLock { state in
            state.errorCount += 1
            state.lastError = reason
            if code == RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN { state.allBrokersDown = true }
        }
    }

    func recordProgress() {
        state.withLock { $0.allBrokersDown = false }
    }

}

/// What a handle's callbacks reach through librdkafka's one opaque per configuration: the log's
/// status, and for a group member its assignment. Its owner keeps it alive as long as the handle.
final class KafkaCallbacks: Sendable {
    let status: KafkaStatus
    let membership: GroupMembership?
    /// librdkafka's own log lines go to stderr only when asked for (a `debug` property); its
    /// errors reach the status through the error callback either way, never the screen.
    let printsLog: Bool

    init(status: KafkaStatus, membership: GroupMembership? = nil, printsLog: Bool = false) {
        self.status = status
        self.membership = membership
        self.printsLog = printsLog
    }

    func install(on conf: OpaquePointer) {
        rd_kafka_conf_set_opaque(conf, Unmanaged.passUnretained(self).toOpaque())
        rd_kafka_conf_set_log_cb(conf) { handle, _, facility, line in
            guard let handle, let opaque = rd_kafka_opaque(handle) else { return }
            let callbacks = Unmanaged<KafkaCallbacks>.fromOpaque(opaque).takeUnretainedValue()
            guard callbacks.printsLog, let facility, let line else { return }
            FileHandle.standardError.write(Data("librdkafka \(String(cString: facility)): \(String(cString: line))\n".utf8))
        }
        rd_kafka_conf_set_error_cb(conf) { _, code, reason, opaque in
            guard let opaque else { return }
            let callbacks = Unmanaged<KafkaCallbacks>.fromOpaque(opaque).takeUnretainedValue()
            callbacks.status.record(code: rd_kafka_resp_err_t(code), reason: reason.map { String(cString: $0) } ?? "unknown")
        }
        guard membership != nil else { return }
        rd_kafka_conf_set_rebalance_cb(conf) { handle, code, partitions, opaque in
            guard let handle, let opaque else { return }
            let callbacks = Unmanaged<KafkaCallbacks>.fromOpaque(opaque).takeUnretainedValue()
            callbacks.membership?.rebalance(handle: handle, code: code, partitions: partitions)
        }
    }
}

/// A group member's share of the partitions, kept by the rebalance callback (cooperative-sticky:
/// partitions come and go one by one; an eager protocol swaps the whole set).
final class GroupMembership: Sendable {
    private let assigned = Mutex<Set<TopicPartition>>([])
    /// For a group that starts at the end: where "the end" was when the member was made, so a
    /// record appended while the group forms is not skipped (Kafka would resolve "latest" only
    /// once the partition is assigned).
    private let endAtStart: [TopicPartition: Int64]?
    /// Whether partitions come and go one by one (cooperative-sticky) or all at once. Known from
    /// the configuration: librdkafka stops naming the protocol while the member is closing.
    private let cooperative: Bool

    init(cooperative: Bool, endAtStart: [TopicPartition: Int64]? = nil) {
        self.cooperative = cooperative
        self.endAtStart = endAtStart
    }

    var assignment: [TopicPartition] { assigned.withLock { $0 }.sorted() }

    func owns(_ partition: TopicPartition) -> Bool { assigned.withLock { $0.contains(partition) } }

    /// Runs inside `rd_kafka_consumer_poll` (or close) on the member's queue.
    func rebalance(handle: OpaquePointer, code: rd_kafka_resp_err_t, partitions: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>?) {
        let changed = Set(KafkaPartitionList.elements(of: partitions).map(\.partition))
        switch code {
        case RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS:
            if let endAtStart, let partitions {
                // Partitions without a commit start where the end was; the rest at their commit.
                if rd_kafka_committed(handle, partitions, 10_000) == RD_KAFKA_RESP_ERR_NO_ERROR, let elements = partitions.pointee.elems {
                    for index in 0..<Int(partitions.pointee.cnt) where elements[index].offset < 0 {
                        let partition = TopicPartition(topic: String(cString: elements[index].topic), partition: elements[index].partition)
                        if let end = endAtStart[partition] { elements[index].offset = end }
                    }
                }
            }
            if cooperative {
                if let error = rd_kafka_incremental_assign(handle, partitions) { rd_kafka_error_destroy(error) }
            } else {
                rd_kafka_assign(handle, partitions)
            }
            assigned.withLock { $0.formUnion(changed) }
        case RD_KAFKA_RESP_ERR__REVOKE_PARTITIONS:
            // Records handed out but not committed are redelivered to the next owner
            // (at-least-once): nothing in flight needs finishing here.
            if cooperative {
                if let error = rd_kafka_incremental_unassign(handle, partitions) { rd_kafka_error_destroy(error) }
            } else {
                rd_kafka_assign(handle, nil)
            }
            assigned.withLock { $0.subtract(changed) }
        default:
            rd_kafka_assign(handle, nil)
            assigned.withLock { $0.removeAll() }
        }
    }
}
