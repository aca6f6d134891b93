import Foundation

/// A message that no consumer could decode or process, kept with the reason and where it came
/// from so that it can be inspected and replayed.
public struct DeadLetter: Codable, Sendable, Equatable {
    public var reason: String
    public var originTopic: String
    public var originPartition: Int?
    /// The offset (Kafka) or log position (SQLite) of the original message.
    public var originPosition: Int?
    /// The original message key, which is also this message's key.
    public var originKey: String?
    public var consumerGroup: String?
    /// How many times processing was tried before giving up.
    public var attempts: Int
    /// The original message exactly as received (it may not be JSON at all), base64 on the wire.
    public var originalBytes: [UInt8]
    public var firstSeenAt: Date

    public init(
        reason: String, originTopic: String, originPartition: Int? = nil, originPosition: Int? = nil,
        originKey: String? = nil, consumerGroup: String? = nil, attempts: Int = 1, originalBytes: [UInt8], firstSeenAt: Date
    ) {
        self.reason = reason
        self.originTopic = originTopic
        self.originPartition = originPartition
        self.originPosition = originPosition
        self.originKey = originKey
        self.consumerGroup = consumerGroup
        self.attempts = attempts
        self.originalBytes = originalBytes
        self.firstSeenAt = firstSeenAt
    }

    private enum CodingKeys: String, CodingKey {
        case reason, originTopic = "origin_topic", originPartition = "origin_partition"
        case originPosition = "origin_position", originKey = "origin_key", consumerGroup = "consumer_group"
        case attempts, originalBytes = "original_base64", firstSeenAt = "first_seen_at"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        reason = try container.decode(String.self, forKey: .reason)
        originTopic = try container.decode(String.self, forKey: .originTopic)
        originPartition = try container.decodeIfPresent(Int.self, forKey: .originPartition)
        originPosition = try container.decodeIfPresent(Int.self, forKey: .originPosition)
        originKey = try container.decodeIfPresent(String.self, forKey: .originKey)
        consumerGroup = try container.decodeIfPresent(String.self, forKey: .consumerGroup)
        attempts = try container.decode(Int.self, forKey: .attempts)
        let encoded = try container.decode(String.self, forKey: .originalBytes)
        guard let bytes = Base64.decode(encoded.utf8) else {
            throw DecodingError.dataCorruptedError(forKey: .originalBytes, in: container, debugDescription: "not standard padded base64")
        }
        originalBytes = bytes
        firstSeenAt = try container.decodeDate(forKey: .firstSeenAt)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(reason, forKey: .reason)
        try container.encode(originTopic, forKey: .originTopic)
        try container.encodeIfPresent(originPartition, forKey: .originPartition)
        try container.encodeIfPresent(originPosition, forKey: .originPosition)
        try container.encodeIfPresent(originKey, forKey: .originKey)
        try container.encodeIfPresent(consumerGroup, forKey: .consumerGroup)
        try container.encode(attempts, forKey: .attempts)
        try container.encode(Base64.encode(originalBytes), forKey: .originalBytes)
        try container.encodeDate(firstSeenAt, forKey: .firstSeenAt)
    }
}
