import EventLog
import Foundation
import Testing

/// Consumer groups: committed offsets, resuming after a restart, one live member at a time.
public enum GroupConformance {
    static let fastSession = ConsumerOptions(startWithoutCommit: .beginning, sessionTimeout: .seconds(2))

    /// Polls until `count` records came or `timeout` passed.
    static func collect(_ reader: any LogReader, count: Int, timeout: Duration = .seconds(15)) async throws -> [LogRecord] {
        var records: [LogRecord] = []
        let deadline = ContinuousClock.now + timeout
        while records.count < count, ContinuousClock.now < deadline {
            records += try await reader.poll(maxRecords: count - records.count, timeout: .milliseconds(200))
        }
        return records
    }

    /// A group picks up after its last commit when its member (and the whole log handle) restarts.
    public static func groupResumesFromCommitAfterRestart(_ backend: ConformanceBackend) async throws {
        let topic = TestEvents.uniqueTopic("resume")
        let group = "group-\(UUID().uuidString)"
        let first = try await backend.open()
        _ = try await first.append((0..<100).map { TestEvents.record(topic: topic, key: "k", sequence: $0) })
        let consumer = try await first.consumer(group: group, topics: [topic], options: fastSession)
        let handled = try await collect(consumer, count: 60)
        #expect(handled.count == 60)
        try await consumer.commit(Array(handled.prefix(40)))
        await consumer.close()
        let committed = try await first.committedOffsets(group: group, topics: [topic])
        #expect(committed[TopicPartition(topic: topic)] == handled[39].position.offset + 1)
        await first.close()

        let reopened = try await backend.open()
        let resumed = try await reopened.consumer(group: group, topics: [topic], options: fastSession)
        let rest = try await collect(resumed, count: 60)
        // The 20 handled but uncommitted records come again: at-least-once, never skipped.
        #expect(rest.compactMap { TestEvents.sequence(of: $0.payload) } == Array(40..<100))
        try await resumed.commit(rest)
        await resumed.close()

        let otherGroup = try await reopened.consumer(group: group + "-other", topics: [topic], options: fastSession)
        #expect(try await collect(otherGroup, count: 100).count == 100)
        await otherGroup.close()
        await reopened.close()
    }

    /// A group without a commit starts where its options say.
    public static func newGroupStartsWhereOptionsSay(_ backend: ConformanceBackend) async throws {
        let log = try await backend.open()
        let topic = TestEvents.uniqueTopic("reset")
        _ = try await log.append((0..<5).map { TestEvents.record(topic: topic, key: "k", sequence: $0) })
        let latest = try await log.consumer(
            group: "latest-\(UUID().uuidString)", topics: [topic],
            options: ConsumerOptions(startWithoutCommit: .end, sessionTimeout: .seconds(2)))
        #expect(try await latest.poll(maxRecords: 10, timeout: .milliseconds(300)).isEmpty)
        _ = try await log.append(TestEvents.record(topic: topic, key: "k", sequence: 5))
        let fresh = try await collect(latest, count: 1)
        #expect(fresh.compactMap { TestEvents.sequence(of: $0.payload) } == [5])
        await latest.close()
        await log.close()
    }

    /// While one member holds the group another gets nothing; when the first leaves, the second
    /// takes over from the last commit.
    public static func oneMemberAtATimeAndTakeoverOnClose(_ backend: ConformanceBackend) async throws {
        let log = try await backend.open()
        let topic = TestEvents.uniqueTopic("members")
        let group = "members-\(UUID().uuidString)"
        _ = try await log.append((0..<10).map { TestEvents.record(topic: topic, key: "k", sequence: $0) })
        let first = try await log.consumer(group: group, topics: [topic], options: fastSession)
        let taken = try await collect(first, count: 10)
        #expect(taken.count == 10)
        try await first.commit(Array(taken.prefix(4)))

        let second = try await log.consumer(group: group, topics: [topic], options: fastSession)
        #expect(try await second.poll(maxRecords: 10, timeout: .milliseconds(400)).isEmpty)
        #expect(await first.assignment() == [TopicPartition(topic: topic)])
        #expect(await second.assignment().isEmpty)
        await first.close()
        let takenOver = try await collect(second, count: 6)
        #expect(takenOver.compactMap { TestEvents.sequence(of: $0.payload) } == Array(4..<10))
        #expect(await second.assignment() == [TopicPartition(topic: topic)])
        await second.close()
        await log.close()
    }

    /// Closing a member from a cancelled task (Ctrl-C, shutdown) still hands the group over at once.
    public static func closeFromCancelledTaskReleasesTheGroup(_ backend: ConformanceBackend) async throws {
        let log = try await backend.open()
        let topic = TestEvents.uniqueTopic("cancelled")
        let group = "cancelled-\(UUID().uuidString)"
        _ = try await log.append((0..<5).map { TestEvents.record(topic: topic, key: "k", sequence: $0) })
        let long = ConsumerOptions(startWithoutCommit: .beginning, sessionTimeout: .seconds(30))
        let first = try await log.consumer(group: group, topics: [topic], options: long)
        #expect(try await collect(first, count: 5).count == 5)
        let closing = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            await first.close()
        }
        await closing.value
        let second = try await log.consumer(group: group, topics: [topic], options: long)
        let start = ContinuousClock.now
        let records = try await collect(second, count: 5, timeout: .seconds(10))
        #expect(records.count == 5)
        #expect(ContinuousClock.now - start < .seconds(10), "the group waited for the session to expire")
        await second.close()
        await log.close()
    }

    /// A member that stays silent past its session loses the group; its late commit fails.
    public static func silentMemberLosesGroupAndItsCommitFails(_ backend: ConformanceBackend) async throws {
        let log = try await backend.open()
        let topic = TestEvents.uniqueTopic("silent")
        let group = "silent-\(UUID().uuidString)"
        _ = try await log.append((0..<3).map { TestEvents.record(topic: topic, key: "k", sequence: $0) })
        let short = ConsumerOptions(startWithoutCommit: .beginning, sessionTimeout: .milliseconds(300))
        let slow = try await log.consumer(group: group, topics: [topic], options: short)
        let inFlight = try await collect(slow, count: 3)
        #expect(inFlight.count == 3)

        let successor = try await log.consumer(group: group, topics: [topic], options: short)
        let redelivered = try await collect(successor, count: 3, timeout: .seconds(10))
        #expect(redelivered.map(\.id) == inFlight.map(\.id))
        await #expect(throws: EventLogError.notGroupMember(group: group)) {
            try await slow.commit(inFlight)
        }
        try await successor.commit(redelivered)
        await successor.close()
        await slow.close()
        await log.close()
    }

    /// End offsets and committed offsets report where the log and the group are.
    public static func reportsEndAndCommittedOffsets(_ backend: ConformanceBackend) async throws {
        let log = try await backend.open()
        let topic = TestEvents.uniqueTopic("watermarks")
        let group = "watermarks-\(UUID().uuidString)"
        #expect(try await log.committedOffsets(group: group, topics: [topic]).isEmpty)
        let results = try await log.append((0..<5).map { TestEvents.record(topic: topic, key: "k", sequence: $0) })
        let end = try await log.endOffsets(topics: [topic])
        let last = try #require(results.last?.position)
        #expect(end[TopicPartition(topic: topic, partition: last.partition)] == last.offset + 1)
        let consumer = try await log.consumer(group: group, topics: [topic], options: fastSession)
        let records = try await collect(consumer, count: 5)
        try await consumer.commit(records)
        await consumer.close()
        #expect(try await log.committedOffsets(group: group, topics: [topic])[TopicPartition(topic: topic)] == last.offset + 1)
        await log.close()
    }
}
