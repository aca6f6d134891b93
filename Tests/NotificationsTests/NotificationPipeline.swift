import EventLog
import EventLogSQLite
import Events
import Foundation
import Model
import Notifications
import ServiceKit

/// The notifications service behind the real runner on the embedded log, fed commands and views
/// as the console and the data store would publish them.
final class NotificationPipeline: Sendable {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dos-notifications-\(UUID().uuidString)").path
    let log: SQLiteEventLog
    let database: NotificationDatabase
    let topics = Topics()
    let policy: WebhookPolicy

    init(policy: WebhookPolicy = WebhookPolicy(attempts: 3, firstBackoff: .milliseconds(10), timeout: .seconds(2))) throws {
        log = try SQLiteEventLog(directory: directory)
        database = try NotificationDatabase(directory: URL(fileURLWithPath: directory))
        self.policy = policy
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    /// A mail-drop folder inside the test's directory.
    var mailDrop: String { directory + "/maildrop" }

    func publish(_ message: Message, sagaID: String? = nil) async throws {
        let event = try message.cloudEvent(source: "/test", time: Date(), sagaID: sagaID)
        let topic = topics.topic(for: message.type)
        _ = try await log.append(OutgoingRecord(topic: topic, key: topics.key(for: event, on: topic), id: event.id, payload: CloudEventCodec.encode(event)))
    }

    func subscribe(_ target: SubscriptionTarget, _ channel: SubscriptionChannel, id: UUID = UUID()) async throws -> UUID {
        try await publish(Message(Subscription(id: id, target: target, channel: channel)))
        return id
    }

    func change(_ entity: Entity) async throws {
        try await publish(Message(EntityView(entity: Self.stored(entity))), sagaID: "saga-\(entity.id.uuidString.prefix(8))")
    }

    func delete(_ entity: Entity) async throws {
        try await publish(Message(Tombstone(kind: entity.kind, id: entity.id, version: Self.stored(entity).version + 1, deletedAt: Date())))
    }

    /// As the store publishes it: a new entry is at version 1.
    static func stored(_ entity: Entity) -> Entity {
        var stored = entity
        if stored.version == 0 { stored.metadata.version = 1 }
        return stored
    }

    /// Runs the service until the log has nothing more for `group`.
    func drain(group: String = "dos.notifications") async throws {
        let runner = ServiceRunner(handler: NotificationService(database: database, webhook: policy), log: log)
        let consumer = try await log.consumer(group: group, topics: [topics.commands, topics.views], options: ConsumerOptions())
        while try await runner.processNextBatch(of: consumer, timeout: .milliseconds(100)) > 0 {}
        await consumer.close()
    }

    func messages(on topic: String) async throws -> [Message] {
        try await log.read(topics: [topic], from: .beginning, limit: 10_000).compactMap { record in
            guard case .success(let event) = CloudEventCodec.decode(record.payload),
                case .success(.known(let message, _)) = MessageDecoder.decode(event)
            else { return nil }
            return message
        }
    }

    var sent: [NotificationSent] {
        get async throws {
            try await messages(on: topics.events).compactMap { if case .notificationSent(_, let fact) = $0 { fact } else { nil } }
        }
    }

    var failed: [NotificationFailed] {
        get async throws {
            try await messages(on: topics.events).compactMap { if case .notificationFailed(_, let fact) = $0 { fact } else { nil } }
        }
    }

    var deadLetters: [DeadLetter] {
        get async throws {
            try await messages(on: topics.deadLetter).compactMap { if case .deadLetter(_, let letter) = $0 { letter } else { nil } }
        }
    }

    /// The message files in the mail-drop folder (temporary files excluded).
    func mailFiles(in folder: String? = nil) throws -> [URL] {
        let folder = URL(fileURLWithPath: folder ?? mailDrop)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".eml") && !$0.hasPrefix(".") }.sorted().map { folder.appendingPathComponent($0) }
    }
}
