@testable import Console
import ConsoleKit
import DosCommandLine
import EventLog
import EventLogSQLite
import Events
import Foundation
import GRDB
import Model
import Synchronization
import XCTest

/// The console's checkpoint on a real SQLite log: a start restores it and reads only what came
/// after; one from another log, or one that is damaged, is set aside and the log read whole.
final class CheckpointTests: XCTestCase {
    private var directory = ""
    private let topics = Topics()

    override func setUp() {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("dos-checkpoint-\(UUID().uuidString)").path
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: directory)
    }

    private var store: CheckpointStore { CheckpointStore(dataDirectory: directory) }

    private func view(_ entity: Entity, saga: String? = nil) throws -> OutgoingRecord {
        let event = try Message(EntityView(entity: entity)).cloudEvent(source: "/test", sagaID: saga)
        return OutgoingRecord(topic: topics.views, key: event.subject, id: event.id, payload: CloudEventCodec.encode(event))
    }

    private func provider(_ name: String, version: Int = 1, id: UUID = UUID()) throws -> OutgoingRecord {
        try view(.provider(Provider(id: id, version: version, name: name)))
    }

    private func progress(_ stage: SagaStage, saga: String, at seconds: Double) throws -> OutgoingRecord {
        let progress = SagaProgress(sagaID: saga, sagaKind: "create-provider", stepCount: 2, at: Date(timeIntervalSince1970: 1_795_771_200 + seconds))
        let event = try Message(stage, progress).cloudEvent(source: "/test", sagaID: saga)
        return OutgoingRecord(topic: topics.sagas, key: saga, id: event.id, payload: CloudEventCodec.encode(event))
    }

    /// Runs a console on the log until it is live with `expected` on screen, then saves its
    /// checkpoint as quitting does.
    private func runAndQuit(_ log: any EventLog, expecting expected: String) async throws -> String {
        let console = LiveConsole(log: log, backend: "test", checkpoint: store)
        _ = try await console.waitFor(expected, timeout: 15)
        let screen = try await console.waitFor("● live", timeout: 15)
        await console.stop()
        let checkpointer = Checkpointer(store: store, inbox: console.inbox)
        await checkpointer.finish(saving: checkpointer.finalSource(&console.app.context.state))
        return screen
    }

    func testAStartRestoresTheCheckpointAndReadsOnlyWhatCameAfter() async throws {
        let sqlite = try SQLiteEventLog(directory: directory)
        let renamed = UUID()
        _ = try await sqlite.append([
            try provider("Alpha"), try provider("Bravo", id: renamed), try provider("Charlie"),
            try progress(.started, saga: "saga-1", at: 0), try progress(.completed, saga: "saga-1", at: 1),
        ])
        _ = try await runAndQuit(sqlite, expecting: "providers (3)")
        XCTAssertTrue(FileManager.default.fileExists(atPath: store.path))

        let saved = try await store.load()
        let marks = try XCTUnwrap(saved?.marks)
        let viewsEnd = try XCTUnwrap(marks["views"]?.last?.position), stateEnd = try XCTUnwrap(marks["state"]?.last?.position)
        // Written while no console ran: a new provider, and a rename.
        _ = try await sqlite.append([try provider("Delta"), try provider("Bravo Renamed", version: 2, id: renamed)])
        let counting = CountingLog(sqlite)
        let console = LiveConsole(log: counting, backend: "test", checkpoint: store)
        let screen = try await console.waitFor("providers (4)", timeout: 15)
        _ = try await console.waitFor("● live", timeout: 15)
        XCTAssertTrue(screen.contains("Bravo Renamed") && screen.contains("Alpha") && !screen.contains("Bravo  "), screen)
        // The directory's and the sagas' readers start after the checkpoint (the tail reads the
        // newest few events of every topic, as it always does; a start checks that the last
        // records the checkpoint names are still in the log).
        let viewsRead = counting.delivered(toReadersOf: [topics.views])
        XCTAssertEqual(viewsRead.filter { $0 < viewsEnd }, [], "no view before the checkpoint is read again")
        XCTAssertEqual(viewsRead.filter { $0 > viewsEnd }.count, 2, "the two views after it are")
        XCTAssertEqual(counting.delivered(toReadersOf: [topics.commands, topics.sagas]).filter { $0 <= stateEnd }, [])
        XCTAssertEqual(console.app.context.state.sagas["saga-1"]?.state, .completed)
        await console.stop()
        await sqlite.close()
    }

    func testRestoringGivesTheSameStateAsReadingTheWholeLog() async throws {
        let sqlite = try SQLiteEventLog(directory: directory)
        var records: [OutgoingRecord] = []
        for index in 0..<40 {
            records.append(try provider("Provider \(index)"))
            records.append(try progress(.started, saga: "saga-\(index)", at: Double(index)))
            if index % 3 != 0 { records.append(try progress(.completed, saga: "saga-\(index)", at: Double(index) + 0.5)) }
        }
        let gone = UUID()
        records.append(try provider("Soon gone", id: gone))
        let deletion = try Message(Tombstone(kind: .provider, id: gone, version: 2, deletedAt: Date())).cloudEvent(source: "/test")
        records.append(OutgoingRecord(topic: topics.views, key: deletion.subject, id: deletion.id, payload: CloudEventCodec.encode(deletion)))
        _ = try await sqlite.append(records)
        _ = try await runAndQuit(sqlite, expecting: "providers (40)")

        let replayed = LiveConsole(log: sqlite, backend: "test")
        let restored = LiveConsole(log: sqlite, backend: "test", checkpoint: store)
        for console in [replayed, restored] {
            _ = try await console.waitFor("providers (40)", timeout: 15)
            _ = try await console.waitFor("● live", timeout: 15)
        }
        let replayedState = replayed.app.context.state, restoredState = restored.app.context.state
        XCTAssertEqual(Set(restoredState.directory.allEntities), Set(replayedState.directory.allEntities))
        XCTAssertEqual(restoredState.directory.tombstones, replayedState.directory.tombstones)
        XCTAssertEqual(restoredState.directory.tombstones[gone], 2)
        XCTAssertEqual(restoredState.sagas.all, replayedState.sagas.all)
        XCTAssertEqual(restoredState.sagas.all.filter { $0.state == .running }.count, 14)
        // An old version arriving again (at-least-once) changes nothing after a restore either.
        _ = try await sqlite.append([try provider("Soon gone", id: gone)])
        _ = try await restored.waitFor("● live", timeout: 15)
        try await Task.sleep(for: .milliseconds(300))
        XCTAssertNil(restored.app.context.state.directory.entry(kind: .provider, id: gone))
        await replayed.stop()
        await restored.stop()
        await sqlite.close()
    }

    func testACheckpointOfAnotherLogIsSetAside() async throws {
        var sqlite = try SQLiteEventLog(directory: directory)
        _ = try await sqlite.append([try provider("From the old log")])
        _ = try await runAndQuit(sqlite, expecting: "providers (1)")
        await sqlite.close()
        // A new log in the same place (the old one deleted), the checkpoint left behind.
        let saved = try Data(contentsOf: URL(fileURLWithPath: store.path))
        try FileManager.default.removeItem(atPath: directory)
        sqlite = try SQLiteEventLog(directory: directory)
        try saved.write(to: URL(fileURLWithPath: store.path))
        _ = try await sqlite.append([try provider("New one"), try provider("Another")])
        let console = LiveConsole(log: sqlite, backend: "test", checkpoint: store)
        let screen = try await console.waitFor("providers (2)", timeout: 15)
        XCTAssertFalse(screen.contains("From the old log"), screen)
        XCTAssertTrue(screen.contains("not of this log"), screen)
        await console.stop()
        await sqlite.close()
    }

    func testADamagedCheckpointIsReportedAndTheLogReadWhole() async throws {
        let sqlite = try SQLiteEventLog(directory: directory)
        _ = try await sqlite.append([try provider("Alpha"), try provider("Bravo")])
        _ = try await runAndQuit(sqlite, expecting: "providers (2)")
        // Damage the entries: a count that promises more than there is.
        let queue = try DatabaseQueue(path: store.path)
        try await queue.write { db in try db.execute(sql: "UPDATE chunks SET body = x'7f0102' WHERE section = 'entries'") }
        let console = LiveConsole(log: sqlite, backend: "test", size: (160, 30), checkpoint: store)
        let screen = try await console.waitFor("providers (2)", timeout: 15)
        XCTAssertTrue(screen.contains("unreadable"), screen)
        _ = try await console.waitFor("● live", timeout: 15)
        await console.stop()
        // Not a database at all: the same.
        try Data("not sqlite".utf8).write(to: URL(fileURLWithPath: store.path))
        let again = LiveConsole(log: sqlite, backend: "test", size: (160, 30), checkpoint: store)
        let second = try await again.waitFor("providers (2)", timeout: 15)
        XCTAssertTrue(second.contains("unreadable"), second)
        await again.stop()
        await sqlite.close()
    }

    func testTheCheckpointerSavesAfterALongCatchUpThenAtMostOnceAMinuteAndNeverWhileCatchingUp() async throws {
        let inbox = Inbox()
        let start = Date(timeIntervalSince1970: 1_000)
        let checkpointer = Checkpointer(store: store, inbox: inbox, interval: 60, longStretch: 3, now: start)
        var state = ConsoleState(backend: "test", tailCapacity: 10)
        let items = (0..<2).map { _ in StreamItem.ignored }
        let mark = ReaderMark(start: .beginning, positions: [TopicPartition(topic: topics.views): 2], last: (topics.views, LogPosition(offset: 1), "id"))
        state.ingest(items: items, reader: "views", mark: mark, now: start, live: false)
        state.status.connection = .connected(caughtUp: false)
        checkpointer.saveIfDue(&state, now: start.addingTimeInterval(120))
        await checkpointer.finish(saving: nil)
        XCTAssertFalse(FileManager.default.fileExists(atPath: store.path), "not while catching up")

        // Live at last, having caught up with a long stretch (4 ≥ 3): saves at once.
        state.ingest(items: items, reader: "views", mark: mark, now: start, live: false)
        state.status.connection = .connected(caughtUp: true)
        checkpointer.saveIfDue(&state, now: start.addingTimeInterval(10))
        await checkpointer.finish(saving: nil)
        XCTAssertTrue(FileManager.default.fileExists(atPath: store.path), "a long catch-up saves at once")
        XCTAssertEqual(state.uncheckpointed, 0)
        let saved = try await store.load()
        XCTAssertEqual(saved?.marks["views"], mark)

        state.ingest(items: items + items, reader: "views", mark: mark, now: start, live: true)
        checkpointer.saveIfDue(&state, now: start.addingTimeInterval(30))
        XCTAssertEqual(state.uncheckpointed, 4, "once live, even a long stretch waits for the minute")
        checkpointer.saveIfDue(&state, now: start.addingTimeInterval(71))
        await checkpointer.finish(saving: nil)
        XCTAssertEqual(state.uncheckpointed, 0, "a minute on: saves")
        XCTAssertNil(checkpointer.finalSource(&state), "nothing new to save at quit")
    }

    func testAMarkResumesEachPartitionPastWhatItRead() {
        let first = LogRecord(topic: "t", position: LogPosition(partition: 0, offset: 7), key: "a", id: "1", timestamp: Date(), payload: [])
        let second = LogRecord(topic: "t", position: LogPosition(partition: 2, offset: 3), key: "b", id: "2", timestamp: Date(), payload: [])
        let third = LogRecord(topic: "t", position: LogPosition(partition: 0, offset: 9), key: "a", id: "3", timestamp: Date(), payload: [])
        let mark = ReaderMark.beginning.advanced(past: [first, second]).advanced(past: [third])
        XCTAssertEqual(mark.resume, .positions([
            TopicPartition(topic: "t", partition: 0): 10, TopicPartition(topic: "t", partition: 2): 4,
        ]))
        XCTAssertEqual(mark.last?.id, "3")
        XCTAssertEqual(ReaderMark.beginning.advanced(past: []).resume, .beginning)
    }

    func testACheckpointInAnotherFormatIsIgnoredQuietly() async throws {
        var checkpoint = ConsoleCheckpoint()
        checkpoint.entries = [.provider(Provider(id: UUID(), version: 1, name: "Kept"))]
        try store.save(checkpoint)
        let loaded = try await store.load()
        XCTAssertEqual(loaded?.entries.count, 1)
        let queue = try DatabaseQueue(path: store.path)
        try await queue.write { db in try db.execute(sql: "UPDATE meta SET value = 999 WHERE key = 'format'") }
        let ignored = try await store.load()
        XCTAssertNil(ignored)
    }
}

/// A log that records where the records its readers hand out were, per set of topics read.
final class CountingLog: EventLog {
    let inner: SQLiteEventLog
    private let delivered = Mutex<[[String]: [LogPosition]]>([:])

    init(_ inner: SQLiteEventLog) { self.inner = inner }

    func delivered(toReadersOf topics: [String]) -> [LogPosition] { delivered.withLock { $0[topics] ?? [] } }
    func note(_ records: [LogRecord], topics: [String]) {
        delivered.withLock { $0[topics, default: []] += records.map(\.position) }
    }

    var location: String { inner.location }
    func append(_ records: [OutgoingRecord]) async throws -> [AppendResult] { try await inner.append(records) }
    func reader(topics: [String], from start: StartPoint) async throws -> any LogReader {
        CountingReader(inner: try await inner.reader(topics: topics, from: start), log: self, topics: topics)
    }
    func consumer(group: String, topics: [String], options: ConsumerOptions) async throws -> any GroupConsumer {
        try await inner.consumer(group: group, topics: topics, options: options)
    }
    func committedOffsets(group: String, topics: [String]) async throws -> [TopicPartition: Int64] {
        try await inner.committedOffsets(group: group, topics: topics)
    }
    func endOffsets(topics: [String]) async throws -> [TopicPartition: Int64] { try await inner.endOffsets(topics: topics) }
    func close() async { await inner.close() }
}

struct CountingReader: LogReader {
    let inner: any LogReader
    let log: CountingLog
    let topics: [String]

    func poll(maxRecords: Int, timeout: Duration) async throws -> [LogRecord] {
        let records = try await inner.poll(maxRecords: maxRecords, timeout: timeout)
        log.note(records, topics: topics)
        return records
    }
    func close() async { await inner.close() }
}
