import EventLog
import Foundation
import GRDB

/// What is in the log file, for `dos doctor` and the status line.
public struct SQLiteLogStatistics: Sendable {
    public struct TopicSummary: Sendable, Equatable {
        public var topic: String
        public var records: Int
        public var lastPosition: Int64
    }

    public var path: String
    public var fileBytes: Int64
    public var writeAheadLogBytes: Int64
    public var journalMode: String
    public var schemaVersion: Int
    public var topics: [TopicSummary]
    public var consumerGroups: [String]
    /// False when the file system cannot report changes and readers poll instead.
    public var kernelNotifications: Bool

    public var records: Int { topics.reduce(0) { $0 + $1.records } }
}

extension SQLiteEventLog {
    public func statistics() async throws -> SQLiteLogStatistics {
        let (journalMode, schemaVersion, topics, groups) = try await pool.read { db in
            let journalMode = try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "unknown"
            let schemaVersion = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
            let topics = try Row.fetchAll(db, sql: """
                SELECT topic, COUNT(*), MAX(position) FROM log GROUP BY topic ORDER BY topic
                """).map { SQLiteLogStatistics.TopicSummary(topic: $0[0], records: $0[1], lastPosition: $0[2]) }
            let groups = try String.fetchAll(db, sql: "SELECT DISTINCT group_name FROM consumer_offsets ORDER BY group_name")
            return (journalMode, schemaVersion, topics, groups)
        }
        return SQLiteLogStatistics(
            path: databasePath,
            fileBytes: Self.size(of: databasePath),
            writeAheadLogBytes: Self.size(of: databasePath + "-wal"),
            journalMode: journalMode,
            schemaVersion: schemaVersion,
            topics: topics,
            consumerGroups: groups,
            kernelNotifications: notifier.usesKernelNotifications)
    }

    private static func size(of path: String) -> Int64 {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.int64Value ?? 0
    }
}
