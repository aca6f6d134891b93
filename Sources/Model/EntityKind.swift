/// The kinds of entry the directory holds; the raw value is the `kind` written in JSON.
public enum EntityKind: String, Codable, CaseIterable, Sendable {
    case provider, service, venue, contact, event, costoption, eligibility, taxonomy

    /// Only providers and services are shown to the public, so only they carry `published`.
    public var isPublishable: Bool {
        switch self {
        case .provider, .service: true
        default: false
        }
    }

    /// The plural used in listings and command names ("providers", "eligibilities").
    public var pluralName: String {
        switch self {
        case .provider: "providers"
        case .service: "services"
        case .venue: "venues"
        case .contact: "contacts"
        case .event: "events"
        case .costoption: "costoptions"
        case .eligibility: "eligibilities"
        case .taxonomy: "taxonomy"
        }
    }

    /// Reads a kind the way a person types it: singular, plural or a common alias, any case.
    public init?(name: String) {
        let key = name.trimmingCharacters(in: .whitespaces).lowercased()
        guard let kind = Self.aliases[key] else { return nil }
        self = kind
    }

    /// Every accepted spelling; HSDS names (organization, location, schedule) are included
    /// because importers and people coming from HSDS use them.
    private static let aliases: [String: EntityKind] = {
        var table: [String: EntityKind] = [:]
        let spellings: [EntityKind: [String]] = [
            .provider: ["providers", "organization", "organizations", "organisation", "organisations", "org", "orgs"],
            .service: ["services", "svc", "svcs"],
            .venue: ["venues", "location", "locations"],
            .contact: ["contacts"],
            .event: ["events", "schedule", "schedules", "serviceevent", "service-event", "service_event"],
            .costoption: ["costoptions", "cost-option", "cost-options", "cost_option", "cost_options", "cost", "costs"],
            .eligibility: ["eligibilities"],
            .taxonomy: ["taxonomies", "term", "terms", "taxonomy-term", "taxonomy-terms", "taxonomy_term", "taxonomy_terms"],
        ]
        for kind in EntityKind.allCases {
            table[kind.rawValue] = kind
            for spelling in spellings[kind] ?? [] { table[spelling] = kind }
        }
        return table
    }()
}
