import Foundation

/// A temporary data directory with a real `dos serve all` on it (unless `serving` is false),
/// on the embedded log or on a Kafka mock cluster the test starts (`onKafka`: three brokers,
/// dos's topics of three partitions).
public struct ServedDirectory: Sendable {
    public let path: String
    public let server: ChildProcess?
    /// `--brokers B` when the log is Kafka.
    public let backendArguments: [String]

    /// The environment every `dos` of the test runs with: its state (log file) in the directory.
    public var environment: [String: String] { ["XDG_STATE_HOME": path + "/state"] }

    /// Runs `body` with a fresh directory, then stops the server with SIGTERM, stops the
    /// cluster and removes the directory, whatever `body` did.
    public static func with(
        named prefix: String, serving: Bool = true, onKafka: Bool = false, _ body: (ServedDirectory) async throws -> Void
    ) async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        var cluster: KafkaMockCluster?
        var backendArguments: [String] = []
        if onKafka {
            let mock = try await KafkaMockCluster(brokers: 3)
            try await mock.createDosTopics(partitions: 3)
            cluster = mock
            backendArguments = ["--brokers", mock.bootstrap]
        }
        let server = serving
            ? try ChildProcess(DosExecutable.url, ["serve", "all", "--data-dir", path] + backendArguments, environment: ["XDG_STATE_HOME": path + "/state"])
            : nil
        var failure: (any Error)?
        do {
            try await body(ServedDirectory(path: path, server: server, backendArguments: backendArguments))
        } catch {
            failure = error
        }
        if let server {
            server.kill(SIGTERM)
            _ = try? await server.waitForExit(timeout: .seconds(20))
        }
        cluster?.stop()
        try? FileManager.default.removeItem(atPath: path)
        if let failure { throw failure }
    }

    /// Runs `dos` on this directory (and its cluster) to the end.
    public func dos(_ arguments: [String], input: String = "") async throws -> ChildProcess {
        try await DosExecutable.run(arguments + ["--data-dir", path] + backendArguments, input: input, environment: environment)
    }
}
