import DataStore
import Events
import Foundation
import Model
import Testing

/// Publish, unpublish, flag, unflag and delete.
@Suite struct StoreDeciderChangeTests {
    let sample = SampleDirectory()

    @Test(arguments: [EntityKind.provider, .service])
    func publishAndUnpublishSetTheFieldAndBumpTheVersion(kind: EntityKind) throws {
        var lookup = try MemoryLookup.populated(with: sample)
        let id = kind == .provider ? sample.provider.id : sample.service.id
        let published = try #require(try lookup.decide(try Commands.reference(.publish, kind, id, expectedVersion: 1)).storedEntity)
        #expect(published.published == true)
        #expect(published.version == 2)
        let unpublished = try #require(try lookup.decide(try Commands.reference(.unpublish, kind, id)).storedEntity)
        #expect(unpublished.published == false)
        #expect(unpublished.version == 3)
    }

    @Test func publishingAPublishedEntryIsAcceptedWithoutANewVersion() throws {
        var lookup = try MemoryLookup.populated(with: sample)
        try lookup.decide(try Commands.reference(.publish, .provider, sample.provider.id))
        let decision = try lookup.decide(try Commands.reference(.publish, .provider, sample.provider.id))
        guard case .unchanged(let entity, .publish) = decision else {
            Issue.record("expected unchanged, got \(decision)")
            return
        }
        #expect(entity.version == 2)
        #expect(decision.stored(commandID: "c")?.version == 2)
    }

    @Test func publishingAVenueIsInvalid() throws {
        var lookup = try MemoryLookup.populated(with: sample)
        var command = try Commands.reference(.publish, .service, sample.venue.id)
        command.kind = .venue
        let reference = EntityReference(kind: .venue, id: sample.venue.id)
        command.command = try RawJSON(encoding: reference)
        let rejection = try #require(try lookup.decide(command).rejection)
        #expect(rejection.reason == .invalid)
    }

    @Test(arguments: EntityKind.allCases)
    func flagAndUnflagWorkForEveryKind(kind: EntityKind) throws {
        var lookup = try MemoryLookup.populated(with: sample)
        let entity = try #require(sample.creationOrder.first { $0.kind == kind })
        let flagged = try #require(try lookup.decide(try Commands.reference(.flag, kind, entity.id)).storedEntity)
        #expect(flagged.metadata.flagged)
        #expect(flagged.version == 2)
        let unflagged = try #require(try lookup.decide(try Commands.reference(.unflag, kind, entity.id)).storedEntity)
        #expect(!unflagged.metadata.flagged)
        #expect(unflagged.version == 3)
    }

    @Test func flagAgainstAStaleVersionIsAConflict() throws {
        var lookup = try MemoryLookup.populated(with: sample)
        try lookup.decide(try Commands.reference(.flag, .venue, sample.venue.id))
        let rejection = try #require(try lookup.decide(try Commands.reference(.unflag, .venue, sample.venue.id, expectedVersion: 1)).rejection)
        #expect(rejection.reason == .conflict)
        #expect(rejection.expectedVersion == 1)
        #expect(rejection.currentVersion == 2)
    }

    @Test(arguments: [CommandAction.delete, .publish, .flag])
    func changingAnEntryThatDoesNotExistIsNotFound(action: CommandAction) throws {
        var lookup = MemoryLookup()
        let rejection = try #require(try lookup.decide(try Commands.reference(action, .provider, UUID())).rejection)
        #expect(rejection.reason == .notFound)
    }

    @Test func deletingEveryKindInReverseCreationOrderLeavesTombstoneVersions() throws {
        var lookup = try MemoryLookup.populated(with: sample)
        for entity in sample.creationOrder.reversed() {
            let decision = try lookup.decide(try Commands.reference(.delete, entity.kind, entity.id, expectedVersion: 1))
            #expect(decision == .deleted(entity.kind, entity.id, version: 2), "\(entity.kind): \(decision)")
        }
        #expect(lookup.entries.values.allSatisfy { $0 == .deleted(version: 2) })
    }

    @Test func deletingAProviderWithAServiceAndAVenueHasDependents() throws {
        var lookup = try MemoryLookup.populated(with: sample)
        let rejection = try #require(try lookup.decide(try Commands.reference(.delete, .provider, sample.provider.id)).rejection)
        #expect(rejection.reason == .hasDependents)
        #expect(Set(rejection.missingReferences) == [sample.service.id, sample.venue.id])
        #expect(rejection.message.contains("service \(sample.service.id.uuidString.lowercased())"))
        #expect(rejection.message.contains("venue \(sample.venue.id.uuidString.lowercased())"))
        #expect(try lookup.current(.provider, sample.provider.id) != nil)
    }

    @Test func hasDependentsNamesEachDependentWithItsKind() throws {
        var lookup = try MemoryLookup.populated(with: sample)
        let rejection = try #require(try lookup.decide(try Commands.reference(.delete, .provider, sample.provider.id)).rejection)
        #expect(Set(rejection.dependents) == [
            StoreRejected.Dependent(kind: .service, id: sample.service.id), StoreRejected.Dependent(kind: .venue, id: sample.venue.id),
        ])
        #expect(Set(rejection.dependents.map(\.id)) == Set(rejection.missingReferences))
    }

    @Test func deletingATaxonomyParentHasDependents() throws {
        var lookup = try MemoryLookup.populated(with: sample)
        let rejection = try #require(try lookup.decide(try Commands.reference(.delete, .taxonomy, sample.parentTerm.id)).rejection)
        #expect(rejection.reason == .hasDependents)
        #expect(rejection.missingReferences == [sample.childTerm.id])
    }

    @Test func cascadeDoesNotMakeTheStoreDeleteMoreThanOneEntry() throws {
        var lookup = try MemoryLookup.populated(with: sample)
        let command = try Commands.reference(.delete, .venue, sample.venue.id, cascade: true)
        let rejection = try #require(try lookup.decide(command).rejection)
        #expect(rejection.reason == .hasDependents)
        #expect(Set(rejection.missingReferences) == [sample.service.id, sample.event.id])
    }

    @Test func aProvidersMainVenueDoesNotBlockDeletingTheVenue() throws {
        var lookup = MemoryLookup()
        var provider = sample.provider
        provider.mainContactID = nil
        try lookup.decide(try Commands.create(.provider(provider)))
        try lookup.decide(try Commands.create(.venue(sample.venue)))
        provider.mainVenueID = sample.venue.id
        #expect(try lookup.decide(try Commands.update(.provider(provider))).storedEntity != nil)
        #expect(try lookup.decide(try Commands.reference(.delete, .venue, sample.venue.id)) == .deleted(.venue, sample.venue.id, version: 2))
    }

    @Test func aContactUsedAsMainContactHasTheProviderAsDependent() throws {
        var lookup = try MemoryLookup.populated(with: sample)
        let rejection = try #require(try lookup.decide(try Commands.reference(.delete, .contact, sample.contact.id)).rejection)
        #expect(Set(rejection.missingReferences) == [sample.provider.id, sample.service.id])
    }
}
