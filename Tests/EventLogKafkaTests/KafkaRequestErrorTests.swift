import EventLog
import EventLogConformance
import EventLogKafka
import Foundation
import Testing
import TestSupport

/// Brokers answering with errors librdkafka must retry through: NOT_LEADER_OR_FOLLOWER (6) and
/// REQUEST_TIMED_OUT (7), injected into the mock cluster's Produce (API key 0) and Fetch (1)
/// answers. The idempotent producer retries without duplicating or reordering anything.
@Suite struct KafkaRequestErrorTests {
    static let notLeader = 6, requestTimedOut = 7

    @Test func producesThroughRequestErrorsWithNoDuplicateAndNoReorderingPerKey() async throws {
        let cluster = try await KafkaMockCluster(brokers: 3)
        let log = try KafkaEventLog(
            settings: KafkaSettings(brokers: cluster.bootstrap, partitions: 3, replicationFactor: 3),
            topicCreator: MockClusterTopics(cluster: cluster))
        let topic = TestEvents.uniqueTopic("errors")
        try await log.createTopics([topic])
        let keys = (0..<10).map { "key-\($0)" }
        var appended: [AppendResult] = []
        for round in 0..<10 {
            // Every round, the next Produce requests fail, each error in turn.
            try await cluster.failRequests(apiKey: 0, count: 6, errors: [Self.notLeader, Self.requestTimedOut])
            let batch = (0..<500).map { index in
                TestEvents.record(topic: topic, key: keys[index % keys.count], sequence: round * 500 + index)
            }
            appended += try await log.append(batch)
        }
        #expect(appended.count == 5_000)
        try await cluster.failRequests(apiKey: 1, count: 6, errors: [Self.notLeader, Self.requestTimedOut])
        let records = try await log.read(topics: [topic], from: .beginning, limit: 10_000)
        #expect(records.count == 5_000, "no record lost, none stored twice")
        #expect(Set(records.map(\.id)).count == 5_000)
        for key in keys {
            let sequences = records.filter { $0.key == key }.compactMap { TestEvents.sequence(of: $0.payload) }
            #expect(sequences == sequences.sorted(), "\(key) reordered")
            #expect(sequences.count == 500)
        }
        await log.close()
        cluster.stop()
    }
}
