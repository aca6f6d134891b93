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
            With no subcommand, dos runs every service in this process on the embedded event log \
            (the console will open here too) until Ctrl-C; use the other commands from another \
            terminal. Data lives in --data-dir, else $DOS_DATA_DIR, else $XDG_DATA_HOME/dos.
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
        let summary = statistics.topics.isEmpty
            ? "no events yet"
            : statistics.topics.map { "\($0.topic) \($0.records)" }.joined(separator: ", ")
        FileHandle.standardError.write(Data("dos: embedded event log at \(statistics.path) (\(summary))\n".utf8))
        FileHandle.standardError.write(Data("dos: try `dos apply -f FILE`, `dos get providers` or `dos log tail -t dos.events -f` in another terminal; Ctrl-C stops\n".utf8))
        try await ServeCommand.serve(ServiceName.allCases, global: global)
    }
}
