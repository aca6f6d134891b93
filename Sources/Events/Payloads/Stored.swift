import Foundation
import Model

/// The data store applied a command; `version` is the entity's version after it.
public struct Stored: Codable, Sendable, Equatable {
    public var commandID: String
    public var kind: EntityKind
    public var entityID: UUID
    public var version: Int
    public var action: CommandAction

    public init(commandID: String, kind: EntityKind, entityID: UUID, version: Int, action: CommandAction) {
        self.commandID = commandID
        self.kind = kind
        self.entityID = entityID
        self.version = version
        self.action = action
    }

    private enum CodingKeys: String, CodingKey {
        case commandID = "command_id", kind, entityID = "entity_id", version, action
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        commandID = try container.decode(String.self, forKey: .commandID)
        kind = try container.decode(EntityKind.self, forKey: .kind)
        entityID = try container.decodeUUID(forKey: .entityID)
        version = try container.decode(Int.self, forKey: .version)
        action = try container.decode(CommandAction.self, forKey: .action)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(commandID, forKey: .commandID)
        try container.encode(kind, forKey: .kind)
        try container.encodeUUID(entityID, forKey: .entityID)
        try container.encode(version, forKey: .version)
        try container.encode(action, forKey: .action)
    }
}
