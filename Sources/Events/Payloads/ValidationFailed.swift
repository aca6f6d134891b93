import Foundation
import Model

/// A command failed the shared validation rules; the saga ends failed (or compensates).
public struct ValidationFailed: Codable, Sendable, Equatable {
    public var commandID: String
    public var kind: EntityKind
    public var entityID: UUID
    public var errors: [FieldError]

    public init(commandID: String, kind: EntityKind, entityID: UUID, errors: [FieldError]) {
        self.commandID = commandID
        self.kind = kind
        self.entityID = entityID
        self.errors = errors
    }

    private enum CodingKeys: String, CodingKey {
        case commandID = "command_id", kind, entityID = "entity_id", errors
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        commandID = try container.decode(String.self, forKey: .commandID)
        kind = try container.decode(EntityKind.self, forKey: .kind)
        entityID = try container.decodeUUID(forKey: .entityID)
        errors = try container.decode([FieldError].self, forKey: .errors)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(commandID, forKey: .commandID)
        try container.encode(kind, forKey: .kind)
        try container.encodeUUID(entityID, forKey: .entityID)
        try container.encode(errors, forKey: .errors)
    }
}
