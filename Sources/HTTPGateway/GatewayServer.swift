import DosCommandLine
import EventLog
import Events
import Foundation
import Hummingbird

/// The REST gateway of the original design: `GET/POST/PUT/DELETE` on `/provider(/{id})`,
/// `/service`, `/venue`, `/contact`, `/event`, `/cost-option`, `/eligibility` and `/type`
/// (with `/type/category`, `/type/deliverable`, `/type/tag`, `/type/function`, `/type/type`).
///
/// It is one more client of the stream, like the console: a write publishes the command and
/// answers when its saga ends, with the entry's current view (201/200) or why not (422, 409,
/// 404…); a read answers from a live view of the directory folded from the views topic.
public struct GatewayServer: Sendable {
    /// Limits and waits; the defaults suit a person or a script on the other end.
    public struct Options: Sendable {
        /// Larger bodies are answered 413.
        public var maximumBodySize = 1 << 20
        /// No saga started within this: no service processes commands (503).
        public var startTimeout: Duration = .seconds(10)
        /// A started saga silent for this long: the services stopped (504).
        public var stallLimit: Duration = .seconds(60)
        /// How long a write waits for the live directory to show it before answering anyway.
        public var readYourWritesTimeout: Duration = .seconds(5)
        /// How long a read waits for the first reading of the views topic (503 after).
        public var loadTimeout: Duration = .seconds(30)
        public var defaultPageSize = 100
        public var maximumPageSize = 1_000
        /// The `actor` of every command the gateway publishes, as history shows it.
        public var actor = "gateway"

        public init() {}
    }

    public var log: any EventLog
    public var host: String
    /// 0 picks a free port; `onListening` is told which.
    public var port: Int
    public var topics: Topics
    public var options: Options
    public var diagnostics: @Sendable (String) -> Void
    /// Called with the port once the server accepts connections.
    public var onListening: @Sendable (Int) async -> Void

    public init(
        log: any EventLog, host: String, port: Int, topics: Topics = Topics(), options: Options = Options(),
        diagnostics: @escaping @Sendable (String) -> Void = { _ in }, onListening: @escaping @Sendable (Int) async -> Void = { _ in }
    ) {
        self.log = log
        self.host = host
        self.port = port
        self.topics = topics
        self.options = options
        self.diagnostics = diagnostics
        self.onListening = onListening
    }

    /// Serves until the task is cancelled, with a live directory of its own.
    public func run() async throws {
        let directory = LiveDirectory(log: log, topics: topics, diagnostics: diagnostics)
        // The first to end (the server failing to bind, or cancellation) ends both.
        try await runUntilFirstEnds([{ await directory.run() }, { try await serve(sharing: directory) }])
    }

    /// Serves until the task is cancelled, reading from `directory`, which the caller runs
    /// (so several servers can share one).
    public func serve(sharing directory: LiveDirectory) async throws {
        let settings = SagaWatcher.Settings(startTimeout: options.startTimeout, stallLimit: options.stallLimit, actor: options.actor)
        let watcher = try await SagaWatcher.open(log: log, topics: topics, settings: settings, diagnostics: diagnostics)
        let responder = GatewayResponder(directory: directory, watcher: watcher, options: options, diagnostics: diagnostics)
        // A failure to serve is thrown; everything else goes to `diagnostics`.
        let application = quietApplication(responder: responder, host: host, port: port, serverName: "dos-gateway", onListening: onListening)
        try await runUntilFirstEnds([{ await watcher.run() }, { try await application.run() }])
    }
}
