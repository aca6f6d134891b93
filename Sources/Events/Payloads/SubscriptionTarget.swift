import Foundation
import Model

/// What a subscription follows. JSON: `{"scope": "entry", "kind": "service", "id": …}`,
/// `{"scope": "provider", "id": …}`, `{"scope": "taxonomy", "id": …}` or `{"scope": "everything"}`.
public enum SubscriptionTarget: Codable, Sendable, Hashable {
    /// One entry's own changes.
    case entry(EntityKind, UUID)
    /// A provider's changes and those of its services and venues.
    case provider(UUID)
    /// A taxonomy term's changes and those of the services that carry it.
    case taxonomy(UUID)
    /// Every change.
    case everything

    /// The `scope` word in JSON.
    public var scope: String {
        switch self {
        case .entry: "entry"
        case .provider: "provider"
        case .taxonomy: "taxonomy"
        case .everything: "everything"
        }
    }

    private enum CodingKeys: String, CodingKey {
        case scope, kind, id
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let scope = try container.decode(String.self, forKey: .scope)
        switch scope {
        case "entry": self = .entry(try container.decode(EntityKind.self, forKey: .kind), try container.decodeUUID(forKey: .id))
        case "provider": self = .provider(try container.decodeUUID(forKey: .id))
        case "taxonomy": self = .taxonomy(try container.decodeUUID(forKey: .id))
        case "everything": self = .everything
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .scope, in: container,
                debugDescription: "\(quoted(scope)) is not one of entry, provider, taxonomy, everything")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(scope, forKey: .scope)
        switch self {
        case .entry(let kind, let id):
            try container.encode(kind, forKey: .kind)
            try container.encodeUUID(id, forKey: .id)
        case .provider(let id), .taxonomy(let id):
            try container.encodeUUID(id, forKey: .id)
        case .everything:
            break
        }
    }
}
