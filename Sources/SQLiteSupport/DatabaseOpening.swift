import Foundation
import GRDB

/// Opens the SQLite databases dos keeps (the event log, and each service's own store) in WAL
/// mode, shared safely with other processes on the machine.
public enum DatabaseOpening {
    /// Opens (creating it and its folder if needed) a WAL database at `path`.
    ///
    /// Opening sets WAL mode, and SQLite answers that pragma with "database is locked" at once,
    /// without the busy timeout, while another process is mid-commit or checkpointing. Another
    /// process writing is the normal case here, so opening waits and tries again, with backoff,
    /// for as long as a writer would wait for a lock (`patience`).
    public static func pool(path: String, configuration: Configuration, patience: Duration) throws -> DatabasePool {
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o700])
        let deadline = ContinuousClock.now + patience
        var pause = Duration.milliseconds(5)
        while true {
            do {
                return try DatabasePool(path: path, configuration: configuration)
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && ContinuousClock.now < deadline {
                Thread.sleep(forTimeInterval: Double(pause.components.attoseconds) / 1e18)
                pause = min(pause * 2, .milliseconds(200))
            }
        }
    }

    /// A service's own database, `fileName` in `directory`: writers wait up to 10 s for a lock
    /// another process (a second instance, a reader) holds for a moment.
    public static func servicePool(directory: URL, fileName: String) throws -> DatabasePool {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        return try pool(path: directory.appendingPathComponent(fileName).path, configuration: configuration, patience: .seconds(10))
    }
}
