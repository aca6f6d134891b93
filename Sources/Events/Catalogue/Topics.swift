import EventLog
import Model

/// The names of the five topics, under a configurable prefix (default `dos.`), and the
/// message keys that keep related messages in one partition.
public struct Topics: Sendable, Equatable {
    public var prefix: String

    public init(prefix: String = "dos.") {
        self.prefix = prefix
    }

    /// Create, update, delete, publish, flag and composite commands; key: entity id.
    public var commands: String { prefix + "commands" }
    /// Facts: validated, stored, rejected, notified…; key: entity id.
    public var events: String { prefix + "events" }
    /// The current view of each entity after every change, tombstones on delete; key: entity id.
    public var views: String { prefix + "views" }
    /// Saga progress; key: saga id.
    public var sagas: String { prefix + "sagas" }
    /// Messages no consumer could decode or process; key: the original key.
    public var deadLetter: String { prefix + "deadletter" }

    public var all: [String] { [commands, events, views, sagas, deadLetter] }

    /// Whether every topic name under this prefix is one Kafka accepts.
    public var isValid: Bool { all.allSatisfy(Self.isValidName) }

    /// The topic a message of `type` is published to.
    public func topic(for type: MessageType) -> String {
        switch type.category {
        case .command: commands
        case .event: events
        case .view: views
        case .saga: sagas
        case .deadLetter: deadLetter
        }
    }

    /// The message key: the saga id on the sagas topic, otherwise the subject (the entity id),
    /// otherwise the event id — so all changes of one entity, or all steps of one saga, stay
    /// ordered in one partition.
    public func key(for event: CloudEvent, on topic: String) -> String {
        if topic == sagas, let sagaID = event.sagaID { return sagaID }
        return event.subject ?? event.id
    }

    /// Kafka's rule for topic names: 1–249 characters of `[A-Za-z0-9._-]`, and not "." or "..".
    /// The event log enforces it; this is the same rule, for checking a prefix before use.
    public static func isValidName(_ name: String) -> Bool {
        RecordRules.isValidTopicName(name)
    }
}
