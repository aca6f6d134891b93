import Foundation
import Model

/// Valid entities of every kind with fixed ids and millisecond times, shared by the tests.
enum Fixtures {
    static let providerID = uuid("11111111-1111-4111-8111-111111111111")
    static let serviceID = uuid("22222222-2222-4222-8222-222222222222")
    static let venueID = uuid("33333333-3333-4333-8333-333333333333")
    static let contactID = uuid("44444444-4444-4444-8444-444444444444")
    static let eventID = uuid("55555555-5555-4555-8555-555555555555")
    static let costOptionID = uuid("66666666-6666-4666-8666-666666666666")
    static let eligibilityID = uuid("77777777-7777-4777-8777-777777777777")
    static let taxonomyID = uuid("88888888-8888-4888-8888-888888888888")
    static let parentTermID = uuid("99999999-9999-4999-8999-999999999999")

    /// 2026-11-27T09:20:00.123Z and a day later.
    static let created = Date(timeIntervalSince1970: 1_795_771_200.123)
    static let updated = Date(timeIntervalSince1970: 1_795_857_600.456)

    static func uuid(_ text: String) -> UUID {
        guard let value = UUID(uuidString: text) else { preconditionFailure("bad fixture UUID \(text)") }
        return value
    }

    static let provider = Provider(
        id: providerID, version: 3, createdAt: created, updatedAt: updated, flagged: false,
        name: "Northside Food Bank", description: "Emergency food parcels.\nReferral needed.",
        website: "https://northside.example.org", email: "help@northside.example.org", phone: "+44 20 7946 0000",
        published: true, mainVenueID: venueID, mainContactID: contactID)

    static let service = Service(
        id: serviceID, version: 2, createdAt: created, updatedAt: updated, flagged: true,
        providerID: providerID, name: "Food parcels", description: "Three days of food.", status: .temporarilyClosed,
        website: "https://northside.example.org/parcels", email: "parcels@northside.example.org", phone: "020 7946 0001",
        published: false, venueIDs: [venueID], contactIDs: [contactID], eventIDs: [eventID],
        costOptionIDs: [costOptionID], eligibilityIDs: [eligibilityID], taxonomyIDs: [taxonomyID])

    static let venue = Venue(
        id: venueID, version: 1, createdAt: created, updatedAt: nil, flagged: false,
        providerID: providerID, name: "Northside Hall", addressLines: ["Unit 4", "12 High Street"], city: "London",
        postcode: "SW1A 1AA", country: "GB", latitude: 51.501, longitude: -0.1419, details: "Step-free entrance at the side.")

    static let contact = Contact(
        id: contactID, version: 1, createdAt: created, updatedAt: updated, flagged: false,
        name: "Amara Okafor", position: "Volunteer coordinator", email: "amara@northside.example.org",
        phone: "020 7946 0002 ext 12", website: "https://northside.example.org/team",
        socialLinks: ["mastodon": "https://social.example/@northside", "bluesky": "https://bsky.app/profile/northside"])

    static let weeklyEvent = ServiceEvent(
        id: eventID, version: 4, createdAt: created, updatedAt: updated, flagged: false,
        details: "Drop-in sessions", venueID: venueID,
        weekly: WeeklySchedule(
            days: [.monday, .thursday], opensAt: TimeOfDay(hour: 9, minute: 0), closesAt: TimeOfDay(hour: 17, minute: 30),
            validFrom: LocalDate(year: 2026, month: 1, day: 1), validTo: nil))

    static let oneOffEvent = ServiceEvent(
        id: uuid("55555555-5555-4555-8555-000000000001"), version: 1, createdAt: created, updatedAt: nil,
        flagged: false, details: "Winter coat giveaway", venueID: venueID, startsAt: created, endsAt: updated)

    static let costOption = CostOption(
        id: costOptionID, version: 1, createdAt: created, updatedAt: updated, flagged: false,
        option: "Small contribution per parcel", amount: Decimal(string: "19.99"), currency: "GBP")

    static let eligibility = Eligibility(
        id: eligibilityID, version: 1, createdAt: created, updatedAt: updated, flagged: false,
        description: "Adults living in the borough.", minimumAge: 18, maximumAge: 130)

    static let taxonomy = TaxonomyTerm(
        id: taxonomyID, version: 1, createdAt: created, updatedAt: updated, flagged: false,
        name: "Food", vocabulary: .category, parentID: parentTermID, code: "BD-1800")

    /// One valid entry of every kind, plus a one-off event.
    static let all: [Entity] = [
        .provider(provider), .service(service), .venue(venue), .contact(contact), .event(weeklyEvent),
        .event(oneOffEvent), .costOption(costOption), .eligibility(eligibility), .taxonomy(taxonomy),
    ]
}

extension [FieldError] {
    /// The field names only, for checking which fields were reported and in what order.
    var fields: [String] { map(\.field) }

    func message(for field: String) -> String? { first { $0.field == field }?.message }
}
