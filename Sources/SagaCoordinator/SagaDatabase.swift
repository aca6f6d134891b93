import Events
import Foundation
import GRDB
import SQLiteSupport
import ServiceKit

/// The coordinator's own SQLite database (`sagas.sqlite`, WAL): every saga and step with its
/// times, state and reason; the outputs computed for each input; and the outbox of timeouts.
///
/// Each input's state changes and its dedupe record are written in one transaction, so a crash
/// leaves all or nothing of it, and a redelivered input gets the very same outputs back.
public final class SagaDatabase: Sendable {
    public static let fileName = "sagas.sqlite"

    private let pool: DatabasePool

    /// Opens (creating it and `directory` if needed) the coordinator's database in `directory`.
    public init(directory: URL) throws {
        pool = try DatabaseOpening.servicePool(directory: directory, fileName: Self.fileName)
        try SagaSchema.migrator().migrate(pool)
    }

    public func close() throws {
        try pool.close()
    }

    /// The saga with this id, with all its steps.
    public func saga(_ id: String) throws -> Saga? {
        try pool.read { database in try SagaRepository(database: database).saga(id: id) }
    }

    /// Every saga, oldest first.
    public func sagas() throws -> [Saga] {
        try pool.read { database in
            let repository = SagaRepository(database: database)
            let ids = try String.fetchAll(database, sql: "SELECT id FROM saga ORDER BY started_ms, rowid")
            return try ids.compactMap { try repository.saga(id: $0) }
        }
    }

    /// Runs `decide` for the input `eventID` in one transaction and records its outputs, or
    /// returns the outputs recorded when this input was processed before, changing nothing.
    func process(
        eventID: String, now: Date, _ decide: (SagaRepository) throws -> [OutgoingMessage]
    ) throws -> [OutgoingMessage] {
        try pool.write { database in
            if try Bool.fetchOne(database, sql: "SELECT 1 FROM processed_input WHERE event_id = ?", arguments: [eventID]) == true {
                let envelopes = try Data.fetchAll(
                    database, sql: "SELECT envelope FROM processed_output WHERE event_id = ? ORDER BY position",
                    arguments: [eventID])
                return try envelopes.map(RecordedMessage.decode)
            }
            let outputs = try decide(SagaRepository(database: database))
            try database.execute(
                sql: "INSERT INTO processed_input (event_id, time_ms) VALUES (?, ?)",
                arguments: [eventID, SagaRepository.milliseconds(now)])
            for (position, output) in outputs.enumerated() {
                try database.execute(
                    sql: "INSERT INTO processed_output (event_id, position, envelope) VALUES (?, ?, ?)",
                    arguments: [eventID, position, try RecordedMessage.encode(output)])
            }
            return outputs
        }
    }

    /// Runs `decide` on every saga with a step past its deadline, keeping what it causes in the
    /// outbox in the same transaction; returns the whole outbox (earlier unconfirmed outputs too).
    func timeOut(now: Date, _ decide: (inout Saga) -> [PeriodicOutput]) throws -> [PeriodicOutput] {
        try pool.write { database in
            let repository = SagaRepository(database: database)
            // An outcome whose command has not come in an hour answers nothing this coordinator runs.
            try repository.forgetParkedOutcomes(before: now.addingTimeInterval(-3_600))
            for id in try repository.sagaIDsPastDeadline(now) {
                guard var saga = try repository.saga(id: id) else { continue }
                let outputs = decide(&saga)
                try repository.save(saga)
                for output in outputs {
                    try database.execute(
                        sql: "INSERT OR IGNORE INTO outbox (seed, saga_id, envelope) VALUES (?, ?, ?)",
                        arguments: [output.seed, saga.id, try RecordedMessage.encode(output.output)])
                }
            }
            return try Row.fetchAll(database, sql: "SELECT seed, saga_id, envelope FROM outbox ORDER BY rowid").map { row in
                guard let seed = row["seed"] as String?, let sagaID = row["saga_id"] as String?,
                      let envelope = row["envelope"] as Data?
                else { throw SagaDatabaseError.unreadableRow(table: "outbox") }
                return PeriodicOutput(seed: seed, sagaID: sagaID, output: try RecordedMessage.decode(envelope))
            }
        }
    }

    /// Forgets outbox entries the runner has published.
    func removeFromOutbox(_ seeds: [String]) throws {
        try pool.write { database in
            for seed in seeds {
                try database.execute(sql: "DELETE FROM outbox WHERE seed = ?", arguments: [seed])
            }
        }
    }
}
