import Foundation

/// The payload of `dos.command.subscription.delete`: `{"id": …}`.
public struct SubscriptionReference: Codable, Sendable, Equatable {
    public var id: UUID

    public init(id: UUID) {
        self.id = id
    }

    private enum CodingKeys: String, CodingKey {
        case id
    }

    public init(from decoder: any Decoder) throws {
        id = try decoder.container(keyedBy: CodingKeys.self).decodeUUID(forKey: .id)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeUUID(id, forKey: .id)
    }
}
