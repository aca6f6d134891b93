@testable import Console
import ConsoleKit
import EventLog
import EventLogSQLite
import Events
import Foundation
import Synchronization
import XCTest

/// A real SQLite log that appends a few events of its own just before the live tail's reader
/// opens: as if they arrived between the tail's read-back of older events and its start.
final class LateArrivalsLog: EventLog {
    let inner: SQLiteEventLog
    let lateEvents: [OutgoingRecord]
    private let appended = Mutex(false)
    /// Until when `endOffsets` fails (a cluster still electing its leaders when the console starts).
    private let endOffsetsFailUntil: Date

    init(_ inner: SQLiteEventLog, lateEvents: [OutgoingRecord], endOffsetsFailFor failing: TimeInterval = 0) {
        self.inner = inner
        self.lateEvents = lateEvents
        endOffsetsFailUntil = Date().addingTimeInterval(failing)
    }

    struct NotYet: Error, CustomStringConvertible { var description: String { "no leader yet (test)" } }

    var location: String { inner.location }
    func append(_ records: [OutgoingRecord]) async throws -> [AppendResult] { try await inner.append(records) }
    func reader(topics: [String], from start: StartPoint) async throws -> any LogReader {
        // The live tail reads every topic from the end (or from where the end was); the
        // read-back of older events reads them from an offset.
        var isLiveTail = false
        if topics == Topics().all {
            switch start {
            case .end, .positions: isLiveTail = true
            default: break
            }
        }
        if isLiveTail, !appended.withLock({ done in defer { done = true }; return done }) {
            _ = try await inner.append(lateEvents)
        }
        return try await inner.reader(topics: topics, from: start)
    }
    func consumer(group: String, topics: [String], options: ConsumerOptions) async throws -> any GroupConsumer {
        try await inner.consumer(group: group, topics: topics, options: options)
    }
    func committedOffsets(group: String, topics: [String]) async throws -> [TopicPartition: Int64] {
        try await inner.committedOffsets(group: group, topics: topics)
    }
    func endOffsets(topics: [String]) async throws -> [TopicPartition: Int64] {
        if Date() < endOffsetsFailUntil { throw NotYet() }
        return try await inner.endOffsets(topics: topics)
    }
    func close() async { await inner.close() }
}

final class TailBoundaryTests: XCTestCase {
    static func event(_ subject: String) -> OutgoingRecord {
        let event = CloudEvent(id: UUID().uuidString, source: "/test", type: "test.tail", subject: subject)
        return OutgoingRecord(topic: Topics().events, key: subject, id: event.id, payload: CloudEventCodec.encode(event))
    }

    func testNothingFallsBetweenTheReadBackAndTheLiveTail() async throws {
        try await checkNothingFallsBetween(endOffsetsFailFor: 0)
    }

    /// The boundary is asked again until the log answers, rather than the tail falling back to
    /// "the end, whenever the reader opens".
    func testNothingFallsBetweenWhenTheFirstAskForTheEndFails() async throws {
        try await checkNothingFallsBetween(endOffsetsFailFor: 0.3)
    }

    func checkNothingFallsBetween(endOffsetsFailFor failing: TimeInterval, file: StaticString = #filePath, line: UInt = #line) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dos-tail-boundary-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let sqlite = try SQLiteEventLog(directory: directory)
        _ = try await sqlite.append((0..<10).map { Self.event("before \($0)") })
        let log = LateArrivalsLog(sqlite, lateEvents: (0..<5).map { Self.event("between \($0)") }, endOffsetsFailFor: failing)
        let console = LiveConsole(log: log, backend: "data dir \(directory)")
        let deadline = Date().addingTimeInterval(15)
        var subjects: [String] = []
        while subjects.count < 15, Date() < deadline {
            try await Task.sleep(for: .milliseconds(20))
            _ = console.screen()
            subjects = console.app.context.state.tail.entries.map(\.subject)
        }
        await console.stop()
        XCTAssertEqual(subjects, (0..<10).map { "before \($0)" } + (0..<5).map { "between \($0)" },
                       "the older events read back, then every event after them, none missing", file: file, line: line)
    }

    /// After a reconnect, a tail that started from every partition's end resumes past what it
    /// read in each partition, and where it was in the partitions it has not read from.
    func testATailResumesEachPartitionWhereItWas() {
        func record(_ partition: Int32, _ offset: Int64) -> LogRecord {
            LogRecord(topic: "t", position: LogPosition(partition: partition, offset: offset), key: nil, id: "", timestamp: Date(), payload: [])
        }
        let ends = [TopicPartition(topic: "t", partition: 0): Int64(40), TopicPartition(topic: "t", partition: 1): 7, TopicPartition(topic: "t", partition: 2): 12]
        let resumed = StreamFeed.resume(.positions(ends), past: [record(1, 7), record(0, 40), record(1, 8)])
        XCTAssertEqual(resumed, .positions([TopicPartition(topic: "t", partition: 0): 41, TopicPartition(topic: "t", partition: 1): 9,
                                            TopicPartition(topic: "t", partition: 2): 12]))
        XCTAssertEqual(StreamFeed.resume(.positions(ends), past: []), .positions(ends))
        // The embedded log's offsets run across its topics: one offset says where.
        XCTAssertEqual(StreamFeed.resume(.beginning, past: [record(0, 3), record(0, 9)]), .offset(10))
    }
}
