import EventLog
import Events
import Foundation
import Model

/// Messages as the services would write them, for tests that play the services' part.
enum StreamFixture {
    static let topics = Topics()

    /// `message` as an outgoing record on its own topic, in saga `sagaID`.
    static func outgoing(_ message: Message, sagaID: String? = nil) throws -> OutgoingRecord {
        let event = try message.cloudEvent(source: "/test", sagaID: sagaID)
        let topic = topics.topic(for: message.type)
        return OutgoingRecord(topic: topic, key: topics.key(for: event, on: topic), id: event.id, payload: CloudEventCodec.encode(event))
    }

    /// The same, as a record read back from the log.
    static func record(_ message: Message, sagaID: String? = nil, offset: Int64 = 1) throws -> LogRecord {
        let outgoing = try outgoing(message, sagaID: sagaID)
        return LogRecord(
            topic: outgoing.topic, position: LogPosition(offset: offset), key: outgoing.key, id: outgoing.id, timestamp: Date(),
            payload: Array(outgoing.payload))
    }

    static func view(_ entity: Entity) -> Message { Message(EntityView(entity: entity)) }

    static func tombstone(_ kind: EntityKind, _ id: UUID, version: Int) -> Message {
        Message(Tombstone(kind: kind, id: id, version: version, deletedAt: Date()))
    }

    static func provider(_ id: UUID, version: Int, name: String) -> Entity {
        .provider(Provider(id: id, version: version, name: name))
    }
}
