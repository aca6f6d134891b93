import Foundation

/// The wire form of an entry: one JSON object with `kind` beside the entity's own fields.
extension Entity: Codable {
    private enum CodingKeys: String, CodingKey {
        case kind
    }

    /// Reads `kind` first, then the fields of that kind.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        guard let written = try container.decodeIfPresent(String.self, forKey: .kind) else {
            throw DecodingError.keyNotFound(CodingKeys.kind, DecodingError.Context(
                codingPath: decoder.codingPath, debugDescription: "an entry needs a \"kind\""))
        }
        guard let kind = EntityKind(name: written) else {
            let known = EntityKind.allCases.map(\.rawValue).joined(separator: ", ")
            throw DecodingError.dataCorruptedError(
                forKey: .kind, in: container, debugDescription: "unknown kind \"\(written)\" (known: \(known))")
        }
        switch kind {
        case .provider: self = .provider(try Provider(from: decoder))
        case .service: self = .service(try Service(from: decoder))
        case .venue: self = .venue(try Venue(from: decoder))
        case .contact: self = .contact(try Contact(from: decoder))
        case .event: self = .event(try ServiceEvent(from: decoder))
        case .costoption: self = .costOption(try CostOption(from: decoder))
        case .eligibility: self = .eligibility(try Eligibility(from: decoder))
        case .taxonomy: self = .taxonomy(try TaxonomyTerm(from: decoder))
        }
    }

    /// Each struct writes its own `kind`, so an entry encodes the same wrapped or not.
    public func encode(to encoder: any Encoder) throws {
        try record.encode(to: encoder)
    }
}

public extension Entity {
    /// Decodes one entry from its JSON object.
    static func decode(json: Data) throws -> Entity {
        try JSONDecoder().decode(Entity.self, from: json)
    }

    /// The entry as JSON with sorted keys, so equal entries give equal bytes.
    func jsonData(pretty: Bool = false) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty
            ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            : [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
