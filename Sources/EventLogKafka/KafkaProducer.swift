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
            let ticket = Unmanaged<DeliveryTicket>.fromOpaque(opaque).takeRetainedValue()
            ticket.batch.delivered(
                index: ticket.index, topic: ticket.topic, code: message.pointee.err,
                position: LogPosition(partition: message.pointee.partition, offset: message.pointee.offset))
        }
        handle = try KafkaHandle(type: RD_KAFKA_PRODUCER, conf: conf, callbacks: KafkaCallbacks(status: status, printsLog: settings.printsLibraryLog))
        self.status = status
        reports = PollLoop(name: "dos-kafka-producer", handle: handle)
    }

    /// Produces the records in order and waits for every delivery report.
    func append(_ records: [OutgoingRecord]) async throws -> [AppendResult] {
        guard !records.isEmpty else { return [] }
        let batch = DeliveryBatch(count: records.count)
        let now = Int64(Date().timeIntervalSince1970 * 1_000)
        for (index, record) in records.enumerated() {
            while true {
                let ticket = Unmanaged.passRetained(DeliveryTicket(batch: batch, index: index, topic: record.topic)).toOpaque()
                let code = produce(record, timestamp: now, opaque: ticket)
                if code == RD_KAFKA_RESP_ERR_NO_ERROR { break }
                Unmanaged<DeliveryTicket>.fromOpaque(ticket).release()
                if code == RD_KAFKA_RESP_ERR__QUEUE_FULL {
                    // The local queue is full: wait for deliveries to make room.
                    try await Task.sleep(for: .milliseconds(2))
                    continue
                }
                batch.delivered(index: index, topic: record.topic, code: code, position: LogPosition(offset: -1))
                break
            }
        }
        let results = try await batch.results()
        status.recordProgress()
        return results
    }

    private func produce(_ record: OutgoingRecord, timestamp: Int64, opaque: UnsafeMutableRawPointer) -> rd_kafka_resp_err_t {
        record.payload.withUnsafeBytes { payload in
            let key = record.key.map { Array($0.utf8) } ?? []
            return key.withUnsafeBytes { keyBytes in
                dos_kafka_produce(
                    handle.pointer, record.topic, record.key == nil ? nil : keyBytes.baseAddress, keyBytes.count,
                    payload.baseAddress, payload.count, record.id, timestamp, opaque)
            }
        }
    }

    /// Waits up to `timeout` for everything in flight, then stops serving reports.
    func close(timeout: Duration = .seconds(10)) {
        rd_kafka_flush(handle.pointer, kafkaMilliseconds(timeout))
        reports.stop()
    }
}

/// One record's place in its batch, carried through librdkafka as the message's opaque.
final class DeliveryTicket {
    let batch: DeliveryBatch
    let index: Int
    let topic: String

    init(batch: DeliveryBatch, index: Int, topic: String) {
        self.batch = batch
        self.index = index
        self.topic = topic
    }
}

/// The delivery reports of one append, gathered until all are in.
final class DeliveryBatch: @unchecked Sendable {
    private struct State {
        var results: [AppendResult?]
        var failure: String?
        var remaining: Int
        var waiter: CheckedContinuation<[AppendResult], any Error>?
    }

    private let state: Mutex<State>

    init(count: Int) {
        state = Mutex(State(results: Array(repeating: nil, count: count), remaining: count))
    }

    func delivered(index: Int, topic: String, code: rd_kafka_resp_err_t, position: LogPosition) {
        let ready = state.withLock { state -> (CheckedContinuation<[AppendResult], any Error>, Result<[AppendResult], any Error>)? in
            if code == RD_KAFKA_RESP_ERR_NO_ERROR {
                state.results[index] = AppendResult(topic: topic, position: position, wasDuplicate: false)
            } else if state.failure == nil {
                state.failure = "delivery to \(topic) failed: \(KafkaHandle.describe(code))"
            }
            state.remaining -= 1
            guard state.remaining == 0, let waiter = state.waiter else { return nil }
            state.waiter = nil
            return (waiter, Self.outcome(state))
        }
        if let (waiter, outcome) = ready { waiter.resume(with: outcome) }
    }

    func results() async throws -> [AppendResult] {
        try await withCheckedThrowingContinuation { continuation in
            let outcome = state.withLock { state -> Result<[AppendResult], any Error>? in
                guard state.remaining == 0 else {
                    state.waiter = continuation
                    return nil
                }
                return Self.outcome(state)
            }
            if let outcome { continuation.resume(with: outcome) }
        }
    }

    private static func outcome(_ state: State) -> Result<[AppendResult], any Error> {
        if let failure = state.failure { return .failure(EventLogError.backend(failure)) }
        return .success(state.results.compactMap { $0 })
    }
}

/// A thread that serves a handle's callbacks (delivery reports, errors) until stopped.
final class PollLoop: Sendable {
    private let running = Atomic<Bool>(true)
    private let finished = DispatchSemaphore(value: 0)

    init(name: String, handle: KafkaHandle) {
        let thread = Thread { [self] in
            while running.load(ordering: .relaxed) { rd_kafka_poll(handle.pointer, 100) }
            finished.signal()
        }
        thread.name = name
        thread.start()
    }

    func stop() {
        guard running.exchange(false, ordering: .relaxed) else { return }
        finished.wait()
    }
}
