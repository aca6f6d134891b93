/// A message of a known type whose data does not match its schema: it goes to the
/// dead-letter topic with `reason`.
public struct PayloadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The CloudEvents type of the message.
    public var type: String
    /// What is wrong, e.g. "missing 'entity.name'".
    public var reason: String

    public init(type: String, reason: String) {
        self.type = type
        self.reason = reason
    }

    public var description: String { "\(type): \(reason)" }
}
