import EventLogKafka
import TestSupport

/// The mock cluster has no admin API (no CreateTopics): topics are made through its control
/// channel instead, as a cluster's operators would make them beforehand.
struct MockClusterTopics: KafkaTopicCreator {
    let cluster: KafkaMockCluster

    func create(_ topics: [String], partitions: Int, replicationFactor: Int) async throws {
        for topic in topics { try await cluster.send("topic \(topic) \(partitions) \(replicationFactor)") }
    }
}
