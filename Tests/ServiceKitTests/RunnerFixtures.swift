import EventLog
import EventLogSQLite
import Events
import Foundation
import Model
import ServiceKit
import Synchronization

/// A real SQLite log in a temporary directory.
final class TemporaryLog: Sendable {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dos-service-\(UUID().uuidString)").path
    let log: SQLiteEventLog
    let topics = Topics()

    init() throws { log = try SQLiteEventLog(directory: directory) }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    /// Appends a message as a command would be published, returning its envelope.
    @discardableResult
    func publish(_ message: Message, sagaID: String? = nil) async throws -> CloudEvent {
        let event = try message.cloudEvent(source: "/test", sagaID: sagaID, actor: "tester")
        let topic = topics.topic(for: message.type)
        _ = try await log.append(OutgoingRecord(topic: topic, key: topics.key(for: event, on: topic), id: event.id, payload: CloudEventCodec.encode(event)))
        return event
    }

    func appendRaw(_ bytes: [UInt8], to topic: String, id: String = UUID().uuidString) async throws {
        _ = try await log.append(OutgoingRecord(topic: topic, key: "poison", id: id, payload: bytes))
    }

    /// Every message on a topic, decoded.
    func messages(on topic: String) async throws -> [(CloudEvent, Message)] {
        try await log.read(topics: [topic], from: .beginning, limit: 100_000).compactMap { record in
            guard case .success(let event) = CloudEventCodec.decode(record.payload),
                case .success(.known(let message, _)) = MessageDecoder.decode(event)
            else { return nil }
            return (event, message)
        }
    }

    func deadLetters() async throws -> [DeadLetter] {
        try await messages(on: topics.deadLetter).compactMap { _, message in
            if case .deadLetter(_, let letter) = message { return letter }
            return nil
        }
    }

    /// Runs batches until the handler's group has nothing left to read.
    func drain(_ runner: ServiceRunner, group: String? = nil) async throws {
        let consumer = try await log.consumer(
            group: group ?? runner.group, topics: [topics.commands],
            options: ConsumerOptions(startWithoutCommit: .beginning, sessionTimeout: .seconds(5)))
        while try await runner.processNextBatch(of: consumer, timeout: .milliseconds(100)) > 0 {}
        await consumer.close()
    }
}

/// A handler that answers each create command with a `Stored` fact and fails on cue.
struct EchoHandler: MessageHandler {
    enum Failure: Sendable { case never, always, times(Int), permanent }

    let name: String
    let failures: @Sendable (String) -> Failure
    let attempts = AttemptCounter()

    init(name: String = "echo", failures: @escaping @Sendable (String) -> Failure = { _ in .never }) {
        self.name = name
        self.failures = failures
    }

    func topics(_ topics: Topics) -> [String] { [topics.commands] }

    func handle(_ input: IncomingMessage) async throws -> [OutgoingMessage] {
        guard case .entityCommand(_, let command) = input.message else { return [] }
        let attempt = attempts.next(input.event.id)
        switch failures(command.entity.displayName) {
        case .never: break
        case .always: throw EchoError.broken
        case .times(let count) where attempt <= count: throw EchoError.broken
        case .times: break
        case .permanent: throw PermanentFailure("cannot ever handle \(command.entity.displayName)")
        }
        let entity = command.entity
        return [OutgoingMessage(Message(Stored(commandID: input.event.id, kind: entity.kind, entityID: entity.id, version: 1, action: .create)))]
    }
}

enum EchoError: Error { case broken }

/// Counts attempts per message id, across retries.
final class AttemptCounter: Sendable {
    private let counts = Mutex<[String: Int]>([:])

    func next(_ id: String) -> Int {
        counts.withLock { counts in
            counts[id, default: 0] += 1
            return counts[id] ?? 0
        }
    }
}

func createProvider(_ name: String) -> Message {
    Message(.create, EntityCommand(entity: .provider(Provider(name: name))))
}
