import EventLog
import EventLogSQLite
import Events
import Foundation
import Model
import Testing
import TestSupport

/// Poison on every topic a service consumes (commands, events, views): each message is
/// dead-lettered exactly once, even when several services read that topic, with its reason and
/// origin, and good work goes on. (The sagas and dead-letter topics have no service consumer.)
@Suite(.serialized) struct PoisonInputTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dos-poison-\(UUID().uuidString)").path
    let topics = Topics()

    /// Three kinds of poison for `topic`: not a CloudEvent at all, a type nobody knows, and a
    /// known type whose data breaks its schema.
    func poison(for topic: String) -> [[UInt8]] {
        let schemaInvalid: String
        switch topic {
        case topics.commands:
            schemaInvalid = #"{"specversion":"1.0","id":"\#(UUID())","source":"/evil","type":"dos.command.provider.create.v1","data":{"entity":"not an entity"}}"#
        case topics.events:
            schemaInvalid = #"{"specversion":"1.0","id":"\#(UUID())","source":"/evil","type":"dos.event.validated.v1","data":{"command_id":7}}"#
        default:
            schemaInvalid = #"{"specversion":"1.0","id":"\#(UUID())","source":"/evil","type":"dos.view.provider.v1","data":{"entity":[]}}"#
        }
        return [
            Array("{\"truncated\": \u{1b}[2J".utf8),
            Array(#"{"specversion":"1.0","id":"\#(UUID())","source":"/evil","type":"com.example.surprise","data":{}}"#.utf8),
            Array(schemaInvalid.utf8),
        ]
    }

    @Test func everyPoisonMessageIsDeadLetteredOnceAndTheServicesKeepWorking() async throws {
        let log = try SQLiteEventLog(directory: directory)
        var injected: [(topic: String, position: Int64)] = []
        for topic in [topics.commands, topics.events, topics.views] {
            for bytes in poison(for: topic) {
                let result = try await log.append(OutgoingRecord(topic: topic, key: "poison", id: UUID().uuidString, payload: bytes))
                injected.append((topic, result.position.offset))
            }
        }
        let provider = Provider(name: "Still served")
        let command = try Message(.create, EntityCommand(entity: .provider(provider))).cloudEvent(source: "/test", sagaID: EventID.make())
        _ = try await log.append(OutgoingRecord(topic: topics.commands, key: command.subject, id: command.id, payload: CloudEventCodec.encode(command)))

        let server = try ChildProcess(DosExecutable.url, ["serve", "all", "--data-dir", directory], environment: ["XDG_STATE_HOME": directory + "/state"])
        var letters: [DeadLetter] = []
        var views: [LogRecord] = []
        for _ in 0..<1_000 where letters.count < injected.count || views.isEmpty {
            try await Task.sleep(for: .milliseconds(20))
            views = try await log.read(topics: [topics.views], from: .beginning, limit: 100).filter { $0.key != "poison" }
            letters = try await log.read(topics: [topics.deadLetter], from: .beginning, limit: 100).compactMap { record in
                guard case .success(let event) = CloudEventCodec.decode(record.payload),
                    case .success(.known(.deadLetter(_, let letter), _)) = MessageDecoder.decode(event)
                else { return nil }
                return letter
            }
        }
        // A moment more: a second copy of any dead letter would show up now.
        try await Task.sleep(for: .milliseconds(300))
        let finalCount = try await log.read(topics: [topics.deadLetter], from: .beginning, limit: 100).count
        server.kill(SIGTERM)
        #expect(try await server.waitForExit() == 0, "serve must survive poison and stop cleanly: \(server.standardError)")

        #expect(finalCount == injected.count, "one dead letter per poison message")
        #expect(Set(letters.map { "\($0.originTopic)@\($0.originPosition ?? -1)" }) == Set(injected.map { "\($0.topic)@\($0.position)" }))
        #expect(letters.allSatisfy { !$0.reason.isEmpty && $0.consumerGroup?.hasPrefix("dos.") == true && !$0.originalBytes.isEmpty })
        #expect(views.count == 1, "the good command was still stored")
        await log.close()
        try? FileManager.default.removeItem(atPath: directory)
    }
}
