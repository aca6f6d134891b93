import Foundation
import Events
import GRDB
import Model

/// Writes one decision's effects and its dedupe record, inside the caller's transaction.
struct StoreChange {
    let commandID: String
    let sagaID: String?
    let actor: String?
    /// The time of the change, already whole milliseconds.
    let time: Date

    func record(_ decision: StoreDecision, in database: Database) throws {
        switch decision {
        case .stored(let entity, let action):
            let json = String(decoding: try entity.jsonData(), as: UTF8.self)
            try writeEntry(EntityKey(entity.kind, entity.id), version: entity.version, deleted: false, json: json, in: database)
            try writeHistory(EntityKey(entity.kind, entity.id), version: entity.version, action: action, json: json, in: database)
            try replaceLinks(of: EntityKey(entity.kind, entity.id), with: entity.links, in: database)
        case .deleted(let kind, let id, let version):
            let tombstone = Tombstone(kind: kind, id: id, version: version, deletedAt: time)
            let json = try RawJSON(encoding: tombstone).string
            try writeEntry(EntityKey(kind, id), version: version, deleted: true, json: json, in: database)
            try writeHistory(EntityKey(kind, id), version: version, action: .delete, json: json, in: database)
            // A deleted entry protects nothing any more.
            try replaceLinks(of: EntityKey(kind, id), with: [], in: database)
        case .unchanged, .rejected:
            break
        }
        try database.execute(
            sql: "INSERT INTO processed_command (command_id, decision, time_ms) VALUES (?, ?, ?)",
            arguments: [commandID, try RawJSON(encoding: decision).string, Timestamp.millisecondsSince1970(of: time)])
    }

    private func writeEntry(_ key: EntityKey, version: Int, deleted: Bool, json: String, in database: Database) throws {
        // An upsert keeps the row's rowid, so listings stay in order of first storing.
        try database.execute(
            sql: """
                INSERT INTO entry (kind, id, version, deleted, json) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (kind, id) DO UPDATE SET version = excluded.version, deleted = excluded.deleted, json = excluded.json
                """,
            arguments: [key.kind.rawValue, key.id.storeText, version, deleted, json])
    }

    private func writeHistory(_ key: EntityKey, version: Int, action: CommandAction, json: String, in database: Database) throws {
        try database.execute(
            sql: """
                INSERT INTO history (kind, id, version, action, json, command_id, saga_id, actor, time_ms)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [key.kind.rawValue, key.id.storeText, version, action.rawValue, json, commandID, sagaID, actor,
                        Timestamp.millisecondsSince1970(of: time)])
    }

    private func replaceLinks(of key: EntityKey, with links: [EntityLink], in database: Database) throws {
        try database.execute(
            sql: "DELETE FROM link WHERE source_kind = ? AND source_id = ?", arguments: [key.kind.rawValue, key.id.storeText])
        for link in links {
            try database.execute(
                sql: """
                    INSERT INTO link (source_kind, source_id, field, target_kind, target_id, protects_target)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [key.kind.rawValue, key.id.storeText, link.field, link.target.kind.rawValue,
                            link.target.id.storeText, link.protectsTarget])
        }
    }
}
