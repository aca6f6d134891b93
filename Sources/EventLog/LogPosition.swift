/// A record's place in its topic: a partition and an offset within it.
///
/// The SQLite backend has one partition per topic and offsets drawn from one global sequence, so
/// offsets in a topic increase but have gaps; Kafka offsets are per partition. Code must only rely
/// on offsets increasing in append order within a partition.
public struct LogPosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var partition: Int32
    public var offset: Int64

    public init(partition: Int32 = 0, offset: Int64) {
        self.partition = partition
        self.offset = offset
    }

    public static func < (lhs: LogPosition, rhs: LogPosition) -> Bool {
        (lhs.partition, lhs.offset) < (rhs.partition, rhs.offset)
    }

    public var description: String { partition == 0 ? "\(offset)" : "\(partition):\(offset)" }
}

/// A topic partition, the unit offsets are committed for.
public struct TopicPartition: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var topic: String
    public var partition: Int32

    public init(topic: String, partition: Int32 = 0) {
        self.topic = topic
        self.partition = partition
    }

    public static func < (lhs: TopicPartition, rhs: TopicPartition) -> Bool {
        (lhs.topic, lhs.partition) < (rhs.topic, rhs.partition)
    }

    public var description: String { "\(topic)[\(partition)]" }
}
