import Foundation

/// Who may use a service, in words and, where it applies, as an age range.
public struct Eligibility: EntityRecord {
    public static let kind = EntityKind.eligibility

    public var id: UUID
    public var version: Int
    public var createdAt: Date?
    public var updatedAt: Date?
    public var flagged: Bool
    public var description: String
    /// Youngest eligible age in whole years, inclusive.
    public var minimumAge: Int?
    /// Oldest eligible age in whole years, inclusive.
    public var maximumAge: Int?

    public init(
        id: UUID = UUID(), version: Int = 0, createdAt: Date? = nil, updatedAt: Date? = nil, flagged: Bool = false,
        description: String = "", minimumAge: Int? = nil, maximumAge: Int? = nil
    ) {
        self.id = id
        self.version = version
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.flagged = flagged
        self.description = description
        self.minimumAge = minimumAge
        self.maximumAge = maximumAge
    }

    /// The first line of the description, shortened for a listing column.
    public var displayName: String { description.listingLine }

    public func normalized() -> Eligibility {
        var copy = self
        copy.description = description.normalizedParagraphs
        return copy
    }

    public func validate() -> [FieldError] {
        let entity = normalized()
        var validator = FieldValidator()
        validator.metadata(entity.metadata)
        validator.text(entity.description, field: "description", limit: ValidationLimits.longText, required: true, multiline: true)
        let ages = ValidationLimits.age
        let message = "must be between \(ages.lowerBound) and \(ages.upperBound)"
        if let minimumAge = entity.minimumAge, !ages.contains(minimumAge) { validator.add("min_age", message) }
        if let maximumAge = entity.maximumAge, !ages.contains(maximumAge) {
            validator.add("max_age", message)
        } else if let minimumAge = entity.minimumAge, let maximumAge = entity.maximumAge, maximumAge < minimumAge {
            validator.add("max_age", "must not be less than min_age")
        }
        return validator.errors
    }
}

extension Eligibility {
    private enum CodingKeys: String, CodingKey {
        case description, minimumAge = "min_age", maximumAge = "max_age"
    }

    public init(from decoder: any Decoder) throws {
        let metadata = try EntityMetadata(from: decoder, kind: Self.kind)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        // The metadata as arguments: the initializer's default id would draw a random UUID.
        self.init(
            id: metadata.id, version: metadata.version, createdAt: metadata.createdAt, updatedAt: metadata.updatedAt,
            flagged: metadata.flagged,
            description: try container.text(.description),
            minimumAge: try container.decodeIfPresent(Int.self, forKey: .minimumAge),
            maximumAge: try container.decodeIfPresent(Int.self, forKey: .maximumAge))
    }

    public func encode(to encoder: any Encoder) throws {
        try metadata.encode(to: encoder, kind: Self.kind)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(description, forKey: .description)
        try container.encodeOrNull(minimumAge, forKey: .minimumAge)
        try container.encodeOrNull(maximumAge, forKey: .maximumAge)
    }
}
