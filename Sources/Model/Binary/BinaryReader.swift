import Foundation

/// Reads what `BinaryWriter` wrote. Every read checks the bounds, so a truncated or damaged
/// input is an error, never a crash.
public struct BinaryReader {
    public struct Malformed: Error, Equatable, CustomStringConvertible {
        public var offset: Int
        public var reason: String
        public var description: String { "malformed binary data at byte \(offset): \(reason)" }
    }

    private let bytes: [UInt8]
    public private(set) var offset: Int

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        offset = 0
    }

    public var isAtEnd: Bool { offset == bytes.count }

    public func malformed(_ reason: String) -> Malformed { Malformed(offset: offset, reason: reason) }

    public mutating func readByte() throws -> UInt8 {
        guard offset < bytes.count else { throw malformed("ends early") }
        defer { offset += 1 }
        return bytes[offset]
    }

    public mutating func readUInt64() throws -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = try readByte()
            guard shift < 64 else { throw malformed("varint too long") }
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    public mutating func readInt() throws -> Int {
        let raw = try readUInt64()
        let signed = Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
        guard let value = Int(exactly: signed) else { throw malformed("integer out of range") }
        return value
    }

    /// A count of things that each take at least one byte: never more than the bytes left.
    public mutating func readCount() throws -> Int {
        let raw = try readUInt64()
        guard raw <= UInt64(bytes.count - offset) else { throw malformed("count \(raw) beyond the end") }
        return Int(raw)
    }

    public mutating func readBool() throws -> Bool {
        switch try readByte() {
        case 0: return false
        case 1: return true
        case let other: throw malformed("\(other) is not a flag")
        }
    }

    public mutating func readDouble() throws -> Double {
        Double(bitPattern: try readUInt64())
    }

    public mutating func readString() throws -> String {
        let count = try readCount()
        defer { offset += count }
        return String(decoding: bytes[offset ..< offset + count], as: UTF8.self)
    }

    public mutating func readUUID() throws -> UUID {
        guard bytes.count - offset >= 16 else { throw malformed("ends inside a UUID") }
        let b = bytes, o = offset
        offset += 16
        return UUID(uuid: (
            b[o], b[o + 1], b[o + 2], b[o + 3], b[o + 4], b[o + 5], b[o + 6], b[o + 7],
            b[o + 8], b[o + 9], b[o + 10], b[o + 11], b[o + 12], b[o + 13], b[o + 14], b[o + 15]))
    }

    public mutating func readDate() throws -> Date {
        Date(timeIntervalSinceReferenceDate: try readDouble())
    }

    public mutating func readOptional<Value>(_ body: (inout BinaryReader) throws -> Value) throws -> Value? {
        try readBool() ? try body(&self) : nil
    }

    public mutating func readList<Element>(_ body: (inout BinaryReader) throws -> Element) throws -> [Element] {
        let count = try readCount()
        var values: [Element] = []
        values.reserveCapacity(count)
        for _ in 0 ..< count { values.append(try body(&self)) }
        return values
    }

    public mutating func readOptionalString() throws -> String? { try readOptional { try $0.readString() } }
    public mutating func readOptionalUUID() throws -> UUID? { try readOptional { try $0.readUUID() } }
    public mutating func readOptionalDate() throws -> Date? { try readOptional { try $0.readDate() } }
    public mutating func readOptionalInt() throws -> Int? { try readOptional { try $0.readInt() } }
    public mutating func readOptionalDouble() throws -> Double? { try readOptional { try $0.readDouble() } }
    public mutating func readUUIDs() throws -> [UUID] { try readList { try $0.readUUID() } }
    public mutating func readStrings() throws -> [String] { try readList { try $0.readString() } }

    /// A raw value of a `String`-backed enum, named in the error when unknown.
    public mutating func readEnum<Value: RawRepresentable>(_ type: Value.Type) throws -> Value where Value.RawValue == String {
        let raw = try readString()
        guard let value = Value(rawValue: raw) else { throw malformed("unknown \(Value.self) \"\(raw)\"") }
        return value
    }
}
