import GRDB

/// The tables of the notifications database, created by numbered migrations so old files upgrade.
enum NotificationSchema {
    static func migrator() -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { database in
            try database.execute(sql: """
                -- created_ms: a subscription covers the changes from its creation on.
                CREATE TABLE subscription (
                    id TEXT PRIMARY KEY NOT NULL, json TEXT NOT NULL, created_ms INTEGER NOT NULL);
                -- The dedupe record: one row per notification, whatever happens to the view's delivery.
                CREATE TABLE delivery (
                    subscription_id TEXT NOT NULL, view_event_id TEXT NOT NULL, delivery_id TEXT NOT NULL,
                    state TEXT NOT NULL, reason TEXT, time_ms INTEGER NOT NULL,
                    PRIMARY KEY (subscription_id, view_event_id));
                -- The relations of every entry seen, because a tombstone names only kind and id.
                CREATE TABLE entry_relation (
                    id TEXT PRIMARY KEY NOT NULL, kind TEXT NOT NULL, provider_id TEXT, taxonomy_ids TEXT NOT NULL);
                """)
        }
        return migrator
    }
}
