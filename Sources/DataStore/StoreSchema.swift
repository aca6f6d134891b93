import GRDB

/// The tables of the store's database, created by numbered migrations so old files upgrade.
enum StoreSchema {
    static func migrator() -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { database in
            // The current version of every entry; a deleted one keeps its row with the tombstone,
            // so that its id is never handed out again.
            try database.execute(sql: """
                CREATE TABLE entry (
                    kind TEXT NOT NULL, id TEXT NOT NULL, version INTEGER NOT NULL,
                    deleted INTEGER NOT NULL, json TEXT NOT NULL,
                    PRIMARY KEY (kind, id));
                CREATE TABLE history (
                    kind TEXT NOT NULL, id TEXT NOT NULL, version INTEGER NOT NULL, action TEXT NOT NULL,
                    json TEXT NOT NULL, command_id TEXT NOT NULL, saga_id TEXT, actor TEXT,
                    time_ms INTEGER NOT NULL,
                    PRIMARY KEY (kind, id, version));
                -- The links of live entries only: what the dependents check on delete reads.
                CREATE TABLE link (
                    source_kind TEXT NOT NULL, source_id TEXT NOT NULL, field TEXT NOT NULL,
                    target_kind TEXT NOT NULL, target_id TEXT NOT NULL, protects_target INTEGER NOT NULL);
                CREATE INDEX link_by_target ON link (target_kind, target_id);
                CREATE INDEX link_by_source ON link (source_kind, source_id);
                -- The dedupe record: written in the same transaction as the change it records.
                CREATE TABLE processed_command (
                    command_id TEXT PRIMARY KEY NOT NULL, decision TEXT NOT NULL, time_ms INTEGER NOT NULL);
                """)
        }
        return migrator
    }
}
