import Foundation

/// The exact bytes of one valid JSON value, carried without being parsed into a tree.
///
/// It can only be made by validation (or by our own encoder), so holders may embed the
/// bytes in other JSON without checking them again.
public struct RawJSON: Sendable, Hashable, CustomStringConvertible {
    /// The value's bytes, without surrounding whitespace.
    public let bytes: [UInt8]

    /// For bytes that are known to be one valid value, e.g. a range the scanner just skipped.
    init(unchecked bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Checks that `bytes` hold exactly one JSON value (whitespace around it is dropped).
    public init(validating bytes: some Collection<UInt8>, limits: JSONLimits = .standard) throws(JSONError) {
        let count = bytes.count
        guard count <= limits.maximumSize else {
            throw JSONError(.tooLarge, "text of \(count) bytes exceeds the limit of \(limits.maximumSize)", at: limits.maximumSize)
        }
        let result: Result<[UInt8], JSONError> = withContiguousBytes(of: bytes) { buffer in
            Result { () throws(JSONError) -> [UInt8] in
                var scanner = JSONScanner(buffer, maximumDepth: limits.maximumDepth)
                scanner.skipWhitespace()
                let start = scanner.position
                try scanner.skipValue()
                let end = scanner.position
                scanner.skipWhitespace()
                guard scanner.isAtEnd else { throw scanner.error("unexpected bytes after the JSON value") }
                return Array(buffer[start..<end])
            }
        }
        self.bytes = try result.get()
    }

    /// Checks a JSON text given as a string.
    public init(validating text: String, limits: JSONLimits = .standard) throws(JSONError) {
        try self.init(validating: Array(text.utf8), limits: limits)
    }

    /// The compact text of a parsed value. Fails only if the value holds a number literal
    /// that is not valid JSON (possible when it was built by hand).
    public init(_ value: JSONValue) throws(JSONError) {
        try self.init(validating: value.jsonBytes)
    }

    /// Encodes with `JSONEncoder` (sorted keys, unescaped slashes, dates as RFC 3339 UTC
    /// with milliseconds) — the encoding of every payload in the catalogue.
    public init(encoding value: some Encodable) throws {
        self.bytes = Array(try JSONCoding.makeEncoder().encode(value))
    }

    /// Decodes with `JSONDecoder`, configured to match `init(encoding:)`.
    public func decode<T: Decodable>(_ type: T.Type = T.self) throws -> T {
        try JSONCoding.makeDecoder().decode(type, from: Data(bytes))
    }

    /// Parses the bytes into a tree (they are valid, but may nest deeper than `limits`).
    public func parsed(limits: JSONLimits = JSONLimits(maximumDepth: 512, maximumSize: .max)) throws(JSONError) -> JSONValue {
        try JSONValue(parsing: bytes, limits: limits)
    }

    /// The text of the value.
    public var string: String { String(decoding: bytes, as: UTF8.self) }

    public var description: String { string }

    /// The JSON `null`.
    public static let null = RawJSON(unchecked: Array("null".utf8))
}
