import Foundation
import Model

/// What the views topic holds for a deleted entity, so readers drop it from their listings.
public struct Tombstone: Codable, Sendable, Equatable {
    public var kind: EntityKind
    public var id: UUID
    /// The version the delete produced.
    public var version: Int
    public var deletedAt: Date

    public init(kind: EntityKind, id: UUID, version: Int, deletedAt: Date) {
        self.kind = kind
        self.id = id
        self.version = version
        self.deletedAt = deletedAt
    }

    private enum CodingKeys: String, CodingKey {
        case kind, id, version, deletedAt = "deleted_at"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        kind = try container.decode(EntityKind.self, forKey: .kind)
        id = try container.decodeUUID(forKey: .id)
        version = try container.decode(Int.self, forKey: .version)
        deletedAt = try container.decodeDate(forKey: .deletedAt)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encodeUUID(id, forKey: .id)
        try container.encode(version, forKey: .version)
        try container.encodeDate(deletedAt, forKey: .deletedAt)
    }
}
