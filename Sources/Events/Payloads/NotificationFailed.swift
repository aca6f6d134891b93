import Foundation
import Model

/// A subscriber could not be told (after the notifier's own retries); no other service is
/// affected, the saga only records it.
public struct NotificationFailed: Codable, Sendable, Equatable {
    public var subscriptionID: String
    public var channel: String
    public var kind: EntityKind
    public var entityID: UUID
    public var entityVersion: Int?
    public var reason: String

    public init(subscriptionID: String, channel: String, kind: EntityKind, entityID: UUID, entityVersion: Int? = nil, reason: String) {
        self.subscriptionID = subscriptionID
        self.channel = channel
        self.kind = kind
        self.entityID = entityID
        self.entityVersion = entityVersion
        self.reason = reason
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: NotificationCodingKeys.self)
        subscriptionID = try container.decode(String.self, forKey: .subscriptionID)
        channel = try container.decode(String.self, forKey: .channel)
        kind = try container.decode(EntityKind.self, forKey: .kind)
        entityID = try container.decodeUUID(forKey: .entityID)
        entityVersion = try container.decodeIfPresent(Int.self, forKey: .entityVersion)
        reason = try container.decode(String.self, forKey: .reason)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: NotificationCodingKeys.self)
        try container.encode(subscriptionID, forKey: .subscriptionID)
        try container.encode(channel, forKey: .channel)
        try container.encode(kind, forKey: .kind)
        try container.encodeUUID(entityID, forKey: .entityID)
        try container.encodeIfPresent(entityVersion, forKey: .entityVersion)
        try container.encode(reason, forKey: .reason)
    }
}
