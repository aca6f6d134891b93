import Foundation
import Testing
@testable import Events

@Suite("dos.deadletter.resolved.v1")
struct DeadLetterResolvedTests {
    @Test func payloadIsSnakeCaseOnTheDeadLetterTopicKeyedByTheLetter() throws {
        let message = Message(DeadLetterResolved(deadLetterID: "evt-9", resolution: .retried, by: "cli:bob", at: Fixtures.time))
        #expect(message.type.typeName == "dos.deadletter.resolved.v1")
        #expect(message.type.category == .deadLetter)
        #expect(message.subject == "evt-9")
        #expect(message.entityVersion == nil)
        #expect(try message.payloadJSON().string == """
            {"at":"2026-11-18T11:06:40.123Z","by":"cli:bob","dead_letter_id":"evt-9","resolution":"retried"}
            """)
        let event = try message.cloudEvent(id: "evt-10", source: "/dos/cli", actor: "cli:bob")
        #expect(Topics().key(for: event, on: Topics().deadLetter) == "evt-9")
        let decoded = try MessageDecoder.decode(event).get()
        guard case .known(let again, _) = decoded else { Issue.record("\(decoded)"); return }
        #expect(again == message)
    }

    @Test(arguments: [
        #"{"at":"2026-11-18T11:06:40.123Z","by":"a","dead_letter_id":"e","resolution":"ignored"}"#,
        #"{"at":"2026-11-18T11:06:40.123Z","by":"a","resolution":"discarded"}"#,
        #"{"at":"yesterday","by":"a","dead_letter_id":"e","resolution":"discarded"}"#,
        #"{"at":"2026-11-18T11:06:40.123Z","dead_letter_id":"e","resolution":"discarded"}"#,
    ])
    func invalidPayloadsAreRejected(_ json: String) throws {
        let event = CloudEvent(id: "1", source: "s", type: "dos.deadletter.resolved.v1", data: .json(try RawJSON(validating: json)))
        guard case .failure(let error) = MessageDecoder.decode(event) else { Issue.record("decoded \(json)"); return }
        #expect(error.type == "dos.deadletter.resolved.v1")
    }

    @Test func aNewerVersionIsSkippedNotDeadLettered() throws {
        let event = CloudEvent(id: "1", source: "s", type: "dos.deadletter.resolved.v2", data: .json(.null))
        guard case .unknown = try MessageDecoder.decode(event).get() else { Issue.record("not skipped"); return }
    }
}
