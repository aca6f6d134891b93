import EventLog
import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#endif

/// The SQL of group membership and offsets.
///
/// A group has one live member at a time (one partition per topic). The member holds a lease
/// that it renews as it polls and commits. Another member takes over when the lease expires, is
/// released on close, or belongs to a process that no longer exists (a member killed with
/// SIGKILL is replaced at once, not after the session timeout).
enum GroupLease {
    struct Holder {
        let memberID: String
        let processID: Int32
        let expiresAt: Int64
    }

    /// Takes the lease if it is free; returns true if `memberID` holds it afterwards.
    static func acquire(group: String, memberID: String, sessionMilliseconds: Int64, in db: Database) throws -> Bool {
        let now = SQLiteEventLog.milliseconds(Date())
        if let holder = try holder(of: group, in: db), holder.memberID != memberID,
            holder.expiresAt > now, isAlive(holder.processID)
        {
            return false
        }
        try db.execute(
            sql: """
                INSERT INTO group_leases (group_name, member_id, process_id, expires_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (group_name) DO UPDATE SET
                    member_id = excluded.member_id, process_id = excluded.process_id, expires_at = excluded.expires_at
                """,
            arguments: [group, memberID, getpid(), now + sessionMilliseconds])
        return true
    }

    /// Extends the lease if `memberID` still holds it (or nobody took it after it expired).
    static func renew(group: String, memberID: String, sessionMilliseconds: Int64, in db: Database) throws -> Bool {
        if let holder = try holder(of: group, in: db), holder.memberID != memberID { return false }
        return try acquire(group: group, memberID: memberID, sessionMilliseconds: sessionMilliseconds, in: db)
    }

    static func release(group: String, memberID: String, in db: Database) throws {
        try db.execute(sql: "DELETE FROM group_leases WHERE group_name = ? AND member_id = ?", arguments: [group, memberID])
    }

    static func holder(of group: String, in db: Database) throws -> Holder? {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT member_id, process_id, expires_at FROM group_leases WHERE group_name = ?
            """, arguments: [group])
        else { return nil }
        return Holder(memberID: row[0], processID: row[1], expiresAt: row[2])
    }

    static func committedOffsets(group: String, topics: [String], in db: Database) throws -> [TopicPartition: Int64] {
        var offsets: [TopicPartition: Int64] = [:]
        for topic in topics {
            if let next = try Int64.fetchOne(db, sql: """
                SELECT next_position FROM consumer_offsets WHERE group_name = ? AND topic = ?
                """, arguments: [group, topic])
            {
                offsets[TopicPartition(topic: topic)] = next
            }
        }
        return offsets
    }

    static func commit(group: String, offsets: [String: Int64], in db: Database) throws {
        let now = SQLiteEventLog.milliseconds(Date())
        for (topic, next) in offsets {
            try db.execute(
                sql: """
                    INSERT INTO consumer_offsets (group_name, topic, next_position, committed_at) VALUES (?, ?, ?, ?)
                    ON CONFLICT (group_name, topic) DO UPDATE SET
                        next_position = excluded.next_position, committed_at = excluded.committed_at
                    """,
                arguments: [group, topic, next, now])
        }
    }

    /// Whether a process of this machine still exists (EPERM means it does, owned by someone else).
    private static func isAlive(_ processID: Int32) -> Bool {
        guard processID > 0 else { return false }
        return kill(processID, 0) == 0 || errno == EPERM
    }
}
