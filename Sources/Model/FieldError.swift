/// One validation problem: the JSON field it concerns and a short message for people.
///
/// `field` is the snake_case JSON name, with an index or key for elements
/// (`address_lines[1]`, `social_links.twitter`, `weekly.closes_at`).
public struct FieldError: Codable, Equatable, Hashable, Sendable, CustomStringConvertible {
    public let field: String
    public let message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "\(field) \(message)" }
}
