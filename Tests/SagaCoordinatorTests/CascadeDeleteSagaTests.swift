import Events
import Foundation
import Model
import SagaCoordinator
import Testing

/// A provider with two services and a venue, the venue with an event: a cascade delete of the
/// provider must go through all of them.
struct CascadeSample {
    let provider = Provider(name: "Helping Hands")
    let services = [Service(name: "Food bank"), Service(name: "Advice")]
    let venue = Venue(name: "Community Hall", country: "GB")
    let event = ServiceEvent(details: "Drop-in", startsAt: Date(timeIntervalSince1970: 1_900_000_000))

    var entities: [Entity] {
        var venue = venue
        venue.providerID = provider.id
        var event = event
        event.venueID = venue.id
        return [.provider(provider)]
            + services.map { service in
                var service = service
                service.providerID = provider.id
                return .service(service)
            }
            + [.venue(venue), .event(event)]
    }

    /// Every entry in the sample, the provider first.
    var keys: [(EntityKind, UUID)] {
        [(.provider, provider.id)] + services.map { (.service, $0.id) } + [(.venue, venue.id), (.event, event.id)]
    }

    func create(in harness: SagaHarness) async throws {
        for entity in entities {
            try await harness.publish(Message(.create, EntityCommand(entity: entity)))
        }
        try await harness.settleAll()
        for (kind, id) in keys {
            #expect(try harness.store.current(kind, id) != nil, "\(kind) not created")
        }
    }
}

@Suite struct CascadeDeleteSagaTests {
    @Test func cascadeDeletesDependentsDepthFirstThenTheEntry() async throws {
        let harness = try SagaHarness()
        let sample = CascadeSample()
        try await sample.create(in: harness)
        try await harness.publish(Message(.delete, EntityReference(kind: .provider, id: sample.provider.id, cascade: true)), sagaID: "cascade")
        try await harness.settleAll()

        let saga = try #require(try harness.coordinator.database.saga("cascade"))
        #expect(saga.kind == "cascade-delete-provider")
        #expect(saga.state == .completed, "\(saga.reason ?? "")")
        for (kind, id) in sample.keys {
            #expect(try harness.store.current(kind, id) == nil, "\(kind) \(id) still there")
        }
        // validate, the refused store, then one recorded step per delete that was issued.
        #expect(saga.steps.first?.name == "validate")
        #expect(saga.steps[1].name == "store" && saga.steps[1].state == .failed)
        #expect(saga.steps[1].reason?.contains("deleting them first") == true)
        let deletes = saga.steps.dropFirst(2)
        #expect(deletes.allSatisfy { $0.name.hasPrefix("delete ") && $0.entityID != nil && $0.endedAt != nil })
        // Each entry is deleted once, and only after everything that referred to it.
        let done = deletes.filter { $0.state == .completed }.compactMap(\.entityID)
        #expect(Set(done) == Set(sample.keys.map(\.1)))
        #expect(done.count == sample.keys.count)
        let position = { (id: UUID) in done.firstIndex(of: id) ?? -1 }
        #expect(position(sample.event.id) < position(sample.venue.id))
        for service in sample.services { #expect(position(service.id) < position(sample.provider.id)) }
        #expect(position(sample.venue.id) < position(sample.provider.id))
        #expect(done.last == sample.provider.id)
        // The venue was refused once (its event), so it has a failed step before its delete.
        #expect(deletes.filter { $0.entityID == sample.venue.id }.map(\.state) == [.failed, .completed])
        #expect(try await harness.timeline(of: "cascade").last == "completed")
    }

    @Test func aCascadeOfAnEntryWithoutDependentsIsOneDelete() async throws {
        let harness = try SagaHarness()
        let provider = Provider(name: "Alone")
        try await harness.publish(Message(.create, EntityCommand(entity: .provider(provider))))
        try await harness.settleAll()
        try await harness.publish(Message(.delete, EntityReference(kind: .provider, id: provider.id, cascade: true)), sagaID: "alone")
        try await harness.settleAll()

        let saga = try #require(try harness.coordinator.database.saga("alone"))
        #expect(saga.state == .completed)
        #expect(saga.steps.map(\.name) == ["validate", "store"])
        #expect(try harness.store.current(.provider, provider.id) == nil)
    }

    @Test func aDeleteWithoutCascadeIsStillRefused() async throws {
        let harness = try SagaHarness()
        let sample = CascadeSample()
        try await sample.create(in: harness)
        try await harness.publish(Message(.delete, EntityReference(kind: .provider, id: sample.provider.id)), sagaID: "plain")
        try await harness.settleAll()

        let saga = try #require(try harness.coordinator.database.saga("plain"))
        #expect(saga.kind == "delete-provider")
        #expect(saga.state == .failed)
        #expect(saga.reason?.contains("has_dependents") == true)
        #expect(saga.steps.map(\.name) == ["validate", "store"])
        for (kind, id) in sample.keys { #expect(try harness.store.current(kind, id) != nil) }
    }

    @Test func aFailedCascadeSaysWhatWasAlreadyDeleted() async throws {
        let harness = try SagaHarness()
        let sample = CascadeSample()
        try await sample.create(in: harness)
        // The cascade is asked for at version 1; once the store has refused it for its
        // dependents, someone edits the provider, so its own delete at the end is a conflict.
        try await harness.publish(
            Message(.delete, EntityReference(kind: .provider, id: sample.provider.id, expectedVersion: 1, cascade: true)),
            sagaID: "stale")
        try await harness.settle([harness.validator, harness.coordinator])
        try await harness.settle([harness.storeService])
        var edited = sample.provider
        edited.name = "Helping Hands (renamed)"
        try await harness.publish(Message(.update, EntityCommand(entity: .provider(edited), expectedVersion: 1)))
        try await harness.settleAll()

        let saga = try #require(try harness.coordinator.database.saga("stale"))
        #expect(saga.state == .failed)
        let reason = try #require(saga.reason)
        #expect(reason.contains("conflict"), "\(reason)")
        #expect(reason.contains("not compensated") && reason.contains("event \(sample.event.id.uuidString.lowercased())"), "\(reason)")
        #expect(try harness.store.current(.provider, sample.provider.id) != nil)
        #expect(try harness.store.current(.venue, sample.venue.id) == nil)
    }

    @Test func aCascadeThatTimesOutEndsTimedOut() async throws {
        let clock = ManualClock()
        let harness = try SagaHarness(stepTimeout: .seconds(1), clock: clock.now)
        let provider = Provider(name: "Slow")
        try await harness.publish(Message(.create, EntityCommand(entity: .provider(provider))))
        try await harness.settleAll()
        try await harness.publish(Message(.delete, EntityReference(kind: .provider, id: provider.id, cascade: true)), sagaID: "slow")
        try await harness.settle([harness.validator, harness.coordinator])
        clock.advance(by: 2)
        try await harness.settle([harness.validator, harness.coordinator])

        let saga = try #require(try harness.coordinator.database.saga("slow"))
        #expect(saga.state == .timedOut)
        #expect(saga.reason?.contains("nothing was deleted") == true)
    }
}
