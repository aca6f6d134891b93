import Foundation

/// Something that happens at a venue: either once (`startsAt`…`endsAt`) or every week
/// (`weekly`). Its kind is `event`; the Swift name avoids clashing with stream events.
public struct ServiceEvent: EntityRecord {
    public static let kind = EntityKind.event

    public var id: UUID
    public var version: Int
    public var createdAt: Date?
    public var updatedAt: Date?
    public var flagged: Bool
    public var details: String
    public var venueID: UUID?
    public var startsAt: Date?
    public var endsAt: Date?
    public var weekly: WeeklySchedule?

    public init(
        id: UUID = UUID(), version: Int = 0, createdAt: Date? = nil, updatedAt: Date? = nil, flagged: Bool = false,
        details: String = "", venueID: UUID? = nil, startsAt: Date? = nil, endsAt: Date? = nil,
        weekly: WeeklySchedule? = nil
    ) {
        self.id = id
        self.version = version
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.flagged = flagged
        self.details = details
        self.venueID = venueID
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.weekly = weekly
    }

    /// The first line of the details, shortened for a listing column.
    public var displayName: String { details.listingLine }

    public func normalized() -> ServiceEvent {
        var copy = self
        copy.details = details.normalizedParagraphs
        return copy
    }

    public func validate() -> [FieldError] {
        let entity = normalized()
        var validator = FieldValidator()
        validator.metadata(entity.metadata)
        validator.text(entity.details, field: "details", limit: ValidationLimits.longText, required: true, multiline: true)
        validator.required(entity.venueID, field: "venue_id")
        let isOneOff = entity.startsAt != nil || entity.endsAt != nil
        if let weekly = entity.weekly {
            if isOneOff { validator.add("weekly", "must not be set together with starts_at or ends_at") }
            weekly.validate(prefix: "weekly", into: &validator)
        } else if let startsAt = entity.startsAt {
            if let endsAt = entity.endsAt, endsAt <= startsAt { validator.add("ends_at", "must be after starts_at") }
        } else if isOneOff {
            validator.add("starts_at", "is required when ends_at is set")
        } else {
            validator.add("starts_at", "is required unless weekly is set")
        }
        return validator.errors
    }
}

extension ServiceEvent {
    private enum CodingKeys: String, CodingKey {
        case details, venueID = "venue_id", startsAt = "starts_at", endsAt = "ends_at", weekly
    }

    public init(from decoder: any Decoder) throws {
        let metadata = try EntityMetadata(from: decoder, kind: Self.kind)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        // The metadata as arguments: the initializer's default id would draw a random UUID.
        self.init(
            id: metadata.id, version: metadata.version, createdAt: metadata.createdAt, updatedAt: metadata.updatedAt,
            flagged: metadata.flagged,
            details: try container.text(.details),
            venueID: try container.identifier(.venueID),
            startsAt: try container.timestamp(.startsAt),
            endsAt: try container.timestamp(.endsAt),
            weekly: try container.decodeIfPresent(WeeklySchedule.self, forKey: .weekly))
    }

    public func encode(to encoder: any Encoder) throws {
        try metadata.encode(to: encoder, kind: Self.kind)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(details, forKey: .details)
        try container.encodeIdentifier(venueID, forKey: .venueID)
        try container.encodeTimestamp(startsAt, forKey: .startsAt)
        try container.encodeTimestamp(endsAt, forKey: .endsAt)
        try container.encodeOrNull(weekly, forKey: .weekly)
    }
}
