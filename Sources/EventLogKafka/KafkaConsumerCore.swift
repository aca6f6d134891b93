import CRdKafka
import EventLog
import Foundation
import Synchronization

/// What readers and group members share: a consumer handle polled on a serial queue of its own
/// (librdkafka's poll blocks), messages turned into `LogRecord`s, errors sorted into the ones
/// librdkafka retries by itself (reported as status) and the ones that end the reader.
final class KafkaConsumerCore: @unchecked Sendable {
    let handle: KafkaHandle
    let queue: DispatchQueue
    let status: KafkaStatus
    private let closed = Atomic<Bool>(false)
    /// The handle's consumer queue, for taking many fetched messages in one call (readers only:
    /// group members take them one by one, so each rebalance is seen between two messages).
    private let batchQueue: OpaquePointer?
    /// Topic names by librdkafka topic handle, so a record does not make its topic's string
    /// again; touched only on `queue`.
    private var topicNames = KafkaTopicNames()
    /// Whether records get their ids (librdkafka parses a message's headers into objects of
    /// their own when first asked, for the id header alone).
    private let readsIDs: Bool

    init(handle: KafkaHandle, status: KafkaStatus, name: String, recordIDs: RecordIDs, batched: Bool = false) {
        self.handle = handle
        self.status = status
        readsIDs = recordIDs == .read
        queue = DispatchQueue(label: name)
        batchQueue = batched ? rd_kafka_queue_get_consumer(handle.pointer) : nil
    }

    deinit {
        // Before the handle goes (the core holds it).
        if let batchQueue { rd_kafka_queue_destroy(batchQueue) }
    }

    var isClosed: Bool { closed.load(ordering: .relaxed) }

    /// Marks the core closed; true the first time.
    func markClosed() -> Bool { !closed.exchange(true, ordering: .relaxed) }

    /// Polls on the serial queue: waits up to `timeout` for a first record, then takes what is
    /// already fetched, up to `maxRecords`.
    func poll(maxRecords: Int, timeout: Duration) async throws -> [LogRecord] {
        guard !isClosed else { throw EventLogError.closed }
        let waitMilliseconds = Int(kafkaMilliseconds(timeout))
        return try await KafkaBlocking.run(on: queue) { [self] in
            try pollNow(maxRecords: max(1, maxRecords), waitMilliseconds: waitMilliseconds)
        }
    }

    /// Must run on `queue`.
    func pollNow(maxRecords: Int, waitMilliseconds: Int) throws -> [LogRecord] {
        let records = try pollMessages(maxRecords: maxRecords, waitMilliseconds: waitMilliseconds)
        if !records.isEmpty { status.recordProgress() }
        return records
    }

    private func pollMessages(maxRecords: Int, waitMilliseconds: Int) throws -> [LogRecord] {
        var records: [LogRecord] = []
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(waitMilliseconds) * 1_000_000
        // Wait only for the first record, in slices, so a close is noticed.
        while records.isEmpty, !isClosed {
            let now = DispatchTime.now().uptimeNanoseconds
            let wait = now < deadline ? Int32(min(100, (deadline - now) / 1_000_000 + 1)) : 0
            if let message = rd_kafka_consumer_poll(handle.pointer, wait) {
                defer { rd_kafka_message_destroy(message) }
                try take(message, into: &records)
            } else if DispatchTime.now().uptimeNanoseconds >= deadline {
                return records
            }
        }
        // Then what is already fetched, without waiting: many at a time where the core may.
        if let batchQueue {
            var messages = [UnsafeMutablePointer<rd_kafka_message_t>?](repeating: nil, count: min(max(0, maxRecords - records.count), 10_000))
            while records.count < maxRecords, !isClosed, !messages.isEmpty {
                let wanted = min(messages.count, maxRecords - records.count)
                let count = messages.withUnsafeMutableBufferPointer { rd_kafka_consume_batch_queue(batchQueue, 0, $0.baseAddress, wanted) }
                guard count > 0 else { break }
                let taken = messages[0..<count].compactMap { $0 }
                defer { for message in taken { rd_kafka_message_destroy(message) } }
                // Their payloads copied into one buffer: one allocation for the run, not one each.
                let payloads = Self.payloads(of: taken)
                var offset = 0
                for message in taken {
                    let length = Self.payloadLength(of: message)
                    try take(message, into: &records, payload: payloads[offset..<offset + length])
                    offset += length
                }
            }
            return records
        }
        while records.count < maxRecords, !isClosed, let message = rd_kafka_consumer_poll(handle.pointer, 0) {
            defer { rd_kafka_message_destroy(message) }
            try take(message, into: &records)
        }
        return records
    }

    /// The payload bytes of a message that is a record (none for an error).
    static func payloadLength(of message: UnsafeMutablePointer<rd_kafka_message_t>) -> Int {
        message.pointee.err == RD_KAFKA_RESP_ERR_NO_ERROR && message.pointee.payload != nil ? message.pointee.len : 0
    }

    /// The payloads of `messages`, one after another in one buffer (`payloadLength` each).
    static func payloads(of messages: [UnsafeMutablePointer<rd_kafka_message_t>]) -> [UInt8] {
        let total = messages.reduce(0) { $0 + payloadLength(of: $1) }
        return [UInt8](unsafeUninitializedCapacity: total) { buffer, initialized in
            initialized = 0
            guard let base = buffer.baseAddress else { return }
            for message in messages {
                let length = payloadLength(of: message)
                guard length > 0, let payload = message.pointee.payload else { continue }
                (base + initialized).update(from: payload.assumingMemoryBound(to: UInt8.self), count: length)
                initialized += length
            }
        }
    }

    /// One polled message: a record, an error librdkafka retries (status), or one that ends the
    /// reader. A record's payload is `payload` when given (a slice of its run's buffer), else a
    /// copy of its own.
    private func take(_ message: UnsafeMutablePointer<rd_kafka_message_t>, into records: inout [LogRecord], payload: ArraySlice<UInt8>? = nil) throws {
        let code = message.pointee.err
        guard code == RD_KAFKA_RESP_ERR_NO_ERROR else {
            if code == RD_KAFKA_RESP_ERR__PARTITION_EOF { return }
            let reason = Self.errorText(message)
            status.record(code: code, reason: reason)
            if Self.isFatal(code) { throw EventLogError.backend("Kafka: \(reason)") }
            return
        }
        records.append(Self.record(message, topicNames: &topicNames, readsID: readsIDs, payload: payload))
    }

    /// Errors a reader cannot get past by waiting; the rest librdkafka retries itself.
    static func isFatal(_ code: rd_kafka_resp_err_t) -> Bool {
        switch code {
        case RD_KAFKA_RESP_ERR__FATAL, RD_KAFKA_RESP_ERR_TOPIC_AUTHORIZATION_FAILED, RD_KAFKA_RESP_ERR_GROUP_AUTHORIZATION_FAILED,
             RD_KAFKA_RESP_ERR__AUTHENTICATION, RD_KAFKA_RESP_ERR__SSL, RD_KAFKA_RESP_ERR_SASL_AUTHENTICATION_FAILED:
            true
        default:
            false
        }
    }

    static func errorText(_ message: UnsafeMutablePointer<rd_kafka_message_t>) -> String {
        let code = message.pointee.err
        var text = KafkaHandle.describe(code)
        if let payload = message.pointee.payload, message.pointee.len > 0 {
            text = String(decoding: UnsafeRawBufferPointer(start: payload, count: message.pointee.len), as: UTF8.self)
        }
        if let topic = message.pointee.rkt { text += " (\(String(cString: rd_kafka_topic_name(topic))))" }
        return text
    }

    /// A consumed message as a record. Its id is the `dos-id` header; a record another producer
    /// wrote without one is known by where it is. Without `readsID`, the id is left empty.
    static func record(
        _ message: UnsafeMutablePointer<rd_kafka_message_t>, topicNames: inout KafkaTopicNames, readsID: Bool, payload: ArraySlice<UInt8>?
    ) -> LogRecord {
        let pointee = message.pointee
        let topic = topicNames.name(of: pointee.rkt)
        let position = LogPosition(partition: pointee.partition, offset: pointee.offset)
        var timestampType = RD_KAFKA_TIMESTAMP_NOT_AVAILABLE
        let milliseconds = rd_kafka_message_timestamp(message, &timestampType)
        let timestamp = milliseconds >= 0 ? Date(timeIntervalSince1970: Double(milliseconds) / 1_000) : Date()
        let key = pointee.key.map { String(decoding: UnsafeRawBufferPointer(start: $0, count: pointee.key_len), as: UTF8.self) }
        var id = ""
        if readsID {
            var idSize = 0
            id = dos_kafka_message_id(message, &idSize).map { pointer in
                String(decoding: UnsafeRawBufferPointer(start: pointer, count: idSize), as: UTF8.self)
            } ?? "\(topic)-\(position.partition)-\(position.offset)"
        }
        let payload = payload ?? pointee.payload.map { [UInt8](UnsafeRawBufferPointer(start: $0, count: pointee.len))[...] } ?? []
        return LogRecord(topic: topic, position: position, key: key, id: id, timestamp: timestamp, payload: payload)
    }
}

/// The name of the topic a consumer's records come from, made once per run of records from one
/// topic rather than once per record. The name is checked each time (a handle freed after a
/// rebalance could be reused for another topic), which costs a comparison, not an allocation.
struct KafkaTopicNames {
    private var last: (name: String, bytes: [CChar])?

    mutating func name(of handle: OpaquePointer?) -> String {
        guard let handle, let current = rd_kafka_topic_name(handle) else { return "" }
        if let last, strcmp(current, last.bytes) == 0 { return last.name }
        let name = String(cString: current)
        last = (name, Array(name.utf8CString))
        return name
    }
}

/// A librdkafka topic-partition list built from Swift values, destroyed with the object.
final class KafkaPartitionList {
    let pointer: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>

    init(_ offsets: [(TopicPartition, Int64)]) {
        pointer = rd_kafka_topic_partition_list_new(Int32(max(1, offsets.count)))
        for (partition, offset) in offsets {
            let element = rd_kafka_topic_partition_list_add(pointer, partition.topic, partition.partition)
            element?.pointee.offset = offset
        }
    }

    deinit { rd_kafka_topic_partition_list_destroy(pointer) }

    /// Each element's partition, offset and error.
    var elements: [(partition: TopicPartition, offset: Int64, code: rd_kafka_resp_err_t)] {
        Self.elements(of: pointer)
    }

    static func elements(of list: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>?) -> [(partition: TopicPartition, offset: Int64, code: rd_kafka_resp_err_t)] {
        guard let list, let elements = list.pointee.elems else { return [] }
        return (0..<Int(list.pointee.cnt)).map { index in
            let element = elements[index]
            return (TopicPartition(topic: String(cString: element.topic), partition: element.partition), element.offset, element.err)
        }
    }
}
