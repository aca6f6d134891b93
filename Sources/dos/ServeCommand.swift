import ArgumentParser
import DosCommandLine
import Foundation

/// `dos serve SERVICE…`: runs services as a long-lived process until SIGINT or SIGTERM.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run services on the event stream until stopped (SIGINT or SIGTERM).",
        discussion: """
            Each service consumes as its own consumer group (dos.<service>), so several processes \
            running the same service share its work, and a restarted one resumes after its last \
            commit. Diagnostics go to the log file (see dos doctor), never to the terminal.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("Services to run: \(ServiceName.allCases.map(\.rawValue).joined(separator: ", ")), or all."))
    var services: [String]

    func validate() throws {
        if services.isEmpty { throw ValidationError("name at least one service, or all") }
        _ = try chosen()
    }

    func run() async throws {
        try await Self.serve(try chosen(), global: global)
    }

    /// Runs `names` in this process until SIGINT or SIGTERM (also what plain `dos` does).
    static func serve(_ names: [ServiceName], global: GlobalOptions) async throws {
        let signals = SignalCancellation()
        defer { signals.stop() }
        let logFile = try LogFile(path: StatePaths.logFile())
        let log = try global.openLog()
        try await global.prepareTopics(of: log)
        let host = try ServiceCatalog.host(for: names, log: log, dataDirectory: global.dataDirectory, diagnostics: logFile.diagnostics)
        let list = names.map(\.rawValue).joined(separator: ", ")
        FileHandle.standardError.write(Data("dos: serving \(list) on \(log.location); log in \(logFile.path)\n".utf8))
        let serving = Task { await host.run() }
        signals.cancel(onSignal: serving)
        await serving.value
        await log.close()
    }

    private func chosen() throws -> [ServiceName] {
        if services.contains("all") { return ServiceName.allCases }
        return try services.map { name in
            guard let service = ServiceName(rawValue: name) else {
                throw ValidationError("unknown service \(name.debugDescription): use \(ServiceName.allCases.map(\.rawValue).joined(separator: ", ")), or all")
            }
            return service
        }
    }
}
