@testable import Console
import ConsoleKit
import DosCommandLine
import EventLog
import EventLogSQLite
import Events
import Foundation
import Model
import Synchronization
import XCTest

/// A real SQLite log behind a switch: while it is "down", every call fails as a lost
/// connection would. The console must keep running, say so, and catch up by itself.
final class SwitchableLog: EventLog {
    let inner: SQLiteEventLog
    let down = Mutex(false)

    init(_ inner: SQLiteEventLog) { self.inner = inner }

    struct Unreachable: Error, CustomStringConvertible { var description: String { "stream unreachable (test)" } }

    func check() throws { if down.withLock({ $0 }) { throw Unreachable() } }

    var location: String { inner.location }
    func append(_ records: [OutgoingRecord]) async throws -> [AppendResult] {
        try check()
        return try await inner.append(records)
    }
    func reader(topics: [String], from start: StartPoint) async throws -> any LogReader {
        try check()
        return SwitchableReader(inner: try await inner.reader(topics: topics, from: start), log: self)
    }
    func consumer(group: String, topics: [String], options: ConsumerOptions) async throws -> any GroupConsumer {
        try await inner.consumer(group: group, topics: topics, options: options)
    }
    func committedOffsets(group: String, topics: [String]) async throws -> [TopicPartition: Int64] {
        try await inner.committedOffsets(group: group, topics: topics)
    }
    func endOffsets(topics: [String]) async throws -> [TopicPartition: Int64] {
        try check()
        return try await inner.endOffsets(topics: topics)
    }
    func close() async { await inner.close() }
}

struct SwitchableReader: LogReader {
    let inner: any LogReader
    let log: SwitchableLog

    func poll(maxRecords: Int, timeout: Duration) async throws -> [LogRecord] {
        try log.check()
        return try await inner.poll(maxRecords: maxRecords, timeout: timeout)
    }
    func close() async { await inner.close() }
}

final class ReconnectTests: XCTestCase {
    func testTheConsoleKeepsWhatItHasWhileTheStreamIsDownAndCatchesUp() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dos-reconnect-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let sqlite = try SQLiteEventLog(directory: directory)
        let log = SwitchableLog(sqlite)
        func view(_ name: String) throws -> OutgoingRecord {
            let event = try Message(EntityView(entity: .provider(Provider(id: UUID(), version: 1, name: name)))).cloudEvent(source: "/test")
            return OutgoingRecord(topic: Topics().views, key: event.subject, id: event.id, payload: CloudEventCodec.encode(event))
        }
        _ = try await sqlite.append([try view("Before the outage")])
        let console = LiveConsole(log: log, backend: "data dir \(directory)", size: (120, 12))
        _ = try await console.waitFor("Before the outage", timeout: 15)
        log.down.withLock { $0 = true }
        let outage = try await console.waitFor("reconnecting", timeout: 15)
        XCTAssertTrue(outage.contains("Before the outage"), "what it had stays on screen")
        XCTAssertTrue(outage.contains("stream unreachable (test)"))
        // Written while the console could not read; then the stream comes back.
        _ = try await sqlite.append([try view("During the outage")])
        log.down.withLock { $0 = false }
        _ = try await console.waitFor("During the outage", timeout: 15)
        // Every reader comes back by itself (each after its own back-off).
        let back = try await console.waitFor("● live", timeout: 15)
        XCTAssertTrue(back.contains("providers (2)"), back)
        await console.stop()
        await sqlite.close()
    }
}
