import ArgumentParser
import Console
import DosCommandLine
import EventLogKafka
import EventLogSQLite
import Foundation

/// `dos doctor`: what is loaded, where the data is, and whether each part is usable.
struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Report the versions of the libraries actually loaded, the data directory, and whether each is usable.",
        discussion: "Exit status: 0 when everything needed is usable, 1 otherwise.")

    @OptionGroup var global: GlobalOptions

    @Option(name: .shortAndLong, help: "text or json.")
    var output: DoctorOutput = .text

    func run() async throws {
        var checks = SystemLibraryChecks.all()
        checks.append(await dataDirectoryCheck())
        checks.append(logFileCheck())
        checks += ConsoleDoctor.checks()
        if let brokers = global.kafkaBrokers { checks.append(await kafkaCheck(brokers)) }
        if let checkpoint = global.consoleCheckpointPath { checks.append(await ConsoleDoctor.checkpointCheck(CheckpointStore(path: checkpoint))) }
        let report = DoctorReport(checks: checks)
        switch output {
        case .text:
            print(report.text)
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        }
        if report.hasFailures { throw ExitCode.failure }
    }

    /// Where services write what went wrong (never onto a terminal).
    private func logFileCheck() -> DoctorCheck {
        let path = StatePaths.logFile()
        do {
            _ = try LogFile(path: path)
            return DoctorCheck(name: "log file", status: .ok, detail: path)
        } catch {
            return DoctorCheck(name: "log file", status: .warning, detail: "\(path) cannot be written: \(error)")
        }
    }

    /// Whether the brokers answer, and what they say about themselves (never a secret).
    private func kafkaCheck(_ brokers: String) async -> DoctorCheck {
        do {
            let settings = try global.kafkaSettings(brokers: brokers)
            let cluster = try await KafkaEventLog.describeCluster(settings: settings, timeout: .seconds(10))
            return DoctorCheck(name: "kafka brokers", status: .ok, version: "librdkafka \(KafkaEventLog.libraryVersion)", detail: "\(settings.description): \(cluster)")
        } catch {
            return DoctorCheck(name: "kafka brokers", status: .failed, version: "librdkafka \(KafkaEventLog.libraryVersion)", detail: "\(brokers): \(error)")
        }
    }

    private func dataDirectoryCheck() async -> DoctorCheck {
        let directory = global.dataDirectory
        do {
            let log = try global.openEmbeddedLog()
            let statistics = try await log.statistics()
            await log.close()
            guard FileManager.default.isWritableFile(atPath: directory) else {
                return DoctorCheck(name: "data directory", status: .failed, detail: "\(directory) is not writable")
            }
            let megabytes = Double(statistics.fileBytes + statistics.writeAheadLogBytes) / 1_048_576
            var detail = "\(directory): \(statistics.records) events in \(statistics.topics.count) topics, "
            detail += String(format: "%.1f MiB, journal %@, schema %d", megabytes, statistics.journalMode, statistics.schemaVersion)
            if !statistics.kernelNotifications { detail += "; no inotify here, readers poll every 5 ms" }
            let status: DoctorCheck.Status = statistics.journalMode == "wal" ? .ok : .failed
            return DoctorCheck(name: "data directory", status: status, version: "log schema \(statistics.schemaVersion)", detail: detail)
        } catch {
            return DoctorCheck(name: "data directory", status: .failed, detail: "\(directory): \(error)")
        }
    }
}

enum DoctorOutput: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
