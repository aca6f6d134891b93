import EventLog
import EventLogConformance
import EventLogKafka
import Foundation
import Testing
import TestSupport

/// Readers and group members that do without record ids (`RecordIDs.notNeeded`, as the
/// services read) get every record all the same: position, key, payload, order. Only the id
/// header is left unread. On the mock cluster.
@Suite struct KafkaRecordIDTests {
    @Test func aReaderWithoutIDsGetsTheSameRecordsButTheIDs() async throws {
        try await KafkaPartitionTests.withLog { log, _ in
            let topic = TestEvents.uniqueTopic("ids")
            let sent = (0..<60).map { TestEvents.record(topic: topic, key: "key-\($0 % 6)", sequence: $0) }
            _ = try await log.append(sent)
            let withIDs = try await Self.readAll(log.reader(topics: [topic], from: .beginning, recordIDs: .read), count: sent.count)
            let withoutIDs = try await Self.readAll(log.reader(topics: [topic], from: .beginning, recordIDs: .notNeeded), count: sent.count)

            #expect(Set(withIDs.map(\.id)) == Set(sent.map(\.id)), "read: the ids they were appended with")
            #expect(withoutIDs.allSatisfy { $0.id.isEmpty }, "not needed: not read")
            let byPosition = Dictionary(uniqueKeysWithValues: withIDs.map { ($0.position, $0) })
            for record in withoutIDs {
                let same = try #require(byPosition[record.position])
                #expect(record.key == same.key && record.payload == same.payload && record.topic == same.topic)
            }
            #expect(withoutIDs.count == withIDs.count)
        }
    }

    @Test func aGroupMemberWithoutIDsGetsEveryRecordInKeyOrder() async throws {
        try await KafkaPartitionTests.withLog { log, _ in
            let topic = TestEvents.uniqueTopic("group-ids")
            let keys = (0..<5).map { "key-\($0)" }
            _ = try await log.append((0..<50).map { TestEvents.record(topic: topic, key: keys[$0 % keys.count], sequence: $0) })
            let member = try await log.consumer(
                group: "ids-\(UUID().uuidString)", topics: [topic],
                options: ConsumerOptions(startWithoutCommit: .beginning, sessionTimeout: .seconds(6), recordIDs: .notNeeded))
            var records: [LogRecord] = []
            let deadline = ContinuousClock.now + .seconds(30)
            while records.count < 50, ContinuousClock.now < deadline {
                let batch = try await member.poll(maxRecords: 20, timeout: .milliseconds(200))
                try await member.commit(batch)
                records += batch
            }
            await member.close()
            #expect(records.count == 50)
            #expect(records.allSatisfy { $0.id.isEmpty })
            for key in keys {
                let sequences = records.filter { $0.key == key }.compactMap { TestEvents.sequence(of: $0.payload) }
                #expect(sequences == Array(stride(from: keys.firstIndex(of: key) ?? 0, to: 50, by: keys.count)))
            }
        }
    }

    /// Polls until `count` records came (or 30 s passed), then closes the reader.
    static func readAll(_ reader: any LogReader, count: Int) async throws -> [LogRecord] {
        var records: [LogRecord] = []
        let deadline = ContinuousClock.now + .seconds(30)
        while records.count < count, ContinuousClock.now < deadline {
            records += try await reader.poll(maxRecords: count, timeout: .milliseconds(200))
        }
        await reader.close()
        return records
    }
}
