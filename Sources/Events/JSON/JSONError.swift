/// Why a JSON text was rejected, and at which byte: "expected ':' after object key at byte 57".
public struct JSONError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The broad class of failure, for callers that react differently to limits than to syntax.
    public enum Kind: Sendable, Equatable {
        /// The bytes are not JSON as RFC 8259 defines it.
        case syntax
        /// Arrays and objects nest deeper than the limit allows.
        case tooDeep
        /// The text is longer than the limit allows.
        case tooLarge
    }

    public var kind: Kind
    /// What was wrong, without the position: "expected ':' after object key".
    public var message: String
    /// The zero-based byte offset where the problem was found.
    public var offset: Int
    /// What stood at the offset ("'x'", "end of input"), when that helps.
    public var found: String?

    public init(_ kind: Kind = .syntax, _ message: String, at offset: Int, found: String? = nil) {
        self.kind = kind
        self.message = message
        self.offset = offset
        self.found = found
    }

    public var description: String {
        let position = "\(message) at byte \(offset)"
        guard let found else { return position }
        return "\(position), found \(found)"
    }
}
