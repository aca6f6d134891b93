import EventLog
import Foundation
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// The contract across processes, driven through the real `dos` command line: several writers,
/// writers and consumers killed with SIGKILL, subscribers in other processes.
public enum CrossProcessConformance {
    /// JSON lines for `count` events of one key, `perChunk` lines to a chunk.
    static func chunks(key: String, count: Int, perChunk: Int) -> [[UInt8]] {
        stride(from: 0, to: count, by: perChunk).map { start in
            (start..<min(start + perChunk, count)).flatMap { sequence in
                Array((TestEvents.line(id: "\(key)-\(sequence)", subject: key, sequence: sequence) + "\n").utf8)
            }
        }
    }

    /// The JSON objects a child printed, one per line.
    static func objects(_ lines: [String]) -> [[String: Any]] {
        lines.compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
        }
    }

    /// Two processes appending to the same topic at once: nothing lost, nothing doubled, each key in order.
    public static func twoProcessesAppendWithoutLossOrDuplicates(_ backend: ConformanceBackend) async throws {
        let topic = TestEvents.uniqueTopic("writers")
        let perWriter = 3_000
        let writers = try ["writer-a", "writer-b"].map { key in
            let child = try backend.dos(["log", "publish"], ["--topic", topic, "--print-positions", "--quiet"])
            child.feed(chunks: chunks(key: key, count: perWriter, perChunk: 50), pause: .milliseconds(1))
            return child
        }
        for writer in writers {
            let status = try await writer.waitForExit()
            #expect(status == 0, "publish failed: \(writer.standardError)")
        }
        let acknowledged = writers.flatMap { objects($0.outputLines) }
        #expect(acknowledged.count == 2 * perWriter)
        #expect(Set(acknowledged.compactMap { $0["position"] as? Int }).count == 2 * perWriter)

        let log = try await backend.open()
        let records = try await log.read(topics: [topic], from: .beginning, limit: 10 * perWriter)
        #expect(records.count == 2 * perWriter)
        #expect(Set(records.map(\.id)).count == 2 * perWriter)
        for key in ["writer-a", "writer-b"] {
            let sequences = records.filter { $0.key == key }.compactMap { TestEvents.sequence(of: $0.payload) }
            #expect(sequences == Array(0..<perWriter), "\(key) lost, doubled or reordered events")
        }
        // The writers really interleaved, or this test proves less than it claims.
        let keys = records.compactMap(\.key)
        #expect(zip(keys, keys.dropFirst()).filter { $0 != $1 }.count > 1)
        await log.close()
    }

    /// Every append a writer reported as done is there after the writer is killed with SIGKILL.
    public static func acknowledgedAppendsSurviveKill(_ backend: ConformanceBackend) async throws {
        let topic = TestEvents.uniqueTopic("kill-writer")
        let writer = try backend.dos(["log", "publish"], ["--topic", topic, "--print-positions", "--quiet"])
        writer.feed(chunks: chunks(key: "victim", count: 50_000, perChunk: 20), pause: .milliseconds(1))
        #expect(await writer.waitForLines(500, timeout: .seconds(60)))
        writer.kill(SIGKILL)
        let status = try await writer.waitForExit()
        #expect(status == 128 + SIGKILL)
        let acknowledged = objects(writer.outputLines)
        #expect(acknowledged.count >= 500)
        #expect(acknowledged.count < 50_000, "the writer finished before it was killed")

        let log = try await backend.open()
        let records = try await log.read(topics: [topic], from: .beginning, limit: 100_000)
        let stored = Dictionary(records.map { ($0.id, $0.position.offset) }, uniquingKeysWith: { first, _ in first })
        for ack in acknowledged {
            let id = try #require(ack["id"] as? String)
            #expect(stored[id] == (ack["position"] as? Int).map(Int64.init), "acknowledged event \(id) lost")
        }
        #expect(Set(records.map(\.id)).count == records.count)
        // The log still takes appends after the crash.
        let after = try await log.append(TestEvents.record(topic: topic, key: "after", sequence: 0))
        #expect(!after.wasDuplicate)
        await log.close()
    }

    /// A group consumer killed with SIGKILL mid-batch resumes from its last commit: every event is
    /// delivered, and only the uncommitted batch comes twice.
    public static func killedConsumerResumesWithoutLoss(_ backend: ConformanceBackend) async throws {
        let topic = TestEvents.uniqueTopic("kill-consumer")
        let group = "killed-\(UUID().uuidString.prefix(8))"
        let total = 20_000
        let log = try await backend.open()
        for start in stride(from: 0, to: total, by: 1_000) {
            _ = try await log.append((start..<start + 1_000).map { TestEvents.record(topic: topic, key: "k\($0 % 5)", sequence: $0) })
        }
        let arguments = ["--topic", topic, "--group", group, "--format", "record"]
        let first = try backend.dos(["log", "tail"], arguments + ["--follow"])
        #expect(await first.waitForLines(3_000, timeout: .seconds(60)))
        first.kill(SIGKILL)
        try await first.waitForExit()
        let firstRun = objects(first.outputLines)
        #expect(firstRun.count < total, "the consumer finished before it was killed")
        let committed = try await log.committedOffsets(group: group, topics: [topic])

        let second = try backend.dos(["log", "tail"], arguments)
        let status = try await second.waitForExit()
        #expect(status == 0, "second consumer failed: \(second.standardError)")
        let secondRun = objects(second.outputLines)
        let firstIDs = firstRun.compactMap { $0["id"] as? String }
        let secondIDs = secondRun.compactMap { $0["id"] as? String }
        let all = Set(firstIDs).union(secondIDs)
        #expect(all.count == total, "events lost: \(total - all.count)")
        let twice = Set(firstIDs).intersection(secondIDs)
        #expect(twice.count <= 500, "more than one batch delivered twice: \(twice.count)")
        if let resumedAt = secondRun.first?["position"] as? Int, let next = committed.values.first {
            #expect(Int64(resumedAt) >= next, "the second consumer did not start at the committed offset")
        }
        await log.close()
    }

    /// A follower in another process receives events appended here.
    public static func followerInAnotherProcessReceivesNewEvents(_ backend: ConformanceBackend) async throws {
        let topic = TestEvents.uniqueTopic("follow")
        let log = try await backend.open()
        let follower = try backend.dos(["log", "tail"], ["--topic", topic, "--follow", "--limit", "3"])
        for sequence in 0..<3 {
            try await Task.sleep(for: .milliseconds(100))
            _ = try await log.append(TestEvents.record(topic: topic, key: "k", sequence: sequence))
        }
        let status = try await follower.waitForExit(timeout: .seconds(30))
        #expect(status == 0)
        let sequences = follower.outputLines.compactMap { TestEvents.sequence(of: Array($0.utf8)) }
        #expect(sequences == [0, 1, 2])
        await log.close()
    }

    /// A group tail that cannot get its group (another member runs) says so instead of printing nothing.
    public static func groupHeldByAnotherProcessIsReported(_ backend: ConformanceBackend) async throws {
        let topic = TestEvents.uniqueTopic("held")
        let group = "held-\(UUID().uuidString.prefix(8))"
        let log = try await backend.open()
        _ = try await log.append((0..<3).map { TestEvents.record(topic: topic, key: "k", sequence: $0) })
        let holder = try backend.dos(["log", "tail"], ["--topic", topic, "--group", group, "--follow"])
        #expect(await holder.waitForLines(3, timeout: .seconds(30)))
        let latecomer = try backend.dos(["log", "tail"], ["--topic", topic, "--group", group])
        #expect(try await latecomer.waitForExit() == 1)
        #expect(latecomer.standardError.contains("is held by another running member"))
        holder.kill(SIGTERM)
        #expect(try await holder.waitForExit() == 0, "SIGTERM should end a follower cleanly")
        await log.close()
    }

    /// A group read through the command line in two runs continues where the first stopped.
    public static func commandLineGroupContinuesAcrossRuns(_ backend: ConformanceBackend) async throws {
        let topic = TestEvents.uniqueTopic("cli-group")
        let log = try await backend.open()
        _ = try await log.append((0..<10).map { TestEvents.record(topic: topic, key: "k", sequence: $0) })
        await log.close()
        let arguments = ["--topic", topic, "--group", "cli-\(UUID().uuidString.prefix(8))", "--limit", "4"]
        var seen: [Int] = []
        for _ in 0..<3 {
            let run = try backend.dos(["log", "tail"], arguments)
            #expect(try await run.waitForExit() == 0)
            seen += run.outputLines.compactMap { TestEvents.sequence(of: Array($0.utf8)) }
        }
        #expect(seen == Array(0..<10))
    }
}
