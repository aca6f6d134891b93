import Foundation
import Model

/// A command passed validation. It carries the command's own data so that the data store can
/// apply it without reading the commands topic again.
public struct Validated: Codable, Sendable, Equatable {
    /// The CloudEvent id of the command.
    public var commandID: String
    /// The command's type name, e.g. "dos.command.provider.create.v1".
    public var commandType: String
    public var kind: EntityKind
    public var entityID: UUID
    /// The command's `data`, byte for byte (an `EntityCommand`, `EntityReference` or
    /// `RegisterProvider` as JSON).
    public var command: RawJSON

    public init(commandID: String, commandType: String, kind: EntityKind, entityID: UUID, command: RawJSON) {
        self.commandID = commandID
        self.commandType = commandType
        self.kind = kind
        self.entityID = entityID
        self.command = command
    }

    enum CodingKeys: String, CodingKey {
        case commandID = "command_id", commandType = "command_type", kind, entityID = "entity_id", command
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        commandID = try container.decode(String.self, forKey: .commandID)
        commandType = try container.decode(String.self, forKey: .commandType)
        kind = try container.decode(EntityKind.self, forKey: .kind)
        entityID = try container.decodeUUID(forKey: .entityID)
        command = try container.decode(RawJSON.self, forKey: .command)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(commandID, forKey: .commandID)
        try container.encode(commandType, forKey: .commandType)
        try container.encode(kind, forKey: .kind)
        try container.encodeUUID(entityID, forKey: .entityID)
        try container.encode(command, forKey: .command)
    }
}
