import Foundation

/// The payload of `dos.command.subscription.create`: who is told about which changes, and how.
/// Creating a subscription with an id that exists replaces it.
public struct Subscription: Codable, Sendable, Equatable {
    public var id: UUID
    public var target: SubscriptionTarget
    public var channel: SubscriptionChannel

    public init(id: UUID = UUID(), target: SubscriptionTarget, channel: SubscriptionChannel) {
        self.id = id
        self.target = target
        self.channel = channel
    }

    private enum CodingKeys: String, CodingKey {
        case id, target, channel
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decodeUUID(forKey: .id)
        target = try container.decode(SubscriptionTarget.self, forKey: .target)
        channel = try container.decode(SubscriptionChannel.self, forKey: .channel)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeUUID(id, forKey: .id)
        try container.encode(target, forKey: .target)
        try container.encode(channel, forKey: .channel)
    }
}
