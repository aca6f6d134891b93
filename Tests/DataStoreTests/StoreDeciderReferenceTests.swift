import DataStore
import Events
import Foundation
import Model
import Testing

/// Referential checks on create and update, and commands the store must refuse as invalid.
@Suite struct StoreDeciderReferenceTests {
    let sample = SampleDirectory()

    @Test func aServiceWithNothingToReferToListsEveryMissingIdByField() throws {
        var lookup = MemoryLookup()
        let rejection = try #require(try lookup.decide(try Commands.create(.service(sample.service))).rejection)
        #expect(rejection.reason == .missingReference)
        let expected = [sample.provider.id, sample.venue.id, sample.contact.id, sample.event.id,
                        sample.costOption.id, sample.eligibility.id, sample.childTerm.id]
        #expect(rejection.missingReferences == expected)
        for field in ["provider_id", "venue_ids", "contact_ids", "event_ids", "costoption_ids", "eligibility_ids", "taxonomy_ids"] {
            #expect(rejection.message.contains(field), "message lacks \(field): \(rejection.message)")
        }
        #expect(lookup.entries.isEmpty)
    }

    @Test(arguments: ["provider_id", "venue_ids", "contact_ids", "event_ids", "costoption_ids", "eligibility_ids", "taxonomy_ids"])
    func aServiceMissingOneReferenceNamesOnlyThatOne(field: String) throws {
        var lookup = try MemoryLookup.populated(with: sample)
        var service = sample.service
        service.id = UUID()
        let stranger = UUID()
        switch field {
        case "provider_id": service.providerID = stranger
        case "venue_ids": service.venueIDs.append(stranger)
        case "contact_ids": service.contactIDs.append(stranger)
        case "event_ids": service.eventIDs.append(stranger)
        case "costoption_ids": service.costOptionIDs.append(stranger)
        case "eligibility_ids": service.eligibilityIDs.append(stranger)
        default: service.taxonomyIDs.append(stranger)
        }
        let rejection = try #require(try lookup.decide(try Commands.create(.service(service))).rejection)
        #expect(rejection.reason == .missingReference)
        #expect(rejection.missingReferences == [stranger])
        #expect(rejection.message.contains("\(field) "))
    }

    @Test func everyOtherReferenceFieldIsChecked() throws {
        var lookup = MemoryLookup()
        let stranger = UUID()
        let cases: [(Entity, String)] = [
            (.venue(Venue(providerID: stranger, name: "Hall", country: "GB")), "provider_id"),
            (.provider(Provider(name: "P", mainVenueID: stranger)), "main_venue_id"),
            (.provider(Provider(name: "P", mainContactID: stranger)), "main_contact_id"),
            (.event(ServiceEvent(details: "Mondays", venueID: stranger)), "venue_id"),
            (.taxonomy(TaxonomyTerm(name: "T", vocabulary: .tag, parentID: stranger)), "parent_id"),
        ]
        for (entity, field) in cases {
            let rejection = try #require(try lookup.decide(try Commands.create(entity)).rejection)
            #expect(rejection.reason == .missingReference)
            #expect(rejection.missingReferences == [stranger])
            #expect(rejection.message.contains(field), "\(entity.kind): \(rejection.message)")
        }
    }

    @Test func anUpdateIsCheckedForReferencesToo() throws {
        var lookup = try MemoryLookup.populated(with: sample)
        var event = sample.event
        event.venueID = UUID()
        let rejection = try #require(try lookup.decide(try Commands.update(.event(event))).rejection)
        #expect(rejection.reason == .missingReference)
        #expect(try lookup.current(.event, event.id)?.version == 1)
    }

    @Test func aReferenceToAnEntryOfTheWrongKindIsMissing() throws {
        var lookup = try MemoryLookup.populated(with: sample)
        let venue = Venue(providerID: sample.contact.id, name: "Annex", country: "GB")
        let rejection = try #require(try lookup.decide(try Commands.create(.venue(venue))).rejection)
        #expect(rejection.reason == .missingReference)
        #expect(rejection.missingReferences == [sample.contact.id])
    }

    @Test func aReferenceToADeletedEntryIsMissing() throws {
        var lookup = MemoryLookup()
        try lookup.decide(try Commands.create(.costOption(sample.costOption)))
        try lookup.decide(try Commands.reference(.delete, .costoption, sample.costOption.id))
        try lookup.decide(try Commands.create(.provider(Provider(id: sample.provider.id, name: "P"))))
        let service = Service(providerID: sample.provider.id, name: "S", costOptionIDs: [sample.costOption.id])
        let rejection = try #require(try lookup.decide(try Commands.create(.service(service))).rejection)
        #expect(rejection.missingReferences == [sample.costOption.id])
    }

    @Test(arguments: [
        "{}", "[]", "42", #"{"entity": {"kind": "contact", "name": 7}}"#, #"{"entity": {"name": "no kind"}}"#,
    ])
    func createDataThatDoesNotDecodeIsInvalid(data: String) throws {
        var lookup = MemoryLookup()
        let rejection = try #require(try lookup.decide(try Commands.raw(.create, .contact, UUID(), data: data)).rejection)
        #expect(rejection.reason == .invalid)
        #expect(rejection.message.contains("cannot be read"))
    }

    @Test(arguments: [CommandAction.delete, .publish, .flag])
    func referenceDataThatDoesNotDecodeIsInvalid(action: CommandAction) throws {
        var lookup = try MemoryLookup.populated(with: sample)
        let command = try Commands.raw(action, .provider, sample.provider.id, data: #"{"kind": "provider", "id": "not-a-uuid"}"#)
        let rejection = try #require(try lookup.decide(command).rejection)
        #expect(rejection.reason == .invalid)
        #expect(rejection.message.contains("UUID"))
    }

    @Test func aRegisterCommandIsInvalidForTheStore() throws {
        var lookup = MemoryLookup()
        let rejection = try #require(try lookup.decide(try Commands.raw(.register, .provider, UUID(), data: "{}")).rejection)
        #expect(rejection.reason == .invalid)
        #expect(rejection.message.contains("register"))
    }

    @Test func anUnknownCommandTypeIsInvalid() throws {
        var lookup = MemoryLookup()
        var command = try Commands.create(.contact(sample.contact))
        command.commandType = "dos.command.contact.explode.v1"
        #expect(try lookup.decide(command).rejection?.reason == .invalid)
        command.commandType = "dos.command.contact.create.v99"
        #expect(try lookup.decide(command).rejection?.reason == .invalid)
    }

    @Test func dataNamingAnotherEntryThanTheEnvelopeIsInvalid() throws {
        var lookup = MemoryLookup()
        var command = try Commands.create(.contact(sample.contact))
        command.entityID = UUID()
        let rejection = try #require(try lookup.decide(command).rejection)
        #expect(rejection.reason == .invalid)
        #expect(lookup.entries.isEmpty)
    }
}
