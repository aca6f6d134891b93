import Foundation
import Model
@testable import Events

/// Builders for sample entities, messages and envelopes shared by the tests.
enum Fixtures {
    /// A time on a whole millisecond, which the envelope keeps exactly.
    static let time = Date(timeIntervalSince1970: 1_795_000_000.123)

    /// A fixed UUID per number, so failures print the same ids every run.
    static func identifier(_ number: Int) -> UUID {
        let suffix = String(number, radix: 16)
        let text = "00000000-0000-4000-8000-" + String(repeating: "0", count: 12 - suffix.count) + suffix
        return UUID(uuidString: text) ?? UUID()
    }

    static func entity(_ kind: EntityKind, number: Int = 1) -> Entity {
        let id = identifier(number)
        switch kind {
        case .provider:
            return .provider(Provider(id: id, version: 3, createdAt: time, updatedAt: time, name: "Riverside Food Bank",
                                      website: "https://riverside.example/food", published: true))
        case .service:
            return .service(Service(id: id, version: 2, createdAt: time, providerID: identifier(100), name: "Lunch club",
                                    description: "Hot meals on weekdays — ünïcödé \"quoted\"", venueIDs: [identifier(101)]))
        case .venue:
            return .venue(Venue(id: id, version: 1, providerID: identifier(100), name: "Church hall", addressLines: ["1 High St"],
                                city: "York", postcode: "YO1 7HH", country: "GB", latitude: 53.959, longitude: -1.0815))
        case .contact:
            return .contact(Contact(id: id, name: "Sam Patel", email: "sam@example.org", socialLinks: ["mastodon": "@sam@x.example"]))
        case .event:
            return .event(ServiceEvent(id: id, details: "Open day", venueID: identifier(101), startsAt: time,
                                       endsAt: time.addingTimeInterval(7200)))
        case .costoption:
            return .costOption(CostOption(id: id, option: "Per meal", amount: Decimal(string: "2.50"), currency: "GBP"))
        case .eligibility:
            return .eligibility(Eligibility(id: id, description: "Over 60s", minimumAge: 60))
        case .taxonomy:
            return .taxonomy(TaxonomyTerm(id: id, name: "Food", vocabulary: Vocabulary.allCases[0], code: "food"))
        }
    }

    /// A message of exactly `type`, with every optional field filled in where one exists.
    static func message(for type: MessageType) throws -> Message {
        switch type.name {
        case .command(let kind, let action) where action == .create || action == .update:
            return Message(action, EntityCommand(entity: entity(kind), expectedVersion: action == .update ? 2 : nil))
        case .command(_, .register):
            guard case .provider(let provider) = entity(.provider), case .contact(let contact) = entity(.contact, number: 2),
                  case .venue(let venue) = entity(.venue, number: 3), case .service(let service) = entity(.service, number: 4)
            else { throw FixtureError.unexpectedEntity }
            return Message(RegisterProvider(provider: provider, contact: contact, venue: venue, services: [service]))
        case .command(let kind, let action):
            return Message(action, EntityReference(kind: kind, id: identifier(7), expectedVersion: 4,
                                                   cascade: action == .delete, reason: action == .flag ? "phone out of date" : nil))
        case .subscription(.create):
            return Message(Subscription(id: identifier(8), target: .entry(.service, identifier(1)),
                                        channel: .webhook(url: "https://hooks.example/dos")))
        case .subscription(.delete):
            return Message(SubscriptionReference(id: identifier(8)))
        case .event(.validated):
            // Whitespace and "1.50" prove that the command travels byte for byte.
            let command = try RawJSON(validating: #"{ "entity": {"kind": "eligibility", "id": "00000000-0000-4000-8000-000000000001", "description": "Over 60s", "minimum_age": 60}, "score": 1.50 }"#)
            return Message(Validated(commandID: "cmd-1", commandType: "dos.command.eligibility.create.v1", kind: .eligibility,
                                     entityID: identifier(1), command: command))
        case .event(.validationFailed):
            return Message(ValidationFailed(commandID: "cmd-2", kind: .provider, entityID: identifier(1),
                                            errors: [FieldError(field: "name", message: "is required")]))
        case .event(.stored):
            return Message(Stored(commandID: "cmd-3", kind: .service, entityID: identifier(1), version: 5, action: .update))
        case .event(.storeRejected):
            return Message(StoreRejected(commandID: "cmd-4", kind: .service, entityID: identifier(1), reason: .missingReference,
                                         message: "provider 100 does not exist", expectedVersion: 1, currentVersion: 2,
                                         missingReferences: [identifier(100)]))
        case .event(.notificationSent):
            return Message(NotificationSent(subscriptionID: "sub-1", channel: "email", kind: .provider, entityID: identifier(1),
                                            entityVersion: 3))
        case .event(.notificationFailed):
            return Message(NotificationFailed(subscriptionID: "sub-2", channel: "webhook", kind: .provider, entityID: identifier(1),
                                              reason: "HTTP 503"))
        case .view(let kind):
            return Message(EntityView(entity: entity(kind)))
        case .tombstone(let kind):
            return Message(Tombstone(kind: kind, id: identifier(1), version: 9, deletedAt: time))
        case .saga(let stage):
            return Message(stage, SagaProgress(sagaID: "saga-9", sagaKind: "register-provider", step: "store contact",
                                               stepIndex: 1, stepCount: 4, reason: stage == .failed ? "rejected" : nil, at: time))
        case .deadLetter:
            return Message(DeadLetter(reason: "malformed JSON", originTopic: "dos.commands", originPartition: 2, originPosition: 41,
                                      originKey: "key-1", consumerGroup: "validator", attempts: 3,
                                      originalBytes: [0x7B, 0x00, 0xFF, 0x80], firstSeenAt: time))
        case .deadLetterResolved:
            return Message(DeadLetterResolved(deadLetterID: "evt-dead-1", resolution: .discarded, by: "cli:alice", at: time,
                                              note: "known bad producer — ünïcödé"))
        }
    }

    /// An envelope with every attribute and three kinds of extension.
    static let fullEnvelope = """
        {"specversion":"1.0","id":"evt-1","source":"dos/console","type":"dos.command.provider.create.v1",\
        "time":"2026-11-27T09:20:00.123Z","subject":"00000000-0000-4000-8000-000000000001",\
        "datacontenttype":"application/json","dataschema":"https://dos.example/schemas/provider-create-v1",\
        "sagaid":"saga-1","causationid":"evt-0","actor":"alice","entityversion":3,\
        "priority":7,"region":"north","urgent":true,"data":{"entity":{"kind":"provider","name":"A"},"expected_version":null}}
        """

    static func decode(_ text: String) -> Result<CloudEvent, EnvelopeError> {
        CloudEventCodec.decode(Array(text.utf8))
    }

    /// The error kind of an envelope that must fail, or nil if it decoded.
    static func failureKind(_ text: String) -> EnvelopeError.Kind? {
        failure(Array(text.utf8))?.kind
    }

    static func failure(_ bytes: [UInt8]) -> EnvelopeError? {
        if case .failure(let error) = CloudEventCodec.decode(bytes) { return error }
        return nil
    }
}

enum FixtureError: Error {
    case unexpectedEntity
}
