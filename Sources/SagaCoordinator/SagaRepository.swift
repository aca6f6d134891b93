import Events
import Foundation
import GRDB
import Model

/// Reads and writes sagas inside one open transaction of `sagas.sqlite`.
struct SagaRepository {
    let database: Database

    func saga(id: String) throws -> Saga? {
        guard let row = try Row.fetchOne(database, sql: "SELECT * FROM saga WHERE id = ?", arguments: [id]) else {
            return nil
        }
        let steps = try Row.fetchAll(
            database, sql: "SELECT * FROM step WHERE saga_id = ? ORDER BY position", arguments: [id]
        ).map(Self.step)
        return try Self.saga(row, steps: steps)
    }

    /// The saga one of whose steps waits (or waited) on `commandID`.
    func sagaID(waitingOn commandID: String) throws -> String? {
        try String.fetchOne(database, sql: "SELECT saga_id FROM step WHERE command_id = ? LIMIT 1", arguments: [commandID])
    }

    /// Keeps an outcome whose command has not been read yet (its CloudEvent as it was read).
    func park(outcome eventID: String, of commandID: String, envelope: [UInt8], now: Date) throws {
        try database.execute(
            sql: "INSERT OR IGNORE INTO early_outcome (event_id, command_id, envelope, time_ms) VALUES (?, ?, ?, ?)",
            arguments: [eventID, commandID, Data(envelope), Self.milliseconds(now)])
    }

    /// The outcomes kept for `commandID`, in the order they were read; they are forgotten.
    func takeParkedOutcomes(of commandID: String) throws -> [(eventID: String, envelope: [UInt8])] {
        let rows = try Row.fetchAll(
            database, sql: "SELECT event_id, envelope FROM early_outcome WHERE command_id = ? ORDER BY rowid", arguments: [commandID])
        try database.execute(sql: "DELETE FROM early_outcome WHERE command_id = ?", arguments: [commandID])
        return rows.map { row in (row["event_id"], [UInt8](row["envelope"] as Data)) }
    }

    /// Forgets kept outcomes older than `cutoff` (their command never came).
    func forgetParkedOutcomes(before cutoff: Date) throws {
        try database.execute(sql: "DELETE FROM early_outcome WHERE time_ms < ?", arguments: [Self.milliseconds(cutoff)])
    }

    /// The sagas with a running step whose deadline is not after `now`.
    func sagaIDsPastDeadline(_ now: Date) throws -> [String] {
        try String.fetchAll(database, sql: """
            SELECT DISTINCT saga_id FROM step WHERE state = 'running' AND deadline_ms <= ? ORDER BY saga_id
            """, arguments: [Self.milliseconds(now)])
    }

    /// Writes the saga and all its steps, replacing what was recorded before.
    func save(_ saga: Saga) throws {
        let plan = String(decoding: try RawJSON(encoding: saga.plan).bytes, as: UTF8.self)
        let cascade = String(decoding: try RawJSON(encoding: saga.cascade).bytes, as: UTF8.self)
        try database.execute(sql: """
            INSERT OR REPLACE INTO saga (id, kind, state, reason, started_ms, ended_ms, step_count, plan, cascade)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [
                saga.id, saga.kind, saga.state.rawValue, saga.reason, Self.milliseconds(saga.startedAt),
                saga.endedAt.map(Self.milliseconds), saga.stepCount, plan, cascade,
            ])
        try database.execute(sql: "DELETE FROM step WHERE saga_id = ?", arguments: [saga.id])
        for (position, step) in saga.steps.enumerated() {
            try database.execute(sql: """
                INSERT INTO step (saga_id, position, name, role, state, command_id, entity_kind, entity_id, version,
                                  started_ms, deadline_ms, ended_ms, reason)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [
                    saga.id, position, step.name, step.role.rawValue, step.state.rawValue, step.commandID,
                    step.entityKind?.rawValue, step.entityID?.uuidString.lowercased(), step.version,
                    Self.milliseconds(step.startedAt), Self.milliseconds(step.deadline),
                    step.endedAt.map(Self.milliseconds), step.reason,
                ])
        }
    }

    // MARK: - Rows

    static func milliseconds(_ date: Date) -> Int64 { Timestamp.millisecondsSince1970(of: date) }

    private static func date(_ milliseconds: Int64) -> Date { Timestamp.date(millisecondsSince1970: milliseconds) }

    private static func saga(_ row: Row, steps: [SagaStep]) throws -> Saga {
        guard let id = row["id"] as String?, let kind = row["kind"] as String?,
              let stateText = row["state"] as String?, let state = SagaState(rawValue: stateText),
              let started = row["started_ms"] as Int64?, let stepCount = row["step_count"] as Int?,
              let planText = row["plan"] as String?, let cascadeText = row["cascade"] as String?
        else { throw SagaDatabaseError.unreadableRow(table: "saga") }
        let plan = try RawJSON(validating: planText).decode([EntityCommand].self)
        let cascade = try RawJSON(validating: cascadeText).decode([EntityReference].self)
        return Saga(
            id: id, kind: kind, state: state, reason: row["reason"], startedAt: date(started),
            endedAt: (row["ended_ms"] as Int64?).map(date), stepCount: stepCount, plan: plan, cascade: cascade,
            steps: steps)
    }

    private static func step(_ row: Row) throws -> SagaStep {
        guard let name = row["name"] as String?, let roleText = row["role"] as String?,
              let role = SagaStep.Role(rawValue: roleText), let stateText = row["state"] as String?,
              let state = SagaStep.State(rawValue: stateText), let commandID = row["command_id"] as String?,
              let started = row["started_ms"] as Int64?, let deadline = row["deadline_ms"] as Int64?
        else { throw SagaDatabaseError.unreadableRow(table: "step") }
        return SagaStep(
            name: name, role: role, state: state, commandID: commandID,
            entityKind: (row["entity_kind"] as String?).flatMap(EntityKind.init(rawValue:)),
            entityID: (row["entity_id"] as String?).flatMap(UUID.init(uuidString:)), version: row["version"],
            startedAt: date(started), deadline: date(deadline), endedAt: (row["ended_ms"] as Int64?).map(date),
            reason: row["reason"])
    }
}
