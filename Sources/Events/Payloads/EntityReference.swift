import Foundation
import Model

/// The payload of commands that name an entity without carrying it: delete, publish,
/// unpublish, flag and unflag.
public struct EntityReference: Codable, Sendable, Equatable {
    public var kind: EntityKind
    public var id: UUID
    /// As in `EntityCommand`: nil skips the version check.
    public var expectedVersion: Int?
    /// Delete only: also delete what depends on the entity (a provider's services…) instead of
    /// being rejected with `has_dependents`.
    public var cascade: Bool
    /// Why, in the author's words; shown in the review queue for flags.
    public var reason: String?

    public init(kind: EntityKind, id: UUID, expectedVersion: Int? = nil, cascade: Bool = false, reason: String? = nil) {
        self.kind = kind
        self.id = id
        self.expectedVersion = expectedVersion
        self.cascade = cascade
        self.reason = reason
    }

    private enum CodingKeys: String, CodingKey {
        case kind, id, cascade, reason
        case expectedVersion = "expected_version"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        kind = try container.decode(EntityKind.self, forKey: .kind)
        id = try container.decodeUUID(forKey: .id)
        expectedVersion = try container.decodeIfPresent(Int.self, forKey: .expectedVersion)
        // Absent for every action but delete.
        cascade = try container.decodeIfPresent(Bool.self, forKey: .cascade) ?? false
        reason = try container.decodeIfPresent(String.self, forKey: .reason)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encodeUUID(id, forKey: .id)
        try container.encodeIfPresent(expectedVersion, forKey: .expectedVersion)
        try container.encode(cascade, forKey: .cascade)
        try container.encodeIfPresent(reason, forKey: .reason)
    }
}
