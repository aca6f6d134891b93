/// Opening hours that repeat every week, optionally only between two dates.
public struct WeeklySchedule: Codable, Equatable, Hashable, Sendable {
    public var days: [Weekday]
    public var opensAt: TimeOfDay
    public var closesAt: TimeOfDay
    /// The first day the schedule applies; nil means "already".
    public var validFrom: LocalDate?
    /// The last day the schedule applies (inclusive); nil means "until further notice".
    public var validTo: LocalDate?

    public init(days: [Weekday], opensAt: TimeOfDay, closesAt: TimeOfDay, validFrom: LocalDate? = nil, validTo: LocalDate? = nil) {
        self.days = days
        self.opensAt = opensAt
        self.closesAt = closesAt
        self.validFrom = validFrom
        self.validTo = validTo
    }

    /// The schedule's problems, with fields under `prefix` (`weekly.closes_at`).
    func validate(prefix: String, into validator: inout FieldValidator) {
        if days.isEmpty { validator.add("\(prefix).days", "must have at least one day") }
        var seen: Set<Weekday> = []
        for (index, day) in days.enumerated() where !seen.insert(day).inserted {
            validator.add("\(prefix).days[\(index)]", "repeats \(day.rawValue)")
        }
        if !opensAt.isValid { validator.add("\(prefix).opens_at", "must be between 00:00 and 23:59") }
        if !closesAt.isValid {
            validator.add("\(prefix).closes_at", "must be between 00:00 and 23:59")
        } else if opensAt.isValid, closesAt <= opensAt {
            validator.add("\(prefix).closes_at", "must be after opens_at")
        }
        if let validFrom, !validFrom.isValid { validator.add("\(prefix).valid_from", "is not a real date") }
        if let validTo, !validTo.isValid {
            validator.add("\(prefix).valid_to", "is not a real date")
        } else if let validFrom, let validTo, validFrom.isValid, validTo < validFrom {
            validator.add("\(prefix).valid_to", "must not be before valid_from")
        }
    }

    private enum CodingKeys: String, CodingKey {
        case days, opensAt = "opens_at", closesAt = "closes_at", validFrom = "valid_from", validTo = "valid_to"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        days = try container.list(.days)
        opensAt = try container.decode(TimeOfDay.self, forKey: .opensAt)
        closesAt = try container.decode(TimeOfDay.self, forKey: .closesAt)
        validFrom = try container.decodeIfPresent(LocalDate.self, forKey: .validFrom)
        validTo = try container.decodeIfPresent(LocalDate.self, forKey: .validTo)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(days, forKey: .days)
        try container.encode(opensAt, forKey: .opensAt)
        try container.encode(closesAt, forKey: .closesAt)
        try container.encodeOrNull(validFrom, forKey: .validFrom)
        try container.encodeOrNull(validTo, forKey: .validTo)
    }
}
