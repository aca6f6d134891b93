import Foundation
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// The services on Kafka when things go wrong: a broker down in the middle of thousands of
/// sagas, a service instance killed with SIGKILL, a second data store joining and leaving. On
/// librdkafka's mock cluster (three brokers, topics of twelve partitions replicated on all
/// three: the mock keeps only a few MiB a partition, and ten thousand sagas' progress must all
/// stay readable), with `dos serve` processes and `dos apply` as a user runs them.
@Suite(.serialized) struct KafkaFaultTests {
    /// A mock cluster with dos's topics, a data directory, and `dos` run against both.
    final class Cluster: Sendable {
        let mock: KafkaMockCluster
        let directory: String

        init() async throws {
            mock = try await KafkaMockCluster(brokers: 3)
            try await mock.createDosTopics(partitions: 12)
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("dos-kafka-fault-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }

        deinit {
            mock.stop()
            try? FileManager.default.removeItem(atPath: directory)
        }

        var arguments: [String] { ["--brokers", mock.bootstrap, "--data-dir", directory] }
        var environment: [String: String] { ["XDG_STATE_HOME": directory + "/state"] }

        func start(_ arguments: [String]) throws -> ChildProcess {
            try ChildProcess(DosExecutable.url, arguments + self.arguments, environment: environment)
        }

        func run(_ arguments: [String], input: String = "") async throws -> ChildProcess {
            try await DosExecutable.run(arguments + self.arguments, input: input, environment: environment)
        }

        /// `dos get providers -o json`: name → version.
        func providers() async throws -> [String: Int] {
            let output = try await run(["get", "providers", "-o", "json"])
            let entries = try #require(try JSONSerialization.jsonObject(with: Data(output.standardOutput.utf8)) as? [[String: Any]])
            var versions: [String: Int] = [:]
            for entry in entries {
                guard let name = entry["name"] as? String, let version = entry["version"] as? Int else { continue }
                #expect(versions[name] == nil, "\(name) listed twice")
                versions[name] = version
            }
            return versions
        }

        /// How many sagas `dos sagas` shows in each state.
        func sagaStates() async throws -> [String: Int] {
            let output = try await run(["sagas"])
            var states: [String: Int] = [:]
            for line in output.outputLines.dropFirst() {
                let columns = line.split(separator: " ", omittingEmptySubsequences: true)
                if columns.count > 2 { states[String(columns[2]), default: 0] += 1 }
            }
            return states
        }
    }

    static func providers(_ count: Int, prefix: String) -> String {
        "[" + (0..<count).map { #"{"kind": "provider", "name": "\#(prefix) \#($0)"}"# }.joined(separator: ",") + "]"
    }

    /// Waits until `dos sagas` shows at least `count` sagas (the run is well under way).
    static func waitForSagas(_ cluster: Cluster, atLeast count: Int, timeout: Duration = .seconds(60)) async throws {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if try await cluster.sagaStates().values.reduce(0, +) >= count { return }
            try await Task.sleep(for: .milliseconds(200))
        }
    }

    @Test func aBrokerDownForTenSecondsInTheMiddleOfTenThousandSagasLosesNothing() async throws {
        let cluster = try await Cluster()
        let server = try cluster.start(["serve", "all"])
        defer { server.kill(SIGTERM) }
        let apply = try cluster.start(["apply", "-f", "-", "--timeout", "240"])
        apply.feed(Array(Self.providers(10_000, prefix: "Outage").utf8))
        try await Self.waitForSagas(cluster, atLeast: 1_000)
        try await cluster.mock.setDown(broker: 1)
        try await Task.sleep(for: .seconds(10))
        try await cluster.mock.setUp(broker: 1)
        let status = try await apply.waitForExit(timeout: .seconds(300))
        // Every saga ends: most complete; a step stuck behind the outage longer than the
        // coordinator's step timeout ends timed out (its change is still made, once).
        #expect(status == 0 || status == 1, "\(apply.standardError)")
        #expect(apply.outputLines.count == 10_000)
        let unexpected = apply.outputLines.filter { !$0.hasSuffix("created v1") && !$0.contains("timed out") }
        #expect(unexpected.isEmpty, "\(unexpected.prefix(5))")
        let states = try await cluster.sagaStates()
        #expect(states.values.reduce(0, +) == 10_000, "\(states)")
        #expect(Set(states.keys).isSubset(of: ["completed", "timedout"]), "every saga final: \(states)")
        let providers = try await cluster.providers()
        #expect(providers.count == 10_000, "every acknowledged command made its entry")
        #expect(Set(providers.values) == [1], "and exactly once")
    }

    @Test func servicesKilledWithSigkillResumeFromTheirCommittedOffsets() async throws {
        let cluster = try await Cluster()
        var server = try cluster.start(["serve", "all"])
        let apply = try cluster.start(["apply", "-f", "-", "--timeout", "120"])
        apply.feed(Array(Self.providers(3_000, prefix: "Killed").utf8))
        try await Self.waitForSagas(cluster, atLeast: 300)
        server.kill(SIGKILL)
        _ = try await server.waitForExit(timeout: .seconds(10))
        // A new instance of every service: their groups resume after the last commit.
        server = try cluster.start(["serve", "all"])
        defer { server.kill(SIGTERM) }
        let status = try await apply.waitForExit(timeout: .seconds(180))
        #expect(status == 0, "\(apply.standardError)")
        let states = try await cluster.sagaStates()
        #expect(states == ["completed": 3_000], "\(states)")
        let providers = try await cluster.providers()
        #expect(providers.count == 3_000)
        #expect(Set(providers.values) == [1], "a redone batch stores nothing twice")
    }

    @Test func aSecondDataStoreJoiningAndLeavingLosesNothingAndDoublesNothing() async throws {
        let cluster = try await Cluster()
        let server = try cluster.start(["serve", "all"])
        defer { server.kill(SIGTERM) }
        let apply = try cluster.start(["apply", "-f", "-", "--timeout", "120"])
        apply.feed(Array(Self.providers(4_000, prefix: "Shared").utf8))
        try await Self.waitForSagas(cluster, atLeast: 400)
        // A second store joins the group (the partitions are shared), then leaves again.
        let secondStore = try cluster.start(["serve", "store"])
        try await Self.waitForSagas(cluster, atLeast: 2_000)
        secondStore.kill(SIGTERM)
        #expect(try await secondStore.waitForExit(timeout: .seconds(30)) == 0, "\(secondStore.standardError)")
        let status = try await apply.waitForExit(timeout: .seconds(180))
        // Every saga ends; the mock's group coordinator waits out most of a session at each
        // join and leave, so a step caught in both may outlive the step timeout (timed out, its
        // change still made once).
        #expect(status == 0 || status == 1, "\(apply.standardError)")
        let states = try await cluster.sagaStates()
        #expect(states.values.reduce(0, +) == 4_000, "\(states)")
        #expect(Set(states.keys).isSubset(of: ["completed", "timedout"]), "every saga final: \(states)")
        let providers = try await cluster.providers()
        #expect(providers.count == 4_000, "nothing lost")
        #expect(Set(providers.values) == [1], "nothing done twice")
    }
}
