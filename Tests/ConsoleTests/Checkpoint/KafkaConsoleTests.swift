@testable import Console
import EventLog
import EventLogKafka
import Events
import Foundation
import Model
import TestSupport
import XCTest

/// The console on Kafka (librdkafka's mock cluster, topics of three partitions): it shows the
/// directory, keeps a checkpoint with a position per partition, and a start from that
/// checkpoint reads only what came after in every partition.
final class KafkaConsoleTests: XCTestCase {
    private var directory = ""

    override func setUp() {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("dos-kafka-console-\(UUID().uuidString)").path
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: directory)
    }

    private func providers(_ names: [String]) throws -> [OutgoingRecord] {
        let topics = Topics()
        return try names.map { name in
            let event = try Message(EntityView(entity: .provider(Provider(id: UUID(), version: 1, name: name)))).cloudEvent(source: "/test")
            return OutgoingRecord(topic: topics.views, key: event.subject, id: event.id, payload: CloudEventCodec.encode(event))
        }
    }

    func testTheConsoleFollowsKafkaAndResumesEveryPartitionFromItsCheckpoint() async throws {
        let cluster = try await KafkaMockCluster(brokers: 3)
        for topic in Topics().all { try await cluster.send("topic \(topic) 3 3") }
        let log = try KafkaEventLog(settings: KafkaSettings(brokers: cluster.bootstrap, partitions: 3, replicationFactor: 3))
        let store = CheckpointStore(dataDirectory: directory, brokers: cluster.bootstrap)
        let results = try await log.append(try providers((0..<20).map { "Provider \($0)" }))
        XCTAssertEqual(Set(results.map(\.position.partition)).count, 3, "the views are spread over three partitions")

        let first = LiveConsole(log: log, backend: log.location, size: (120, 40), checkpoint: store)
        let screen = try await first.waitFor("providers (20)", timeout: 30)
        XCTAssertTrue(screen.contains("brokers \(cluster.bootstrap)"), screen)
        _ = try await first.waitFor("● live", timeout: 30)
        await first.stop()
        let checkpointer = Checkpointer(store: store, inbox: first.inbox)
        await checkpointer.finish(saving: checkpointer.finalSource(&first.app.context.state))
        let saved = try await store.load()
        XCTAssertEqual(saved?.entries.count, 20)
        XCTAssertEqual(saved?.marks["views"]?.positions.count, 3, "a position for each partition read")

        _ = try await log.append(try providers((20..<25).map { "Provider \($0)" }))
        let second = LiveConsole(log: log, backend: log.location, size: (120, 40), checkpoint: store)
        _ = try await second.waitFor("providers (25)", timeout: 30)
        _ = try await second.waitFor("● live", timeout: 30)
        let state = second.app.context.state
        XCTAssertEqual(state.directory.count(kind: .provider), 25)
        // Restored, then moved on to the end of every partition.
        let views = try XCTUnwrap(state.marks["views"])
        let ends = try await log.endOffsets(topics: [Topics().views])
        XCTAssertEqual(views.positions, ends)
        await second.stop()
        await log.close()
        cluster.stop()
    }
}
