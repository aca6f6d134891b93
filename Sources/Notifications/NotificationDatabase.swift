import Events
import Foundation
import GRDB
import SQLiteSupport
import Model

/// The notifications service's own SQLite database (`notifications.sqlite`, WAL): the
/// subscriptions, one delivery record per notification, and the relations of the entries seen.
public final class NotificationDatabase: Sendable {
    public static let fileName = "notifications.sqlite"

    /// A subscription with the time from which it covers changes.
    public struct StoredSubscription: Sendable, Equatable {
        public var subscription: Subscription
        public var createdAt: Date
    }

    private let pool: DatabasePool

    /// Opens (creating it and `directory` if needed) the database in `directory`.
    public init(directory: URL) throws {
        pool = try DatabaseOpening.servicePool(directory: directory, fileName: Self.fileName)
        try NotificationSchema.migrator().migrate(pool)
    }

    public func close() throws {
        try pool.close()
    }

    /// Stores `subscription`, replacing one with the same id.
    public func save(_ subscription: Subscription, createdAt: Date) throws {
        let json = String(decoding: try RawJSON(encoding: subscription).bytes, as: UTF8.self)
        try pool.write { database in
            try database.execute(
                sql: "INSERT OR REPLACE INTO subscription (id, json, created_ms) VALUES (?, ?, ?)",
                arguments: [Self.text(subscription.id), json, Timestamp.millisecondsSince1970(of: createdAt)])
        }
    }

    /// Removes the subscription; nothing happens when there is none.
    public func delete(_ id: UUID) throws {
        try pool.write { database in
            try database.execute(sql: "DELETE FROM subscription WHERE id = ?", arguments: [Self.text(id)])
        }
    }

    /// Every subscription, by id.
    public func subscriptions() throws -> [StoredSubscription] {
        try pool.read { database in
            try Row.fetchAll(database, sql: "SELECT json, created_ms FROM subscription ORDER BY id").map { row in
                let json: String = row["json"]
                let subscription = try JSONDecoder().decode(Subscription.self, from: Data(json.utf8))
                return StoredSubscription(subscription: subscription, createdAt: Timestamp.date(millisecondsSince1970: row["created_ms"]))
            }
        }
    }

    /// Remembers a live entry's relations, and returns them.
    func remember(_ entity: Entity) throws -> (providerID: UUID?, taxonomyIDs: [UUID]) {
        let relations = EntityChange.relations(of: entity)
        try pool.write { database in
            try database.execute(
                sql: "INSERT OR REPLACE INTO entry_relation (id, kind, provider_id, taxonomy_ids) VALUES (?, ?, ?, ?)",
                arguments: [
                    Self.text(entity.id), entity.kind.rawValue, relations.providerID.map(Self.text),
                    relations.taxonomyIDs.map(Self.text).joined(separator: ","),
                ])
        }
        return relations
    }

    /// The relations a deleted entry had when last seen alive; none if it never was.
    func relations(of id: UUID) throws -> (providerID: UUID?, taxonomyIDs: [UUID]) {
        try pool.read { database in
            guard let row = try Row.fetchOne(
                database, sql: "SELECT provider_id, taxonomy_ids FROM entry_relation WHERE id = ?", arguments: [Self.text(id)])
            else { return (nil, []) }
            let provider: String? = row["provider_id"]
            let terms: String = row["taxonomy_ids"]
            return (provider.flatMap(UUID.init(uuidString:)), terms.split(separator: ",").compactMap { UUID(uuidString: String($0)) })
        }
    }

    /// The outcome recorded for this subscription and view event, if it was notified.
    func outcome(subscription: UUID, viewEventID: String) throws -> DeliveryOutcome? {
        try pool.read { database in
            guard let row = try Row.fetchOne(
                database, sql: "SELECT state, reason FROM delivery WHERE subscription_id = ? AND view_event_id = ?",
                arguments: [Self.text(subscription), viewEventID])
            else { return nil }
            let state: String = row["state"]
            let reason: String? = row["reason"]
            return state == DeliveryOutcome.sent.state ? .sent : .failed(reason: reason ?? "unknown")
        }
    }

    /// Records how a notification ended; the first record wins.
    func record(_ outcome: DeliveryOutcome, subscription: UUID, viewEventID: String, deliveryID: String, at time: Date) throws {
        try pool.write { database in
            try database.execute(
                sql: """
                    INSERT OR IGNORE INTO delivery (subscription_id, view_event_id, delivery_id, state, reason, time_ms)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    Self.text(subscription), viewEventID, deliveryID, outcome.state, outcome.reason,
                    Timestamp.millisecondsSince1970(of: time),
                ])
        }
    }

    /// How many notifications are recorded, in any state.
    public func deliveryCount() throws -> Int {
        try pool.read { database in try Int.fetchOne(database, sql: "SELECT COUNT(*) FROM delivery") ?? 0 }
    }

    private static func text(_ id: UUID) -> String { id.uuidString.lowercased() }
}
