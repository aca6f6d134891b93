import EventLog

enum LogPositionFor {
    static let one = LogPosition(offset: 1)
}

/// A record moved to another offset (the answer to a read at that offset).
enum LogRecordCopy {
    static func at(_ record: LogRecord, offset: Int64) -> LogRecord {
        LogRecord(topic: record.topic, position: LogPosition(offset: offset), key: record.key, id: record.id, timestamp: record.timestamp, payload: record.payload)
    }
}
