import GRDB

/// The tables of `sagas.sqlite`, created by numbered migrations so old files upgrade.
enum SagaSchema {
    static func migrator() -> DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { database in
            try database.execute(sql: """
                CREATE TABLE saga (
                    id TEXT PRIMARY KEY NOT NULL, kind TEXT NOT NULL, state TEXT NOT NULL, reason TEXT,
                    started_ms INTEGER NOT NULL, ended_ms INTEGER, step_count INTEGER NOT NULL,
                    plan TEXT NOT NULL);
                CREATE TABLE step (
                    saga_id TEXT NOT NULL, position INTEGER NOT NULL, name TEXT NOT NULL, role TEXT NOT NULL,
                    state TEXT NOT NULL, command_id TEXT NOT NULL, entity_kind TEXT, entity_id TEXT,
                    version INTEGER, started_ms INTEGER NOT NULL, deadline_ms INTEGER NOT NULL, ended_ms INTEGER,
                    reason TEXT,
                    PRIMARY KEY (saga_id, position));
                -- Outcomes find their saga by the command id the step waits on.
                CREATE INDEX step_by_command ON step (command_id);
                -- The tick looks for running steps past their deadline.
                CREATE INDEX step_by_deadline ON step (state, deadline_ms);
                -- The dedupe record: the outputs computed for each input, written in the same
                -- transaction as the state they come from, so a redelivery returns them again.
                CREATE TABLE processed_input (event_id TEXT PRIMARY KEY NOT NULL, time_ms INTEGER NOT NULL);
                CREATE TABLE processed_output (
                    event_id TEXT NOT NULL, position INTEGER NOT NULL, envelope BLOB NOT NULL,
                    PRIMARY KEY (event_id, position));
                -- What timeouts caused, kept until the runner confirms it is in the log.
                CREATE TABLE outbox (
                    seed TEXT PRIMARY KEY NOT NULL, saga_id TEXT NOT NULL, envelope BLOB NOT NULL);
                """)
        }
        migrator.registerMigration("v2 cascade") { database in
            // Cascade deletes: the stack of deletions still to do, as a JSON array of references.
            try database.execute(sql: "ALTER TABLE saga ADD COLUMN cascade TEXT NOT NULL DEFAULT '[]'")
        }
        migrator.registerMigration("v3 early outcomes") { database in
            // Outcomes read before the command they answer (on Kafka the command and its outcomes
            // are on different topics, with no order between them), kept until the command comes.
            try database.execute(sql: """
                CREATE TABLE early_outcome (
                    event_id TEXT PRIMARY KEY NOT NULL, command_id TEXT NOT NULL, envelope BLOB NOT NULL,
                    time_ms INTEGER NOT NULL);
                CREATE INDEX early_outcome_by_command ON early_outcome (command_id);
                """)
        }
        return migrator
    }
}
