import Model

/// The composite command: a provider with its contact, venue and services, created by the
/// saga coordinator as a sequence of single-entity commands (compensated in reverse order if
/// a later one fails).
public struct RegisterProvider: Codable, Sendable, Equatable {
    public var provider: Provider
    public var contact: Contact?
    public var venue: Venue?
    public var services: [Service]

    public init(provider: Provider, contact: Contact? = nil, venue: Venue? = nil, services: [Service] = []) {
        self.provider = provider
        self.contact = contact
        self.venue = venue
        self.services = services
    }

    private enum CodingKeys: String, CodingKey {
        case provider, contact, venue, services
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        provider = try container.decode(Provider.self, forKey: .provider)
        contact = try container.decodeIfPresent(Contact.self, forKey: .contact)
        venue = try container.decodeIfPresent(Venue.self, forKey: .venue)
        services = try container.decodeIfPresent([Service].self, forKey: .services) ?? []
    }
}
