import EventLog
import Foundation
import GRDB

/// The read query of the log, shaped for SQLite's planner.
enum RecordQuery {
    /// One topic: seek in the (topic, position) index. Several topics: walk the table in position
    /// order from the smallest cursor (the `+` keeps SQLite off the topic index, which would make
    /// it collect and sort every matching row before applying the limit).
    /// The highest position in the log (0 when empty).
    static func lastPosition(in db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT position FROM log ORDER BY position DESC LIMIT 1") ?? 0
    }

    /// Positions are global and rows come in position order, so a read that returned records up
    /// to position P has ruled out every topic below P + 1, and a read that found nothing has
    /// ruled out everything up to the end. Without this, a topic that stays quiet (an empty
    /// dead-letter topic) kept its cursor at the start and every poll scanned the whole log.
    static func advance(_ cursors: [String: Int64], past records: [LogRecord], end: Int64?) -> [String: Int64] {
        var advanced = cursors
        for record in records { advanced[record.topic] = record.position.offset + 1 }
        let floor = records.last.map { $0.position.offset + 1 } ?? end.map { $0 + 1 }
        guard let floor else { return advanced }
        for (topic, cursor) in advanced where cursor < floor { advanced[topic] = floor }
        return advanced
    }

    static func fetch(cursors: [String: Int64], limit: Int, in db: Database) throws -> [LogRecord] {
        let columns = "position, topic, key, event_id, timestamp, payload"
        let sql: String
        if cursors.count == 1 {
            sql = "SELECT \(columns) FROM log WHERE topic = ? AND position >= ? ORDER BY position LIMIT ?"
        } else {
            let perTopic = Array(repeating: "(+topic = ? AND position >= ?)", count: cursors.count)
            sql = "SELECT \(columns) FROM log WHERE position >= ? AND (\(perTopic.joined(separator: " OR "))) ORDER BY position LIMIT ?"
        }
        let statement = RawStatement(try db.cachedStatement(sql: sql), in: db)
        defer { statement.reset() }
        var index: Int32 = 1
        if cursors.count > 1 {
            try statement.bind(index, cursors.values.min() ?? 0)
            index += 1
        }
        for (topic, position) in cursors.sorted(by: { $0.key < $1.key }) {
            try statement.bind(index, topic)
            try statement.bind(index + 1, position)
            index += 2
        }
        try statement.bind(index, Int64(limit))

        var records: [LogRecord] = []
        records.reserveCapacity(min(limit, 4096))
        while try statement.step() {
            records.append(LogRecord(
                topic: statement.string(1) ?? "",
                position: LogPosition(offset: statement.int64(0)),
                key: statement.string(2),
                id: statement.string(3) ?? "",
                timestamp: Date(timeIntervalSince1970: Double(statement.int64(4)) / 1000),
                payload: statement.bytes(5)))
        }
        return records
    }
}
