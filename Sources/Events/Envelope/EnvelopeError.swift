/// Why bytes could not be read as a CloudEvent; `reason` is what goes to the dead-letter topic.
public struct EnvelopeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The class of failure; the associated strings are attribute names.
    public enum Kind: Sendable, Equatable {
        case malformedJSON
        case notAnObject
        case missingAttribute(String)
        case wrongType(String)
        case invalidValue(String)
        /// A name that is not lowercase a–z/0–9 of at most 20 characters.
        case invalidAttributeName(String)
        /// The same attribute twice: which one counts would be a guess.
        case duplicateAttribute(String)
        case unsupportedSpecVersion
        case tooLarge
    }

    public var kind: Kind
    /// One sentence, e.g. "malformed JSON: expected ':' after object key at byte 57".
    public var reason: String

    public init(_ kind: Kind, _ reason: String) {
        self.kind = kind
        self.reason = reason
    }

    public var description: String { reason }
}
