import DosCommandLine
import EventLog
import Events
import Foundation
import Model
import Synchronization

/// The console's side of the stream: background tasks that read the state topics from the
/// beginning (directory, sagas, dead letters) and the tail from where the user chose, decode
/// what they read, and post it to the inbox; and the one place commands are published.
///
/// It never gives up: when the log fails, it says *reconnecting*, waits (backing off up to 5 s)
/// and resumes after the last record it had read. The console keeps running on what it has.
public final class StreamFeed: StreamClient {
    public let log: any EventLog
    public let topics: Topics
    public let inbox: Inbox
    public let actor: String
    /// Where the console keeps its checkpoint; nil reads everything from the beginning.
    public let checkpoint: CheckpointStore?
    private let tasks = Mutex<[String: Task<Void, Never>]>([:])
    private let inFlight = Mutex<Set<String>>([])
    /// The next offset to read per topic partition of the state topics, for the lag figure.
    private let readPositions = Mutex<[TopicPartition: Int64]>([:])
    private let tailGeneration = Atomic<Int>(0)
    /// The state readers that have reached the end of the log once.
    private let caughtUpReaders = Mutex<Set<String>>([])
    /// Where the state readers start: set once the checkpoint has been restored (or not).
    private let startMarks = Mutex<[String: ReaderMark]?>(nil)

    public init(
        log: any EventLog, topics: Topics = Topics(), inbox: Inbox, checkpoint: CheckpointStore? = nil,
        actor: String = "console:" + (ProcessInfo.processInfo.environment["USER"] ?? "unknown")
    ) {
        self.log = log
        self.topics = topics
        self.inbox = inbox
        self.checkpoint = checkpoint
        self.actor = actor
    }

    var stateTopics: [String] { [topics.commands, topics.views, topics.sagas, topics.deadLetter] }

    /// Starts reading. The tail starts at `tailStart`; from the end, the last `backfill` events
    /// are read back so it does not open empty.
    public func start(tailStart: StartPoint = .end, backfill: Int = 200) {
        // The checkpoint, if any, then the views on their own: they are what the first screen
        // shows, and a log of a million events holds far more saga progress and commands.
        launch("views") { [self] in
            let marks = await restoreCheckpoint()
            startMarks.withLock { $0 = marks }
            await readState(name: "views", topics: [topics.views], from: marks["views"] ?? .beginning)
        }
        launch("state") { [self] in
            // Two cores are not many: saga progress waits until the directory is in (or 10 s).
            await waitForCatchUp(of: "views", upTo: .seconds(10))
            let marks = await waitForStartMarks()
            await readState(name: "state", topics: [topics.commands, topics.sagas], from: marks["state"] ?? .beginning)
        }
        // Dead letters are not checkpointed: their topic is read whole (a healthy log has few).
        launch("letters") { [self] in
            await readState(name: "letters", topics: [topics.deadLetter], from: .beginning)
        }
        launch("lag") { [self] in await measureLag() }
        launch("health") { [self] in await watchHealth() }
        startTail(from: tailStart, backfill: backfill)
    }

    public func stop() async {
        let running = tasks.withLock { tasks in
            defer { tasks.removeAll() }
            return Array(tasks.values)
        }
        for task in running { task.cancel() }
        for task in running { await task.value }
    }

    private func launch(_ name: String, _ body: @escaping @Sendable () async -> Void) {
        let task = Task.detached(priority: .userInitiated) { await body() }
        tasks.withLock { $0[name]?.cancel(); $0[name] = task }
    }

    // MARK: Reading

    private static let stateReaders: Set<String> = ["views", "state", "letters"]

    /// The connection as the status bar tells it: caught up once every state reader is.
    private func connection(caughtUp name: String?) -> StreamStatus.Connection {
        let all = caughtUpReaders.withLock { readers in
            if let name { readers.insert(name) }
            return readers.isSuperset(of: Self.stateReaders)
        }
        return .connected(caughtUp: all)
    }

    private func waitForCatchUp(of reader: String, upTo limit: Duration) async {
        let deadline = ContinuousClock.now + limit
        while !Task.isCancelled, ContinuousClock.now < deadline, !caughtUpReaders.withLock({ $0.contains(reader) }) {
            try? await Task.sleep(for: .milliseconds(20))
        }
    }

    private func waitForStartMarks() async -> [String: ReaderMark] {
        while !Task.isCancelled {
            if let marks = startMarks.withLock({ $0 }) { return marks }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return [:]
    }

    /// Loads the checkpoint and hands it to the UI; returns where each reader resumes (empty:
    /// from the beginning). One that is unreadable, or whose last records are not in this log
    /// (a new log in the same place), is set aside and the log is read from the beginning.
    private func restoreCheckpoint() async -> [String: ReaderMark] {
        guard let checkpoint else { return [:] }
        do {
            guard let restored = try await checkpoint.load() else { return [:] }
            guard try await isInLog(restored.marks) else {
                inbox.post { $0.messages.append(("the checkpoint is not of this log: reading the log from the beginning", false)) }
                return [:]
            }
            let restoration = ConsoleState.Restoration(restored)
            inbox.post { $0.restored = restoration }
            return restored.marks
        } catch {
            inbox.post { $0.messages.append(("\(error): reading the log from the beginning", true)) }
            return [:]
        }
    }

    /// Whether the log still holds the last records the checkpoint's readers read.
    private func isInLog(_ marks: [String: ReaderMark]) async throws -> Bool {
        for name in ["views", "state"] {
            guard let last = marks[name]?.last else { continue }
            let records: [LogRecord]
            do {
                // That one record: its partition from its offset, the topic's others from their end.
                var positions = try await log.endOffsets(topics: [last.topic])
                positions[TopicPartition(topic: last.topic, partition: last.position.partition)] = last.position.offset
                records = try await log.read(topics: [last.topic], from: .positions(positions), limit: 1)
            } catch {
                throw CheckpointCheckFailed(reason: "\(error)")
            }
            guard let record = records.first, record.position == last.position, record.id == last.id else { return false }
        }
        return true
    }

    private struct CheckpointCheckFailed: Error, CustomStringConvertible {
        var reason: String
        var description: String { "could not check the checkpoint against the log (\(reason))" }
    }

    /// Decodes a batch on both cores when it is big (the first replay of a long log).
    private static func decode(_ batch: [LogRecord], topics: Topics) async -> [StreamItem] {
        guard batch.count >= 2_000 else { return batch.map { StreamItem.decode($0, topics: topics) } }
        let half = batch.count / 2
        async let first = decodeChunk(Array(batch[..<half]), topics: topics)
        async let second = decodeChunk(Array(batch[half...]), topics: topics)
        return await first + second
    }

    private static func decodeChunk(_ records: [LogRecord], topics: Topics) async -> [StreamItem] {
        records.map { StreamItem.decode($0, topics: topics) }
    }

    private func readState(name: String, topics stateTopics: [String], from start: ReaderMark) async {
        var mark = start
        var caughtUp = false
        var attempt = 0
        while !Task.isCancelled {
            let reader: any LogReader
            do {
                reader = try await log.reader(topics: stateTopics, from: mark.resume)
            } catch {
                attempt += 1
                if await backOff(error, attempt: attempt) { continue } else { return }
            }
            let connected = connection(caughtUp: caughtUp ? name : nil)
            inbox.post { $0.connection = connected }
            do {
                while !Task.isCancelled {
                    let batch = try await reader.poll(maxRecords: 5_000, timeout: caughtUp ? .milliseconds(500) : .zero)
                    attempt = 0
                    if batch.isEmpty {
                        if !caughtUp {
                            caughtUp = true
                            let connected = connection(caughtUp: name)
                            inbox.post { $0.connection = connected }
                        }
                        continue
                    }
                    let items = await Self.decode(batch, topics: self.topics)
                    let live = caughtUp
                    mark = mark.advanced(past: batch)
                    let batchMark = mark
                    inbox.post { $0.state.append((name, items, live, batchMark)) }
                    readPositions.withLock { positions in
                        for record in batch { positions[record.topicPartition] = record.position.offset + 1 }
                    }
                }
            } catch {
                await reader.close()
                attempt += 1
                if await backOff(error, attempt: attempt) { continue } else { return }
            }
            await reader.close()
        }
    }

    /// Shows *reconnecting* and waits; false when the task was cancelled meanwhile.
    private func backOff(_ error: any Error, attempt: Int) async -> Bool {
        if Task.isCancelled || error is CancellationError { return false }
        let reason = String(describing: error).prefix(120)
        inbox.post { $0.connection = .reconnecting(reason: String(reason), attempt: attempt) }
        let delay = min(5.0, 0.25 * pow(2.0, Double(min(attempt, 5))))
        do { try await Task.sleep(for: .seconds(delay)) } catch { return false }
        return true
    }

    /// Says when the backend cannot reach the log (Kafka with every broker down: reads then
    /// just return nothing), and when it can again.
    private func watchHealth() async {
        var shown: String?
        while !Task.isCancelled {
            let reason = await log.health().unreachable.map { String($0.prefix(120)) }
            // Said again each second while it lasts: a reader reconnecting meanwhile posts its
            // own state. Otherwise only a change wakes the UI.
            if let reason {
                inbox.post { $0.connection = .unreachable(reason: reason) }
            } else if shown != nil {
                let connected = connection(caughtUp: nil)
                inbox.post { $0.connection = connected }
            }
            shown = reason
            do { try await Task.sleep(for: .seconds(1)) } catch { return }
        }
    }

    private func measureLag() async {
        var last: Int64?
        while !Task.isCancelled {
            if let ends = try? await log.endOffsets(topics: stateTopics) {
                let read = readPositions.withLock { $0 }
                let perPartition = ends.reduce(Int64(0)) { total, end in
                    guard let position = read[end.key] else { return total }
                    return total + max(0, end.value - position)
                }
                // The embedded log numbers positions across topics, so per-topic differences
                // count other topics' records too; the distance from the least-read point to the
                // end bounds what is left to read there.
                let span = (ends.values.max() ?? 0) - (read.values.min() ?? (ends.values.max() ?? 0))
                let lag = min(perPartition, max(0, span))
                // Only a change wakes the UI: an idle console stays asleep.
                if lag != last {
                    last = lag
                    inbox.post { $0.lag = lag }
                }
            }
            do { try await Task.sleep(for: .seconds(1)) } catch { return }
        }
    }

    private func startTail(from start: StartPoint, backfill: Int) {
        let generation = tailGeneration.add(1, ordering: .sequentiallyConsistent).newValue
        launch("tail") { [self] in
            var start = start
            // From the end: one boundary for both halves, asked until the log answers. What lies
            // before it is read back, the tail starts exactly there, and nothing appended in
            // between falls between them (a tail opened "at the end" only after a failed first
            // try, or a moment later than the read-back, skipped it).
            if start == .end {
                var attempt = 0
                while true {
                    do {
                        let ends = try await log.endOffsets(topics: topics.all)
                        if backfill > 0 { await readOlder(before: ends.values.max() ?? 0, count: backfill, generation: generation) }
                        start = .positions(ends)
                        break
                    } catch {
                        attempt += 1
                        guard await backOff(error, attempt: attempt) else { return }
                    }
                }
            }
            await readTail(from: start, generation: generation)
        }
    }

    private func readTail(from start: StartPoint, generation: Int) async {
        var resume = start
        var attempt = 0
        while !Task.isCancelled {
            let reader: any LogReader
            do {
                reader = try await log.reader(topics: topics.all, from: resume)
            } catch {
                attempt += 1
                if await backOff(error, attempt: attempt) { continue } else { return }
            }
            do {
                while !Task.isCancelled {
                    let batch = try await reader.poll(maxRecords: 2_000, timeout: .milliseconds(500))
                    attempt = 0
                    guard !batch.isEmpty else { continue }
                    let entries = batch.map(TailEntry.init(record:))
                    guard tailGeneration.load(ordering: .sequentiallyConsistent) == generation else { break }
                    inbox.post { $0.tail.append(entries) }
                    resume = Self.resume(resume, past: batch)
                }
            } catch {
                await reader.close()
                attempt += 1
                if await backOff(error, attempt: attempt) { continue } else { return }
            }
            await reader.close()
        }
    }

    /// Where a tail that read `records` resumes after a reconnect: past them, in their partition
    /// when it started from positions (every partition named), else past the last one.
    static func resume(_ start: StartPoint, past records: [LogRecord]) -> StartPoint {
        guard let last = records.last else { return start }
        guard case .positions(var positions) = start else { return .offset(last.position.offset + 1) }
        for record in records { positions[record.topicPartition] = record.position.offset + 1 }
        return .positions(positions)
    }

    private func readOlder(before offset: Int64?, count: Int, generation: Int) async {
        do {
            var end = offset
            if end == nil {
                let ends = try await log.endOffsets(topics: topics.all)
                end = ends.values.max()
            }
            guard let end else { return }
            let from = max(0, end - Int64(count))
            let records = try await log.read(topics: topics.all, from: .offset(from), limit: count)
                .filter { $0.position.offset < end }
            let entries = records.map(TailEntry.init(record:))
            guard tailGeneration.load(ordering: .sequentiallyConsistent) == generation else { return }
            inbox.post { $0.olderTail.append((entries, from == 0)) }
        } catch {
            inbox.post { $0.messages.append(("reading older events failed: \(error)", true)) }
        }
    }

    // MARK: StreamClient

    public func publish(_ commands: [PlannedCommand]) -> [String] {
        var records: [OutgoingRecord] = []
        var sagaIDs: [String] = []
        for command in commands {
            let sagaID = EventID.make()
            do {
                let event = try command.message.cloudEvent(source: "/dos/console", sagaID: sagaID, actor: actor)
                records.append(OutgoingRecord(topic: topics.commands, key: topics.key(for: event, on: topics.commands), id: event.id, payload: CloudEventCodec.encode(event)))
                sagaIDs.append(sagaID)
            } catch {
                inbox.post { $0.messages.append(("could not encode the command: \(error)", true)) }
            }
        }
        let log = self.log, inbox = self.inbox
        Task.detached {
            do {
                _ = try await log.append(records)
            } catch {
                inbox.post { $0.messages.append(("publishing failed: \(error) — nothing was sent; try again", true)) }
            }
        }
        return sagaIDs
    }

    /// Runs `work` once per key at a time (a view asks every frame until the answer comes).
    private func once(_ key: String, _ work: @escaping @Sendable () async -> Void) {
        guard inFlight.withLock({ $0.insert(key).inserted }) else { return }
        Task.detached { [self] in
            await work()
            _ = inFlight.withLock { $0.remove(key) }
        }
    }

    public func requestHistory(kind: EntityKind, id: UUID) {
        let log = self.log, topics = self.topics, inbox = self.inbox
        once("history \(kind) \(id)") {
            do {
                let projection = try await HistoryProjection.load(kind: kind, from: log, topics: topics)
                let history = projection.history(id: id)
                inbox.post { $0.histories.append((kind, id, history)) }
            } catch {
                inbox.post { $0.messages.append(("reading the history failed: \(error)", true)) }
            }
        }
    }

    public func requestRecord(topic: String, position: LogPosition) {
        let log = self.log, inbox = self.inbox
        once("record \(topic) \(position)") {
            do {
                let records = try await log.read(topics: [topic], from: .offset(position.offset), limit: 1)
                if let record = records.first(where: { $0.position == position }) {
                    inbox.post { $0.records.append(record) }
                } else {
                    inbox.post { $0.messages.append(("event \(topic)@\(position) is no longer in the log", true)) }
                }
            } catch {
                inbox.post { $0.messages.append(("reading the event failed: \(error)", true)) }
            }
        }
    }

    public func requestOlderTail(before offset: Int64?, count: Int) {
        let generation = tailGeneration.load(ordering: .sequentiallyConsistent)
        once("older \(offset ?? -1)") { [self] in await readOlder(before: offset, count: count, generation: generation) }
    }

    public func restartTail(from start: StartPoint) {
        tailGeneration.add(1, ordering: .sequentiallyConsistent)
        inbox.post { delivery in
            delivery.tail.removeAll()
            delivery.olderTail.removeAll()
            delivery.tailReset = true
        }
        startTail(from: start, backfill: 200)
    }

    public func retryDeadLetter(id: String) {
        let log = self.log, topics = self.topics, inbox = self.inbox, actor = self.actor
        once("retry \(id)") {
            do {
                let output = try await DeadLetterRetry(id: id, actor: actor, topics: topics).run(log: log)
                inbox.post { $0.messages.append((output.failure ?? output.lines.joined(separator: "; "), output.failure != nil)) }
            } catch {
                inbox.post { $0.messages.append(("retry failed: \(error)", true)) }
            }
        }
    }

    public func discardDeadLetter(id: String, reason: String?) {
        let log = self.log, topics = self.topics, inbox = self.inbox, actor = self.actor
        once("discard \(id)") {
            do {
                let output = try await DeadLetterDiscard(id: id, reason: reason, actor: actor, topics: topics).run(log: log)
                inbox.post { $0.messages.append((output.failure ?? output.lines.joined(separator: "; "), output.failure != nil)) }
            } catch {
                inbox.post { $0.messages.append(("discard failed: \(error)", true)) }
            }
        }
    }
}
