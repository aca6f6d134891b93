import EventLog
import Events
import Foundation

/// What one service does with each message it consumes. The runner does all I/O around it
/// (reading, decoding, publishing, committing, dead-lettering), so a handler is a function from a
/// message to the messages it causes — easy to test, and safe to run again on redelivery.
public protocol MessageHandler: Sendable {
    /// The service's name: its consumer group is `dos.<name>` and its events' source `/dos/<name>`.
    var name: String { get }

    /// The topics it consumes.
    func topics(_ topics: Topics) -> [String]

    /// The messages this one causes (often none: a service ignores what is not for it).
    /// Throw `PermanentFailure` for a message that can never be handled (it is dead-lettered at
    /// once); any other error is retried a bounded number of times first.
    func handle(_ input: IncomingMessage) async throws -> [OutgoingMessage]
}

/// A consumed message: where it was, its envelope, and its decoded content.
public struct IncomingMessage: Sendable {
    public let record: LogRecord
    public let event: CloudEvent
    public let message: Message

    public init(record: LogRecord, event: CloudEvent, message: Message) {
        self.record = record
        self.event = event
        self.message = message
    }
}

/// A message to publish. The runner wraps it in an envelope whose id is derived from the input's,
/// whose `sagaid`, `actor` and `causationid` carry on from the input.
public struct OutgoingMessage: Sendable, Equatable {
    public var message: Message
    /// Overrides the message's own subject (the entity id, or the saga id for saga messages).
    public var subject: String?

    public init(_ message: Message, subject: String? = nil) {
        self.message = message
        self.subject = subject
    }
}

/// A message that can never be handled, however often it is tried (wrong type for this topic,
/// contents that break a rule the schema cannot express). It goes to the dead-letter topic at once.
public struct PermanentFailure: Error, Sendable, CustomStringConvertible {
    public let reason: String

    public init(_ reason: String) { self.reason = reason }

    public var description: String { reason }
}
