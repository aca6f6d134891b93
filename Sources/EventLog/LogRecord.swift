import Foundation

/// A record read back from the log.
public struct LogRecord: Sendable, Hashable {
    public var topic: String
    public var position: LogPosition
    public var key: String?
    public var id: String
    /// When the log stored the record (the broker's log-append time).
    public var timestamp: Date
    /// A slice, so that a backend can copy a whole batch's payloads into one buffer rather than
    /// one allocation each (Kafka); the batch's buffer lives as long as any of its records.
    public var payload: ArraySlice<UInt8>

    public init(topic: String, position: LogPosition, key: String?, id: String, timestamp: Date, payload: [UInt8]) {
        self.init(topic: topic, position: position, key: key, id: id, timestamp: timestamp, payload: payload[...])
    }

    public init(topic: String, position: LogPosition, key: String?, id: String, timestamp: Date, payload: ArraySlice<UInt8>) {
        self.topic = topic
        self.position = position
        self.key = key
        self.id = id
        self.timestamp = timestamp
        self.payload = payload
    }

    public var topicPartition: TopicPartition { TopicPartition(topic: topic, partition: position.partition) }
}
