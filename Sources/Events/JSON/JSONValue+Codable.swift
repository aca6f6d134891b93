import Foundation

/// `JSONValue` and `RawJSON` nest inside `Codable` payloads as ordinary JSON.
///
/// Through `JSONEncoder` a number keeps its value, not necessarily its literal text
/// ("1.50" comes out as 1.5); code that needs the exact bytes splices `RawJSON` in itself.
extension JSONValue: Codable {
    public init(from decoder: any Decoder) throws {
        if let container = try? decoder.container(keyedBy: AnyCodingKey.self) {
            // Keyed containers do not promise an order; sorting makes the result repeatable.
            let keys = container.allKeys.sorted { $0.stringValue < $1.stringValue }
            self = .object(try keys.map { JSONMember($0.stringValue, try container.decode(JSONValue.self, forKey: $0)) })
            return
        }
        if var container = try? decoder.unkeyedContainer() {
            var elements: [JSONValue] = []
            while !container.isAtEnd { elements.append(try container.decode(JSONValue.self)) }
            self = .array(elements)
            return
        }
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let integer = try? container.decode(Int64.self) {
            self = .number(String(integer))
        } else if let number = try? container.decode(Double.self) {
            self = .number(number.description)
        } else {
            self = .string(try container.decode(String.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .null:
            var container = encoder.singleValueContainer()
            try container.encodeNil()
        case .bool(let flag):
            var container = encoder.singleValueContainer()
            try container.encode(flag)
        case .number(let literal):
            var container = encoder.singleValueContainer()
            if let integer = Int64(literal) {
                try container.encode(integer)
            } else if let number = Double(literal), number.isFinite {
                try container.encode(number)
            } else {
                throw EncodingError.invalidValue(literal, .init(
                    codingPath: encoder.codingPath, debugDescription: "number \(literal.prefix(40)) cannot be represented"))
            }
        case .string(let text):
            var container = encoder.singleValueContainer()
            try container.encode(text)
        case .array(let elements):
            var container = encoder.unkeyedContainer()
            for element in elements { try container.encode(element) }
        case .object(let members):
            var container = encoder.container(keyedBy: AnyCodingKey.self)
            for member in members { try container.encode(member.value, forKey: AnyCodingKey(member.key)) }
        }
    }
}

extension RawJSON: Codable {
    public init(from decoder: any Decoder) throws {
        if let key = JSONCoding.splicesRawJSON, decoder.userInfo[key] as? Bool == true {
            self = .null
            return
        }
        let value = try JSONValue(from: decoder)
        do {
            try self.init(value)
        } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        if let key = JSONCoding.splicesRawJSON, encoder.userInfo[key] as? Bool == true {
            var container = encoder.singleValueContainer()
            return try container.encodeNil()
        }
        let value: JSONValue
        do {
            value = try parsed()
        } catch {
            throw EncodingError.invalidValue(string, .init(codingPath: encoder.codingPath, debugDescription: error.description))
        }
        try value.encode(to: encoder)
    }
}

/// A coding key for any string, to walk objects whose keys are not known in advance.
struct AnyCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int?

    init(_ string: String) {
        stringValue = string
    }

    init?(stringValue: String) {
        self.stringValue = stringValue
    }

    init?(intValue: Int) {
        stringValue = String(intValue)
        self.intValue = intValue
    }
}
