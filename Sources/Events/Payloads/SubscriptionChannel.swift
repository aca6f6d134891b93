/// How a subscriber is told. JSON: `{"type": "maildrop", "folder": "/var/spool/dos"}` or
/// `{"type": "webhook", "url": "https://example.org/hook"}`.
///
/// The address is kept as written: whether it is usable (an absolute folder, an http(s) URL)
/// is the notifications service's rule, so a bad one is rejected with a reason, not undecodable.
public enum SubscriptionChannel: Codable, Sendable, Hashable {
    /// One RFC 5322 message file per notification in this folder.
    case mailDrop(folder: String)
    /// An HTTP POST of the change's CloudEvent to this URL.
    case webhook(url: String)

    /// The `type` word in JSON, also the `channel` of notification facts.
    public var name: String {
        switch self {
        case .mailDrop: "maildrop"
        case .webhook: "webhook"
        }
    }

    private enum CodingKeys: String, CodingKey {
        case type, folder, url
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let type = try container.decode(String.self, forKey: .type)
        switch type {
        case "maildrop": self = .mailDrop(folder: try container.decode(String.self, forKey: .folder))
        case "webhook": self = .webhook(url: try container.decode(String.self, forKey: .url))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: container, debugDescription: "\(quoted(type)) is not one of maildrop, webhook")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .type)
        switch self {
        case .mailDrop(let folder): try container.encode(folder, forKey: .folder)
        case .webhook(let url): try container.encode(url, forKey: .url)
        }
    }
}
