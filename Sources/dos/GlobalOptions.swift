import ArgumentParser
import Console
import DosCommandLine
import EventLogSQLite
import Foundation

/// Options every command takes. This is the one place a backend is chosen.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Data directory of the embedded backend (default: $DOS_DATA_DIR, else $XDG_DATA_HOME/dos).", valueName: "dir"))
    var dataDir: String?

    @Option(name: .long, help: ArgumentHelp("How hard appends are pushed to disk: process (survives kill -9) or power (fsync every commit).", valueName: "level"))
    var durability: DurabilityOption = .process

    var dataDirectory: String { DataDirectory.resolve(explicit: dataDir) }

    /// The console's checkpoint lives beside the log it was folded from (and goes with it).
    var consoleCheckpointPath: String { CheckpointStore(dataDirectory: dataDirectory).path }

    func openLog() throws -> SQLiteEventLog {
        do {
            return try SQLiteEventLog(directory: dataDirectory, options: .init(durability: durability.level))
        } catch {
            throw ValidationError("cannot open the event log in \(dataDirectory): \(error)")
        }
    }
}

enum DurabilityOption: String, ExpressibleByArgument, CaseIterable {
    case process, power

    var level: SQLiteEventLog.Durability {
        switch self {
        case .process: .process
        case .power: .power
        }
    }
}
