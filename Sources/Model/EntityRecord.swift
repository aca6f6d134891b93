import Foundation

/// What every entity struct has in common, so code can handle any of them alike.
public protocol EntityRecord: Codable, Hashable, Identifiable, Sendable where ID == UUID {
    static var kind: EntityKind { get }
    var id: UUID { get set }
    var version: Int { get set }
    var createdAt: Date? { get set }
    var updatedAt: Date? { get set }
    var flagged: Bool { get set }
    /// A one-line name for listings.
    var displayName: String { get }
    /// A copy with every text field NFC-normalised and single-line fields trimmed.
    func normalized() -> Self
    /// Every problem with the normalised entity, in field order; empty when it is valid.
    func validate() -> [FieldError]
}

public extension EntityRecord {
    /// The common fields, read or set together.
    var metadata: EntityMetadata {
        get { EntityMetadata(id: id, version: version, createdAt: createdAt, updatedAt: updatedAt, flagged: flagged) }
        set {
            id = newValue.id
            version = newValue.version
            createdAt = newValue.createdAt
            updatedAt = newValue.updatedAt
            flagged = newValue.flagged
        }
    }
}
