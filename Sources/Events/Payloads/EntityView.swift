import Model

/// The current view of an entity after a change. Its JSON is the entity's own JSON (with
/// `kind`), so a reader can rebuild every listing from the views topic alone.
public struct EntityView: Codable, Sendable, Equatable {
    public var entity: Entity

    public init(entity: Entity) {
        self.entity = entity
    }

    public init(from decoder: any Decoder) throws {
        entity = try Entity(from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try entity.encode(to: encoder)
    }
}
