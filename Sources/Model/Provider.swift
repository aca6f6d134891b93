import Foundation

/// An organisation that runs services (HSDS "organization").
public struct Provider: EntityRecord {
    public static let kind = EntityKind.provider

    public var id: UUID
    public var version: Int
    public var createdAt: Date?
    public var updatedAt: Date?
    public var flagged: Bool
    public var name: String
    public var description: String?
    public var website: String?
    public var email: String?
    public var phone: String?
    public var published: Bool
    public var mainVenueID: UUID?
    public var mainContactID: UUID?

    public init(
        id: UUID = UUID(), version: Int = 0, createdAt: Date? = nil, updatedAt: Date? = nil, flagged: Bool = false,
        name: String = "", description: String? = nil, website: String? = nil, email: String? = nil,
        phone: String? = nil, published: Bool = false, mainVenueID: UUID? = nil, mainContactID: UUID? = nil
    ) {
        self.id = id
        self.version = version
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.flagged = flagged
        self.name = name
        self.description = description
        self.website = website
        self.email = email
        self.phone = phone
        self.published = published
        self.mainVenueID = mainVenueID
        self.mainContactID = mainContactID
    }

    public var displayName: String { name }

    public func normalized() -> Provider {
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
        validator.text(entity.name, field: "name", limit: ValidationLimits.name, required: true)
        validator.text(entity.description, field: "description", limit: ValidationLimits.longText, multiline: true)
        validator.webAddress(entity.website)
        validator.email(entity.email)
        validator.phone(entity.phone)
        return validator.errors
    }
}

extension Provider {
    private enum CodingKeys: String, CodingKey {
        case name, description, website, email, phone, published
        case mainVenueID = "main_venue_id", mainContactID = "main_contact_id"
    }

    public init(from decoder: any Decoder) throws {
        let metadata = try EntityMetadata(from: decoder, kind: Self.kind)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        // The metadata as arguments: the initializer's default id would draw a random UUID.
        self.init(
            id: metadata.id, version: metadata.version, createdAt: metadata.createdAt, updatedAt: metadata.updatedAt,
            flagged: metadata.flagged,
            name: try container.text(.name),
            description: try container.optionalText(.description),
            website: try container.optionalText(.website),
            email: try container.optionalText(.email),
            phone: try container.optionalText(.phone),
            published: try container.flag(.published),
            mainVenueID: try container.identifier(.mainVenueID),
            mainContactID: try container.identifier(.mainContactID))
    }

    public func encode(to encoder: any Encoder) throws {
        try metadata.encode(to: encoder, kind: Self.kind)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encodeOrNull(description, forKey: .description)
        try container.encodeOrNull(website, forKey: .website)
        try container.encodeOrNull(email, forKey: .email)
        try container.encodeOrNull(phone, forKey: .phone)
        try container.encode(published, forKey: .published)
        try container.encodeIdentifier(mainVenueID, forKey: .mainVenueID)
        try container.encodeIdentifier(mainContactID, forKey: .mainContactID)
    }
}
