import EventLog
import Foundation
import GRDB

/// A member of a consumer group on the embedded log.
///
/// While another member holds the group, `poll` waits (and returns nothing); once it holds the
/// lease it reads from the committed offsets. Losing the lease (silent longer than the session
/// timeout while another member took over) drops the cursors, and the next commit fails, so the
/// in-flight batch is redelivered to whoever holds the group: at-least-once, never skipped.
actor SQLiteGroupConsumer: GroupConsumer {
    nonisolated let group: String
    private let log: SQLiteEventLog
    private let topics: [String]
    private let options: ConsumerOptions
    private let memberID = UUID().uuidString
    private let sessionMilliseconds: Int64
    /// Non-nil while this member holds the group.
    private var cursors: [String: Int64]?
    private var leaseRenewedAt: Int64 = 0
    private var closed = false

    /// How often a waiting member checks whether the group has become free.
    private static let takeoverCheckNanoseconds: UInt64 = 100_000_000

    init(log: SQLiteEventLog, group: String, topics: [String], options: ConsumerOptions) {
        self.log = log
        self.group = group
        self.topics = topics
        self.options = options
        let (seconds, attoseconds) = options.sessionTimeout.components
        sessionMilliseconds = max(100, seconds * 1000 + attoseconds / 1_000_000_000_000_000)
    }

    func poll(maxRecords: Int, timeout: Duration) async throws -> [LogRecord] {
        let deadline = PollDeadline(timeout)
        while true {
            guard !closed else { throw EventLogError.closed }
            let generation = log.notifier.generation
            if cursors == nil {
                try await join()
            } else if SQLiteEventLog.milliseconds(Date()) - leaseRenewedAt > sessionMilliseconds / 3 {
                try await renew()
            }
            if let cursors {
                let (records, advanced) = try await log.fetch(cursors: cursors, limit: maxRecords)
                self.cursors = advanced
                if !records.isEmpty { return records }
            }
            if deadline.hasPassed || Task.isCancelled { return [] }
            // A member that holds the group waits for new records; one that does not also wakes
            // regularly to see whether the holder's lease has run out.
            let wakeBy = cursors == nil ? deadline.earlier(than: ChangeNotifier.now() + Self.takeoverCheckNanoseconds) : deadline
            await log.notifier.wait(afterGeneration: generation, deadline: wakeBy.nanoseconds)
        }
    }

    func assignment() async -> [TopicPartition] {
        (cursors?.keys).map { $0.map { TopicPartition(topic: $0) }.sorted() } ?? []
    }

    func commit(_ records: [LogRecord]) async throws {
        guard !closed else { throw EventLogError.closed }
        guard !records.isEmpty else { return }
        var offsets: [String: Int64] = [:]
        for record in records { offsets[record.topic] = max(offsets[record.topic] ?? 0, record.position.offset + 1) }
        let (group, memberID, session, nextOffsets) = (self.group, self.memberID, sessionMilliseconds, offsets)
        let held = try await log.pool.writeWithoutTransaction { db in
            var held = false
            try db.inTransaction(.immediate) {
                held = try GroupLease.renew(group: group, memberID: memberID, sessionMilliseconds: session, in: db)
                guard held else { return .rollback }
                try GroupLease.commit(group: group, offsets: nextOffsets, in: db)
                return .commit
            }
            return held
        }
        guard held else {
            cursors = nil
            throw EventLogError.notGroupMember(group: group)
        }
        leaseRenewedAt = SQLiteEventLog.milliseconds(Date())
    }

    func close() async {
        guard !closed else { return }
        closed = true
        releaseLease()
    }

    /// Synchronous on purpose: `close` often runs in a cancelled task (Ctrl-C, shutdown), where
    /// GRDB's async API refuses to start, and a lease left behind would hold the group until it expires.
    private nonisolated func releaseLease() {
        let (group, memberID) = (self.group, self.memberID)
        try? log.pool.writeWithoutTransaction { db in
            try GroupLease.release(group: group, memberID: memberID, in: db)
        }
    }

    /// Takes the group if it is free and loads its committed offsets.
    private func join() async throws {
        let (group, memberID, session, topics) = (self.group, self.memberID, sessionMilliseconds, self.topics)
        let start = options.startWithoutCommit
        let joined: [String: Int64]? = try await log.pool.writeWithoutTransaction { db in
            var cursors: [String: Int64]?
            try db.inTransaction(.immediate) {
                guard try GroupLease.acquire(group: group, memberID: memberID, sessionMilliseconds: session, in: db) else {
                    return .rollback
                }
                let committed = try GroupLease.committedOffsets(group: group, topics: topics, in: db)
                let fallback = try SQLiteEventLog.position(of: start, in: db)
                var resolved: [String: Int64] = [:]
                for topic in topics { resolved[topic] = committed[TopicPartition(topic: topic)] ?? fallback }
                cursors = resolved
                return .commit
            }
            return cursors
        }
        if let joined {
            cursors = joined
            leaseRenewedAt = SQLiteEventLog.milliseconds(Date())
        }
    }

    private func renew() async throws {
        let (group, memberID, session) = (self.group, self.memberID, sessionMilliseconds)
        let held = try await log.pool.writeWithoutTransaction { db in
            var held = false
            try db.inTransaction(.immediate) {
                held = try GroupLease.renew(group: group, memberID: memberID, sessionMilliseconds: session, in: db)
                return held ? .commit : .rollback
            }
            return held
        }
        if held {
            leaseRenewedAt = SQLiteEventLog.milliseconds(Date())
        } else {
            cursors = nil
        }
    }
}
