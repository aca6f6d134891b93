import CRdKafka
import EventLog
import Foundation
import Synchronization

/// The idempotent producer every append of one log goes through (`enable.idempotence`, hence
/// `acks=all`): each record's delivery report is awaited and a failed one is the caller's error.
/// A thread of its own serves the delivery reports; `close` flushes what is in flight.
final class KafkaProducer: @unchecked Sendable {
    let handle: KafkaHandle
    private let status: KafkaStatus
    private let reports: PollLoop
    private let topics = ProducerTopics()
    private let closed = Atomic<Bool>(false)
    /// Starts producing right now (close waits for them).
    private let starts = Atomic<Int>(0)

    init(settings: KafkaSettings, status: KafkaStatus) throws {
        let conf = try KafkaHandle.configuration(settings, [
            "enable.idempotence": "true",
            "acks": "all",
            // Batch for throughput; a lone append still leaves within 5 ms.
            "linger.ms": "5",
            // Give up on a record after a minute without a broker (the caller sees the error).
            "message.timeout.ms": "60000",
        ])
        rd_kafka_conf_set_dr_msg_cb(conf) { _, message, _ in
            guard let message, let opaque = message.pointee._private else { return }
            let slot = opaque.assumingMemoryBound(to: DeliverySlot.self)
            slot.pointee.code = message.pointee.err
            slot.pointee.position = LogPosition(partition: message.pointee.partition, offset: message.pointee.offset)
            slot.pointee.batch.takeUnretainedValue().reported()
        }
        handle = try KafkaHandle(type: RD_KAFKA_PRODUCER, conf: conf, callbacks: KafkaCallbacks(status: status, printsLog: settings.printsLibraryLog))
        self.status = status
        reports = PollLoop(name: "dos-kafka-producer", handle: handle)
        // Learn the cluster before the first record (this blocks: the log makes its producer off
        // the caller's thread): an idempotent producer whose first records arrive while it is
        // still swapping its bootstrap connection for the brokers' own can miss its producer id
        // and wait half a second or more for the next try (seen on Tansu). No broker within
        // two seconds: the records wait in librdkafka's queue instead.
        var metadata: UnsafePointer<rd_kafka_metadata>?
        _ = rd_kafka_metadata(handle.pointer, 0, nil, &metadata, 2_000)
        if let metadata { rd_kafka_metadata_destroy(metadata) }
    }

    /// Produces the records in order and returns once librdkafka holds them all; the batch's
    /// `results()` waits for their delivery reports. Callers that start batches one after
    /// another keep their order (every record goes through this one producer).
    func start(_ records: [OutgoingRecord]) async throws -> DeliveryBatch {
        // Counted before checking, so that close either sees this start or this start sees close.
        starts.add(1, ordering: .sequentiallyConsistent)
        defer { starts.subtract(1, ordering: .sequentiallyConsistent) }
        guard !closed.load(ordering: .sequentiallyConsistent) else { throw EventLogError.closed }
        let batch = DeliveryBatch(records: records)
        guard !records.isEmpty else { return batch }
        let now = Int64(Date().timeIntervalSince1970 * 1_000)
        var topicName = "", topic: OpaquePointer?
        for index in records.indices {
            if index == 0 || records[index].topic != topicName {
                topicName = records[index].topic
                topic = topics.handle(for: topicName, producer: handle)
            }
            guard let topic else {
                batch.refused(index, code: rd_kafka_last_error())
                continue
            }
            while true {
                let code = produce(records[index], topic: topic, timestamp: now, opaque: batch.slot(index))
                if code == RD_KAFKA_RESP_ERR_NO_ERROR { break }
                if code == RD_KAFKA_RESP_ERR__QUEUE_FULL {
                    // The local queue is full: wait for deliveries to make room. Cancelled or
                    // closed meanwhile, the records not produced yet are refused, so the batch
                    // still completes (and frees itself) once the others are reported.
                    do {
                        try await Task.sleep(for: .milliseconds(2))
                        if closed.load(ordering: .sequentiallyConsistent) { throw EventLogError.closed }
                    } catch {
                        for rest in index..<records.count { batch.refused(rest, code: RD_KAFKA_RESP_ERR__PURGE_QUEUE) }
                        throw error
                    }
                    continue
                }
                batch.refused(index, code: code)
                break
            }
        }
        return batch
    }

    /// The progress a batch's delivery makes is the producer's status.
    func results(of batch: DeliveryBatch) async throws -> [AppendResult] {
        let results = try await batch.results()
        status.recordProgress()
        return results
    }

    private func produce(_ record: OutgoingRecord, topic: OpaquePointer, timestamp: Int64, opaque: UnsafeMutableRawPointer) -> rd_kafka_resp_err_t {
        record.payload.withUnsafeBytes { payload in
            let send = { (key: UnsafeRawBufferPointer?) in
                // `id` is a native Swift string (validated non-empty); its count is its UTF-8 size.
                dos_kafka_produce(
                    self.handle.pointer, topic, key?.baseAddress, key?.count ?? 0,
                    payload.baseAddress, payload.count, record.id, record.id.utf8.count, timestamp, opaque)
            }
            guard let key = record.key else { return send(nil) }
            // A native string's bytes are used where they are; others are copied once.
            return key.utf8.withContiguousStorageIfAvailable { send(UnsafeRawBufferPointer($0)) }
                ?? Array(key.utf8).withUnsafeBytes { send($0) }
        }
    }

    /// Waits up to `timeout` for everything in flight, then stops serving reports. What is still
    /// undelivered then is purged, so every waiting batch gets its (failed) reports.
    func close(timeout: Duration = .seconds(10)) {
        guard !closed.exchange(true, ordering: .sequentiallyConsistent) else { return }
        // A start in progress finishes producing first (it uses the topic handles).
        while starts.load(ordering: .sequentiallyConsistent) > 0 { usleep(1_000) }
        if rd_kafka_flush(handle.pointer, kafkaMilliseconds(timeout)) != RD_KAFKA_RESP_ERR_NO_ERROR {
            _ = rd_kafka_purge(handle.pointer, Int32(RD_KAFKA_PURGE_F_QUEUE | RD_KAFKA_PURGE_F_INFLIGHT))
            _ = rd_kafka_flush(handle.pointer, 1_000)
        }
        reports.stop()
        topics.destroyAll()
    }
}

/// The producer's topic handles, made on first use and kept until close.
final class ProducerTopics: Sendable {
    private let handles = Mutex<[String: OpaquePointer]>([:])

    func handle(for name: String, producer: KafkaHandle) -> OpaquePointer? {
        handles.withLock { handles in
            if let known = handles[name] { return known }
            let made = rd_kafka_topic_new(producer.pointer, name, nil)
            handles[name] = made
            return made
        }
    }

    /// At close, after the last start (librdkafka wants every topic handle gone before its own).
    func destroyAll() {
        handles.withLock { handles in
            for handle in handles.values { rd_kafka_topic_destroy(handle) }
            handles.removeAll()
        }
    }
}

/// One record's delivery report, written by librdkafka's callback; the message's opaque points here.
struct DeliverySlot {
    let batch: Unmanaged<DeliveryBatch>
    var code: rd_kafka_resp_err_t = RD_KAFKA_RESP_ERR_NO_ERROR
    var position = LogPosition(offset: -1)
}

/// The delivery reports of one batch, gathered until all are in. Each record has a slot of its
/// own (no object per record); the batch keeps itself alive until its last report, and with it
/// the records, whose payloads librdkafka sends from where they are.
final class DeliveryBatch: @unchecked Sendable {
    private let records: [OutgoingRecord]
    private let slots: UnsafeMutablePointer<DeliverySlot>
    private let remaining: Atomic<Int>
    /// Who waits for the last report, once someone does.
    private let waiter = Mutex<CheckedContinuation<Void, Never>?>(nil)

    init(records: [OutgoingRecord]) {
        self.records = records
        remaining = Atomic(records.count)
        slots = .allocate(capacity: max(1, records.count))
        guard !records.isEmpty else { return }
        // Released by the last report.
        let retained = Unmanaged.passRetained(self)
        slots.initialize(repeating: DeliverySlot(batch: retained), count: records.count)
    }

    deinit {
        if !records.isEmpty { slots.deinitialize(count: records.count) }
        slots.deallocate()
    }

    func slot(_ index: Int) -> UnsafeMutableRawPointer { UnsafeMutableRawPointer(slots + index) }

    /// A record librdkafka would not take: its report is the refusal (never "no error").
    func refused(_ index: Int, code: rd_kafka_resp_err_t) {
        slots[index].code = code == RD_KAFKA_RESP_ERR_NO_ERROR ? RD_KAFKA_RESP_ERR__FAIL : code
        reported()
    }

    /// One report more (its slot is written); the last one wakes the waiter.
    func reported() {
        guard remaining.subtract(1, ordering: .acquiringAndReleasing).newValue == 0 else { return }
        let continuation = waiter.withLock { waiting -> CheckedContinuation<Void, Never>? in
            defer { waiting = nil }
            return waiting
        }
        continuation?.resume()
        Unmanaged.passUnretained(self).release()
    }

    func results() async throws -> [AppendResult] {
        await withCheckedContinuation { continuation in
            let done = waiter.withLock { waiting -> Bool in
                // Checked under the lock the last report takes, so the wake-up cannot be missed.
                if remaining.load(ordering: .acquiring) == 0 { return true }
                waiting = continuation
                return false
            }
            if done { continuation.resume() }
        }
        var results: [AppendResult] = []
        results.reserveCapacity(records.count)
        for index in records.indices {
            let slot = slots[index]
            guard slot.code == RD_KAFKA_RESP_ERR_NO_ERROR else {
                throw EventLogError.backend("delivery to \(records[index].topic) failed: \(KafkaHandle.describe(slot.code))")
            }
            results.append(AppendResult(topic: records[index].topic, position: slot.position, wasDuplicate: false))
        }
        return results
    }
}

/// A thread that serves a handle's callbacks (delivery reports, errors) until stopped.
final class PollLoop: Sendable {
    private let running = Atomic<Bool>(true)
    private let finished = DispatchSemaphore(value: 0)
    private let handle: KafkaHandle

    init(name: String, handle: KafkaHandle) {
        self.handle = handle
        let thread = Thread { [self] in
            while running.load(ordering: .relaxed) { rd_kafka_poll(handle.pointer, 100) }
            finished.signal()
        }
        thread.name = name
        thread.start()
    }

    /// Returns at once rather than after the poll in progress times out: the poll is woken.
    func stop() {
        guard running.exchange(false, ordering: .relaxed) else { return }
        // rd_kafka_poll serves the handle's main queue; yielding it ends the wait.
        if let main = rd_kafka_queue_get_main(handle.pointer) {
            rd_kafka_queue_yield(main)
            rd_kafka_queue_destroy(main)
        }
        finished.wait()
    }
}
