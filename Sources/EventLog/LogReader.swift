/// Reads records in order; made by `EventLog.reader` (no group) or `EventLog.consumer` (a group).
///
/// Records of one topic partition come in offset order. A reader is used by one task at a time.
public protocol LogReader: Sendable {
    /// Returns the records available now (at most `maxRecords`); when there are none, waits up to
    /// `timeout` for new ones and returns an empty array if none came.
    func poll(maxRecords: Int, timeout: Duration) async throws -> [LogRecord]

    /// Stops reading and releases what the reader holds (for a group member: its share of the group).
    func close() async
}

/// A member of a consumer group.
///
/// It starts from the group's committed offsets and commits only what the caller says it has
/// durably handled, so a restart resumes after the last commit: at-least-once delivery.
public protocol GroupConsumer: LogReader {
    var group: String { get }

    /// The topic partitions this member reads now; empty while other members hold them all
    /// (Kafka's assignment). Known after the first `poll`.
    func assignment() async -> [TopicPartition]

    /// Marks these records and everything before them in their partitions as handled.
    /// Throws `EventLogError.notGroupMember` if the group moved on without this member.
    func commit(_ records: [LogRecord]) async throws
}

/// How a group member behaves.
public struct ConsumerOptions: Sendable, Hashable {
    /// Where a group with no committed offset starts (Kafka's `auto.offset.reset`).
    public var startWithoutCommit: StartPoint
    /// How long a member may go silent (no poll, no commit) before the group gives its share away.
    public var sessionTimeout: Duration
    /// Whether the records' ids are read (see `RecordIDs`).
    public var recordIDs: RecordIDs

    public init(startWithoutCommit: StartPoint = .beginning, sessionTimeout: Duration = .seconds(10), recordIDs: RecordIDs = .read) {
        self.startWithoutCommit = startWithoutCommit
        self.sessionTimeout = sessionTimeout
        self.recordIDs = recordIDs
    }
}

/// Whether a reader fills in each record's id. Readers that decode every payload (the
/// services) have the event's own id there and can do without the record's: on Kafka the id
/// travels in a record header, and parsing the headers is about a fifth of a reader's work.
public enum RecordIDs: Sendable, Hashable {
    /// `LogRecord.id` is the id the record was appended with.
    case read
    /// `LogRecord.id` may be empty; a backend that has the id at no cost still fills it in.
    case notNeeded
}
