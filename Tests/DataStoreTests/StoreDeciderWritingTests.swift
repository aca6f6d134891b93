import DataStore
import Events
import Foundation
import Model
import Testing

/// Create and update: versions, times, and the expected-version check.
@Suite struct StoreDeciderWritingTests {
    let sample = SampleDirectory()
    let now = Date(timeIntervalSince1970: 1_800_000_000.123)

    @Test func createStoresEveryKindAtVersionOneWithBothTimesNow() throws {
        var lookup = MemoryLookup()
        for entity in sample.creationOrder {
            let decision = try lookup.decide(try Commands.create(entity), now: now)
            let stored = try #require(decision.storedEntity, "\(entity.kind) was not stored: \(decision)")
            #expect(stored.version == 1)
            #expect(stored.metadata.createdAt == now)
            #expect(stored.metadata.updatedAt == now)
            #expect(decision == .stored(stored, .create))
        }
        #expect(lookup.entries.count == sample.creationOrder.count)
    }

    @Test func createOfAnExistingIdIsAConflictNamingTheCurrentVersion() throws {
        var lookup = try MemoryLookup.populated(with: sample)
        try lookup.decide(try Commands.update(.contact(sample.contact)))
        let rejection = try #require(try lookup.decide(try Commands.create(.contact(sample.contact))).rejection)
        #expect(rejection.reason == .conflict)
        #expect(rejection.currentVersion == 2)
        #expect(rejection.message.contains("version 2"))
    }

    @Test func createOfADeletedIdIsAConflictBecauseIdsAreNotReused() throws {
        var lookup = MemoryLookup()
        try lookup.decide(try Commands.create(.costOption(sample.costOption)))
        try lookup.decide(try Commands.reference(.delete, .costoption, sample.costOption.id))
        let rejection = try #require(try lookup.decide(try Commands.create(.costOption(sample.costOption))).rejection)
        #expect(rejection.reason == .conflict)
        #expect(rejection.currentVersion == 2)
        #expect(rejection.message.contains("deleted"))
    }

    @Test func updateOfEveryKindBumpsTheVersionKeepsCreatedAtAndTakesTheNewFields() throws {
        var lookup = try MemoryLookup.populated(with: sample)
        for entity in sample.creationOrder {
            let before = try #require(try lookup.current(entity.kind, entity.id))
            var edited = entity.settingFlaggedForTest()
            edited.metadata.version = 1
            let later = now.addingTimeInterval(60)
            let stored = try #require(try lookup.decide(try Commands.update(edited), now: later).storedEntity)
            #expect(stored.version == 2)
            #expect(stored.metadata.createdAt == before.metadata.createdAt)
            #expect(stored.metadata.updatedAt == later)
            #expect(stored.metadata.flagged)
        }
    }

    @Test func conflictWhenEditingAnOldVersionNamesBothVersions() throws {
        var lookup = try MemoryLookup.populated(with: sample)
        var provider = sample.provider
        for name in ["Two", "Three", "Four"] {
            provider.name = name
            try lookup.decide(try Commands.update(.provider(provider)))
        }
        provider.name = "Edited from three"
        let rejection = try #require(try lookup.decide(try Commands.update(.provider(provider), expectedVersion: 3)).rejection)
        #expect(rejection.reason == .conflict)
        #expect(rejection.expectedVersion == 3)
        #expect(rejection.currentVersion == 4)
        #expect(rejection.message.contains("edited version 3, but the entry is now at version 4"))
        #expect(try lookup.current(.provider, provider.id)?.displayName == "Four")
    }

    @Test func updateChecksTheVersionWrittenInTheEntryWhenNoExpectedVersionIsGiven() throws {
        var lookup = try MemoryLookup.populated(with: sample)
        try lookup.decide(try Commands.update(.contact(sample.contact)))
        var stale = sample.contact
        stale.version = 1
        let rejection = try #require(try lookup.decide(try Commands.update(.contact(stale))).rejection)
        #expect(rejection.reason == .conflict)
        #expect(rejection.expectedVersion == 1)
        #expect(rejection.currentVersion == 2)
    }

    @Test func updateWithNoVersionAtAllIsNotChecked() throws {
        var lookup = try MemoryLookup.populated(with: sample)
        try lookup.decide(try Commands.update(.contact(sample.contact)))
        let decision = try lookup.decide(try Commands.update(.contact(sample.contact)))
        #expect(decision.storedEntity?.version == 3)
    }

    @Test func updateOfAnEntryThatDoesNotExistIsNotFound() throws {
        var lookup = MemoryLookup()
        let rejection = try #require(try lookup.decide(try Commands.update(.contact(sample.contact))).rejection)
        #expect(rejection.reason == .notFound)
        #expect(rejection.message.contains(sample.contact.id.uuidString.lowercased()))
    }

    @Test func updateOfADeletedEntryIsNotFound() throws {
        var lookup = MemoryLookup()
        try lookup.decide(try Commands.create(.eligibility(sample.eligibility)))
        try lookup.decide(try Commands.reference(.delete, .eligibility, sample.eligibility.id))
        let rejection = try #require(try lookup.decide(try Commands.update(.eligibility(sample.eligibility))).rejection)
        #expect(rejection.reason == .notFound)
        #expect(rejection.message.contains("deleted"))
    }
}

extension Entity {
    /// A copy marked flagged, as an author's edit might.
    func settingFlaggedForTest() -> Entity {
        var copy = self
        copy.metadata.flagged = true
        return copy
    }
}
