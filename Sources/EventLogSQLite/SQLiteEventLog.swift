import EventLog
import Foundation
import GRDB
import SQLiteSupport

/// The embedded backend: every topic in one SQLite file (WAL mode) in the data directory.
///
/// Several processes on one machine may open the same directory and append and consume at once:
/// SQLite serialises writers, positions come from one sequence, and a `ChangeNotifier` wakes
/// readers in every process when any of them commits.
public final class SQLiteEventLog: EventLog {
    /// How hard a commit is pushed to the disk.
    public enum Durability: String, Sendable, CaseIterable {
        /// The commit is in the WAL file before `append` returns: it survives the writer being killed
        /// (`kill -9`), not necessarily a power cut. Kafka's own default (no fsync per message) is of this kind.
        case process = "NORMAL"
        /// Every commit is fsynced: it survives a power cut too, at a large cost per single append.
        case power = "FULL"
    }

    public struct Options: Sendable {
        public var durability: Durability
        /// How long a writer waits for another process's transaction before failing.
        public var busyTimeout: Duration

        public init(durability: Durability = .process, busyTimeout: Duration = .seconds(30)) {
            self.durability = durability
            self.busyTimeout = busyTimeout
        }
    }

    public static let fileName = "eventlog.sqlite"

    public let location: String
    public let databasePath: String
    let pool: DatabasePool
    let notifier: ChangeNotifier

    /// Opens (creating if needed) the log in `directory`.
    public init(directory: String, options: Options = Options()) throws {
        let path = (directory as NSString).appendingPathComponent(Self.fileName)
        var configuration = Configuration()
        configuration.label = "dos.eventlog"
        configuration.busyMode = .timeout(TimeInterval(options.busyTimeout.components.seconds))
        let synchronous = options.durability.rawValue
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = \(synchronous)")
            // Checkpoints fsync; at SQLite's default (every 1,000 pages) they dominate append time.
            // Every 16,000 pages (64 MiB) keeps them rare while the WAL stays bounded.
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 16000")
            // The writer's inserts touch dedupe-index pages all over the file (event ids from
            // foreign producers are random): SQLite's default 2 MiB cache would turn each into a
            // read from the kernel. Readers scan in order and keep the default, so a process's
            // memory stays bounded; no mmap, whose file pages would count as the process's own.
            if !db.configuration.readonly {
                try db.execute(sql: "PRAGMA cache_size = -65536")
            }
            // Keep the WAL from staying huge after a large batch has been checkpointed.
            try db.execute(sql: "PRAGMA journal_size_limit = 67108864")
        }
        pool = try DatabaseOpening.pool(path: path, configuration: configuration, patience: options.busyTimeout)
        try pool.writeWithoutTransaction { db in try LogSchema.create(in: db) }
        notifier = try ChangeNotifier(
            directory: directory, fileNames: [Self.fileName, Self.fileName + "-wal"])
        databasePath = path
        location = path
    }

    deinit {
        notifier.stop()
    }

    // MARK: - Appending

    public func append(_ records: [OutgoingRecord]) async throws -> [AppendResult] {
        guard !records.isEmpty else { return [] }
        for record in records { try RecordRules.check(record) }
        let results = try appendBlocking(records)
        notifier.signalLocalChange()
        return results
    }

    private func appendBlocking(_ records: [OutgoingRecord]) throws -> [AppendResult] {
        try pool.writeWithoutTransaction { db in
            var results: [AppendResult] = []
            try db.inTransaction(.immediate) {
                results = try Self.insert(records, in: db)
                return .commit
            }
            return results
        }
    }

    private static func insert(_ records: [OutgoingRecord], in db: Database) throws -> [AppendResult] {
        // Append times never go backwards, so a time can be found by binary search on position.
        let lastTimestamp = try Int64.fetchOne(db, sql: "SELECT timestamp FROM log ORDER BY position DESC LIMIT 1") ?? 0
        let timestamp = max(Self.milliseconds(Date()), lastTimestamp)
        let insert = RawStatement(try db.cachedStatement(sql: """
            INSERT INTO log (topic, key, event_id, timestamp, payload) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (topic, event_id) DO NOTHING
            """), in: db)
        let findDuplicate = RawStatement(try db.cachedStatement(sql: """
            SELECT position FROM log WHERE topic = ? AND event_id = ?
            """), in: db)
        var results: [AppendResult] = []
        results.reserveCapacity(records.count)
        for record in records {
            defer { insert.reset() }
            try insert.bind(1, record.topic)
            try insert.bind(2, record.key)
            try insert.bind(3, record.id)
            try insert.bind(4, timestamp)
            _ = try insert.withBoundBlob(5, record.payload) { try insert.step() }
            if db.changesCount == 1 {
                let position = LogPosition(offset: db.lastInsertedRowID)
                results.append(AppendResult(topic: record.topic, position: position, wasDuplicate: false))
            } else {
                defer { findDuplicate.reset() }
                try findDuplicate.bind(1, record.topic)
                try findDuplicate.bind(2, record.id)
                guard try findDuplicate.step() else {
                    throw SQLiteEventLogError.system("record \(record.id) was neither inserted nor found")
                }
                let position = LogPosition(offset: findDuplicate.int64(0))
                results.append(AppendResult(topic: record.topic, position: position, wasDuplicate: true))
            }
        }
        return results
    }

    // MARK: - Reading

    public func reader(topics: [String], from start: StartPoint) async throws -> any LogReader {
        try RecordRules.check(topics: topics)
        let cursors = try await resolve(start, topics: topics)
        return SQLiteLogReader(log: self, cursors: cursors)
    }

    public func consumer(group: String, topics: [String], options: ConsumerOptions) async throws -> any GroupConsumer {
        try RecordRules.check(topics: topics)
        guard RecordRules.isValidGroupName(group) else { throw EventLogError.invalidGroupName(group) }
        return SQLiteGroupConsumer(log: self, group: group, topics: topics, options: options)
    }

    public func committedOffsets(group: String, topics: [String]) async throws -> [TopicPartition: Int64] {
        try await pool.read { db in try GroupLease.committedOffsets(group: group, topics: topics, in: db) }
    }

    public func endOffsets(topics: [String]) async throws -> [TopicPartition: Int64] {
        try await pool.read { db in
            var offsets: [TopicPartition: Int64] = [:]
            for topic in topics {
                let last = try Int64.fetchOne(db, sql: "SELECT MAX(position) FROM log WHERE topic = ?", arguments: [topic])
                offsets[TopicPartition(topic: topic)] = (last ?? -1) + 1
            }
            return offsets
        }
    }

    public func close() async {
        notifier.stop()
        try? pool.close()
    }

    /// The first position each topic reads from, for a start point.
    func resolve(_ start: StartPoint, topics: [String]) async throws -> [String: Int64] {
        if case .positions(let positions) = start {
            // One partition per topic here: its offset is where that topic's cursor starts.
            return Dictionary(uniqueKeysWithValues: topics.map { ($0, max(0, positions[TopicPartition(topic: $0)] ?? 0)) })
        }
        let position: Int64 = try await pool.read { db in try Self.position(of: start, in: db) }
        return Dictionary(uniqueKeysWithValues: topics.map { ($0, position) })
    }

    static func position(of start: StartPoint, in db: Database) throws -> Int64 {
        switch start {
        case .beginning:
            return 0
        case .offset(let offset):
            return max(0, offset)
        case .end:
            return (try Int64.fetchOne(db, sql: "SELECT MAX(position) FROM log") ?? 0) + 1
        case .time(let date):
            return try firstPosition(atOrAfter: milliseconds(date), in: db)
        case .positions(let positions):
            return max(0, positions.values.min() ?? 0)
        }
    }

    /// Binary search over positions: timestamps never decrease as positions grow.
    private static func firstPosition(atOrAfter timestamp: Int64, in db: Database) throws -> Int64 {
        let probe = try db.cachedStatement(sql: "SELECT position, timestamp FROM log WHERE position >= ? ORDER BY position LIMIT 1")
        func first(from position: Int64) throws -> (position: Int64, timestamp: Int64)? {
            guard let row = try Row.fetchOne(probe, arguments: [position]) else { return nil }
            return (row[0], row[1])
        }
        guard let last = try Int64.fetchOne(db, sql: "SELECT MAX(position) FROM log") else { return 0 }
        var low: Int64 = 0
        var high = last + 1  // answer lies in [low, high]; high means "after everything"
        while low < high {
            let middle = low + (high - low) / 2
            guard let found = try first(from: middle) else { high = middle; continue }
            if found.timestamp >= timestamp { high = middle } else { low = found.position + 1 }
        }
        return low
    }

    /// Records at or after each topic's cursor, in position order, at most `limit`.
    /// The next records at or after the cursors, and the cursors moved past everything this
    /// read has ruled out (see `RecordQuery.advance`).
    func fetch(cursors: [String: Int64], limit: Int) async throws -> (records: [LogRecord], cursors: [String: Int64]) {
        guard limit > 0, !cursors.isEmpty else { return ([], cursors) }
        return try await pool.read { db in
            let records = try RecordQuery.fetch(cursors: cursors, limit: limit, in: db)
            // One snapshot: nothing can land below the end it reports once the read is over.
            let end = records.isEmpty ? try RecordQuery.lastPosition(in: db) : nil
            return (records, RecordQuery.advance(cursors, past: records, end: end))
        }
    }

    static func milliseconds(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded(.down)) }
}
