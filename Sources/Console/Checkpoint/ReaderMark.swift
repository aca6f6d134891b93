import EventLog

/// How far one of the feed's state readers had read when a batch was folded: where it resumes,
/// and the last record it read (a checkpoint names it so a start can check the log still has it).
public struct ReaderMark: Sendable, Equatable {
    public var resume: StartPoint
    public var last: (topic: String, position: LogPosition, id: String)?

    public init(resume: StartPoint, last: (topic: String, position: LogPosition, id: String)? = nil) {
        self.resume = resume
        self.last = last
    }

    public static func == (lhs: ReaderMark, rhs: ReaderMark) -> Bool {
        lhs.resume == rhs.resume && lhs.last?.topic == rhs.last?.topic && lhs.last?.position == rhs.last?.position
            && lhs.last?.id == rhs.last?.id
    }

    /// Where a reader starts with no checkpoint.
    public static let beginning = ReaderMark(resume: .beginning)

    /// The mark after reading `record`.
    public init(after record: LogRecord) {
        self.init(resume: .offset(record.position.offset + 1), last: (record.topic, record.position, record.id))
    }
}
