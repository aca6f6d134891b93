import Foundation
import TestSupport
import Model

/// The directory the benchmark fills the log with: providers and the services they run, with
/// London-borough community-service names (so a filter such as "food ban" narrows the way a
/// steward's would). Everything is a pure function of the index, so the load phase can update
/// service 42 without reading the log back.
struct SampleDirectory: Sendable {
    let providers: Int
    let services: Int

    static let boroughs = [
        "Barking", "Barnet", "Bexley", "Brent", "Bromley", "Camden", "Croydon", "Ealing", "Enfield", "Greenwich",
        "Hackney", "Hammersmith", "Haringey", "Harrow", "Havering", "Hillingdon", "Hounslow", "Islington",
        "Kensington", "Kingston", "Lambeth", "Lewisham", "Merton", "Newham", "Redbridge", "Richmond", "Southwark",
        "Sutton", "Tower Hamlets", "Waltham Forest", "Wandsworth", "Westminster",
    ]
    static let topics = [
        "Food Bank", "Youth Club", "Debt Advice", "Counselling", "Mental Health Support", "Housing Advice",
        "Legal Clinic", "Job Club", "Lunch Club", "Parent and Toddler Group", "Language Café", "Digital Skills",
        "Carers Support", "Benefits Advice", "Community Pantry", "Warm Space", "Men's Shed", "Walking Group",
        "Stop Smoking", "Bereavement Support",
    ]
    static let formats = ["drop-in", "weekly session", "helpline", "outreach", "by appointment"]
    static let organisations = ["Community Trust", "Foundation", "Partnership", "Association", "Network", "Centre", "Alliance"]

    /// 2025-10-01T09:00:00Z: the history starts here, one change every few minutes.
    static let epoch = Date(timeIntervalSince1970: 1_759_309_200)

    func providerID(_ index: Int) -> UUID { Self.uuid(index, salt: 11) }
    func serviceID(_ index: Int) -> UUID { Self.uuid(index, salt: 13) }

    func provider(_ index: Int, version: Int, at time: Date?) -> Provider {
        let borough = Self.boroughs[index % Self.boroughs.count]
        let name = "\(borough) \(Self.organisations[index % Self.organisations.count]) \(index + 1)"
        let slug = Self.slug(name)
        return Provider(
            id: providerID(index), version: version, createdAt: time, updatedAt: time, name: name,
            description: "A community organisation in \(borough) running local services for residents.",
            website: "https://\(slug).example.org", email: "hello@\(slug).example.org",
            phone: Self.phone(index), published: index % 10 != 0)
    }

    func service(_ index: Int, version: Int, at time: Date?) -> Service {
        let borough = Self.boroughs[(index / 7) % Self.boroughs.count]
        let topic = Self.topics[index % Self.topics.count]
        let format = Self.formats[(index / 3) % Self.formats.count]
        let name = "\(borough) \(topic) (\(format)) \(index + 1)"
        let slug = Self.slug("\(borough) \(topic)")
        return Service(
            id: serviceID(index), version: version, createdAt: time, updatedAt: time, flagged: index % 97 == 0,
            providerID: providerID(index % max(1, providers)), name: name,
            description: "\(topic) for anyone living or working in \(borough); \(format), free of charge.",
            status: index % 23 == 0 ? .temporarilyClosed : .active,
            website: "https://\(slug).example.org/\(index + 1)", email: "\(slug)@example.org",
            phone: Self.phone(index + 7), published: index % 5 != 0)
    }

    static func slug(_ text: String) -> String {
        String(text.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" })
    }

    static func phone(_ index: Int) -> String {
        "020 7946 " + String(format: "%04d", index % 10_000)
    }

    /// A deterministic random-looking UUID (version 4 layout) for `index`.
    static func uuid(_ index: Int, salt: UInt64) -> UUID {
        var generator = SeededGenerator(seed: UInt64(truncatingIfNeeded: index) &* 0x9E37_79B9_7F4A_7C15 &+ salt &* 0xD1B5_4A32_D192_ED03)
        let high = generator.next(), low = generator.next()
        func byte(_ word: UInt64, _ position: Int) -> UInt8 { UInt8(truncatingIfNeeded: word >> (56 - 8 * position)) }
        return UUID(uuid: (
            byte(high, 0), byte(high, 1), byte(high, 2), byte(high, 3), byte(high, 4), byte(high, 5),
            byte(high, 6) & 0x0F | 0x40, byte(high, 7),
            byte(low, 0) & 0x3F | 0x80, byte(low, 1), byte(low, 2), byte(low, 3), byte(low, 4), byte(low, 5),
            byte(low, 6), byte(low, 7)))
    }
}
