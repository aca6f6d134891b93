import EventLog
import Foundation
import Testing

/// Appending and reading without groups: the part of the contract every caller relies on.
public enum AppendAndReadConformance {
    /// Positions increase in append order, and reading returns exactly what was appended.
    public static func positionsIncreaseAndRecordsReadBackExactly(_ backend: ConformanceBackend) async throws {
        let log = try await backend.open()
        let topic = TestEvents.uniqueTopic("positions")
        let batch = (0..<100).map { TestEvents.record(topic: topic, key: "key-\($0 % 7)", sequence: $0) }
        let batchResults = try await log.append(batch)
        var singles: [AppendResult] = []
        for sequence in 100..<110 {
            singles.append(try await log.append(TestEvents.record(topic: topic, key: "single", sequence: sequence)))
        }
        let positions = (batchResults + singles).map(\.position)
        #expect(positions.count == 110)
        #expect(zip(positions, positions.dropFirst()).allSatisfy { $0.partition != $1.partition || $0.offset < $1.offset })
        #expect((batchResults + singles).allSatisfy { !$0.wasDuplicate })

        let records = try await log.read(topics: [topic], from: .beginning, limit: 1_000)
        #expect(records.count == 110)
        let byID = Dictionary(uniqueKeysWithValues: records.map { ($0.id, $0) })
        for (sent, result) in zip(batch, batchResults) {
            let stored = try #require(byID[sent.id])
            #expect(stored.position == result.position)
            #expect(stored.payload == sent.payload)
            #expect(stored.key == sent.key)
            #expect(stored.topic == topic)
        }
        await log.close()
    }

    /// Batches started one after another (`startAppend`) land in that order, each result says
    /// where its record is, and a batch the log refuses fails at start, before anything of it lands.
    public static func startedBatchesKeepTheirOrder(_ backend: ConformanceBackend) async throws {
        let log = try await backend.open()
        let topic = TestEvents.uniqueTopic("started")
        var pending: [PendingAppend] = []
        for start in stride(from: 0, to: 600, by: 100) {
            // Two keys, so the order that must hold is per key across batches.
            pending.append(try await log.startAppend((start..<start + 100).map { TestEvents.record(topic: topic, key: "key-\($0 % 2)", sequence: $0) }))
        }
        var results: [AppendResult] = []
        for batch in pending { results += try await batch.results() }
        #expect(results.count == 600)
        #expect(results.allSatisfy { $0.topic == topic && !$0.wasDuplicate })

        let records = try await log.read(topics: [topic], from: .beginning, limit: 1_000)
        #expect(records.count == 600)
        for key in ["key-0", "key-1"] {
            let sequences = records.filter { $0.key == key }.compactMap { TestEvents.sequence(of: $0.payload) }
            #expect(sequences == Array(stride(from: key == "key-0" ? 0 : 1, to: 600, by: 2)), "\(key) out of order")
        }
        let positionBySequence = Dictionary(uniqueKeysWithValues: records.compactMap { record in TestEvents.sequence(of: record.payload).map { ($0, record.position) } })
        #expect(results.enumerated().allSatisfy { positionBySequence[$0.offset] == $0.element.position })

        let oversized = OutgoingRecord(topic: topic, key: "k", id: "too-big", payload: Array(repeating: 0x20, count: RecordRules.maximumPayloadSize + 1))
        await #expect(throws: EventLogError.self) { _ = try await log.startAppend([TestEvents.record(topic: topic, key: "k", sequence: 600), oversized]) }
        #expect(try await log.read(topics: [topic], from: .beginning, limit: 1_000).count == 600)
        await log.close()
    }

    /// Records of one key come back in the order they were appended, even with concurrent writers.
    public static func perKeyOrderHoldsWithConcurrentWriters(_ backend: ConformanceBackend) async throws {
        let log = try await backend.open()
        let topic = TestEvents.uniqueTopic("order")
        let keys = (0..<4).map { "writer-\($0)" }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for key in keys {
                group.addTask {
                    for sequence in 0..<150 {
                        if sequence % 10 == 0 {
                            let batch = (sequence..<sequence + 5).map { TestEvents.record(topic: topic, key: key, sequence: $0) }
                            _ = try await log.append(batch)
                        } else if sequence % 10 >= 5 {
                            _ = try await log.append(TestEvents.record(topic: topic, key: key, sequence: sequence))
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
        let records = try await log.read(topics: [topic], from: .beginning, limit: 10_000)
        #expect(records.count == keys.count * 150)
        for key in keys {
            let sequences = records.filter { $0.key == key }.compactMap { TestEvents.sequence(of: $0.payload) }
            #expect(sequences == Array(0..<150), "key \(key) out of order")
        }
        await log.close()
    }

    /// Reading from an offset starts at the record at that offset; from the end, only new records.
    public static func readsFromOffsetAndFromEnd(_ backend: ConformanceBackend) async throws {
        let log = try await backend.open()
        let topic = TestEvents.uniqueTopic("offsets")
        let results = try await log.append((0..<20).map { TestEvents.record(topic: topic, key: "k", sequence: $0) })
        let tenth = results[10].position
        let fromTenth = try await log.read(topics: [topic], from: .offset(tenth.offset), limit: 100)
        #expect(fromTenth.compactMap { TestEvents.sequence(of: $0.payload) } == Array(10..<20))

        let tail = try await log.reader(topics: [topic], from: .end)
        #expect(try await tail.poll(maxRecords: 100, timeout: .zero).isEmpty)
        _ = try await log.append(TestEvents.record(topic: topic, key: "k", sequence: 20))
        let fresh = try await tail.poll(maxRecords: 100, timeout: .seconds(5))
        #expect(fresh.compactMap { TestEvents.sequence(of: $0.payload) } == [20])
        await tail.close()
        await log.close()
    }

    /// Reading from a time starts at the first record stored at or after it.
    public static func readsFromTime(_ backend: ConformanceBackend) async throws {
        let log = try await backend.open()
        let topic = TestEvents.uniqueTopic("time")
        _ = try await log.append((0..<5).map { TestEvents.record(topic: topic, key: "k", sequence: $0) })
        try await Task.sleep(for: .milliseconds(30))
        let boundary = Date()
        try await Task.sleep(for: .milliseconds(30))
        _ = try await log.append((5..<10).map { TestEvents.record(topic: topic, key: "k", sequence: $0) })
        let after = try await log.read(topics: [topic], from: .time(boundary), limit: 100)
        #expect(after.compactMap { TestEvents.sequence(of: $0.payload) } == Array(5..<10))
        #expect(after.allSatisfy { $0.timestamp >= boundary.addingTimeInterval(-0.001) })
        let future = try await log.read(topics: [topic], from: .time(Date().addingTimeInterval(3600)), limit: 100)
        #expect(future.isEmpty)
        let past = try await log.read(topics: [topic], from: .time(Date(timeIntervalSince1970: 0)), limit: 100)
        #expect(past.count == 10)
        await log.close()
    }

    /// An event id is stored once per topic, whether repeated in one batch or across appends.
    /// A backend that stores repeats (Kafka) must hand each one back with its id, so consumers
    /// can drop it.
    public static func deduplicatesByEventID(_ backend: ConformanceBackend) async throws {
        guard backend.deduplicatesIDs else { return try await repeatsComeBackWithTheirID(backend) }
        let log = try await backend.open()
        let topic = TestEvents.uniqueTopic("dedupe")
        let original = TestEvents.record(topic: topic, key: "k", sequence: 1, id: "event-1")
        let first = try await log.append(original)
        let again = try await log.append(original)
        #expect(!first.wasDuplicate)
        #expect(again.wasDuplicate)
        #expect(again.position == first.position)
        let batch = try await log.append([
            TestEvents.record(topic: topic, key: "k", sequence: 2, id: "event-2"),
            TestEvents.record(topic: topic, key: "k", sequence: 3, id: "event-2"),
            original,
        ])
        #expect(batch.map(\.wasDuplicate) == [false, true, true])
        #expect(batch[1].position == batch[0].position)
        let records = try await log.read(topics: [topic], from: .beginning, limit: 100)
        #expect(records.map(\.id) == ["event-1", "event-2"])
        #expect(records.compactMap { TestEvents.sequence(of: $0.payload) } == [1, 2])
        await log.close()
    }

    private static func repeatsComeBackWithTheirID(_ backend: ConformanceBackend) async throws {
        let log = try await backend.open()
        let topic = TestEvents.uniqueTopic("repeats")
        let original = TestEvents.record(topic: topic, key: "k", sequence: 1, id: "event-1")
        _ = try await log.append(original)
        _ = try await log.append([original, TestEvents.record(topic: topic, key: "k", sequence: 2, id: "event-2")])
        let records = try await log.read(topics: [topic], from: .beginning, limit: 100)
        #expect(records.map(\.id) == ["event-1", "event-1", "event-2"])
        #expect(Set(records.filter { $0.id == "event-1" }.map(\.payload)).count == 1)
        await log.close()
    }

    /// A reader of several topics gets them merged in append order; other topics stay out.
    /// (Where order holds within a partition only, each topic keeps its own order.)
    public static func mergesSubscribedTopicsAndIgnoresOthers(_ backend: ConformanceBackend) async throws {
        let log = try await backend.open()
        let (first, second, other) = (TestEvents.uniqueTopic("a"), TestEvents.uniqueTopic("b"), TestEvents.uniqueTopic("c"))
        for sequence in 0..<30 {
            let topic = [first, second, other][sequence % 3]
            _ = try await log.append(TestEvents.record(topic: topic, key: "k", sequence: sequence))
        }
        let records = try await log.read(topics: [first, second], from: .beginning, limit: 100)
        #expect(records.count == 20)
        #expect(!records.contains { $0.topic == other })
        let sequences = records.compactMap { TestEvents.sequence(of: $0.payload) }
        if backend.ordersAcrossTopics {
            #expect(sequences == (0..<30).filter { $0 % 3 != 2 })
        } else {
            #expect(sequences.sorted() == (0..<30).filter { $0 % 3 != 2 })
            for (topic, remainder) in [(first, 0), (second, 1)] {
                let own = records.filter { $0.topic == topic }.compactMap { TestEvents.sequence(of: $0.payload) }
                #expect(own == (0..<30).filter { $0 % 3 == remainder })
            }
        }
        await log.close()
    }

    /// A waiting poll returns as soon as a record arrives, and an idle one returns empty at its timeout.
    public static func pollWaitsForNewRecordsAndTimesOut(_ backend: ConformanceBackend) async throws {
        let log = try await backend.open()
        let topic = TestEvents.uniqueTopic("wait")
        let reader = try await log.reader(topics: [topic], from: .beginning)
        let clock = ContinuousClock()
        let idleStart = clock.now
        let idle = try await reader.poll(maxRecords: 10, timeout: .milliseconds(200))
        #expect(idle.isEmpty)
        #expect(clock.now - idleStart >= .milliseconds(190))

        let writer = Task {
            try await Task.sleep(for: .milliseconds(100))
            _ = try await log.append(TestEvents.record(topic: topic, key: "k", sequence: 1))
        }
        let waitStart = clock.now
        let received = try await reader.poll(maxRecords: 10, timeout: .seconds(30))
        let waited = clock.now - waitStart
        try await writer.value
        #expect(received.count == 1)
        #expect(waited < .seconds(30))
        await reader.close()
        await log.close()
    }

    /// Bad names and oversized records are refused with the matching error, and nothing is stored.
    public static func rejectsInvalidTopicsAndOversizedRecords(_ backend: ConformanceBackend) async throws {
        let log = try await backend.open()
        let topic = TestEvents.uniqueTopic("limits")
        await #expect(throws: EventLogError.invalidTopicName("bad topic")) {
            _ = try await log.append(OutgoingRecord(topic: "bad topic", key: nil, id: "x", payload: [1]))
        }
        let huge = OutgoingRecord(topic: topic, key: nil, id: "huge", payload: [UInt8](repeating: 0x20, count: RecordRules.maximumPayloadSize + 1))
        await #expect(throws: EventLogError.payloadTooLarge(size: RecordRules.maximumPayloadSize + 1, limit: RecordRules.maximumPayloadSize)) {
            _ = try await log.append([TestEvents.record(topic: topic, key: "k", sequence: 1), huge])
        }
        await #expect(throws: EventLogError.emptyID) {
            _ = try await log.append(OutgoingRecord(topic: topic, key: nil, id: "", payload: [1]))
        }
        #expect(try await log.read(topics: [topic], from: .beginning, limit: 10).isEmpty)
        await log.close()
    }
}
