import Events
import Foundation
import Model
import Notifications
import Testing

/// Which changes reach which subscriptions, through the real runner and database.
@Suite struct NotificationMatchingTests {
    @Test func aProviderSubscriptionIsNotifiedForItsServicesAndVenues() async throws {
        let pipeline = try NotificationPipeline()
        let provider = Provider(name: "Food Bank")
        let other = Provider(name: "Book Club")
        let subscription = try await pipeline.subscribe(.provider(provider.id), .mailDrop(folder: pipeline.mailDrop))
        let service = Entity.service(Service(providerID: provider.id, name: "Parcels"))
        try await pipeline.change(.provider(provider))
        try await pipeline.change(service)
        try await pipeline.change(.venue(Venue(providerID: provider.id, name: "Hall", country: "GB")))
        try await pipeline.change(.service(Service(providerID: other.id, name: "Reading")))
        try await pipeline.change(.provider(other))
        // The tombstone names no provider: the service's last view does.
        try await pipeline.delete(service)
        try await pipeline.drain()

        let sent = try await pipeline.sent
        #expect(sent.map(\.kind) == [.provider, .service, .venue, .service])
        #expect(sent.allSatisfy { $0.subscriptionID == subscription.uuidString.lowercased() && $0.channel == "maildrop" })
        #expect(sent.last?.entityID == service.id && sent.last?.entityVersion == 2)
        #expect(try pipeline.mailFiles().count == 4)
    }

    @Test func aTaxonomySubscriptionSeesTheTermAndTheServicesCarryingIt() async throws {
        let pipeline = try NotificationPipeline()
        let term = TaxonomyTerm(name: "Food", vocabulary: .category, code: "food")
        _ = try await pipeline.subscribe(.taxonomy(term.id), .mailDrop(folder: pipeline.mailDrop))
        let tagged = Service(providerID: UUID(), name: "Parcels", taxonomyIDs: [term.id])
        try await pipeline.change(.taxonomy(term))
        try await pipeline.change(.service(tagged))
        try await pipeline.change(.service(Service(providerID: UUID(), name: "Untagged")))
        try await pipeline.change(.taxonomy(TaxonomyTerm(name: "Books", vocabulary: .category)))
        try await pipeline.drain()
        #expect(try await pipeline.sent.map(\.entityID) == [term.id, tagged.id])
    }

    @Test func anEntrySubscriptionSeesOnlyThatEntry() async throws {
        let pipeline = try NotificationPipeline()
        let venue = Venue(name: "Hall", country: "GB")
        _ = try await pipeline.subscribe(.entry(.venue, venue.id), .mailDrop(folder: pipeline.mailDrop))
        try await pipeline.change(.venue(venue))
        try await pipeline.change(.venue(Venue(name: "Library", country: "GB")))
        try await pipeline.delete(.venue(venue))
        try await pipeline.drain()
        #expect(try await pipeline.sent.map(\.entityID) == [venue.id, venue.id])
    }

    @Test func everythingSeesEveryChangeButNotThoseBeforeItExisted() async throws {
        let pipeline = try NotificationPipeline()
        try await pipeline.change(.contact(Contact(name: "Before")))
        try await Task.sleep(for: .milliseconds(5))
        _ = try await pipeline.subscribe(.everything, .mailDrop(folder: pipeline.mailDrop))
        try await Task.sleep(for: .milliseconds(5))
        let entities: [Entity] = [
            .contact(Contact(name: "Sam")), .eligibility(Eligibility(description: "Over 60s", minimumAge: 60)),
            .provider(Provider(name: "Food Bank")),
        ]
        for entity in entities { try await pipeline.change(entity) }
        try await pipeline.delete(entities[0])
        try await pipeline.drain()
        #expect(try await pipeline.sent.map(\.entityID) == entities.map(\.id) + [entities[0].id])
    }
}
