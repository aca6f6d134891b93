import DataStore
import EventLog
import EventLogSQLite
import Events
import Foundation
import Model
import SagaCoordinator
import ServiceKit
import Validator

/// The real validator, store and coordinator, each through its own `ServiceRunner`, on one
/// SQLite log in a temporary directory.
final class SagaHarness: Sendable {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dos-sagas-\(UUID().uuidString)")
    let log: SQLiteEventLog
    let topics = Topics()
    let store: StoreDatabase
    let coordinator: SagaCoordinatorService

    init(stepTimeout: Duration = .seconds(30), clock: @escaping @Sendable () -> Date = { Date() }) throws {
        log = try SQLiteEventLog(directory: directory.path)
        store = try StoreDatabase(directory: directory)
        coordinator = try SagaCoordinatorService(directory: directory, stepTimeout: stepTimeout, clock: clock)
    }

    deinit { try? FileManager.default.removeItem(at: directory) }

    var validator: any MessageHandler { ValidatorService() }
    var storeService: any MessageHandler { StoreService(database: store) }

    /// Publishes a command as the console would, under its own saga id.
    @discardableResult
    func publish(_ message: Message, sagaID: String = UUID().uuidString) async throws -> CloudEvent {
        let event = try message.cloudEvent(source: "/test", sagaID: sagaID, actor: "tester")
        let topic = topics.topic(for: message.type)
        _ = try await log.append(OutgoingRecord(
            topic: topic, key: topics.key(for: event, on: topic), id: event.id, payload: CloudEventCodec.encode(event)))
        return event
    }

    /// Runs a batch of each handler's runner in turn until a whole round reads nothing and the
    /// log has not grown (a tick may publish without reading). `group` renames the groups.
    func settle(_ handlers: [any MessageHandler], group: (String) -> String = { $0 }) async throws {
        var consumers: [(ServiceRunner, any GroupConsumer)] = []
        for handler in handlers {
            let runner = ServiceRunner(handler: handler, log: log)
            let consumer = try await log.consumer(
                group: group(runner.group), topics: handler.topics(topics),
                options: ConsumerOptions(startWithoutCommit: .beginning, sessionTimeout: .seconds(5)))
            consumers.append((runner, consumer))
        }
        for _ in 0..<1_000 {
            let before = try await recordCount()
            var read = 0
            for (runner, consumer) in consumers {
                read += try await runner.processNextBatch(of: consumer, timeout: .milliseconds(5))
            }
            if read == 0, try await recordCount() == before { break }
        }
        for (_, consumer) in consumers { await consumer.close() }
    }

    /// All three services until nothing is left to do.
    func settleAll() async throws {
        try await settle([validator, storeService, coordinator])
    }

    func recordCount() async throws -> Int64 {
        try await log.endOffsets(topics: topics.all).values.reduce(0, +)
    }

    /// Every message on a topic, decoded, in log order.
    func messages(on topic: String) async throws -> [(CloudEvent, Message)] {
        try await log.read(topics: [topic], from: .beginning, limit: 100_000).compactMap { record in
            guard case .success(let event) = CloudEventCodec.decode(record.payload),
                  case .success(.known(let message, _)) = MessageDecoder.decode(event)
            else { return nil }
            return (event, message)
        }
    }

    /// The progress published for one saga: its stages with their step names.
    func timeline(of sagaID: String) async throws -> [String] {
        try await progress(of: sagaID).map { stage, progress in
            progress.step.map { "\(stage.rawValue) \($0)" } ?? stage.rawValue
        }
    }

    func progress(of sagaID: String) async throws -> [(SagaStage, SagaProgress)] {
        try await messages(on: topics.sagas).compactMap { _, message in
            guard case .saga(let type, let progress) = message, progress.sagaID == sagaID,
                  case .saga(let stage) = type.name
            else { return nil }
            return (stage, progress)
        }
    }
}
