import Foundation
import Model
import Testing

/// Hand-written JSON per kind, as another program or a person would send it.
struct JSONLiteralTests {
    static func decode(_ json: String) throws -> Entity {
        try Entity.decode(json: Data(json.utf8))
    }

    @Test func provider() throws {
        let entity = try Self.decode("""
            {"kind": "provider", "id": "0A1B2C3D-0000-4000-8000-000000000001", "version": 3,
             "created_at": "2026-11-27T09:20:00.123Z", "updated_at": "2026-11-27T10:20:00+01:00", "flagged": true,
             "name": "Northside", "description": "Food", "website": "https://n.example", "email": "a@n.example",
             "phone": "020 7946 0000", "published": true,
             "main_venue_id": "33333333-3333-4333-8333-333333333333", "main_contact_id": null}
            """)
        guard case .provider(let provider) = entity else { Issue.record("not a provider: \(entity)"); return }
        #expect(provider.id == Fixtures.uuid("0a1b2c3d-0000-4000-8000-000000000001"))
        #expect(provider.version == 3)
        #expect(provider.createdAt == Fixtures.created)
        #expect(provider.updatedAt == Date(timeIntervalSince1970: 1_795_771_200))
        #expect(provider.flagged && provider.published)
        #expect(provider.name == "Northside" && provider.description == "Food")
        #expect(provider.website == "https://n.example" && provider.email == "a@n.example" && provider.phone == "020 7946 0000")
        #expect(provider.mainVenueID == Fixtures.venueID && provider.mainContactID == nil)
    }

    @Test func service() throws {
        let entity = try Self.decode("""
            {"kind": "service", "provider_id": "11111111-1111-4111-8111-111111111111", "name": "Parcels",
             "description": "D", "status": "temporarily closed", "website": "https://s.example", "email": "s@s.example",
             "phone": "1234567", "published": true,
             "venue_ids": ["33333333-3333-4333-8333-333333333333"], "contact_ids": ["44444444-4444-4444-8444-444444444444"],
             "event_ids": ["55555555-5555-4555-8555-555555555555"], "costoption_ids": ["66666666-6666-4666-8666-666666666666"],
             "eligibility_ids": ["77777777-7777-4777-8777-777777777777"], "taxonomy_ids": ["88888888-8888-4888-8888-888888888888"]}
            """)
        guard case .service(let service) = entity else { Issue.record("not a service: \(entity)"); return }
        #expect(service.providerID == Fixtures.providerID && service.name == "Parcels" && service.description == "D")
        #expect(service.status == .temporarilyClosed && service.published)
        #expect(service.website == "https://s.example" && service.email == "s@s.example" && service.phone == "1234567")
        #expect(service.venueIDs == [Fixtures.venueID] && service.contactIDs == [Fixtures.contactID])
        #expect(service.eventIDs == [Fixtures.eventID] && service.costOptionIDs == [Fixtures.costOptionID])
        #expect(service.eligibilityIDs == [Fixtures.eligibilityID] && service.taxonomyIDs == [Fixtures.taxonomyID])
    }

    @Test func venue() throws {
        let entity = try Self.decode("""
            {"kind": "venue", "provider_id": "11111111-1111-4111-8111-111111111111", "name": "Hall",
             "address_lines": ["Unit 4", "12 High Street"], "city": "London", "postcode": "SW1A 1AA", "country": "GB",
             "latitude": 51.5, "longitude": -0.12, "details": "Side door"}
            """)
        #expect(entity == .venue(Venue(
            id: entity.id, providerID: Fixtures.providerID, name: "Hall", addressLines: ["Unit 4", "12 High Street"],
            city: "London", postcode: "SW1A 1AA", country: "GB", latitude: 51.5, longitude: -0.12, details: "Side door")))
    }

    @Test func contact() throws {
        let entity = try Self.decode("""
            {"kind": "contact", "name": "Amara", "position": "Lead", "email": "a@example.org", "phone": "1234567",
             "website": "https://example.org", "social_links": {"mastodon": "https://social.example/@a"}}
            """)
        #expect(entity == .contact(Contact(
            id: entity.id, name: "Amara", position: "Lead", email: "a@example.org", phone: "1234567",
            website: "https://example.org", socialLinks: ["mastodon": "https://social.example/@a"])))
    }

    @Test func weeklyEvent() throws {
        let entity = try Self.decode("""
            {"kind": "event", "details": "Drop-in", "venue_id": "33333333-3333-4333-8333-333333333333",
             "starts_at": null, "ends_at": null,
             "weekly": {"days": ["monday", "sunday"], "opens_at": "09:00", "closes_at": "17:30",
                        "valid_from": "2026-01-01", "valid_to": null}}
            """)
        guard case .event(let event) = entity else { Issue.record("not an event: \(entity)"); return }
        #expect(event.details == "Drop-in" && event.venueID == Fixtures.venueID)
        #expect(event.startsAt == nil && event.endsAt == nil)
        #expect(event.weekly == WeeklySchedule(
            days: [.monday, .sunday], opensAt: TimeOfDay(hour: 9, minute: 0), closesAt: TimeOfDay(hour: 17, minute: 30),
            validFrom: LocalDate(year: 2026, month: 1, day: 1), validTo: nil))
    }

    @Test func oneOffEvent() throws {
        let entity = try Self.decode("""
            {"kind": "event", "details": "Coats", "venue_id": "33333333-3333-4333-8333-333333333333",
             "starts_at": "2026-11-27T09:20:00.123Z", "ends_at": "2026-11-28T09:20:00.456Z"}
            """)
        guard case .event(let event) = entity else { Issue.record("not an event: \(entity)"); return }
        #expect(event.startsAt == Fixtures.created && event.endsAt == Fixtures.updated && event.weekly == nil)
    }

    @Test func costOption() throws {
        let entity = try Self.decode(#"{"kind": "costoption", "option": "Per session", "amount": 12.5, "currency": "GBP"}"#)
        #expect(entity == .costOption(CostOption(id: entity.id, option: "Per session", amount: Decimal(string: "12.5"), currency: "GBP")))
    }

    @Test func eligibility() throws {
        let entity = try Self.decode(#"{"kind": "eligibility", "description": "Adults", "min_age": 18, "max_age": 65}"#)
        #expect(entity == .eligibility(Eligibility(id: entity.id, description: "Adults", minimumAge: 18, maximumAge: 65)))
    }

    @Test func taxonomy() throws {
        let entity = try Self.decode("""
            {"kind": "taxonomy", "name": "Food", "vocabulary": "deliverable",
             "parent_id": "99999999-9999-4999-8999-999999999999", "code": "BD-1800"}
            """)
        #expect(entity == .taxonomy(TaxonomyTerm(
            id: entity.id, name: "Food", vocabulary: .deliverable, parentID: Fixtures.parentTermID, code: "BD-1800")))
    }
}
