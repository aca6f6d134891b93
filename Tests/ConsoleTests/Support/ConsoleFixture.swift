@testable import Console
import ConsoleKit
import DosCommandLine
import EventLog
import Events
import Foundation
import Model
import Synchronization

/// A console with no terminal: fixed clock, data folded from real encoded records, and a client
/// that records what the console asks of the stream (tests that need the real stream use
/// `StreamFeed` on a SQLite log instead).
final class ConsoleFixture {
    static let now = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-18T08:26:40Z
    let client = RecordingClient()
    let context: ConsoleContext
    let app: ConsoleApp
    var size = (width: 80, height: 24)
    private var position: Int64 = 0

    init(readOnly: Bool = false, start: EntityKind = .service, keymap: Keymap = Keymap(), clock: @escaping @Sendable () -> Date = { ConsoleFixture.now }) {
        let state = ConsoleState(backend: "data dir /tmp/dos-test", tailCapacity: 1_000)
        context = ConsoleContext(state: state, client: client, keymap: keymap, readOnly: readOnly, reviewAfterDays: 180,
                                 themeNames: ["default-dark", "light", "monochrome"], clock: clock)
        context.state.status.connection = .connected(caughtUp: true)
        app = ConsoleApp(context: context, start: start)
    }

    // MARK: Data

    static func id(_ n: Int) -> UUID {
        UUID(uuidString: String(format: "00000000-0000-4000-8000-%012d", n)) ?? UUID()
    }

    static func date(_ text: String) -> Date { Timestamp.date(from: text, syntax: .lenient) ?? now }

    func record(_ message: Message, topic: String, saga: String? = nil, actor: String? = "alice", time: Date? = nil) throws -> LogRecord {
        position += 1
        // Fixed event ids so goldens do not move.
        let id = String(format: "01900000-0000-7000-8000-%012d", position)
        let event = try message.cloudEvent(id: id, source: "/test", time: time ?? Self.now, sagaID: saga, actor: actor)
        return LogRecord(topic: topic, position: LogPosition(offset: position), key: event.subject, id: event.id,
                         timestamp: time ?? Self.now, payload: CloudEventCodec.encode(event))
    }

    /// Folds views of these entries in, as if they were in the log at start (or arrived live).
    func add(_ entities: [Entity], live: Bool = false, saga: String? = nil) throws {
        let records = try entities.map { try record(Message(EntityView(entity: $0)), topic: Topics().views, saga: saga) }
        context.state.ingest(records, now: Self.now, live: live)
        context.state.ingestTail(records.map(TailEntry.init(record:)))
    }

    func delete(_ entity: Entity) throws {
        let records = [try record(Message(Tombstone(kind: entity.kind, id: entity.id, version: entity.version + 1, deletedAt: Self.now)), topic: Topics().views)]
        context.state.ingest(records, now: Self.now, live: true)
    }

    func saga(_ stage: SagaStage, id: String, kind: String, step: String? = nil, index: Int? = nil, count: Int? = nil, reason: String? = nil, at: Date) throws {
        let progress = SagaProgress(sagaID: id, sagaKind: kind, step: step, stepIndex: index, stepCount: count, reason: reason, at: at)
        let records = [try record(Message(stage, progress), topic: Topics().sagas, saga: id, time: at)]
        context.state.ingest(records, now: Self.now, live: false)
        context.state.ingestTail(records.map(TailEntry.init(record:)))
    }

    func deadLetter(_ letter: DeadLetter) throws {
        let records = [try record(Message(letter), topic: Topics().deadLetter)]
        context.state.ingest(records, now: Self.now, live: false)
    }

    // MARK: Driving

    /// Each key is handled after a frame was drawn, as in the real loop (views lay out rows
    /// when they draw, and keys act on what is on screen).
    func press(_ keys: Key...) {
        for key in keys {
            _ = screen()
            app.handle(.key(key), size: size)
        }
    }

    func type(_ text: String) {
        for character in text { press(.character(character)) }
    }

    func command(_ text: String) {
        press(.character(":"))
        type(text)
        press(.enter)
    }

    /// A key handled with no frame drawn first: what the real loop does when a batch from the
    /// stream and a key arrive in the same wake-up.
    func pressWithoutFrame(_ key: Key) {
        app.handle(.key(key), size: size)
    }

    func screen() -> ScreenBuffer {
        var buffer = ScreenBuffer(width: size.width, height: size.height)
        app.render(into: &buffer)
        return buffer
    }

    var text: String { screen().text }
}

/// A clock a test moves by hand.
final class LockedClock: Sendable {
    private let current: Mutex<Date>
    init(_ start: Date) { current = Mutex(start) }
    var now: Date { current.withLock { $0 } }
    func set(_ date: Date) { current.withLock { $0 = date } }
}

/// Records what the console asked of the stream.
final class RecordingClient: StreamClient {
    let published = Mutex<[PlannedCommand]>([])
    let requests = Mutex<[String]>([])

    func publish(_ commands: [PlannedCommand]) -> [String] {
        let total = published.withLock { published in
            published += commands
            return published.count
        }
        return (0..<commands.count).map { "saga-\(total - commands.count + $0 + 1)" }
    }

    func requestHistory(kind: EntityKind, id: UUID) { requests.withLock { $0.append("history \(kind.rawValue) \(id)") } }
    func requestRecord(topic: String, position: LogPosition) { requests.withLock { $0.append("record \(topic) \(position)") } }
    func requestOlderTail(before offset: Int64?, count: Int) { requests.withLock { $0.append("older \(offset ?? -1) \(count)") } }
    func restartTail(from start: StartPoint) { requests.withLock { $0.append("restart \(start)") } }
    func retryDeadLetter(id: String) { requests.withLock { $0.append("retry \(id)") } }
    func discardDeadLetter(id: String, reason: String?) { requests.withLock { $0.append("discard \(id)") } }
}
