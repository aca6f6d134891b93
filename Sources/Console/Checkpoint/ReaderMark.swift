import EventLog

/// How far one of the feed's state readers had read when a batch was folded: the next offset of
/// every partition it has read from (where it resumes, per partition as Kafka needs), and the
/// last record it read (a checkpoint names it so a start can check the log still has it).
public struct ReaderMark: Sendable, Equatable {
    /// Where a reader that has read nothing yet starts.
    public var start: StartPoint
    public var positions: [TopicPartition: Int64]
    public var last: (topic: String, position: LogPosition, id: String)?

    public init(start: StartPoint, positions: [TopicPartition: Int64] = [:], last: (topic: String, position: LogPosition, id: String)? = nil) {
        self.start = start
        self.positions = positions
        self.last = last
    }

    public static func == (lhs: ReaderMark, rhs: ReaderMark) -> Bool {
        lhs.start == rhs.start && lhs.positions == rhs.positions && lhs.last?.topic == rhs.last?.topic
            && lhs.last?.position == rhs.last?.position && lhs.last?.id == rhs.last?.id
    }

    /// Where a reader starts with no checkpoint.
    public static let beginning = ReaderMark(start: .beginning)

    /// Where the reader resumes: past everything it read, per partition.
    public var resume: StartPoint { positions.isEmpty ? start : .positions(positions) }

    /// The mark after reading `records` (in the order read).
    public func advanced(past records: [LogRecord]) -> ReaderMark {
        guard let lastRecord = records.last else { return self }
        var mark = self
        for record in records { mark.positions[record.topicPartition] = record.position.offset + 1 }
        mark.last = (lastRecord.topic, lastRecord.position, lastRecord.id)
        return mark
    }
}
