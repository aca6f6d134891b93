import Events
import Foundation
import Model

/// A command ready to publish, with what people need to recognise it in the outcome lines.
public struct PlannedCommand: Sendable, Equatable {
    public var message: Message
    public var action: CommandAction
    public var kind: EntityKind
    public var entityID: UUID
    /// The entry's display name, when the command carries the entry.
    public var name: String

    public init(message: Message, action: CommandAction, kind: EntityKind, entityID: UUID, name: String) {
        self.message = message
        self.action = action
        self.kind = kind
        self.entityID = entityID
        self.name = name
    }

    /// A create or update carrying the whole entry.
    public static func change(_ action: CommandAction, _ entity: Entity, expectedVersion: Int?) -> PlannedCommand {
        PlannedCommand(
            message: Message(action, EntityCommand(entity: entity, expectedVersion: expectedVersion)),
            action: action, kind: entity.kind, entityID: entity.id, name: entity.displayName)
    }

    /// A delete, publish, unpublish, flag or unflag of an entry.
    public static func reference(_ action: CommandAction, _ reference: EntityReference, name: String) -> PlannedCommand {
        PlannedCommand(message: Message(action, reference), action: action, kind: reference.kind, entityID: reference.id, name: name)
    }

    /// The composite registration; it is named after its provider.
    public static func registration(_ registration: RegisterProvider) -> PlannedCommand {
        PlannedCommand(
            message: Message(registration), action: .register, kind: .provider, entityID: registration.provider.id,
            name: registration.provider.name)
    }
}
