import EventLog
import Events
import Foundation

/// One line of the event tail: what the envelope says, without the payload (kept small so a
/// large tail stays cheap; the payload is read back from the log when the user opens it).
public struct TailEntry: Sendable, Equatable {
    public var position: LogPosition
    public var topic: String
    public var time: Date
    public var type: String
    public var subject: String
    public var sagaID: String
    public var id: String
    /// Lower-cased text of every column, for the filter.
    var searchText: String

    public init(record: LogRecord) {
        position = record.position
        topic = record.topic
        id = record.id
        switch CloudEventCodec.decode(record.payload) {
        case .success(let event):
            time = event.time ?? record.timestamp
            type = event.type
            subject = event.subject ?? record.key ?? ""
            sagaID = event.sagaID ?? ""
        case .failure:
            time = record.timestamp
            type = "(undecodable)"
            subject = record.key ?? ""
            sagaID = ""
        }
        searchText = [topic, type, subject, sagaID, id].joined(separator: " ").lowercased()
    }
}

/// The newest events, at most `capacity` of them: memory stays bounded however long the
/// console runs. Older ones are read back from the log on demand (`prepend`).
public struct TailBuffer: Sendable {
    public let capacity: Int
    public private(set) var entries: [TailEntry] = []
    /// Entries dropped from the front since start; views keep their place with it.
    public private(set) var dropped = 0
    /// Whether the log has nothing older than the first entry held.
    public var reachedStart = false
    /// Reading back older events dropped the newest ones (the buffer was full).
    public private(set) var droppedNewest = false

    public init(capacity: Int) {
        self.capacity = max(100, capacity)
        entries.reserveCapacity(min(self.capacity, 4_096))
    }

    public mutating func append(_ entry: TailEntry) {
        entries.append(entry)
        if entries.count > capacity + capacity / 4 { trimFront() }
    }

    /// Older entries read back from the log; the newest ones give way if the buffer is full.
    public mutating func prepend(_ older: [TailEntry], reachedStart: Bool) {
        let known = Set(entries.prefix(older.count + 1).map(\.id))
        let fresh = older.filter { !known.contains($0.id) }
        entries.insert(contentsOf: fresh, at: 0)
        dropped -= fresh.count
        self.reachedStart = reachedStart
        if entries.count > capacity {
            entries.removeLast(entries.count - capacity)
            droppedNewest = true
        }
    }

    private mutating func trimFront() {
        let extra = entries.count - capacity
        entries.removeFirst(extra)
        dropped += extra
        reachedStart = false
    }

    public var oldestOffset: Int64? { entries.first?.position.offset }
}
