import EventLog
import Events
import Foundation

/// Builds the dead-letter record for a message no consumer could decode or process.
///
/// Its id depends only on where the original sits (topic, partition, position), so when several
/// services reject the same message, or one rejects it again after a restart, the log keeps one
/// dead letter per poison message.
enum DeadLetters {
    static func record(
        for original: LogRecord, reason: String, attempts: Int, group: String, source: String, topics: Topics, now: Date
    ) -> OutgoingRecord? {
        let letter = DeadLetter(
            reason: reason, originTopic: original.topic, originPartition: Int(original.position.partition),
            originPosition: Int(original.position.offset), originKey: original.key, consumerGroup: group,
            attempts: attempts, originalBytes: Array(original.payload), firstSeenAt: now)
        let id = EventID.derived(from: "deadletter|\(original.topic)|\(original.position.partition)|\(original.position.offset)")
        guard let event = try? Message(letter).cloudEvent(id: id, source: source, time: now, subject: original.key) else {
            return nil
        }
        // Keyed like the original; a record without a key by its id, or, read without ids
        // (services read that way), by the letter's own.
        let key = original.key ?? (original.id.isEmpty ? id : original.id)
        return OutgoingRecord(topic: topics.deadLetter, key: key, id: id, payload: CloudEventCodec.encode(event))
    }
}
