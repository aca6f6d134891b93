import EventLog
import EventLogConformance
import EventLogKafka
import Foundation
import Testing
import TestSupport

/// The log's own account of its connection: librdkafka fails nothing while every broker is
/// away (a reader's polls are just empty), so `health()` is how a reader learns it, and learns
/// when a broker is back.
@Suite struct KafkaHealthTests {
    /// Polls `health()` until `done` holds (or `limit` passes); the last health seen.
    func health(of log: KafkaEventLog, within limit: Duration, until done: (LogHealth) -> Bool) async throws -> LogHealth {
        let deadline = ContinuousClock.now + limit
        var health = await log.health()
        while !done(health), ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(200))
            health = await log.health()
        }
        return health
    }

    @Test func unreachableWhileEveryBrokerIsDownAndReachableWhenOneIsBack() async throws {
        let cluster = try await KafkaMockCluster(brokers: 2)
        defer { cluster.stop() }
        let topic = TestEvents.uniqueTopic("health")
        try await cluster.send("topic \(topic) 2 2")
        let log = try KafkaEventLog(settings: KafkaSettings(brokers: cluster.bootstrap, partitions: 2, replicationFactor: 2))
        _ = try await log.append(TestEvents.record(topic: topic, key: "k", sequence: 0))
        let reader = try await log.reader(topics: [topic], from: .beginning)
        #expect(try await reader.poll(maxRecords: 10, timeout: .seconds(5)).count == 1)
        #expect(await log.health().unreachable == nil)

        try await cluster.setDown(broker: 1)
        try await cluster.setDown(broker: 2)
        // The reader keeps polling, as the console does, and is told nothing by its polls.
        let polling = Task { while !Task.isCancelled { _ = try? await reader.poll(maxRecords: 10, timeout: .milliseconds(200)) } }
        let down = try await health(of: log, within: .seconds(60)) { $0.unreachable != nil }
        #expect(down.unreachable == "no broker answers")

        try await cluster.setUp(broker: 2)
        let back = try await health(of: log, within: .seconds(60)) { $0.unreachable == nil }
        #expect(back.unreachable == nil, "a broker answers again")
        polling.cancel()
        await reader.close()
        await log.close()
    }
}
