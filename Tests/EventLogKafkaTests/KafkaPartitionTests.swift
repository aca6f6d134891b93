import EventLog
import EventLogConformance
import EventLogKafka
import Foundation
import Testing
import TestSupport

/// What the one-partition conformance suite cannot show: topics of several partitions, as dos
/// makes them by default, on the mock cluster (three brokers).
@Suite struct KafkaPartitionTests {
    static func withLog(_ body: (KafkaEventLog, KafkaMockCluster) async throws -> Void) async throws {
        let cluster = try await KafkaMockCluster(brokers: 3)
        let log = try KafkaEventLog(
            settings: KafkaSettings(brokers: cluster.bootstrap, partitions: 3, replicationFactor: 3),
            topicCreator: MockClusterTopics(cluster: cluster))
        try await body(log, cluster)
        await log.close()
        cluster.stop()
    }

    @Test func keysSpreadOverPartitionsAndEachKeepsItsOrder() async throws {
        try await Self.withLog { log, _ in
            let topic = TestEvents.uniqueTopic("spread")
            let keys = (0..<12).map { "key-\($0)" }
            let results = try await log.append((0..<240).map { TestEvents.record(topic: topic, key: keys[$0 % keys.count], sequence: $0) })
            #expect(Set(results.map(\.position.partition)).count == 3, "12 keys land on all three partitions")
            let records = try await log.read(topics: [topic], from: .beginning, limit: 1_000)
            #expect(records.count == 240)
            for key in keys {
                let mine = records.filter { $0.key == key }
                #expect(Set(mine.map(\.position.partition)).count == 1, "one key, one partition")
                #expect(mine.compactMap { TestEvents.sequence(of: $0.payload) } == Array(stride(from: keys.firstIndex(of: key) ?? 0, to: 240, by: 12)))
            }
        }
    }

    @Test func aReaderResumesEachPartitionWhereItWas() async throws {
        try await Self.withLog { log, _ in
            let topic = TestEvents.uniqueTopic("resume")
            _ = try await log.append((0..<90).map { TestEvents.record(topic: topic, key: "key-\($0 % 9)", sequence: $0) })
            let everything = try await log.read(topics: [topic], from: .beginning, limit: 1_000)
            // Stop part-way through each partition, at different offsets.
            var positions: [TopicPartition: Int64] = [:]
            var seen: Set<String> = []
            for record in everything where record.position.offset < Int64(5 + record.position.partition * 7) {
                positions[record.topicPartition] = record.position.offset + 1
                seen.insert(record.id)
            }
            let rest = try await log.read(topics: [topic], from: .positions(positions), limit: 1_000)
            #expect(Set(rest.map(\.id)).isDisjoint(with: seen), "nothing read twice")
            #expect(Set(rest.map(\.id)).union(seen) == Set(everything.map(\.id)), "nothing skipped")
        }
    }

    @Test func twoMembersOfAGroupShareThePartitionsAndTheWork() async throws {
        try await Self.withLog { log, _ in
            let topic = TestEvents.uniqueTopic("share")
            let group = "share-\(UUID().uuidString)"
            _ = try await log.append((0..<300).map { TestEvents.record(topic: topic, key: "key-\($0 % 30)", sequence: $0) })
            let options = ConsumerOptions(startWithoutCommit: .beginning, sessionTimeout: .seconds(6))
            let first = try await log.consumer(group: group, topics: [topic], options: options)
            let second = try await log.consumer(group: group, topics: [topic], options: options)
            var byFirst: [LogRecord] = [], bySecond: [LogRecord] = []
            /// Polls and commits; a commit refused because the partitions moved meanwhile is what a
            /// service sees too: those records come again to their new owner.
            func take(_ member: any GroupConsumer) async throws -> [LogRecord] {
                let records = try await member.poll(maxRecords: 50, timeout: .milliseconds(100))
                do {
                    try await member.commit(records)
                } catch EventLogError.notGroupMember {
                    return []
                }
                return records
            }
            let deadline = ContinuousClock.now + .seconds(30)
            while Set((byFirst + bySecond).map(\.id)).count < 300, ContinuousClock.now < deadline {
                byFirst += try await take(first)
                bySecond += try await take(second)
            }
            let firstPartitions = Set(await first.assignment()), secondPartitions = Set(await second.assignment())
            #expect(firstPartitions.isDisjoint(with: secondPartitions))
            #expect(firstPartitions.union(secondPartitions).count == 3)
            #expect(!firstPartitions.isEmpty && !secondPartitions.isEmpty, "both members have work")
            #expect(Set((byFirst + bySecond).map(\.id)).count == 300, "every record handled")
            await first.close()
            await second.close()
            let committed = try await log.committedOffsets(group: group, topics: [topic])
            let ends = try await log.endOffsets(topics: [topic])
            #expect(committed == ends, "everything committed")
        }
    }
}
