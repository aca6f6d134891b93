import Foundation

/// A place where services are delivered (HSDS "location" with its address).
public struct Venue: EntityRecord {
    public static let kind = EntityKind.venue

    public var id: UUID
    public var version: Int
    public var createdAt: Date?
    public var updatedAt: Date?
    public var flagged: Bool
    public var providerID: UUID?
    public var name: String
    public var addressLines: [String]
    public var city: String?
    public var postcode: String?
    /// ISO 3166-1 alpha-2, upper case ("GB", not "UK").
    public var country: String
    public var latitude: Double?
    public var longitude: Double?
    /// Access details: how to get in, step-free access, parking.
    public var details: String?

    public init(
        id: UUID = UUID(), version: Int = 0, createdAt: Date? = nil, updatedAt: Date? = nil, flagged: Bool = false,
        providerID: UUID? = nil, name: String = "", addressLines: [String] = [], city: String? = nil,
        postcode: String? = nil, country: String = "", latitude: Double? = nil, longitude: Double? = nil,
        details: String? = nil
    ) {
        self.id = id
        self.version = version
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.flagged = flagged
        self.providerID = providerID
        self.name = name
        self.addressLines = addressLines
        self.city = city
        self.postcode = postcode
        self.country = country
        self.latitude = latitude
        self.longitude = longitude
        self.details = details
    }

    public var displayName: String { name }

    /// Also upper-cases the country code, so "gb" is accepted as "GB". Blank address lines are
    /// kept (and reported) so that error indices match the lines the person typed.
    public func normalized() -> Venue {
        var copy = self
        copy.name = name.normalizedLine
        copy.addressLines = addressLines.map(\.normalizedLine)
        copy.city = city.normalizedLine
        copy.postcode = postcode.normalizedLine
        copy.country = country.normalizedLine.uppercased()
        copy.details = details.normalizedParagraphs
        return copy
    }

    public func validate() -> [FieldError] {
        let entity = normalized()
        var validator = FieldValidator()
        validator.metadata(entity.metadata)
        validator.text(entity.name, field: "name", limit: ValidationLimits.name, required: true)
        if entity.addressLines.count > ValidationLimits.addressLineCount {
            validator.add("address_lines", "must have at most \(ValidationLimits.addressLineCount) lines")
        }
        for (index, line) in entity.addressLines.enumerated() {
            validator.text(line, field: "address_lines[\(index)]", limit: ValidationLimits.addressLine, required: true)
        }
        validator.text(entity.city, field: "city", limit: ValidationLimits.city)
        if validator.text(entity.postcode, field: "postcode", limit: ValidationLimits.postcode),
           entity.country == "GB", let postcode = entity.postcode, !UKPostcode.isValid(postcode) {
            validator.add("postcode", "is not a valid UK postcode")
        }
        if validator.text(entity.country, field: "country", limit: ValidationLimits.name, required: true) {
            if entity.country == "UK" {
                validator.add("country", "is not an ISO 3166-1 code: use \"GB\" for the United Kingdom")
            } else if !CountryCode.isAssigned(entity.country) {
                validator.add("country", "is not an ISO 3166-1 alpha-2 country code")
            }
        }
        validateCoordinates(of: entity, into: &validator)
        validator.text(entity.details, field: "details", limit: ValidationLimits.longText, multiline: true)
        return validator.errors
    }

    private func validateCoordinates(of entity: Venue, into validator: inout FieldValidator) {
        for (field, value, range) in [("latitude", entity.latitude, ValidationLimits.latitude),
                                      ("longitude", entity.longitude, ValidationLimits.longitude)] {
            guard let value else { continue }
            if !value.isFinite {
                validator.add(field, "must be a finite number")
            } else if !range.contains(value) {
                validator.add(field, "must be between \(Int(range.lowerBound)) and \(Int(range.upperBound))")
            }
        }
        switch (entity.latitude, entity.longitude) {
        case (.some, nil): validator.add("longitude", "is required when latitude is set")
        case (nil, .some): validator.add("latitude", "is required when longitude is set")
        default: break
        }
    }
}

extension Venue {
    private enum CodingKeys: String, CodingKey {
        case providerID = "provider_id", name, addressLines = "address_lines", city, postcode, country
        case latitude, longitude, details
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
            addressLines: try container.list(.addressLines),
            city: try container.optionalText(.city),
            postcode: try container.optionalText(.postcode),
            country: try container.text(.country),
            latitude: try container.decodeIfPresent(Double.self, forKey: .latitude),
            longitude: try container.decodeIfPresent(Double.self, forKey: .longitude),
            details: try container.optionalText(.details))
    }

    public func encode(to encoder: any Encoder) throws {
        try metadata.encode(to: encoder, kind: Self.kind)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIdentifier(providerID, forKey: .providerID)
        try container.encode(name, forKey: .name)
        try container.encode(addressLines, forKey: .addressLines)
        try container.encodeOrNull(city, forKey: .city)
        try container.encodeOrNull(postcode, forKey: .postcode)
        try container.encode(country, forKey: .country)
        try container.encodeOrNull(latitude, forKey: .latitude)
        try container.encodeOrNull(longitude, forKey: .longitude)
        try container.encodeOrNull(details, forKey: .details)
    }
}
