import CRdKafka
import EventLog
import Foundation

/// A reader in no group (tails, replays, the console's views): its partitions assigned with
/// explicit start offsets, nothing ever committed.
///
/// "Available now" includes what the brokers hold but has not been fetched yet: a poll that
/// would return nothing first asks for the partitions' high watermarks, and waits (up to 5 s)
/// for records below them, so reading a topic to its end works as it does on the embedded log.
final class KafkaReader: LogReader, @unchecked Sendable {
    private let core: KafkaConsumerCore
    /// The next offset to hand out per partition; touched only on the core's queue.
    private var positions: [TopicPartition: Int64]
    /// Partitions read from their start because the brokers could not look the time up: their
    /// records before this time (ms since 1970) are skipped; touched only on the core's queue.
    private var skipBefore: [TopicPartition: Int64]

    private init(core: KafkaConsumerCore, start: StartOffsets) {
        self.core = core
        positions = start.offsets
        skipBefore = start.skipBefore
    }

    static func open(settings: KafkaSettings, status: KafkaStatus, partitions: [TopicPartition], from start: StartPoint) async throws -> KafkaReader {
        let conf = try KafkaHandle.configuration(settings, [
            // Never joins (partitions are assigned), never commits; librdkafka wants a name.
            "group.id": "dos-reader-\(UUID().uuidString.lowercased())",
            "enable.auto.commit": "false",
            "enable.auto.offset.store": "false",
            "auto.offset.reset": "earliest",
        ])
        let handle = try KafkaHandle(type: RD_KAFKA_CONSUMER, conf: conf, callbacks: KafkaCallbacks(status: status, printsLog: settings.printsLibraryLog))
        rd_kafka_poll_set_consumer(handle.pointer)
        let core = KafkaConsumerCore(handle: handle, status: status, name: "dos-kafka-reader", batched: true)
        let start = try await KafkaBlocking.run { try Self.startOffsets(handle: handle, partitions: partitions, start: start) }
        let list = KafkaPartitionList(start.offsets.map { ($0.key, $0.value) })
        let code = rd_kafka_assign(handle.pointer, list.pointer)
        guard code == RD_KAFKA_RESP_ERR_NO_ERROR else { throw EventLogError.backend("Kafka: cannot assign partitions: \(KafkaHandle.describe(code))") }
        return KafkaReader(core: core, start: start)
    }

    struct StartOffsets: Sendable {
        var offsets: [TopicPartition: Int64] = [:]
        var skipBefore: [TopicPartition: Int64] = [:]
    }

    /// Numeric start offsets, so a record appended right after the reader is made is never skipped.
    private static func startOffsets(handle: KafkaHandle, partitions: [TopicPartition], start: StartPoint) throws -> StartOffsets {
        var result = StartOffsets()
        for partition in partitions {
            let (low, high) = try watermarks(handle: handle, partition)
            switch start {
            case .beginning: result.offsets[partition] = low
            case .end: result.offsets[partition] = high
            case .offset(let offset): result.offsets[partition] = max(offset, low)
            case .positions(let positions): result.offsets[partition] = max(positions[partition] ?? low, low)
            case .time: result.offsets[partition] = low
            }
        }
        guard case .time(let date) = start else { return result }
        let milliseconds = Int64(date.timeIntervalSince1970 * 1_000)
        let list = KafkaPartitionList(partitions.map { ($0, milliseconds) })
        let code = rd_kafka_offsets_for_times(handle.pointer, list.pointer, 10_000)
        guard code == RD_KAFKA_RESP_ERR_NO_ERROR else { throw EventLogError.backend("Kafka: looking up offsets by time: \(KafkaHandle.describe(code))") }
        for element in list.elements {
            if element.code == RD_KAFKA_RESP_ERR_NO_ERROR, element.offset >= 0 {
                result.offsets[element.partition] = element.offset
            } else {
                // No offset: either nothing that late, or brokers that cannot look times up
                // (librdkafka's mock cluster): read from the start and skip what is earlier.
                result.skipBefore[element.partition] = milliseconds
            }
        }
        return result
    }

    static func watermarks(handle: KafkaHandle, _ partition: TopicPartition, timeoutMilliseconds: Int32 = 10_000) throws -> (low: Int64, high: Int64) {
        var low: Int64 = 0, high: Int64 = 0
        let code = rd_kafka_query_watermark_offsets(handle.pointer, partition.topic, partition.partition, &low, &high, timeoutMilliseconds)
        guard code == RD_KAFKA_RESP_ERR_NO_ERROR else {
            throw EventLogError.backend("Kafka: offsets of \(partition): \(KafkaHandle.describe(code))")
        }
        return (low, high)
    }

    func poll(maxRecords: Int, timeout: Duration) async throws -> [LogRecord] {
        guard !core.isClosed else { throw EventLogError.closed }
        let waitMilliseconds = Int(kafkaMilliseconds(timeout))
        return try await KafkaBlocking.run(on: core.queue) { [self] in
            let note: (LogRecord) -> Void = { record in self.positions[record.topicPartition] = record.position.offset + 1 }
            while true {
                var records = try core.pollNow(maxRecords: max(1, maxRecords), waitMilliseconds: waitMilliseconds, onRecord: note)
                // Records below a watermark come within seconds; a partition not fetched even once
                // (brokers answering with errors, one down) gets longer before "nothing" is said.
                let started = ContinuousClock.now
                while records.isEmpty, waitMilliseconds < 5_000 {
                    let unfetched = unfetchedState()
                    guard unfetched != .none, ContinuousClock.now - started < (unfetched == .neverFetched ? .seconds(30) : .seconds(5)) else { break }
                    records = try core.pollNow(maxRecords: max(1, maxRecords), waitMilliseconds: 100, onRecord: note)
                }
                let kept = skippingEarly(records)
                // Everything read was before the start time: read on rather than answer "nothing".
                if kept.isEmpty, !records.isEmpty { continue }
                return kept
            }
        }
    }

    /// Drops the records of a partition that come before its start time, up to the first that does not.
    private func skippingEarly(_ records: [LogRecord]) -> [LogRecord] {
        guard !skipBefore.isEmpty else { return records }
        return records.filter { record in
            guard let floor = skipBefore[record.topicPartition] else { return true }
            guard Int64(record.timestamp.timeIntervalSince1970 * 1_000) >= floor else { return false }
            skipBefore[record.topicPartition] = nil
            return true
        }
    }

    enum Unfetched { case none, belowWatermark, neverFetched }

    /// Whether a partition may hold records that have not come yet: below the high watermark the
    /// last fetch brought, or not fetched at all yet. (The fetch's watermark, not a lookup: no
    /// round trip, and right even on brokers whose offset lookups are not.)
    private func unfetchedState() -> Unfetched {
        var state = Unfetched.none
        for (partition, position) in positions {
            var low: Int64 = 0, high: Int64 = -1
            let code = rd_kafka_get_watermark_offsets(core.handle.pointer, partition.topic, partition.partition, &low, &high)
            if code != RD_KAFKA_RESP_ERR_NO_ERROR || high < 0 { return .neverFetched }
            if position < high { state = .belowWatermark }
        }
        return state
    }

    func close() async {
        guard core.markClosed() else { return }
        let core = self.core
        _ = try? await KafkaBlocking.run(on: core.queue) { _ = rd_kafka_consumer_close(core.handle.pointer) }
    }
}
