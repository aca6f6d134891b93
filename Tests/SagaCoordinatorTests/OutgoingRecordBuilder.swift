import EventLog
import Events

/// The log record of an envelope, on the topic its type belongs to.
enum OutgoingRecordBuilder {
    static func record(_ event: CloudEvent, topics: Topics) -> OutgoingRecord {
        let topic = MessageType(typeName: event.type).map(topics.topic(for:)) ?? topics.commands
        return OutgoingRecord(topic: topic, key: topics.key(for: event, on: topic), id: event.id, payload: CloudEventCodec.encode(event))
    }
}
