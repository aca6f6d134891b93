import Events
import Foundation
import Model
import SagaCoordinator
import Testing

/// A registration with a contact, a venue and two services; the services name no provider,
/// venue or contact: the saga fills those in.
struct SampleRegistration {
    let provider = Provider(name: "Helping Hands")
    let contact = Contact(name: "Ada Lovelace", email: "ada@example.org")
    let venue = Venue(name: "Community Hall", country: "GB")
    let services = [Service(name: "Food bank"), Service(name: "Advice")]

    var command: Message { Message(RegisterProvider(provider: provider, contact: contact, venue: venue, services: services)) }

    /// Every entry the saga creates, in creation order.
    var entries: [(EntityKind, UUID)] {
        [(.provider, provider.id), (.contact, contact.id), (.venue, venue.id)] + services.map { (.service, $0.id) }
    }
}

@Suite struct RegisterProviderSagaTests {
    @Test func registeringCreatesEveryEntryWithTheReferencesFilledIn() async throws {
        let harness = try SagaHarness()
        let sample = SampleRegistration()
        try await harness.publish(sample.command, sagaID: "register")
        try await harness.settleAll()

        let saga = try #require(try harness.coordinator.database.saga("register"))
        #expect(saga.kind == "register-provider")
        #expect(saga.state == .completed)
        #expect(saga.steps.map(\.name) == [
            "validate", "create provider", "create contact", "create venue", "create service", "create service",
        ])
        #expect(try await harness.timeline(of: "register").last == "completed")
        let venue = try #require(try harness.store.current(.venue, sample.venue.id))
        guard case .venue(let storedVenue) = venue else { Issue.record("not a venue"); return }
        #expect(storedVenue.providerID == sample.provider.id)
        #expect(try harness.store.current(.provider, sample.provider.id) != nil)
        #expect(try harness.store.current(.contact, sample.contact.id) != nil)
        for service in sample.services {
            guard case .service(let stored)? = try harness.store.current(.service, service.id) else {
                Issue.record("service \(service.name) not stored"); continue
            }
            #expect(stored.providerID == sample.provider.id)
            #expect(stored.venueIDs == [sample.venue.id])
            #expect(stored.contactIDs == [sample.contact.id])
        }
    }

    @Test func anInvalidRegistrationFailsWithoutCreatingAnything() async throws {
        let harness = try SagaHarness()
        let sample = SampleRegistration()
        let broken = RegisterProvider(provider: sample.provider, services: [Service(name: "")])
        try await harness.publish(Message(broken), sagaID: "invalid")
        try await harness.settleAll()

        #expect(try await harness.timeline(of: "invalid") == ["started", "step-started validate", "step-failed validate", "failed"])
        #expect(try harness.coordinator.database.saga("invalid")?.reason?.contains("services[0].name") == true)
        #expect(try harness.store.current(.provider, sample.provider.id) == nil)
    }

    /// A failure injected at each create step in turn: an entry of that kind with the same id
    /// already exists, so the store rejects the create as a conflict.
    @Test(arguments: 0..<5)
    func aFailureAtAnyStepIsCompensatedInReverseOrder(failingStep: Int) async throws {
        let harness = try SagaHarness()
        let sample = SampleRegistration()
        let (kind, collidingID) = sample.entries[failingStep]
        try await harness.publishExisting(kind, id: collidingID)
        try await harness.settleAll()

        try await harness.publish(sample.command, sagaID: "doomed")
        try await harness.settleAll()

        let saga = try #require(try harness.coordinator.database.saga("doomed"))
        #expect(saga.state == .compensated)
        #expect(saga.reason?.contains("conflict") == true)
        let created = sample.entries.prefix(failingStep)
        let undone = saga.steps.filter { $0.role == .compensation }
        #expect(undone.compactMap(\.entityID) == created.reversed().map(\.1), "deleted in reverse order")
        #expect(undone.allSatisfy { $0.state == .completed })
        let timeline = try await harness.timeline(of: "doomed")
        #expect(timeline.suffix(from: timeline.firstIndex(of: "compensating") ?? 0).last == "compensated")

        // Nothing of the saga is left: each entry it created ends in a tombstone.
        let views = try await harness.messages(on: harness.topics.views)
        for (kind, id) in created {
            #expect(try harness.store.current(kind, id) == nil)
            let last = views.last { $0.0.subject == id.uuidString.lowercased() }?.1
            guard case .tombstone(_, let tombstone)? = last else {
                Issue.record("\(kind) \(id) does not end in a tombstone"); continue
            }
            #expect(tombstone.kind == kind)
        }
        for (kind, id) in sample.entries.suffix(from: failingStep + 1) {
            #expect(try harness.store.state(kind, id) == nil, "\(kind) after the failure was never created")
        }
        #expect(try harness.store.current(kind, collidingID)?.displayName == "existing", "the colliding entry is untouched")
    }

    @Test func aTimedOutStepIsCompensatedEvenWhenItsCreateIsAppliedLate() async throws {
        // The coordinator's clock stands still unless the test moves it, so only the step the
        // test lets expire times out, however slowly a loaded machine runs the rest.
        let clock = ManualClock()
        let harness = try SagaHarness(stepTimeout: .seconds(1), clock: clock.now)
        let sample = SampleRegistration()
        try await harness.publish(sample.command, sagaID: "stalled")
        // No store yet: "create provider" waits past its deadline.
        try await harness.settle([harness.validator, harness.coordinator])
        clock.advance(by: 2)
        try await harness.settle([harness.validator, harness.coordinator])
        // The store comes back: it applies the late create, then the compensating delete.
        try await harness.settleAll()

        let saga = try #require(try harness.coordinator.database.saga("stalled"))
        #expect(saga.state == .compensated)
        #expect(saga.reason?.contains("timed out") == true)
        #expect(saga.steps.map(\.name) == ["validate", "create provider", "delete provider"])
        #expect(saga.steps.map(\.state) == [.completed, .timedOut, .completed])
        #expect(try harness.store.current(.provider, sample.provider.id) == nil)
    }
}
