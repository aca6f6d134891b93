import Foundation

/// librdkafka's mock Kafka cluster, started by the test (`dos-kafka-mock`, built with the tests):
/// brokers on loopback, memory only, with faults on demand.
public final class KafkaMockCluster: Sendable {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    /// `host:port,...` to give a client.
    public let bootstrap: String
    private let process: ChildProcess

    /// Starts `brokers` brokers and waits until they listen. A group's first join waits
    /// `initialRebalanceDelay` (with a librdkafka that can set it; else Kafka's 3 s).
    public init(brokers: Int = 3, initialRebalanceDelay: Duration = .milliseconds(100)) async throws {
        let delay = Int(initialRebalanceDelay.components.seconds * 1_000 + initialRebalanceDelay.components.attoseconds / 1_000_000_000_000_000)
        process = try ChildProcess(DosExecutable.built("dos-kafka-mock"), [String(brokers), String(delay)])
        guard await process.waitForLines(1, timeout: .seconds(20)),
              let line = process.outputLines.first, line.hasPrefix("bootstrap ")
        else {
            process.kill()
            throw Failure(description: "dos-kafka-mock did not start: \(process.standardError)")
        }
        bootstrap = String(line.dropFirst("bootstrap ".count))
    }

    deinit { process.kill() }

    /// Sends one command (see Tests/KafkaMockBroker/main.c) and waits for its answer.
    public func send(_ command: String) async throws {
        let before = process.outputLines.count
        process.feed(Array((command + "\n").utf8), thenClose: false)
        guard await process.waitForLines(before + 1, timeout: .seconds(10)) else {
            throw Failure(description: "dos-kafka-mock did not answer \(command)")
        }
        let answer = process.outputLines[before]
        guard answer == "ok" else { throw Failure(description: "dos-kafka-mock: \(command): \(answer)") }
    }

    public func setDown(broker: Int) async throws { try await send("down \(broker)") }
    public func setUp(broker: Int) async throws { try await send("up \(broker)") }

    /// The next `count` requests of Kafka API `apiKey` (0 Produce, 1 Fetch, 8 OffsetCommit, ...)
    /// fail with these error codes in turn (6 NOT_LEADER_FOR_PARTITION, 7 REQUEST_TIMED_OUT, ...).
    public func failRequests(apiKey: Int, count: Int, errors: [Int]) async throws {
        try await send("errors \(apiKey) \(count) " + errors.map(String.init).joined(separator: " "))
    }

    /// Makes dos's topics, as a cluster's operators would (the mock has no CreateTopics).
    public func createDosTopics(partitions: Int, replicas: Int = 3) async throws {
        for topic in ["dos.commands", "dos.events", "dos.views", "dos.sagas", "dos.deadletter"] {
            try await send("topic \(topic) \(partitions) \(replicas)")
        }
    }

    public func stop() {
        process.feed(Array("quit\n".utf8))
    }
}
