import ArgumentParser
import DosCommandLine
import Foundation
import HTTPGateway
import Importer
import TerminalSafety

/// `dos serve SERVICE…`: runs services as a long-lived process until SIGINT or SIGTERM.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run services on the event stream until stopped (SIGINT or SIGTERM).",
        discussion: """
            Each stream service consumes as its own consumer group (dos.<service>), so several \
            processes running the same service share its work, and a restarted one resumes after \
            its last commit. Diagnostics go to the log file (see dos doctor), never to the terminal.
            Clients of the stream run the same way: importer (--source, --every) imports HSDS \
            data now and then every interval, publishing only what changed; gateway (--listen) \
            is the REST API of the original design; hsds-api (--listen) serves the directory as \
            a read-only HSDS 3.0 API. They need the stream services running (all).
            """)

    /// What `dos serve` can run besides the stream services.
    enum Client: String, CaseIterable {
        case importer, gateway
        case hsdsAPI = "hsds-api"
    }

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("Services to run: \((ServiceName.allCases.map(\.rawValue) + Client.allCases.map(\.rawValue)).joined(separator: ", ")), or all (the stream services)."))
    var services: [String]

    @Option(name: .long, help: ArgumentHelp("Where gateway or hsds-api listens.", valueName: "host:port"))
    var listen: String?

    @Option(name: .long, help: ArgumentHelp("What importer imports: an HSDS JSON file, a datapackage folder or an API base URL.", valueName: "source"))
    var source: String?

    @Option(name: .long, help: ArgumentHelp("How often importer imports: 90s, 15m, 1h, 1d.", valueName: "interval"))
    var every: String = "1h"

    func validate() throws {
        if services.isEmpty { throw ValidationError("name at least one service, or all") }
        let (_, clients) = try chosen()
        if clients.contains(.importer) {
            guard let source else { throw ValidationError("importer needs --source (a file, a folder or an http(s) URL)") }
            do { _ = try ImportSources.source(for: source) } catch { throw ValidationError("--source: \(error)") }
            guard ImportService.interval(parsing: every) != nil else { throw ValidationError("--every takes a duration from 1s to 366d, such as 90s, 15m, 1h or 1d") }
        }
        let listeners = clients.filter { $0 != .importer }
        if listeners.count > 1 { throw ValidationError("gateway and hsds-api each need a --listen of their own: run them as two processes") }
        if !listeners.isEmpty {
            guard let listen, Self.address(listen) != nil else { throw ValidationError("\(listeners[0].rawValue) needs --listen HOST:PORT, e.g. 127.0.0.1:8080") }
        }
    }

    func run() async throws {
        let (names, clients) = try chosen()
        try await Self.serve(names, clients: clients, options: self, global: global)
    }

    /// Runs `names` in this process until SIGINT or SIGTERM (also what plain `dos` does).
    static func serve(_ names: [ServiceName], global: GlobalOptions) async throws {
        try await serve(names, clients: [], options: nil, global: global)
    }

    private static func serve(_ names: [ServiceName], clients: [Client], options: ServeCommand?, global: GlobalOptions) async throws {
        let signals = SignalCancellation()
        defer { signals.stop() }
        let logFile = try LogFile(path: StatePaths.logFile())
        let log = try global.openLog()
        try await global.prepareTopics(of: log)
        let host = try ServiceCatalog.host(for: names, log: log, dataDirectory: global.dataDirectory, diagnostics: logFile.diagnostics)
        let list = (names.map(\.rawValue) + clients.map(\.rawValue)).joined(separator: ", ")
        FileHandle.standardError.write(Data("dos: serving \(list) on \(log.location); log in \(logFile.path)\n".utf8))
        let diagnostics = logFile.diagnostics
        let report: @Sendable (String) -> Void = { diagnostics.info($0) }
        var jobs: [@Sendable () async throws -> Void] = []
        if !names.isEmpty { jobs.append { await host.run() } }
        for client in clients {
            switch client {
            case .importer:
                guard let source = options?.source, let interval = options.flatMap({ ImportService.interval(parsing: $0.every) }) else { continue }
                let service = ImportService(source: try ImportSources.source(for: source), run: ImportRun(log: log, timeout: .seconds(30)), interval: interval, report: report)
                jobs.append { await service.serve() }
            case .gateway, .hsdsAPI:
                guard let address = options?.listen.flatMap(Self.address) else { continue }
                let announce: @Sendable (Int) async -> Void = { port in
                    FileHandle.standardError.write(Data("dos: \(client.rawValue) listening on http://\(TerminalText.escape(address.host)):\(port)\n".utf8))
                }
                if client == .gateway {
                    let server = GatewayServer(log: log, host: address.host, port: address.port, diagnostics: report, onListening: announce)
                    jobs.append { try await server.run() }
                } else {
                    let server = HSDSAPIServer(log: log, host: address.host, port: address.port, diagnostics: report, onListening: announce)
                    jobs.append { try await server.run() }
                }
            }
        }
        // One ending (a server that cannot bind its port) ends them all.
        let serving = Task { [jobs] in try await runUntilFirstEnds(jobs) }
        signals.cancel(onSignal: serving)
        let result = await serving.result
        await log.close()
        if case .failure(let error) = result, !(error is CancellationError) {
            FileHandle.standardError.write(Data("dos: \(TerminalText.escape(String(describing: error)))\n".utf8))
            throw ExitCode(1)
        }
    }

    /// "127.0.0.1:8080" → host and port.
    static func address(_ text: String) -> (host: String, port: Int)? {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]), (0...65_535).contains(port) else { return nil }
        let host = String(text[..<colon]).trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        return host.isEmpty ? nil : (host, port)
    }

    private func chosen() throws -> ([ServiceName], [Client]) {
        var names: [ServiceName] = [], clients: [Client] = []
        for name in services {
            if name == "all" {
                for service in ServiceName.allCases where !names.contains(service) { names.append(service) }
            } else if let service = ServiceName(rawValue: name) {
                if !names.contains(service) { names.append(service) }
            } else if let client = Client(rawValue: name) {
                if !clients.contains(client) { clients.append(client) }
            } else {
                let known = (ServiceName.allCases.map(\.rawValue) + Client.allCases.map(\.rawValue)).joined(separator: ", ")
                throw ValidationError("unknown service \(name.debugDescription): use \(known), or all")
            }
        }
        return (names, clients)
    }
}
