import Foundation
import Events
import GRDB
import SQLiteSupport
import Model

/// The data store's own SQLite database (`store.sqlite`, WAL): current entries, every version
/// of every entry, the links between live entries, and the commands already processed.
///
/// Each command is applied in one transaction together with its dedupe record, so a crash
/// leaves either all of a command's effects or none, and a redelivered command changes nothing.
public final class StoreDatabase: Sendable {
    public static let fileName = "store.sqlite"

    private let pool: DatabasePool

    /// Opens (creating it and `directory` if needed) the store's database in `directory`.
    public init(directory: URL) throws {
        pool = try DatabaseOpening.servicePool(directory: directory, fileName: Self.fileName)
        try StoreSchema.migrator().migrate(pool)
    }

    /// Closes the database; any later call throws.
    public func close() throws {
        try pool.close()
    }

    /// Decides and applies one validated command, or returns the decision recorded the first
    /// time this command id was applied (`isReplay`), changing nothing.
    public func apply(_ validated: Validated, sagaID: String?, actor: String?, now: Date) throws -> StoreOutcome {
        try pool.write { database in
            if let recorded = try Self.recordedDecision(validated.commandID, in: database) {
                return StoreOutcome(decision: recorded, isReplay: true)
            }
            let decision = try StoreDecider.decide(validated, now: now, lookup: DatabaseLookup(database: database))
            let change = StoreChange(
                commandID: validated.commandID, sagaID: sagaID, actor: actor, time: StoreDecider.wholeMilliseconds(now))
            try change.record(decision, in: database)
            return StoreOutcome(decision: decision, isReplay: false)
        }
    }

    /// The live entry; nil when it never existed or was deleted.
    public func current(_ kind: EntityKind, _ id: UUID) throws -> Entity? {
        try pool.read { database in try DatabaseLookup(database: database).current(kind, id) }
    }

    /// The entry, live or deleted; nil when it never existed.
    public func state(_ kind: EntityKind, _ id: UUID) throws -> EntryState? {
        try pool.read { database in try DatabaseLookup(database: database).state(kind, id) }
    }

    /// Every live entry of `kind`, in the order they were first stored.
    public func all(_ kind: EntityKind) throws -> [Entity] {
        try pool.read { database in
            let texts = try String.fetchAll(
                database, sql: "SELECT json FROM entry WHERE kind = ? AND deleted = 0 ORDER BY rowid",
                arguments: [kind.rawValue])
            return try texts.map { try Entity.decode(json: Data($0.utf8)) }
        }
    }

    /// Every version of the entry, oldest first, the delete's tombstone included; empty when
    /// the entry never existed.
    public func history(_ kind: EntityKind, _ id: UUID) throws -> [HistoryEntry] {
        try pool.read { database in
            let rows = try Row.fetchAll(
                database, sql: """
                    SELECT version, action, json, command_id, saga_id, actor, time_ms FROM history
                    WHERE kind = ? AND id = ? ORDER BY version
                    """,
                arguments: [kind.rawValue, id.storeText])
            return try rows.map { try Self.historyEntry($0, kind: kind, id: id) }
        }
    }

    /// The decision recorded for `commandID`, if that command was processed.
    public func recordedDecision(_ commandID: String) throws -> StoreDecision? {
        try pool.read { database in try Self.recordedDecision(commandID, in: database) }
    }

    private static func recordedDecision(_ commandID: String, in database: Database) throws -> StoreDecision? {
        guard let text = try String.fetchOne(
            database, sql: "SELECT decision FROM processed_command WHERE command_id = ?", arguments: [commandID])
        else { return nil }
        return try RawJSON(validating: text).decode(StoreDecision.self)
    }

    private static func historyEntry(_ row: Row, kind: EntityKind, id: UUID) throws -> HistoryEntry {
        let key = EntityKey(kind, id)
        guard let version = row["version"] as Int?, let actionText = row["action"] as String?,
              let action = CommandAction(rawValue: actionText), let json = row["json"] as String?,
              let commandID = row["command_id"] as String?, let milliseconds = row["time_ms"] as Int64?
        else { throw StoreDatabaseError.unreadableRow(table: "history", detail: "a version of \(key)") }
        let raw = try RawJSON(validating: json)
        let content: HistoryEntry.Content = action == .delete
            ? .tombstone(try raw.decode(Tombstone.self))
            : .entity(try Entity.decode(json: Data(json.utf8)))
        return HistoryEntry(
            kind: kind, id: id, version: version, action: action, content: content, commandID: commandID,
            sagaID: row["saga_id"], actor: row["actor"], time: Timestamp.date(millisecondsSince1970: milliseconds))
    }
}
