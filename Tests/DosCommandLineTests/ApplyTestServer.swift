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
    let served: ServedDirectory

    var directory: String { served.path }
    var server: ChildProcess? { served.server }
    /// `--brokers B` when the log is Kafka.
    var backendArguments: [String] { served.backendArguments }

    /// Runs `body` with a fresh directory (served unless `serving` is false), then stops the
    /// server with SIGTERM and removes the directory, whatever `body` did.
    static func with(serving: Bool = true, onKafka: Bool = false, _ body: (ApplyTestServer) async throws -> Void) async throws {
        try await ServedDirectory.with(named: "dos-write", serving: serving, onKafka: onKafka) { try await body(ApplyTestServer(served: $0)) }
    }

    /// Runs `dos` on this directory. A generous --timeout on the write side keeps a loaded
    /// machine from turning a slow start into a "no service" failure.
    func dos(_ arguments: [String], input: String = "") async throws -> ChildProcess {
        try await served.dos(arguments, input: input)
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
