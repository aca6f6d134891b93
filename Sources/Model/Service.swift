import Foundation

/// A service a provider offers, linking the venues, contacts, events, costs, eligibility and
/// taxonomy terms that describe it.
public struct Service: EntityRecord {
    public static let kind = EntityKind.service

    public var id: UUID
    public var version: Int
    public var createdAt: Date?
    public var updatedAt: Date?
    public var flagged: Bool
    /// Optional in the type so a half-filled form can be held, but required by `validate()`.
    public var providerID: UUID?
    public var name: String
    public var description: String?
    public var status: ServiceStatus
    public var website: String?
    public var email: String?
    public var phone: String?
    public var published: Bool
    public var venueIDs: [UUID]
    public var contactIDs: [UUID]
    public var eventIDs: [UUID]
    public var costOptionIDs: [UUID]
    public var eligibilityIDs: [UUID]
    public var taxonomyIDs: [UUID]

    public init(
        id: UUID = UUID(), version: Int = 0, createdAt: Date? = nil, updatedAt: Date? = nil, flagged: Bool = false,
        providerID: UUID? = nil, name: String = "", description: String? = nil, status: ServiceStatus = .active,
        website: String? = nil, email: String? = nil, phone: String? = nil, published: Bool = false,
        venueIDs: [UUID] = [], contactIDs: [UUID] = [], eventIDs: [UUID] = [], costOptionIDs: [UUID] = [],
        eligibilityIDs: [UUID] = [], taxonomyIDs: [UUID] = []
    ) {
        self.id = id
        self.version = version
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.flagged = flagged
        self.providerID = providerID
        self.name = name
        self.description = description
        self.status = status
        self.website = website
        self.email = email
        self.phone = phone
        self.published = published
        self.venueIDs = venueIDs
        self.contactIDs = contactIDs
        self.eventIDs = eventIDs
        self.costOptionIDs = costOptionIDs
        self.eligibilityIDs = eligibilityIDs
        self.taxonomyIDs = taxonomyIDs
    }

    public var displayName: String { name }

    public func normalized() -> Service {
        var copy = self
        copy.name = name.normalizedLine
        copy.description = description.normalizedParagraphs
        copy.website = website.normalizedLine
        copy.email = email.normalizedLine
        copy.phone = phone.normalizedLine
        return copy
    }

    public func validate() -> [FieldError] {
        let entity = normalized()
        var validator = FieldValidator()
        validator.metadata(entity.metadata)
        validator.required(entity.providerID, field: "provider_id")
        validator.text(entity.name, field: "name", limit: ValidationLimits.name, required: true)
        validator.text(entity.description, field: "description", limit: ValidationLimits.longText, multiline: true)
        validator.webAddress(entity.website)
        validator.email(entity.email)
        validator.phone(entity.phone)
        validator.distinct(entity.venueIDs, field: "venue_ids")
        validator.distinct(entity.contactIDs, field: "contact_ids")
        validator.distinct(entity.eventIDs, field: "event_ids")
        validator.distinct(entity.costOptionIDs, field: "costoption_ids")
        validator.distinct(entity.eligibilityIDs, field: "eligibility_ids")
        validator.distinct(entity.taxonomyIDs, field: "taxonomy_ids")
        return validator.errors
    }
}

extension Service {
    private enum CodingKeys: String, CodingKey {
        case providerID = "provider_id", name, description, status, website, email, phone, published
        case venueIDs = "venue_ids", contactIDs = "contact_ids", eventIDs = "event_ids"
        case costOptionIDs = "costoption_ids", eligibilityIDs = "eligibility_ids", taxonomyIDs = "taxonomy_ids"
    }

    public init(from decoder: any Decoder) throws {
        let metadata = try EntityMetadata(from: decoder, kind: Self.kind)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        // The metadata as arguments: the initializer's default id would draw a random UUID.
        self.init(
            id: metadata.id, version: metadata.version, createdAt: metadata.createdAt, updatedAt: metadata.updatedAt,
            flagged: metadata.flagged,
            providerID: try container.identifier(.providerID),
            name: try container.text(.name),
            description: try container.optionalText(.description),
            status: try container.decodeIfPresent(ServiceStatus.self, forKey: .status) ?? .active,
            website: try container.optionalText(.website),
            email: try container.optionalText(.email),
            phone: try container.optionalText(.phone),
            published: try container.flag(.published),
            venueIDs: try container.identifiers(.venueIDs),
            contactIDs: try container.identifiers(.contactIDs),
            eventIDs: try container.identifiers(.eventIDs),
            costOptionIDs: try container.identifiers(.costOptionIDs),
            eligibilityIDs: try container.identifiers(.eligibilityIDs),
            taxonomyIDs: try container.identifiers(.taxonomyIDs))
    }

    public func encode(to encoder: any Encoder) throws {
        try metadata.encode(to: encoder, kind: Self.kind)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIdentifier(providerID, forKey: .providerID)
        try container.encode(name, forKey: .name)
        try container.encodeOrNull(description, forKey: .description)
        try container.encode(status, forKey: .status)
        try container.encodeOrNull(website, forKey: .website)
        try container.encodeOrNull(email, forKey: .email)
        try container.encodeOrNull(phone, forKey: .phone)
        try container.encode(published, forKey: .published)
        try container.encodeIdentifiers(venueIDs, forKey: .venueIDs)
        try container.encodeIdentifiers(contactIDs, forKey: .contactIDs)
        try container.encodeIdentifiers(eventIDs, forKey: .eventIDs)
        try container.encodeIdentifiers(costOptionIDs, forKey: .costOptionIDs)
        try container.encodeIdentifiers(eligibilityIDs, forKey: .eligibilityIDs)
        try container.encodeIdentifiers(taxonomyIDs, forKey: .taxonomyIDs)
    }
}
