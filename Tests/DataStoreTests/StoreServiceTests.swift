import DataStore
import EventLog
import EventLogSQLite
import Events
import Foundation
import Model
import ServiceKit
import Testing

/// The store behind the real runner on the embedded log, fed *validated* commands as the
/// validator publishes them.
@Suite struct StoreServiceTests {
    final class Pipeline: Sendable {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dos-store-service-\(UUID().uuidString)").path
        let log: SQLiteEventLog
        let database: StoreDatabase
        let topics = Topics()

        init() throws {
            log = try SQLiteEventLog(directory: directory)
            database = try StoreDatabase(directory: URL(fileURLWithPath: directory))
        }

        deinit { try? FileManager.default.removeItem(atPath: directory) }

        /// Publishes a command as *validated* (what the validator would publish) and returns its id.
        @discardableResult
        func validated(_ message: Message, entity: (EntityKind, UUID)) async throws -> String {
            let commandID = EventID.make()
            let fact = Validated(commandID: commandID, commandType: message.type.typeName, kind: entity.0, entityID: entity.1, command: try message.payloadJSON())
            let event = try Message(fact).cloudEvent(source: "/test", sagaID: "saga-\(commandID)", actor: "steward")
            _ = try await log.append(OutgoingRecord(topic: topics.events, key: event.subject, id: event.id, payload: CloudEventCodec.encode(event)))
            return commandID
        }

        func drain(group: String = "dos.store") async throws {
            let runner = ServiceRunner(handler: StoreService(database: database), log: log)
            let consumer = try await log.consumer(group: group, topics: [topics.events], options: ConsumerOptions())
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
    }

    @Test func storesPublishesViewsAndRejectsWithReasons() async throws {
        let pipeline = try Pipeline()
        let provider = Provider(name: "Food Bank")
        var service = Service(providerID: provider.id, name: "Parcels")
        try await pipeline.validated(Message(.create, EntityCommand(entity: .provider(provider))), entity: (.provider, provider.id))
        try await pipeline.validated(Message(.create, EntityCommand(entity: .service(service))), entity: (.service, service.id))
        service.name = "Food parcels"
        try await pipeline.validated(Message(.update, EntityCommand(entity: .service(service), expectedVersion: 1)), entity: (.service, service.id))
        try await pipeline.validated(Message(.update, EntityCommand(entity: .service(service), expectedVersion: 1)), entity: (.service, service.id))
        try await pipeline.validated(Message(.delete, EntityReference(kind: .provider, id: provider.id)), entity: (.provider, provider.id))
        try await pipeline.validated(Message(.delete, EntityReference(kind: .service, id: service.id)), entity: (.service, service.id))
        try await pipeline.drain()

        let facts = try await pipeline.messages(on: pipeline.topics.events).compactMap { message -> String? in
            switch message {
            case .stored(_, let stored): "stored \(stored.kind.rawValue) v\(stored.version) \(stored.action.rawValue)"
            case .storeRejected(_, let rejected): "rejected \(rejected.kind.rawValue) \(rejected.reason.rawValue)"
            default: nil
            }
        }
        #expect(facts == [
            "stored provider v1 create", "stored service v1 create", "stored service v2 update",
            "rejected service conflict", "rejected provider has_dependents", "stored service v3 delete",
        ])
        let views = try await pipeline.messages(on: pipeline.topics.views).map { message -> String in
            switch message {
            case .view(_, let view): "view \(view.entity.kind.rawValue) v\(view.entity.version) \(view.entity.displayName)"
            case .tombstone(_, let tombstone): "tombstone \(tombstone.kind.rawValue) v\(tombstone.version)"
            default: "other"
            }
        }
        #expect(views == ["view provider v1 Food Bank", "view service v1 Parcels", "view service v2 Food parcels", "tombstone service v3"])
        let history = try pipeline.database.history(.service, service.id)
        #expect(history.map(\.version) == [1, 2, 3])
        #expect(history.allSatisfy { $0.actor == "steward" && $0.sagaID?.hasPrefix("saga-") == true })
    }

    @Test func aRedeliveredCommandPublishesNothingNewAndChangesNothing() async throws {
        let pipeline = try Pipeline()
        for index in 0..<10 {
            let provider = Provider(name: "Provider \(index)")
            try await pipeline.validated(Message(.create, EntityCommand(entity: .provider(provider))), entity: (.provider, provider.id))
        }
        try await pipeline.drain()
        try await pipeline.drain(group: "replay-as-after-a-crash")
        #expect(try await pipeline.messages(on: pipeline.topics.events).count == 20, "10 validated + 10 stored, none twice")
        #expect(try await pipeline.messages(on: pipeline.topics.views).count == 10)
        #expect(try pipeline.database.all(.provider).allSatisfy { $0.version == 1 })
    }
}
