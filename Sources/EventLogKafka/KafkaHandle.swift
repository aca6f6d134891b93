import CRdKafka
import EventLog
import Foundation

/// One librdkafka client handle (producer or consumer), made from the settings plus what the
/// caller needs; destroyed with the object. librdkafka handles are thread-safe.
final class KafkaHandle: @unchecked Sendable {
    let pointer: OpaquePointer
    /// What the handle's callbacks reach: kept exactly as long as the handle (librdkafka may
    /// call back until `rd_kafka_destroy` returns).
    private let callbacks: KafkaCallbacks

    /// librdkafka's configuration: dos's defaults, then `properties`, then the user's own
    /// properties (they win, so SASL/TLS and tuning pass through as written).
    static func configuration(_ settings: KafkaSettings, _ properties: [String: String]) throws -> OpaquePointer {
        guard let conf = rd_kafka_conf_new() else { throw EventLogError.backend("librdkafka: cannot make a configuration") }
        var merged: [String: String] = [
            "bootstrap.servers": settings.brokers,
            "client.id": "dos",
            // Connect to every broker the cluster names at once. With sparse connections (the
            // default), a handle's first request, sent on the bootstrap connection just as
            // librdkafka retires it for the broker's own, failed and waited out the 50 ms that
            // librdkafka spaces such connects by: every reader opened 50 ms late.
            "enable.sparse.connections": "false",
            // Everything librdkafka says goes to the error callback and the log, never to stderr.
            "log_level": "3",
        ]
        merged.merge(properties) { _, new in new }
        merged.merge(settings.properties) { _, user in user }
        for (key, value) in merged.sorted(by: { $0.key < $1.key }) {
            var error = [CChar](repeating: 0, count: 512)
            let result = rd_kafka_conf_set(conf, key, value, &error, error.count)
            // A tuning property older librdkafka versions lack (Debian's 2.0) is left out.
            if result == RD_KAFKA_CONF_UNKNOWN, settings.properties[key] == nil, newerLibraryTuning.contains(key) { continue }
            if result != RD_KAFKA_CONF_OK {
                rd_kafka_conf_destroy(conf)
                let shown = KafkaSettings.isSecret(key) ? "(secret)" : value
                throw EventLogError.backend("Kafka property \(key)=\(shown): \(kafkaText(error))")
            }
        }
        return conf
    }

    /// dos's tuning properties that librdkafka 2.0 does not know.
    static let newerLibraryTuning: Set<String> = ["fetch.queue.backoff.ms"]

    /// Takes ownership of `conf` (librdkafka frees it once the handle exists), after pointing
    /// its callbacks at `callbacks`.
    init(type: rd_kafka_type_t, conf: OpaquePointer, callbacks: KafkaCallbacks) throws {
        callbacks.install(on: conf)
        self.callbacks = callbacks
        var error = [CChar](repeating: 0, count: 512)
        guard let handle = rd_kafka_new(type, conf, &error, error.count) else {
            rd_kafka_conf_destroy(conf)
            throw EventLogError.backend("librdkafka: \(kafkaText(error))")
        }
        pointer = handle
    }

    /// A consumer-type handle (readers, group members, metadata and admin requests): dos's
    /// defaults, then `properties`, then the user's; its callbacks reach `status` (and `membership`).
    convenience init(consumer settings: KafkaSettings, properties: [String: String], status: KafkaStatus, membership: GroupMembership? = nil) throws {
        try self.init(
            type: RD_KAFKA_CONSUMER, conf: Self.configuration(settings, properties),
            callbacks: KafkaCallbacks(status: status, membership: membership, printsLog: settings.printsLibraryLog))
    }

    deinit {
        rd_kafka_destroy(pointer)
    }

    /// librdkafka's name for an error code.
    static func describe(_ code: rd_kafka_resp_err_t) -> String {
        String(cString: rd_kafka_err2str(code))
    }

    /// The librdkafka version loaded at run time (`dos doctor` shows it).
    static var version: String { String(cString: rd_kafka_version_str()) }
}

/// Milliseconds for librdkafka, from a duration (rounded up, so a short wait is not zero).
func kafkaMilliseconds(_ duration: Duration) -> Int32 {
    let (seconds, attoseconds) = duration.components
    let milliseconds = seconds * 1_000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
    return Int32(clamping: max(0, milliseconds))
}

/// The text librdkafka wrote into an error buffer (up to its NUL).
func kafkaText(_ buffer: [CChar]) -> String {
    let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
    return String(decoding: bytes, as: UTF8.self)
}
