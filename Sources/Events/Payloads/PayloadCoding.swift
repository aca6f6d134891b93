import Foundation
import Model

/// How payloads write ids and times: UUIDs in lowercase (as Model writes them, so a subject
/// equals the id inside the payload) and times as RFC 3339 UTC strings, whatever the
/// strategies of the encoder or decoder in use.
extension KeyedEncodingContainer {
    mutating func encodeUUID(_ identifier: UUID, forKey key: Key) throws {
        try encode(identifier.uuidString.lowercased(), forKey: key)
    }

    mutating func encodeUUIDs(_ identifiers: [UUID], forKey key: Key) throws {
        try encode(identifiers.map { $0.uuidString.lowercased() }, forKey: key)
    }

    mutating func encodeDate(_ date: Date, forKey key: Key) throws {
        try encode(Timestamp.string(from: date), forKey: key)
    }
}

extension KeyedDecodingContainer {
    func decodeUUID(forKey key: Key) throws -> UUID {
        let text = try decode(String.self, forKey: key)
        guard let identifier = UUID(uuidString: text) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "\(quoted(text)) is not a UUID")
        }
        return identifier
    }

    /// Absent means none.
    func decodeUUIDs(forKey key: Key) throws -> [UUID] {
        let texts = try decodeIfPresent([String].self, forKey: key) ?? []
        return try texts.map { text in
            guard let identifier = UUID(uuidString: text) else {
                throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "\(quoted(text)) is not a UUID")
            }
            return identifier
        }
    }

    func decodeDate(forKey key: Key) throws -> Date {
        let text = try decode(String.self, forKey: key)
        guard let date = Timestamp.date(from: text) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "\(quoted(text)) is not an RFC 3339 timestamp")
        }
        return date
    }
}
