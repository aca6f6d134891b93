import ArgumentParser
import DosCommandLine
import EventLogSQLite
import Foundation

/// The `dos` command: the directory of services from the terminal.
@main
struct Dos: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dos",
        abstract: "A directory of public services, run on an event stream.",
        discussion: """
            With no subcommand, dos opens the embedded event log in the data directory and shows \
            what it holds. Data lives in --data-dir, else $DOS_DATA_DIR, else $XDG_DATA_HOME/dos.
            """,
        subcommands: [
            LogCommand.self, ServeCommand.self, DoctorCommand.self, GetCommand.self, HistoryCommand.self, ApplyCommand.self,
            DeleteCommand.self, PublishCommand.self, UnpublishCommand.self, FlagCommand.self, UnflagCommand.self,
            RegisterProviderCommand.self, SagasCommand.self, DeadLettersCommand.self,
        ])

    @OptionGroup var global: GlobalOptions

    func run() async throws {
        let log = try global.openLog()
        let statistics = try await log.statistics()
        await log.close()
        print("dos: embedded event log at \(statistics.path)")
        if statistics.topics.isEmpty {
            print("  no events yet")
        }
        for topic in statistics.topics {
            print("  \(topic.topic): \(topic.records) events, last position \(topic.lastPosition)")
        }
        print("")
        print(Dos.helpMessage())
    }
}
