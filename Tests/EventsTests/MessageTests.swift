import Foundation
import Model
import Testing
@testable import Events

@Suite("Typed messages")
struct MessageTests {
    @Test(arguments: MessageType.catalogue)
    func everyCatalogueTypeRoundTripsThroughBytes(_ type: MessageType) throws {
        let message = try Fixtures.message(for: type)
        #expect(message.type == type)
        let event = try message.cloudEvent(id: "evt-1", source: "dos/tests", time: Fixtures.time,
                                           sagaID: "saga-9", causationID: "evt-0", actor: "alice")
        let bytes = CloudEventCodec.encode(event)
        let envelope = try CloudEventCodec.decode(bytes).get()
        #expect(envelope == event)
        let decoded = try MessageDecoder.decode(envelope).get()
        guard case .known(let decodedMessage, let decodedEnvelope) = decoded else {
            Issue.record("\(type) decoded as \(decoded)")
            return
        }
        #expect(decodedMessage == message)
        #expect(decodedEnvelope == event)
        // Encoding is deterministic: the same message gives the same bytes.
        #expect(try CloudEventCodec.encode(decodedMessage.cloudEvent(id: "evt-1", source: "dos/tests", time: Fixtures.time,
                                                                     sagaID: "saga-9", causationID: "evt-0", actor: "alice")) == bytes)
    }

    @Test func envelopeOfAMessageCarriesSubjectVersionAndContentType() throws {
        let entity = Fixtures.entity(.provider)
        let event = try Message(.update, EntityCommand(entity: entity, expectedVersion: 3)).cloudEvent(id: "e", source: "s")
        #expect(event.type == "dos.command.provider.update.v1")
        #expect(event.subject == entity.id.uuidString.lowercased())
        #expect(event.entityVersion == 3)
        #expect(event.dataContentType == "application/json")
        let saga = try Message(.started, SagaProgress(sagaID: "saga-7", sagaKind: "create-provider", at: Fixtures.time))
            .cloudEvent(id: "e", source: "s")
        #expect(saga.subject == "saga-7" && saga.sagaID == "saga-7")
        #expect(Topics().key(for: saga, on: Topics().sagas) == "saga-7")
    }

    @Test func payloadsUseSnakeCaseKeys() throws {
        let rejected = Message(StoreRejected(commandID: "c", kind: .service, entityID: Fixtures.identifier(1), reason: .hasDependents,
                                             message: "m", expectedVersion: 1, currentVersion: 2, missingReferences: [Fixtures.identifier(2)]))
        #expect(try rejected.payloadJSON().string == """
            {"command_id":"c","current_version":2,"entity_id":"00000000-0000-4000-8000-000000000001","expected_version":1,\
            "kind":"service","message":"m","missing_references":["00000000-0000-4000-8000-000000000002"],"reason":"has_dependents"}
            """)
        let letter = Message(DeadLetter(reason: "r", originTopic: "dos.events", originalBytes: [1, 2, 3], firstSeenAt: Fixtures.time))
        #expect(try letter.payloadJSON().string == """
            {"attempts":1,"first_seen_at":"2026-11-18T11:06:40.123Z","origin_topic":"dos.events","original_base64":"AQID","reason":"r"}
            """)
        let delete = Message(.delete, EntityReference(kind: .venue, id: Fixtures.identifier(3), cascade: true))
        #expect(try delete.payloadJSON().string == #"{"cascade":true,"id":"00000000-0000-4000-8000-000000000003","kind":"venue"}"#)
    }

    @Test func validatedCarriesTheCommandByteForByte() throws {
        let message = try Fixtures.message(for: .event(.validated))
        guard case .validated(_, let fact) = message else { throw FixtureError.unexpectedEntity }
        let data = try message.payloadJSON()
        #expect(data.member("command") == fact.command)
        #expect(data.string.contains(#""score": 1.50 }"#))
        let command = try fact.command.decode(EntityCommand.self)
        #expect(command.entity.kind == .eligibility)
    }

    @Test func unknownTypesAreSkippedWithAReason() throws {
        let event = CloudEvent(id: "1", source: "s", type: "com.example.other.v1", data: .json(.null))
        let decoded = try MessageDecoder.decode(event).get()
        guard case .unknown(let envelope, let reason) = decoded else { Issue.record("\(decoded)"); return }
        #expect(envelope == event)
        #expect(reason == "unknown type 'com.example.other.v1'")
    }

    @Test func newerSchemaVersionsAreSkippedNotGuessedAt() throws {
        let event = CloudEvent(id: "1", source: "s", type: "dos.command.provider.create.v2", data: .json(try RawJSON(validating: #"{"x":1}"#)))
        let decoded = try MessageDecoder.decode(event).get()
        guard case .unknown(_, let reason) = decoded else { Issue.record("\(decoded)"); return }
        #expect(reason == "schema version 2 is newer than the supported 1")
    }

    @Test(arguments: [
        ("dos.command.provider.create.v1", #"{"entity":5}"#, "'entity'"),
        ("dos.command.provider.create.v1", #"{}"#, "missing 'entity'"),
        ("dos.command.provider.create.v1", #"{"entity":{"kind":"service","name":"x"}}"#, "the type is for provider but the payload is a service"),
        ("dos.command.venue.delete.v1", #"{"kind":"venue","id":"not-a-uuid"}"#, "'id'"),
        ("dos.command.venue.delete.v1", #"{"kind":"contact","id":"00000000-0000-4000-8000-000000000001"}"#, "the type is for venue"),
        ("dos.event.stored.v1", #"{"command_id":"c","kind":"provider","entity_id":"00000000-0000-4000-8000-000000000001","version":"3","action":"create"}"#, "'version' is not a number"),
        ("dos.event.stored.v1", #"{"command_id":"c","kind":"provider","entity_id":"00000000-0000-4000-8000-000000000001","version":3,"action":"explode"}"#, "'action'"),
        ("dos.view.provider.deleted.v1", #"{"kind":"provider","id":"00000000-0000-4000-8000-000000000001","version":1,"deleted_at":"soon"}"#, "deleted_at"),
        ("dos.saga.started.v1", #"[1,2]"#, "data"),
        ("dos.deadletter.v1", #"{"reason":"r","origin_topic":"t","attempts":1,"original_base64":"!!","first_seen_at":"2026-11-27T09:20:00Z"}"#, "original_base64"),
        ("dos.event.validation-failed.v1", #"{"command_id":"c","kind":"provider","entity_id":"00000000-0000-4000-8000-000000000001","errors":[{"field":"name"}]}"#, "errors[0].message"),
    ])
    func dataThatDoesNotMatchItsSchemaIsAPayloadError(_ type: String, _ data: String, _ reasonPart: String) throws {
        let event = CloudEvent(id: "1", source: "s", type: type, data: .json(try RawJSON(validating: data)))
        switch MessageDecoder.decode(event) {
        case .success(let decoded):
            Issue.record("decoded \(decoded)")
        case .failure(let error):
            #expect(error.type == type)
            #expect(error.reason.contains(reasonPart), "\(error.reason)")
        }
    }

    @Test func missingBinaryOrNonJSONDataIsAPayloadError() throws {
        let type = "dos.event.stored.v1"
        let cases = [
            (CloudEvent(id: "1", source: "s", type: type), "the event has no data"),
            (CloudEvent(id: "1", source: "s", type: type, data: .binary([1])), "expected JSON data, found data_base64"),
            (CloudEvent(id: "1", source: "s", type: type, dataContentType: "text/plain", data: .json(.null)), "is not JSON"),
        ]
        for (event, reason) in cases {
            guard case .failure(let error) = MessageDecoder.decode(event) else { Issue.record("decoded \(event)"); continue }
            #expect(error.reason.contains(reason))
        }
        for contentType in ["application/json; charset=utf-8", "application/cloudevents+json", "APPLICATION/JSON"] {
            #expect(MessageDecoder.isJSON(contentType), "\(contentType)")
        }
    }
}
