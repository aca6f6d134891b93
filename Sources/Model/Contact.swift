import Foundation

/// A person or desk to contact about a service or provider.
public struct Contact: EntityRecord {
    public static let kind = EntityKind.contact

    public var id: UUID
    public var version: Int
    public var createdAt: Date?
    public var updatedAt: Date?
    public var flagged: Bool
    public var name: String
    /// Job title or role ("Volunteer coordinator").
    public var position: String?
    public var email: String?
    public var phone: String?
    public var website: String?
    /// Platform name → profile URL ("mastodon" → "https://…").
    public var socialLinks: [String: String]

    public init(
        id: UUID = UUID(), version: Int = 0, createdAt: Date? = nil, updatedAt: Date? = nil, flagged: Bool = false,
        name: String = "", position: String? = nil, email: String? = nil, phone: String? = nil,
        website: String? = nil, socialLinks: [String: String] = [:]
    ) {
        self.id = id
        self.version = version
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.flagged = flagged
        self.name = name
        self.position = position
        self.email = email
        self.phone = phone
        self.website = website
        self.socialLinks = socialLinks
    }

    public var displayName: String { name }

    /// Platform names are normalised like values; should two become equal (an NFC and an NFD
    /// spelling), the one that sorts first before normalising is kept, so the result is stable.
    public func normalized() -> Contact {
        var copy = self
        copy.name = name.normalizedLine
        copy.position = position.normalizedLine
        copy.email = email.normalizedLine
        copy.phone = phone.normalizedLine
        copy.website = website.normalizedLine
        var links: [String: String] = [:]
        for platform in socialLinks.keys.sorted() {
            let key = platform.normalizedLine
            if links[key] == nil, let address = socialLinks[platform] { links[key] = address.normalizedLine }
        }
        copy.socialLinks = links
        return copy
    }

    public func validate() -> [FieldError] {
        let entity = normalized()
        var validator = FieldValidator()
        validator.metadata(entity.metadata)
        validator.text(entity.name, field: "name", limit: ValidationLimits.name, required: true)
        validator.text(entity.position, field: "position", limit: ValidationLimits.position)
        validator.email(entity.email)
        validator.phone(entity.phone)
        validator.webAddress(entity.website)
        // Sorted so the errors come in the same order every time.
        for platform in entity.socialLinks.keys.sorted() {
            let field = "social_links.\(TextRules.escaped(platform))"
            if platform.isEmpty {
                validator.add("social_links", "must not have an empty platform name")
            } else if platform.count > ValidationLimits.socialPlatform {
                validator.add(field, "platform name must be at most \(ValidationLimits.socialPlatform) characters")
            } else if let scalar = TextRules.forbiddenScalar(in: platform, multiline: false) {
                validator.add(field, "platform name " + TextRules.message(for: scalar))
            }
            validator.webAddress(entity.socialLinks[platform], field: field, required: true)
        }
        return validator.errors
    }
}

extension Contact {
    private enum CodingKeys: String, CodingKey {
        case name, position, email, phone, website, socialLinks = "social_links"
    }

    public init(from decoder: any Decoder) throws {
        let metadata = try EntityMetadata(from: decoder, kind: Self.kind)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        // The metadata as arguments: the initializer's default id would draw a random UUID.
        self.init(
            id: metadata.id, version: metadata.version, createdAt: metadata.createdAt, updatedAt: metadata.updatedAt,
            flagged: metadata.flagged,
            name: try container.text(.name),
            position: try container.optionalText(.position),
            email: try container.optionalText(.email),
            phone: try container.optionalText(.phone),
            website: try container.optionalText(.website),
            socialLinks: try container.decodeIfPresent([String: String].self, forKey: .socialLinks) ?? [:])
    }

    public func encode(to encoder: any Encoder) throws {
        try metadata.encode(to: encoder, kind: Self.kind)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encodeOrNull(position, forKey: .position)
        try container.encodeOrNull(email, forKey: .email)
        try container.encodeOrNull(phone, forKey: .phone)
        try container.encodeOrNull(website, forKey: .website)
        try container.encode(socialLinks, forKey: .socialLinks)
    }
}
