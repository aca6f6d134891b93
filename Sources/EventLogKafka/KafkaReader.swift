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

    static func open(settings: KafkaSettings, status: KafkaStatus, partitions: [TopicPartition], from start: StartPoint, recordIDs: RecordIDs) async throws -> KafkaReader {
        let handle = try KafkaHandle(consumer: settings, properties: [
            // Never joins (partitions are assigned), never commits; librdkafka wants a name.
            "group.id": "dos-reader-\(UUID().uuidString.lowercased())",
            "enable.auto.commit": "false",
            "enable.auto.offset.store": "false",
            "auto.offset.reset": "earliest",
            // A reader that falls behind its fetches (a long replay) would otherwise wait a whole
            // second each time its queue fills (librdkafka ≥ 2.3; older versions skip it).
            "fetch.queue.backoff.ms": "10",
        ], status: status)
        rd_kafka_poll_set_consumer(handle.pointer)
        let core = KafkaConsumerCore(handle: handle, status: status, name: "dos-kafka-reader", recordIDs: recordIDs, batched: true)
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
        let lows = try listOffsets(handle: handle, partitions, at: dos_kafka_offset_beginning())
        let highs = try listOffsets(handle: handle, partitions, at: dos_kafka_offset_end())
        for partition in partitions {
            let low = lows[partition] ?? 0, high = highs[partition] ?? low
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

    /// Each partition's first (`at` = beginning) or next (`at` = end) offset, asked of the brokers
    /// in one request per broker rather than one per partition (a reader of three topics of
    /// twelve partitions would otherwise wait for 72 round trips).
    static func listOffsets(handle: KafkaHandle, _ partitions: [TopicPartition], at which: Int64, timeoutMilliseconds: Int32 = 10_000) throws -> [TopicPartition: Int64] {
        guard !partitions.isEmpty else { return [:] }
        // ListOffsets takes -2 (earliest) and -1 (latest) as the time to look up.
        let list = KafkaPartitionList(partitions.map { ($0, which) })
        let code = rd_kafka_offsets_for_times(handle.pointer, list.pointer, timeoutMilliseconds)
        guard code == RD_KAFKA_RESP_ERR_NO_ERROR else {
            throw EventLogError.backend("Kafka: offsets of \(partitions.first?.topic ?? "?")…: \(KafkaHandle.describe(code))")
        }
        var offsets: [TopicPartition: Int64] = [:]
        for element in list.elements {
            guard element.code == RD_KAFKA_RESP_ERR_NO_ERROR else {
                throw EventLogError.backend("Kafka: offsets of \(element.partition): \(KafkaHandle.describe(element.code))")
            }
            offsets[element.partition] = max(0, element.offset)
        }
        return offsets
    }

    func poll(maxRecords: Int, timeout: Duration) async throws -> [LogRecord] {
        guard !core.isClosed else { throw EventLogError.closed }
        let waitMilliseconds = Int(kafkaMilliseconds(timeout))
        return try await KafkaBlocking.run(on: core.queue) { [self] in
            while true {
                var records = try core.pollNow(maxRecords: max(1, maxRecords), waitMilliseconds: waitMilliseconds)
                // Records known to be there are waited for; while fetches fail (a broker answering
                // with errors, or down) that may take a while, and "nothing" would be wrong.
                let started = ContinuousClock.now
                while records.isEmpty, waitMilliseconds < 5_000, ContinuousClock.now - started < .seconds(30), mayHaveUnfetchedRecords() {
                    records = try core.pollNow(maxRecords: max(1, maxRecords), waitMilliseconds: 100)
                }
                notePositions(of: records)
                let kept = skippingEarly(records)
                // Everything read was before the start time: read on rather than answer "nothing".
                if kept.isEmpty, !records.isEmpty { continue }
                return kept
            }
        }
    }

    /// Moves each partition's next offset past the records read (they come in runs per partition).
    private func notePositions(of records: [LogRecord]) {
        for index in records.indices where index + 1 == records.count
            || records[index + 1].position.partition != records[index].position.partition
            || records[index + 1].topic != records[index].topic {
            positions[records[index].topicPartition] = records[index].position.offset + 1
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

    /// Whether a partition may hold records that have not come yet: below the high watermark the
    /// last fetch brought. Otherwise (caught up as far as the fetches show, or not fetched yet:
    /// an idle partition's first fetch waits out `fetch.wait.max.ms`) the brokers are asked, in
    /// one request per broker; a fetch that failed may also have brought no watermark worth the
    /// name. A broker whose offset lookups fall short (Tansu) then changes nothing.
    private func mayHaveUnfetchedRecords() -> Bool {
        for (partition, position) in positions {
            var low: Int64 = 0, high: Int64 = -1
            let code = rd_kafka_get_watermark_offsets(core.handle.pointer, partition.topic, partition.partition, &low, &high)
            if code == RD_KAFKA_RESP_ERR_NO_ERROR, high >= 0, position < high { return true }
        }
        guard let latest = try? Self.listOffsets(handle: core.handle, Array(positions.keys), at: dos_kafka_offset_end(), timeoutMilliseconds: 5_000) else {
            return false
        }
        return positions.contains { partition, position in position < latest[partition] ?? 0 }
    }

    func close() async {
        guard core.markClosed() else { return }
        let core = self.core
        _ = try? await KafkaBlocking.run(on: core.queue) { _ = rd_kafka_consumer_close(core.handle.pointer) }
    }
}
