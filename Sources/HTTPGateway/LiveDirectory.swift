import DosCommandLine
import EventLog
import Events
import Foundation
import Model

/// The directory as the views topic tells it, kept current by a background reader: every entry
/// at its newest version, tombstones removing deleted ones (a `ViewProjection` that never stops
/// reading). The HTTP servers answer reads from it; they never ask a service.
///
/// `run()` tails the topic until its task is cancelled. A failing log is retried with a growing
/// pause, resuming after the last record read, so a restart of the log loses and doubles nothing.
public actor LiveDirectory {
    private struct Key: Hashable {
        var kind: EntityKind
        var id: UUID
    }

    /// A caller waiting; `key` and `version` are nil for one waiting to be caught up.
    private struct Waiter {
        var key: Key?
        var version = 0
        var continuation: CheckedContinuation<Bool, Never>
        /// Ends the wait at its timeout; cancelled when the wait ends first.
        var timer: Task<Void, Never>?
    }

    public nonisolated let log: any EventLog
    public nonisolated let topics: Topics
    private let diagnostics: @Sendable (String) -> Void

    private var projection = ViewProjection()
    /// The newest version seen of each entry, live or deleted.
    private var versions: [Key: Int] = [:]
    /// Sorted listings, dropped when their kind changes.
    private var listings: [EntityKind: [Entity]] = [:]
    /// Where to resume after a failure: the next offset of each partition read.
    private var resumePositions: [TopicPartition: Int64] = [:]
    public private(set) var isCaughtUp = false
    /// Records of the views topic that were not a view or tombstone this build reads.
    public private(set) var skippedRecords = 0
    private var waiters: [UUID: Waiter] = [:]

    public init(log: any EventLog, topics: Topics = Topics(), diagnostics: @escaping @Sendable (String) -> Void = { _ in }) {
        self.log = log
        self.topics = topics
        self.diagnostics = diagnostics
    }

    // MARK: - Reading

    /// The live entries of `kind`, by display name (ignoring case), then id.
    public func entries(kind: EntityKind) -> [Entity] {
        if let cached = listings[kind] { return cached }
        let sorted = projection.entries(kind: kind)
        listings[kind] = sorted
        return sorted
    }

    public func entry(kind: EntityKind, id: UUID) -> Entity? { projection.entry(kind: kind, id: id) }

    /// The newest version seen of the entry, including the version its delete made; nil if never seen.
    public func version(kind: EntityKind, id: UUID) -> Int? { versions[Key(kind: kind, id: id)] }

    /// Every live entry as of now, as a value to work on without holding the actor.
    public var snapshot: ViewProjection { projection }

    // MARK: - Waiting

    /// Waits until the reader has read the whole topic once (true), or `timeout` passed (false).
    public func waitUntilCaughtUp(timeout: Duration) async -> Bool {
        if isCaughtUp { return true }
        return await wait(for: nil, version: 0, timeout: timeout)
    }

    /// Waits until the entry is at `version` or newer here (true), or `timeout` passed (false):
    /// how a writer makes its own change visible to the reads that follow it.
    public func waitForVersion(_ version: Int, kind: EntityKind, id: UUID, timeout: Duration) async -> Bool {
        let key = Key(kind: kind, id: id)
        if let held = versions[key], held >= version { return true }
        return await wait(for: key, version: version, timeout: timeout)
    }

    private func wait(for key: Key?, version: Int, timeout: Duration) async -> Bool {
        let token = UUID()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let timer = Task { [weak self] in
                    try? await Task.sleep(for: timeout)
                    guard !Task.isCancelled else { return }
                    await self?.endWait(token, with: false)
                }
                waiters[token] = Waiter(key: key, version: version, continuation: continuation, timer: timer)
            }
        } onCancel: {
            Task { await self.endWait(token, with: false) }
        }
    }

    private func endWait(_ token: UUID, with value: Bool) {
        guard let waiter = waiters.removeValue(forKey: token) else { return }
        waiter.timer?.cancel()
        waiter.continuation.resume(returning: value)
    }

    // MARK: - Tailing

    /// Tails the views topic from the beginning until the task is cancelled.
    public nonisolated func run() async {
        await readRetrying("live directory: reading \(topics.views)", diagnostics: diagnostics,
                           open: { try await log.reader(topics: [topics.views], from: await resumePoint()) },
                           follow: { try await follow($0) })
    }

    private nonisolated func follow(_ reader: any LogReader) async throws {
        var caughtUp = await isCaughtUp
        while !Task.isCancelled {
            // Zero until the first empty batch: that batch is what "caught up" means.
            let batch = try await reader.poll(maxRecords: 1_000, timeout: caughtUp ? .milliseconds(250) : .zero)
            if batch.isEmpty {
                if !caughtUp {
                    caughtUp = true
                    await markCaughtUp()
                }
                continue
            }
            await apply(batch)
        }
    }

    private func resumePoint() -> StartPoint {
        resumePositions.isEmpty ? .beginning : .positions(resumePositions)
    }

    private func markCaughtUp() {
        isCaughtUp = true
        for (token, waiter) in waiters where waiter.key == nil { endWait(token, with: true) }
    }

    /// Folds in records of the views topic, in log order.
    func apply(_ records: [LogRecord]) {
        for record in records {
            let partition = TopicPartition(topic: record.topic, partition: record.position.partition)
            resumePositions[partition] = max(resumePositions[partition] ?? 0, record.position.offset + 1)
            switch ViewChange.read(record) {
            case .success(let change): apply(change)
            case .failure: skippedRecords += 1
            }
        }
        for (token, waiter) in waiters {
            guard let key = waiter.key, (versions[key] ?? 0) >= waiter.version else { continue }
            endWait(token, with: true)
        }
    }

    private func apply(_ change: ViewChange) {
        let key = Key(kind: change.kind, id: change.id)
        if let held = versions[key], held > change.version { return }
        projection.apply(change)
        versions[key] = max(versions[key] ?? 0, change.version)
        listings[change.kind] = nil
    }
}
