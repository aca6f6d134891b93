import Foundation
import Model

/// A small directory with every kind, wide characters, and one hostile entry whose names carry
/// terminal escape sequences.
enum SampleDirectory {
    static let created = ConsoleFixture.date("2026-03-01T09:00:00Z")
    static let updated = ConsoleFixture.date("2026-11-10T14:30:00Z")
    static let hostileName = "Evil\u{1b}[2J\u{1b}]0;pwned\u{07} Corp\u{202e}\u{2028}"

    static let acme = ConsoleFixture.id(1), beijing = ConsoleFixture.id(2), cafe = ConsoleFixture.id(3), evil = ConsoleFixture.id(4)
    static let hall = ConsoleFixture.id(10), contact = ConsoleFixture.id(20), session = ConsoleFixture.id(30)
    static let free = ConsoleFixture.id(40), adults = ConsoleFixture.id(50), food = ConsoleFixture.id(60)
    static let parcels = ConsoleFixture.id(100), debt = ConsoleFixture.id(101), chinese = ConsoleFixture.id(102), hostile = ConsoleFixture.id(103)

    static var entities: [Entity] {
        [
            .provider(Provider(id: acme, version: 2, createdAt: created, updatedAt: updated, name: "Acme Food Bank",
                               website: "https://acme.example", published: true, mainVenueID: hall, mainContactID: contact)),
            .provider(Provider(id: beijing, version: 1, createdAt: created, updatedAt: updated, name: "北京社区服务中心", published: true)),
            .provider(Provider(id: cafe, version: 1, createdAt: created, updatedAt: created, flagged: true, name: "Café ☕ Corner 🎉")),
            .provider(Provider(id: evil, version: 1, createdAt: created, updatedAt: updated, name: hostileName, website: "https://evil.example")),
            .venue(Venue(id: hall, version: 1, createdAt: created, updatedAt: updated, providerID: acme, name: "Main hall",
                         addressLines: ["1 High Street"], city: "London", postcode: "SW1A 1AA", country: "GB")),
            .contact(Contact(id: contact, version: 1, createdAt: created, updatedAt: updated, name: "Ada Lovelace", position: "Coordinator",
                             email: "ada@acme.example", phone: "+44 20 7946 0000")),
            .event(ServiceEvent(id: session, version: 1, createdAt: created, updatedAt: updated, details: "Weekly drop-in", venueID: hall,
                                weekly: WeeklySchedule(days: [.monday, .thursday], opensAt: TimeOfDay(hour: 10, minute: 0), closesAt: TimeOfDay(hour: 12, minute: 30)))),
            .costOption(CostOption(id: free, version: 1, createdAt: created, updatedAt: updated, option: "Free", amount: 0, currency: "GBP")),
            .eligibility(Eligibility(id: adults, version: 1, createdAt: created, updatedAt: updated, description: "Adults in need", minimumAge: 18)),
            .taxonomy(TaxonomyTerm(id: food, version: 1, createdAt: created, updatedAt: updated, name: "Food", vocabulary: .category, code: "F1")),
            .service(Service(id: parcels, version: 3, createdAt: created, updatedAt: updated, providerID: acme, name: "Food parcels",
                             published: true, venueIDs: [hall], contactIDs: [contact], eventIDs: [session], costOptionIDs: [free],
                             eligibilityIDs: [adults], taxonomyIDs: [food])),
            .service(Service(id: debt, version: 1, createdAt: created, updatedAt: updated, providerID: acme, name: "Debt advice", status: .inactive)),
            .service(Service(id: chinese, version: 1, createdAt: created, updatedAt: updated, providerID: beijing, name: "中文服务热线", published: true)),
            .service(Service(id: hostile, version: 1, createdAt: created, updatedAt: updated, providerID: evil, name: "Hostile \u{1b}[31mred\u{9b}2J")),
        ]
    }
}
