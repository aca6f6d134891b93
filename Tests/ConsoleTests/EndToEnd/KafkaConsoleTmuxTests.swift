import Events
import Foundation
import TestSupport
import XCTest

/// `dos --brokers` in a real terminal: librdkafka's mock cluster (three brokers, started by the
/// test), every service in-process on Kafka and the console on top. A provider goes through its
/// form and saga; then every broker goes away and comes back: the status bar says so, the
/// console keeps running on what it has, and the next change goes through.
final class KafkaConsoleTmuxTests: XCTestCase {
    private var directory = ""

    override func setUp() {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("dos-tmux-kafka-\(UUID().uuidString)").path
    }

    override func tearDown() {
        try? FileManager.default.removeItem(atPath: directory)
    }

    private func command(_ session: TmuxSession, _ text: String) {
        session.sendKeys(":")
        session.type(text)
        session.sendKeys("Enter")
    }

    private func createProvider(_ session: TmuxSession, _ name: String) throws {
        session.sendKeys("c")
        try session.waitFor("new provider")
        session.type(name)
        session.sendKeys("C-s")
        try session.waitFor("provider: \(name)", timeout: .seconds(60))
        try session.waitFor("created provider \"\(name)\"", timeout: .seconds(60))
        // Back to the listing by name, not Escape: the entry's page may still be opening.
        command(session, "providers")
    }

    func testAStewardOnKafkaThroughAnOutageOfEveryBroker() async throws {
        let cluster = try await KafkaMockCluster(brokers: 3)
        defer { cluster.stop() }
        for topic in Topics().all { try await cluster.send("topic \(topic) 3 3") }
        let session = try TmuxSession(
            command: [DosExecutable.url.path, "--brokers", cluster.bootstrap, "--data-dir", directory + "/data"],
            environment: ["XDG_STATE_HOME": directory + "/state", "XDG_CONFIG_HOME": directory + "/config", "USER": "tester",
                          "SWIFT_BACKTRACE": "enable=no"],
            width: 140, height: 36)
        defer { session.kill() }
        let live = try session.waitFor("● live", timeout: .seconds(60))
        XCTAssertTrue(live.contains("brokers 127.0.0.1:"), "the status bar names the brokers:\n\(live)")

        command(session, "providers")
        try session.waitFor("providers (0)")
        try createProvider(session, "Harbour Food Bank")
        try session.waitFor("providers (1)")
        command(session, "tail")
        try session.waitFor("dos.saga.completed.v1", timeout: .seconds(30))

        // Every broker away: reads just come back empty, so only the backend can tell.
        for broker in 1...3 { try await cluster.setDown(broker: broker) }
        let cutOff = try session.waitFor("unreachable", timeout: .seconds(60))
        XCTAssertTrue(cutOff.contains("dos.saga.completed.v1"), "the console keeps showing what it has:\n\(cutOff)")
        command(session, "providers")
        let listing = try session.waitFor("providers (1)")
        XCTAssertTrue(listing.contains("Harbour Food Bank") && listing.contains("unreachable"), listing)

        for broker in 1...3 { try await cluster.setUp(broker: broker) }
        try session.waitFor("● live", timeout: .seconds(60))
        try createProvider(session, "Riverside Pantry")
        let after = try session.waitFor("providers (2)", timeout: .seconds(30))
        XCTAssertTrue(after.contains("Riverside Pantry") && after.contains("Harbour Food Bank"), after)

        command(session, "q")
        XCTAssertEqual(try session.waitForExit(timeout: .seconds(30)), 0)
        XCTAssertFalse(session.isAlternateScreenOn, "the alternate screen was left")
    }
}
