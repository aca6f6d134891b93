import EventLog
import EventLogKafka
import Events
import Foundation
import Testing
import TestSupport

/// Poison on Kafka, where the services read without record ids (`RecordIDs.notNeeded`): a
/// record with neither key nor a readable payload is still dead-lettered, once, keyed by the
/// letter's own id, and the validator goes on.
@Suite(.serialized) struct KafkaPoisonTests {
    @Test func aKeylessPoisonRecordIsDeadLetteredByAServiceThatReadsNoIDs() async throws {
        let mock = try await KafkaMockCluster(brokers: 1)
        defer { mock.stop() }
        try await mock.createDosTopics(partitions: 3, replicas: 1)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dos-kafka-poison-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let topics = Topics()
        let log = try KafkaEventLog(settings: KafkaSettings(brokers: mock.bootstrap, partitions: 3, replicationFactor: 1))
        let poison = try await log.append(OutgoingRecord(topic: topics.commands, key: nil, id: "poison-1", payload: Array("not an event \u{1b}[2J".utf8)))

        let validator = try ChildProcess(
            DosExecutable.url, ["serve", "validator", "--brokers", mock.bootstrap, "--data-dir", directory],
            environment: ["XDG_STATE_HOME": directory + "/state"])
        defer { validator.kill(SIGTERM) }
        var letters: [(record: LogRecord, letter: DeadLetter)] = []
        let deadline = ContinuousClock.now + .seconds(60)
        while letters.isEmpty, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(200))
            letters = try await log.read(topics: [topics.deadLetter], from: .beginning, limit: 10).compactMap { record in
                guard case .success(let event) = CloudEventCodec.decode(record.payload),
                      case .success(.known(.deadLetter(_, let letter), _)) = MessageDecoder.decode(event)
                else { return nil }
                return (record, letter)
            }
        }
        await log.close()
        let dead = try #require(letters.first, "dead-lettered within a minute: \(validator.standardError)")
        #expect(letters.count == 1)
        #expect(dead.letter.originTopic == topics.commands)
        #expect(dead.letter.originPartition == Int(poison.position.partition))
        #expect(dead.letter.originPosition == Int(poison.position.offset))
        #expect(dead.letter.originKey == nil)
        #expect(dead.letter.originalBytes == Array("not an event \u{1b}[2J".utf8))
        #expect(dead.record.key == dead.record.id, "no key, no id read: keyed by the letter's own id")
        #expect(!dead.record.id.isEmpty)
    }
}
