import Foundation
import Testing
import TestSupport

/// The two logs the saga tests run on: the embedded one, and Kafka (librdkafka's mock cluster,
/// three brokers, topics of three partitions, started by the test).
enum LogBackend: String, CaseIterable, CustomTestStringConvertible {
    case embedded, kafka

    var testDescription: String { rawValue }
}

/// A temporary data directory with a real `dos serve all` running on it, for the write-side
/// commands: they publish commands and wait for the sagas the served coordinator runs. The log
/// is the embedded one, or a Kafka mock cluster the test starts (`onKafka`).
struct ApplyTestServer {
    let directory: String
    let server: ChildProcess?
    /// `--brokers B` when the log is Kafka.
    let backendArguments: [String]

    /// Runs `body` with a fresh directory (served unless `serving` is false), then stops the
    /// server with SIGTERM and removes the directory, whatever `body` did.
    static func with(serving: Bool = true, onKafka: Bool = false, _ body: (ApplyTestServer) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dos-write-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var cluster: KafkaMockCluster?
        var backendArguments: [String] = []
        if onKafka {
            let mock = try await KafkaMockCluster(brokers: 3)
            // The mock has no CreateTopics: dos's topics are made as a cluster's operators would.
            for topic in ["dos.commands", "dos.events", "dos.views", "dos.sagas", "dos.deadletter"] { try await mock.send("topic \(topic) 3 3") }
            cluster = mock
            backendArguments = ["--brokers", mock.bootstrap]
        }
        let server = serving
            ? try ChildProcess(
                DosExecutable.url, ["serve", "all", "--data-dir", directory] + backendArguments, environment: ["XDG_STATE_HOME": directory + "/state"])
            : nil
        let served = ApplyTestServer(directory: directory, server: server, backendArguments: backendArguments)
        var failure: (any Error)?
        do {
            try await body(served)
        } catch {
            failure = error
        }
        if let server {
            server.kill(SIGTERM)
            _ = try? await server.waitForExit(timeout: .seconds(20))
        }
        cluster?.stop()
        try? FileManager.default.removeItem(atPath: directory)
        if let failure { throw failure }
    }

    /// Runs `dos` on this directory. A generous --timeout on the write side keeps a loaded
    /// machine from turning a slow start into a "no service" failure.
    func dos(_ arguments: [String], input: String = "") async throws -> ChildProcess {
        try await DosExecutable.run(arguments + ["--data-dir", directory] + backendArguments, input: input, environment: ["XDG_STATE_HOME": directory + "/state"])
    }

    func apply(_ json: String, timeout: Int = 30) async throws -> ChildProcess {
        try await dos(["apply", "-f", "-", "--timeout", String(timeout)], input: json)
    }

    /// `dos get KIND -o json`, parsed.
    func entries(_ kind: String) async throws -> [[String: Any]] {
        let output = try await dos(["get", kind, "-o", "json"])
        #expect(output.exitStatus == 0, "dos get failed: \(output.standardError)")
        return try #require(try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as? [[String: Any]])
    }

    /// The id of the entry of `kind` named `name`.
    func id(of kind: String, named name: String) async throws -> String {
        let entry = try await entries(kind).first { $0["name"] as? String == name }
        return try #require(entry?["id"] as? String, "no \(kind) named \(name)")
    }

    /// Creates one provider and returns its id.
    func createProvider(_ name: String) async throws -> String {
        let output = try await apply(#"{"kind": "provider", "name": "\#(name)", "email": "info@example.org"}"#)
        #expect(output.exitStatus == 0, "create failed: \(output.standardOutput) \(output.standardError)")
        return try await id(of: "providers", named: name)
    }
}
