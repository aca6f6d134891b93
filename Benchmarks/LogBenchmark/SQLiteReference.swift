import Foundation

/// The reference: the same rows inserted and read by the `sqlite3` command-line tool, the insert
/// in one transaction — what SQLite itself does on this machine, without dos around it.
enum SQLiteReference {
    /// Writes the SQL script once (schema as the log's, then every row in one transaction).
    static func writeInsertScript(to path: String, count: Int, workload: Workload) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else { throw BenchmarkError("cannot write \(path)") }
        defer { try? handle.close() }
        var text = """
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = NORMAL;
            CREATE TABLE log (position INTEGER PRIMARY KEY AUTOINCREMENT, topic TEXT NOT NULL, key TEXT,
                event_id TEXT NOT NULL, timestamp INTEGER NOT NULL, payload BLOB NOT NULL);
            CREATE UNIQUE INDEX log_topic_event_id ON log(topic, event_id);
            CREATE INDEX log_topic_position ON log(topic, position);
            BEGIN;

            """
        for index in 0..<count {
            let event = workload.event(index)
            text += "INSERT INTO log (topic, key, event_id, timestamp, payload) VALUES ('\(Workload.topic)', '\(event.key)', '\(event.id)', 1795771788000, '\(event.line)');\n"
            if text.utf8.count > 1 << 20 {
                try handle.write(contentsOf: Data(text.utf8))
                text = ""
            }
        }
        text += "COMMIT;\n"
        try handle.write(contentsOf: Data(text.utf8))
    }

    /// Writes the events as CloudEvents JSON lines, the input of `dos log publish`.
    static func writeLines(to path: String, count: Int, workload: Workload) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw BenchmarkError("cannot write \(path)")
        }
        defer { try? handle.close() }
        var text = ""
        for index in 0..<count {
            text += workload.event(index).line + "\n"
            if text.utf8.count > 1 << 20 {
                try handle.write(contentsOf: Data(text.utf8))
                text = ""
            }
        }
        try handle.write(contentsOf: Data(text.utf8))
    }

    /// Seconds `sqlite3 DB < script` takes.
    static func insert(database: String, script: String) throws -> Double {
        try? FileManager.default.removeItem(atPath: database)
        return try run(["sqlite3", database], input: script)
    }

    /// Seconds `sqlite3 DB "SELECT every column"` takes, its output thrown away.
    static func read(database: String) throws -> Double {
        try run(["sqlite3", database, "SELECT position, topic, key, event_id, timestamp, payload FROM log ORDER BY position"], input: nil)
    }

    private static func run(_ arguments: [String], input: String?) throws -> Double {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        if let input { process.standardInput = FileHandle(forReadingAtPath: input) }
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        let start = ContinuousClock.now
        try process.run()
        process.waitUntilExit()
        let elapsed = ContinuousClock.now - start
        guard process.terminationStatus == 0 else { throw BenchmarkError("\(arguments.joined(separator: " ")) failed") }
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }
}
