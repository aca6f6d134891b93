import Model

/// The payload of create and update commands: the whole entity as the author wants it.
public struct EntityCommand: Codable, Sendable, Equatable {
    public var entity: Entity
    /// The version the author edited; the store rejects the command if the entity has moved
    /// on (optimistic concurrency). Nil: no check (e.g. imports).
    public var expectedVersion: Int?

    public init(entity: Entity, expectedVersion: Int? = nil) {
        self.entity = entity
        self.expectedVersion = expectedVersion
    }

    private enum CodingKeys: String, CodingKey {
        case entity
        case expectedVersion = "expected_version"
    }
}
