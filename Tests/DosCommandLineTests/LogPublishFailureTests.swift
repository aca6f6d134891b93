import Foundation
import Testing
import TestSupport

/// `dos log publish` when the log itself fails, or a line is over the log's record limit: the
/// user is told which line publishing stopped at, and nothing acknowledged is lost.
@Suite struct LogPublishFailureTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dos-publish-\(UUID().uuidString)").path

    func event(_ id: String, data: String = #"{"n":1}"#) -> String {
        #"{"specversion":"1.0","id":"\#(id)","source":"/test","type":"test.thing","subject":"s-\#(id)","data":\#(data)}"#
    }

    /// Under the envelope's limit (1 MiB) but over the log's (1,000,000 bytes): refused by line
    /// number like any bad line, and the lines around it still go in.
    @Test func aLineOverTheLogsRecordLimitIsRejectedAloneByNumber() async throws {
        let big = event("big", data: #"{"x":""# + String(repeating: "a", count: 1_010_000) + #""}"#)
        let input = [event("a"), big, event("b")].joined(separator: "\n") + "\n"
        let publish = try await DosExecutable.run(["log", "publish", "--data-dir", directory, "--topic", "dos.events"], input: input)
        #expect(publish.exitStatus == 1)
        #expect(publish.standardError.contains("line 2: 1010"), "\(publish.standardError)")
        #expect(publish.standardError.contains("over the log's record limit of 1000000"), "\(publish.standardError)")
        #expect(publish.standardError.contains("published 2 events to dos.events; 1 line rejected"), "\(publish.standardError)")
    }

    /// Kafka with its only broker gone: the deliveries time out, the command says at which line
    /// it stopped and how many events were stored before, and those are all still there.
    @Test func aBrokerGoneStopsPublishingAtTheFirstUnstoredLine() async throws {
        let cluster = try await KafkaMockCluster(brokers: 1)
        defer { cluster.stop() }
        try await cluster.send("topic dos.events 3 1")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let properties = directory + "/kafka.properties"
        try Data("message.timeout.ms=2000\n".utf8).write(to: URL(fileURLWithPath: properties))
        let kafka = ["--brokers", cluster.bootstrap, "--kafka-config", properties, "--data-dir", directory]

        let first = (1...100).map { event("first-\($0)") }.joined(separator: "\n") + "\n"
        let stored = try await DosExecutable.run(["log", "publish", "--topic", "dos.events", "--print-positions"] + kafka, input: first)
        #expect(stored.exitStatus == 0, "\(stored.standardError)")
        #expect(stored.outputLines.filter { !$0.isEmpty }.count == 100)

        try await cluster.setDown(broker: 1)
        let second = (1...50).map { event("second-\($0)") }.joined(separator: "\n") + "\n"
        let failed = try await DosExecutable.run(["log", "publish", "--topic", "dos.events", "--print-positions"] + kafka, input: second)
        #expect(failed.exitStatus == 1)
        #expect(failed.standardError.contains("dos: publish failed at line 1:"), "\(failed.standardError)")
        #expect(failed.standardError.contains("0 events stored before that"), "\(failed.standardError)")
        #expect(failed.outputLines.filter { !$0.isEmpty }.isEmpty, "no position is printed for a record not stored")

        try await cluster.setUp(broker: 1)
        let tail = try await DosExecutable.run(["log", "tail", "--topic", "dos.events", "--from", "beginning"] + kafka)
        let ids = tail.outputLines.compactMap { line -> String? in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { return nil }
            return object["id"] as? String
        }
        #expect(Set(ids).isSuperset(of: (1...100).map { "first-\($0)" }), "everything acknowledged is still there")
    }

    /// The broker goes away while one `dos log publish` runs: what it acknowledged before stays
    /// acknowledged, and the failure names the first line of the batch whose delivery failed.
    @Test func aBrokerGoneMidRunNamesTheFirstLineWhoseDeliveryFailed() async throws {
        let cluster = try await KafkaMockCluster(brokers: 1)
        defer { cluster.stop() }
        try await cluster.send("topic dos.events 3 1")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let properties = directory + "/kafka.properties"
        try Data("message.timeout.ms=2000\n".utf8).write(to: URL(fileURLWithPath: properties))
        let publish = try ChildProcess(DosExecutable.url, [
            "log", "publish", "--topic", "dos.events", "--print-positions",
            "--brokers", cluster.bootstrap, "--kafka-config", properties, "--data-dir", directory,
        ])
        publish.feed(Array(((1...100).map { event("first-\($0)") }.joined(separator: "\n") + "\n").utf8), thenClose: false)
        #expect(await publish.waitForLines(100, timeout: .seconds(30)), "\(publish.standardError)")

        try await cluster.setDown(broker: 1)
        publish.feed(Array(((1...50).map { event("second-\($0)") }.joined(separator: "\n") + "\n").utf8))
        #expect(try await publish.waitForExit(timeout: .seconds(60)) == 1)
        #expect(publish.standardError.contains("dos: publish failed at line 101:"), "\(publish.standardError)")
        #expect(publish.standardError.contains("100 events stored before that"), "\(publish.standardError)")
        #expect(publish.outputLines.count == 100, "no position is printed for a record not stored")
    }
}
