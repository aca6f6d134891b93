import EventLogConformance
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

extension ConformanceBackend {
    /// The conformance suite's view of a Kafka cluster: topics of one partition, as its group
    /// tests assume, and Kafka's terms (repeats stored, order per partition).
    static func kafka(name: String, brokers: String, topicCreator: (any KafkaTopicCreator)? = nil) -> ConformanceBackend {
        let settings = KafkaSettings(brokers: brokers, partitions: 1, replicationFactor: 1)
        return ConformanceBackend(name: name, commandLineArguments: ["--brokers", brokers], deduplicatesIDs: false, ordersAcrossTopics: false) {
            try KafkaEventLog(settings: settings, topicCreator: topicCreator)
        }
    }
}
