import Foundation

/// A label from one of the vocabularies, optionally under a parent term.
public struct TaxonomyTerm: EntityRecord {
    public static let kind = EntityKind.taxonomy

    public var id: UUID
    public var version: Int
    public var createdAt: Date?
    public var updatedAt: Date?
    public var flagged: Bool
    public var name: String
    public var vocabulary: Vocabulary
    public var parentID: UUID?
    /// The term's code in an external scheme, if it comes from one.
    public var code: String?

    public init(
        id: UUID = UUID(), version: Int = 0, createdAt: Date? = nil, updatedAt: Date? = nil, flagged: Bool = false,
        name: String = "", vocabulary: Vocabulary, parentID: UUID? = nil, code: String? = nil
    ) {
        self.id = id
        self.version = version
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.flagged = flagged
        self.name = name
        self.vocabulary = vocabulary
        self.parentID = parentID
        self.code = code
    }

    public var displayName: String { name }

    public func normalized() -> TaxonomyTerm {
        var copy = self
        copy.name = name.normalizedLine
        copy.code = code.normalizedLine
        return copy
    }

    /// The vocabulary is always present: the type holds one, and JSON without it does not decode.
    public func validate() -> [FieldError] {
        let entity = normalized()
        var validator = FieldValidator()
        validator.metadata(entity.metadata)
        validator.text(entity.name, field: "name", limit: ValidationLimits.name, required: true)
        if entity.parentID == entity.id { validator.add("parent_id", "must not be the term itself") }
        validator.text(entity.code, field: "code", limit: ValidationLimits.code)
        return validator.errors
    }
}

extension TaxonomyTerm {
    private enum CodingKeys: String, CodingKey {
        case name, vocabulary, parentID = "parent_id", code
    }

    public init(from decoder: any Decoder) throws {
        let metadata = try EntityMetadata(from: decoder, kind: Self.kind)
        let container = try decoder.container(keyedBy: CodingKeys.self)
        // The metadata as arguments: the initializer's default id would draw a random UUID.
        self.init(
            id: metadata.id, version: metadata.version, createdAt: metadata.createdAt, updatedAt: metadata.updatedAt,
            flagged: metadata.flagged,
            name: try container.text(.name),
            vocabulary: try container.decode(Vocabulary.self, forKey: .vocabulary),
            parentID: try container.identifier(.parentID),
            code: try container.optionalText(.code))
    }

    public func encode(to encoder: any Encoder) throws {
        try metadata.encode(to: encoder, kind: Self.kind)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(vocabulary, forKey: .vocabulary)
        try container.encodeIdentifier(parentID, forKey: .parentID)
        try container.encodeOrNull(code, forKey: .code)
    }
}
