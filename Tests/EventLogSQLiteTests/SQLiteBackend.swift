import EventLog
import EventLogConformance
import EventLogSQLite
import Foundation

/// A fresh data directory for each test, removed when the test's value goes away.
final class SQLiteBackend: Sendable {
    let directory: String
    let conformance: ConformanceBackend

    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("dos-test-\(UUID().uuidString)").path
        let directory = self.directory
        conformance = ConformanceBackend(name: "sqlite", commandLineArguments: ["--data-dir", directory]) {
            try SQLiteEventLog(directory: directory)
        }
    }

    deinit {
        try? FileManager.default.removeItem(atPath: directory)
    }
}
