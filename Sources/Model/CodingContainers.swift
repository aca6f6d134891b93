import Foundation

/// Lenient reading for JSON written by hand: absent or null means empty, but a wrong type is
/// still an error. Dates and UUIDs are parsed here, whatever the decoder's strategies.
extension KeyedDecodingContainer {
    /// Absent or null is "", which validation then reports as missing if the field is required.
    func text(_ key: Key) throws -> String {
        try decodeIfPresent(String.self, forKey: key) ?? ""
    }

    func optionalText(_ key: Key) throws -> String? {
        try decodeIfPresent(String.self, forKey: key)
    }

    func flag(_ key: Key) throws -> Bool {
        try decodeIfPresent(Bool.self, forKey: key) ?? false
    }

    func list<Element: Decodable>(_ key: Key) throws -> [Element] {
        try decodeIfPresent([Element].self, forKey: key) ?? []
    }

    /// A UUID in any letter case.
    func identifier(_ key: Key) throws -> UUID? {
        guard let text = try decodeIfPresent(String.self, forKey: key) else { return nil }
        guard let identifier = UUID(uuidString: text) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "\"\(text)\" is not a UUID")
        }
        return identifier
    }

    func identifiers(_ key: Key) throws -> [UUID] {
        try list(key).map { (text: String) in
            guard let identifier = UUID(uuidString: text) else {
                throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "\"\(text)\" is not a UUID")
            }
            return identifier
        }
    }

    func timestamp(_ key: Key) throws -> Date? {
        guard let text = try decodeIfPresent(String.self, forKey: key) else { return nil }
        // Hand-written JSON may say `2026-11-27 09:20:00+0100`; the wire formats are strict.
        guard let date = Timestamp.date(from: text, syntax: .lenient) else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: self, debugDescription: "\"\(text)\" is not an RFC 3339 date-time")
        }
        return date
    }
}

/// Writing side of the wire format: every key is written, nil as null, UUIDs in lowercase.
extension KeyedEncodingContainer {
    mutating func encodeOrNull<Value: Encodable>(_ value: Value?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }

    mutating func encodeIdentifier(_ identifier: UUID?, forKey key: Key) throws {
        try encodeOrNull(identifier.map { $0.uuidString.lowercased() }, forKey: key)
    }

    mutating func encodeIdentifiers(_ identifiers: [UUID], forKey key: Key) throws {
        try encode(identifiers.map { $0.uuidString.lowercased() }, forKey: key)
    }

    mutating func encodeTimestamp(_ date: Date?, forKey key: Key) throws {
        try encodeOrNull(date.map(Timestamp.string(from:)), forKey: key)
    }
}
