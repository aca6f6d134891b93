import Foundation
import GRDB
import Model

/// The decider's view of the store, read inside the transaction that will apply its decision.
struct DatabaseLookup: EntityLookup {
    let database: Database

    func state(_ kind: EntityKind, _ id: UUID) throws -> EntryState? {
        guard let row = try Row.fetchOne(
            database, sql: "SELECT version, deleted, json FROM entry WHERE kind = ? AND id = ?",
            arguments: [kind.rawValue, id.storeText])
        else { return nil }
        guard let version = row["version"] as Int?, let deleted = row["deleted"] as Bool?, let json = row["json"] as String? else {
            throw StoreDatabaseError.unreadableRow(table: "entry", detail: "\(EntityKey(kind, id)) has empty columns")
        }
        if deleted { return .deleted(version: version) }
        return .live(try Entity.decode(json: Data(json.utf8)))
    }

    func dependents(of kind: EntityKind, _ id: UUID) throws -> [EntityKey] {
        let rows = try Row.fetchAll(
            database, sql: """
                SELECT DISTINCT source_kind, source_id FROM link
                WHERE target_kind = ? AND target_id = ? AND protects_target = 1
                """,
            arguments: [kind.rawValue, id.storeText])
        return try rows.map { row in
            guard let kindText = row["source_kind"] as String?, let sourceKind = EntityKind(rawValue: kindText),
                  let idText = row["source_id"] as String?, let sourceID = UUID(uuidString: idText)
            else { throw StoreDatabaseError.unreadableRow(table: "link", detail: "a link to \(EntityKey(kind, id))") }
            return EntityKey(sourceKind, sourceID)
        }
    }
}

extension UUID {
    /// Ids are stored in lower case, as they are written on the wire.
    var storeText: String { uuidString.lowercased() }
}
