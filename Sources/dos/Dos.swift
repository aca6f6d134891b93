import ArgumentParser
import Console
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
            and opens the full-screen console (? lists the keys, :q quits). Without a terminal, or \
            with --headless, it only runs the services until Ctrl-C. Data lives in --data-dir, else \
            $DOS_DATA_DIR, else $XDG_DATA_HOME/dos.
            """,
        subcommands: [
            LogCommand.self, ServeCommand.self, DoctorCommand.self, GetCommand.self, HistoryCommand.self, ApplyCommand.self,
            DeleteCommand.self, PublishCommand.self, UnpublishCommand.self, FlagCommand.self, UnflagCommand.self,
            RegisterProviderCommand.self, SagasCommand.self, DeadLettersCommand.self, ConsoleCommand.self,
            ImportCommand.self, ExportCommand.self,
        ])

    @OptionGroup var global: GlobalOptions
    @OptionGroup var console: ConsoleFlags

    @Flag(name: .long, help: "Run the services without opening the console.")
    var headless = false

    func run() async throws {
        if !headless && ConsoleSetup.hasTerminal {
            try await runWithConsole()
            return
        }
        if global.kafkaBrokers == nil {
            let log = try global.openEmbeddedLog()
            let statistics = try await log.statistics()
            await log.close()
            let summary = statistics.topics.isEmpty
                ? "no events yet"
                : statistics.topics.map { "\($0.topic) \($0.records)" }.joined(separator: ", ")
            FileHandle.standardError.write(Data("dos: embedded event log at \(statistics.path) (\(summary))\n".utf8))
        }
        FileHandle.standardError.write(Data("dos: try `dos apply -f FILE`, `dos get providers` or `dos log tail -t dos.events -f` in another terminal; Ctrl-C stops\n".utf8))
        try await ServeCommand.serve(ServiceName.allCases, global: global)
    }

    /// The services in this process, and the console in front of them; quitting the console
    /// stops the services (they finish the message in hand and commit).
    private func runWithConsole() async throws {
        var options: ConsoleOptions
        do {
            options = try ConsoleSetup.options(backend: global.backendDescription, flags: console.setup)
            options.checkpointPath = global.consoleCheckpointPath
        } catch {
            throw ValidationError("\(error)")
        }
        let logFile = try LogFile(path: StatePaths.logFile())
        let log = try global.openLog()
        try await global.prepareTopics(of: log)
        let host = try ServiceCatalog.host(for: ServiceName.allCases, log: log, dataDirectory: global.dataDirectory, diagnostics: logFile.diagnostics)
        let serving = Task { await host.run() }
        var failure: (any Error)?
        do {
            try await ConsoleSession.run(log: log, options: options)
        } catch {
            failure = error
        }
        serving.cancel()
        await serving.value
        await log.close()
        if let failure { throw failure }
    }
}
