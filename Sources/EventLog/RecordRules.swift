/// The checks every backend applies to names and records before touching storage.
public enum RecordRules {
    /// Kafka's limit on message size by default (`message.max.bytes`), less room for headers.
    public static let maximumPayloadSize = 1_000_000

    /// Kafka's topic name rule: 1-249 characters of `[A-Za-z0-9._-]`, not "." or "..".
    public static func isValidTopicName(_ name: String) -> Bool {
        guard (1...249).contains(name.utf8.count), name != ".", name != ".." else { return false }
        return name.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == 0x2E || byte == 0x5F || byte == 0x2D
        }
    }

    /// Group names: 1-249 printable ASCII characters (they show up in tables and logs).
    public static func isValidGroupName(_ name: String) -> Bool {
        (1...249).contains(name.utf8.count) && name.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F }
    }

    public static func check(_ record: OutgoingRecord) throws {
        guard isValidTopicName(record.topic) else { throw EventLogError.invalidTopicName(record.topic) }
        try check(id: record.id, payloadSize: record.payload.count)
    }

    /// The checks of `check(_:)` but the topic's (for a batch whose topics are checked once).
    public static func check(id: String, payloadSize: Int) throws {
        guard !id.isEmpty else { throw EventLogError.emptyID }
        guard payloadSize <= maximumPayloadSize else {
            throw EventLogError.payloadTooLarge(size: payloadSize, limit: maximumPayloadSize)
        }
    }

    public static func check(topics: [String]) throws {
        for topic in topics where !isValidTopicName(topic) { throw EventLogError.invalidTopicName(topic) }
    }
}
