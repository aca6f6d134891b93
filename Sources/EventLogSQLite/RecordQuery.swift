import EventLog
import Foundation
import GRDB

/// The read query of the log, shaped for SQLite's planner.
enum RecordQuery {
    /// One topic: seek in the (topic, position) index. Several topics: walk the table in position
    /// order from the smallest cursor (the `+` keeps SQLite off the topic index, which would make
    /// it collect and sort every matching row before applying the limit).
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
