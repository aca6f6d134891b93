import Foundation

/// The fields every entity carries, gathered so they can be read and set on any entity at once.
public struct EntityMetadata: Equatable, Hashable, Sendable {
    public var id: UUID
    /// The stored version; 0 means the entry has never been stored.
    public var version: Int
    public var createdAt: Date?
    public var updatedAt: Date?
    /// Marked for review (suspected stale or wrong).
    public var flagged: Bool

    public init(id: UUID = UUID(), version: Int = 0, createdAt: Date? = nil, updatedAt: Date? = nil, flagged: Bool = false) {
        self.id = id
        self.version = version
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.flagged = flagged
    }

    private enum CodingKeys: String, CodingKey {
        case kind, id, version, createdAt = "created_at", updatedAt = "updated_at", flagged
    }

    /// Reads the common fields of an entity's JSON object, checking `kind` if it is there.
    ///
    /// A missing `id` gets a fresh one and a missing `version` is 0, so hand-written JSON for a
    /// new entry needs neither.
    init(from decoder: any Decoder, kind: EntityKind) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let written = try container.decodeIfPresent(String.self, forKey: .kind), EntityKind(name: written) != kind {
            throw DecodingError.dataCorruptedError(
                forKey: .kind, in: container, debugDescription: "kind \"\(written)\" does not match \(kind.rawValue)")
        }
        id = try container.identifier(.id) ?? UUID()
        version = try container.decodeIfPresent(Int.self, forKey: .version) ?? 0
        createdAt = try container.timestamp(.createdAt)
        updatedAt = try container.timestamp(.updatedAt)
        flagged = try container.flag(.flagged)
    }

    func encode(to encoder: any Encoder, kind: EntityKind) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind.rawValue, forKey: .kind)
        try container.encodeIdentifier(id, forKey: .id)
        try container.encode(version, forKey: .version)
        try container.encodeTimestamp(createdAt, forKey: .createdAt)
        try container.encodeTimestamp(updatedAt, forKey: .updatedAt)
        try container.encode(flagged, forKey: .flagged)
    }
}
