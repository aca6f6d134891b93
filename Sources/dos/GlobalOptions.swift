import ArgumentParser
import Console
import DosCommandLine
import EventLog
import EventLogKafka
import EventLogSQLite
import Events
import Foundation

/// Options every command takes. This is the one place a backend is chosen: the embedded log in
/// the data directory, or Kafka when brokers are named (the data directory then keeps only the
/// services' own state).
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Data directory of the embedded backend, and of the services' own state (default: $DOS_DATA_DIR, else $XDG_DATA_HOME/dos).", valueName: "dir"))
    var dataDir: String?

    @Option(name: .long, help: ArgumentHelp("How hard appends are pushed to disk: process (survives kill -9) or power (fsync every commit).", valueName: "level"))
    var durability: DurabilityOption = .process

    @Option(name: .long, help: ArgumentHelp("Use Kafka: the brokers to start from, host:port,... (default: $DOS_BROKERS).", valueName: "brokers"))
    var brokers: String?

    @Option(name: .long, help: ArgumentHelp("A librdkafka properties file (key=value lines), passed through as-is: SASL, TLS, tuning.", valueName: "file"))
    var kafkaConfig: String?

    @Option(name: .long, help: ArgumentHelp("Partitions of the topics dos creates on Kafka.", valueName: "n"))
    var partitions: Int = 3

    @Option(name: .long, help: ArgumentHelp("Replication factor of the topics dos creates on Kafka.", valueName: "n"))
    var replicationFactor: Int = 1

    var dataDirectory: String { DataDirectory.resolve(explicit: dataDir) }

    /// The brokers, from `--brokers` or `DOS_BROKERS`; nil means the embedded log.
    var kafkaBrokers: String? {
        if let brokers, !brokers.isEmpty { return brokers }
        if let brokers = ProcessInfo.processInfo.environment["DOS_BROKERS"], !brokers.isEmpty { return brokers }
        return nil
    }

    func validate() throws {
        guard partitions >= 1, replicationFactor >= 1 else { throw ValidationError("--partitions and --replication-factor must be at least 1") }
        if kafkaConfig != nil, kafkaBrokers == nil { throw ValidationError("--kafka-config needs --brokers (or DOS_BROKERS)") }
    }

    func kafkaSettings(brokers: String) throws -> KafkaSettings {
        var properties: [String: String] = [:]
        if let kafkaConfig {
            do {
                properties = try KafkaSettings.properties(file: kafkaConfig)
            } catch {
                throw ValidationError("\(error)")
            }
        }
        return KafkaSettings(brokers: brokers, properties: properties, partitions: partitions, replicationFactor: replicationFactor)
    }

    /// "data dir /var/lib/dos" or "brokers k1:9092" (never a secret), for status lines.
    var backendDescription: String {
        guard let brokers = kafkaBrokers else { return "data dir \(dataDirectory)" }
        return (try? kafkaSettings(brokers: brokers).description) ?? "brokers \(brokers)"
    }

    /// The chosen backend's log.
    func openLog() throws -> any EventLog {
        guard let brokers = kafkaBrokers else { return try openEmbeddedLog() }
        do {
            return try KafkaEventLog(settings: try kafkaSettings(brokers: brokers))
        } catch let error as ValidationError {
            throw error
        } catch {
            throw ValidationError("cannot use the Kafka brokers \(brokers): \(error)")
        }
    }

    /// The console's checkpoint: beside the embedded log it was folded from (it goes with it), or
    /// for Kafka in the data directory under a name made from the brokers.
    var consoleCheckpointPath: String? {
        guard let brokers = kafkaBrokers else { return CheckpointStore(dataDirectory: dataDirectory).path }
        return CheckpointStore(dataDirectory: dataDirectory, brokers: brokers).path
    }

    /// Makes dos's topics on Kafka now if they are missing, so no service stalls on it later
    /// (the embedded log needs nothing).
    func prepareTopics(of log: any EventLog) async throws {
        guard let kafka = log as? KafkaEventLog else { return }
        do {
            try await kafka.createTopics(Topics().all)
        } catch {
            throw ValidationError("the Kafka topics dos needs are missing and cannot be made: \(error)")
        }
    }

    /// The embedded log in the data directory (whatever the backend: `dos doctor` looks at both).
    func openEmbeddedLog() throws -> SQLiteEventLog {
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
