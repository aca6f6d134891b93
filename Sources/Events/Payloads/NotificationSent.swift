import Foundation
import Model

/// A subscriber was told about a change to an entity.
public struct NotificationSent: Codable, Sendable, Equatable {
    public var subscriptionID: String
    /// How: "email", "webhook", "log"…
    public var channel: String
    public var kind: EntityKind
    public var entityID: UUID
    /// The entity version the notification was about.
    public var entityVersion: Int?

    public init(subscriptionID: String, channel: String, kind: EntityKind, entityID: UUID, entityVersion: Int? = nil) {
        self.subscriptionID = subscriptionID
        self.channel = channel
        self.kind = kind
        self.entityID = entityID
        self.entityVersion = entityVersion
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: NotificationCodingKeys.self)
        subscriptionID = try container.decode(String.self, forKey: .subscriptionID)
        channel = try container.decode(String.self, forKey: .channel)
        kind = try container.decode(EntityKind.self, forKey: .kind)
        entityID = try container.decodeUUID(forKey: .entityID)
        entityVersion = try container.decodeIfPresent(Int.self, forKey: .entityVersion)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: NotificationCodingKeys.self)
        try container.encode(subscriptionID, forKey: .subscriptionID)
        try container.encode(channel, forKey: .channel)
        try container.encode(kind, forKey: .kind)
        try container.encodeUUID(entityID, forKey: .entityID)
        try container.encodeIfPresent(entityVersion, forKey: .entityVersion)
    }
}

/// The keys both notification payloads share.
enum NotificationCodingKeys: String, CodingKey {
    case subscriptionID = "subscription_id", channel, kind, entityID = "entity_id"
    case entityVersion = "entity_version", reason
}
