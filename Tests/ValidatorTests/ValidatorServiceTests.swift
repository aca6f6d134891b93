import EventLog
import EventLogSQLite
import Events
import Foundation
import Model
import ServiceKit
import Testing
import Validator

@Suite struct ValidatorServiceTests {
    let validator = ValidatorService()

    /// Runs the validator on one message as the runner would hand it over.
    func handle(_ message: Message, id: String = EventID.make()) async throws -> [Message] {
        let event = try message.cloudEvent(id: id, source: "/test")
        let record = LogRecord(topic: "dos.commands", position: LogPosition(offset: 1), key: nil, id: id, timestamp: Date(), payload: [])
        return try await validator.handle(IncomingMessage(record: record, event: event, message: message)).map(\.message)
    }

    @Test func aValidCreateIsValidatedWithTheNormalisedEntity() async throws {
        let provider = Provider(name: "  Cafe\u{301} Club ", email: "hello@example.org")
        let outputs = try await handle(Message(.create, EntityCommand(entity: .provider(provider))), id: "command-1")
        guard case .validated(_, let validated) = try #require(outputs.first), outputs.count == 1 else {
            Issue.record("expected one validated, got \(outputs.map(\.type))"); return
        }
        #expect(validated.commandID == "command-1")
        #expect(validated.commandType == "dos.command.provider.create.v1")
        #expect(validated.entityID == provider.id)
        let command: EntityCommand = try validated.command.decode()
        #expect(command.entity.displayName == "Caf\u{e9} Club")
        #expect(command.entity.displayName.unicodeScalars.count == 9, "stored text is NFC and trimmed")
    }

    @Test func anInvalidCreateListsEveryFieldError() async throws {
        let venue = Venue(name: "", postcode: "SW1A", country: "UK", latitude: 91, longitude: 0)
        let outputs = try await handle(Message(.create, EntityCommand(entity: .venue(venue))))
        guard case .validationFailed(_, let failed) = try #require(outputs.first) else {
            Issue.record("expected validation failed"); return
        }
        #expect(failed.kind == .venue && failed.entityID == venue.id)
        let fields = Set(failed.errors.map(\.field))
        #expect(fields.isSuperset(of: ["name", "country", "latitude"]))
        #expect(failed.errors.allSatisfy { !$0.message.isEmpty })
    }

    @Test func referenceCommandsPassToTheStoreUnchanged() async throws {
        let id = UUID()
        let reference = EntityReference(kind: .venue, id: id, expectedVersion: 4)
        let outputs = try await handle(Message(.delete, reference))
        guard case .validated(_, let validated) = try #require(outputs.first) else { Issue.record("expected validated"); return }
        #expect(validated.kind == .venue && validated.entityID == id)
        #expect(try validated.command.decode(EntityReference.self) == reference)
    }

    @Test func aRegistrationIsCheckedPartByPartUnderItsPrefix() async throws {
        let provider = Provider(name: "Food Bank")
        let good = Service(name: "Parcels")
        let bad = Service(name: "", email: "not an email")
        let registration = RegisterProvider(provider: provider, venue: Venue(name: "Hall", country: "XX"), services: [good, bad])
        let outputs = try await handle(Message(registration))
        guard case .validationFailed(_, let failed) = try #require(outputs.first) else { Issue.record("expected validation failed"); return }
        let fields = Set(failed.errors.map(\.field))
        #expect(fields.contains("venue.country"))
        #expect(fields.contains("services[1].name"))
        #expect(fields.contains("services[1].email"))
        #expect(!fields.contains { $0.hasPrefix("services[0]") }, "the saga fills in provider_id, so it is not an error here")

        let fine = RegisterProvider(provider: provider, venue: Venue(name: "Hall", country: "GB"), services: [good])
        guard case .validated(_, let validated) = try #require(try await handle(Message(fine)).first) else {
            Issue.record("expected validated"); return
        }
        let prepared: RegisterProvider = try validated.command.decode()
        #expect(prepared.services.allSatisfy { $0.providerID == provider.id })
        #expect(prepared.venue?.providerID == provider.id)
    }

    @Test func subscriptionCommandsAreLeftToTheNotificationsService() async throws {
        let subscription = Subscription(target: .everything, channel: .mailDrop(folder: "/tmp/drop"))
        #expect(try await handle(Message(subscription)).isEmpty)
        #expect(try await handle(Message(SubscriptionReference(id: subscription.id))).isEmpty)
    }

    @Test func aFactOnTheCommandsTopicIsAPermanentFailure() async throws {
        let fact = Message(Stored(commandID: "c", kind: .provider, entityID: UUID(), version: 1, action: .create))
        await #expect(throws: PermanentFailure.self) { _ = try await handle(fact) }
    }

    @Test func endToEndOnTheEmbeddedLog() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dos-validator-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let log = try SQLiteEventLog(directory: directory)
        let topics = Topics()
        let good = try Message(.create, EntityCommand(entity: .provider(Provider(name: "Good")))).cloudEvent(source: "/test", sagaID: "saga-9")
        let bad = try Message(.create, EntityCommand(entity: .provider(Provider(name: "")))).cloudEvent(source: "/test")
        for event in [good, bad] {
            _ = try await log.append(OutgoingRecord(topic: topics.commands, key: event.subject, id: event.id, payload: CloudEventCodec.encode(event)))
        }
        let runner = ServiceRunner(handler: validator, log: log)
        let consumer = try await log.consumer(group: runner.group, topics: [topics.commands], options: ConsumerOptions())
        #expect(try await runner.processNextBatch(of: consumer, timeout: .seconds(5)) == 2)
        await consumer.close()

        let facts = try await log.read(topics: [topics.events], from: .beginning, limit: 10).compactMap { record -> CloudEvent? in
            guard case .success(let event) = CloudEventCodec.decode(record.payload) else { return nil }
            return event
        }
        #expect(facts.map(\.type) == ["dos.event.validated.v1", "dos.event.validation-failed.v1"])
        #expect(facts.map(\.causationID) == [good.id, bad.id])
        #expect(facts.first?.sagaID == "saga-9")
        #expect(facts.map(\.subject) == [good.subject, bad.subject])
        await log.close()
    }
}
