import GRDB

/// The tables of the embedded log. Created once per file, inside one IMMEDIATE transaction so
/// that processes opening a new data directory at the same moment do not race.
enum LogSchema {
    static let version = 1

    static func create(in db: Database) throws {
        try db.inTransaction(.immediate) {
            let current = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
            guard current < version else { return .commit }
            try db.execute(sql: """
                -- Every topic lives in one append-only table; position (the rowid) is the global
                -- sequence. No AUTOINCREMENT (it costs 12-17% of append speed): rows are never
                -- deleted, so max(rowid) + 1 never reuses a position. Retention, if it comes, must
                -- keep the newest row.
                CREATE TABLE IF NOT EXISTS log (
                    position INTEGER PRIMARY KEY,
                    topic TEXT NOT NULL,
                    key TEXT,
                    event_id TEXT NOT NULL,
                    timestamp INTEGER NOT NULL,   -- append time, ms since 1970; never decreases
                    payload BLOB NOT NULL
                );
                -- Deduplication: one record per event id and topic.
                CREATE UNIQUE INDEX IF NOT EXISTS log_topic_event_id ON log(topic, event_id);
                -- Reading one topic from a position.
                CREATE INDEX IF NOT EXISTS log_topic_position ON log(topic, position);

                CREATE TABLE IF NOT EXISTS consumer_offsets (
                    group_name TEXT NOT NULL,
                    topic TEXT NOT NULL,
                    next_position INTEGER NOT NULL,
                    committed_at INTEGER NOT NULL,
                    PRIMARY KEY (group_name, topic)
                ) WITHOUT ROWID;

                -- One live member per group (the log has one partition per topic, as a Kafka
                -- topic with one partition gives it to one member of the group).
                CREATE TABLE IF NOT EXISTS group_leases (
                    group_name TEXT PRIMARY KEY,
                    member_id TEXT NOT NULL,
                    process_id INTEGER NOT NULL,
                    expires_at INTEGER NOT NULL
                ) WITHOUT ROWID;
                PRAGMA user_version = \(version);
                """)
            return .commit
        }
    }
}
