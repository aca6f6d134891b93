import Foundation
import Events
import Model

/// One version of an entry as the store recorded it: what it was, and who made it, when, how.
public struct HistoryEntry: Equatable, Sendable {
    /// The entry at this version, or the tombstone its delete left.
    public enum Content: Equatable, Sendable {
        case entity(Entity)
        case tombstone(Tombstone)
    }

    public var kind: EntityKind
    public var id: UUID
    public var version: Int
    public var action: CommandAction
    public var content: Content
    public var commandID: String
    public var sagaID: String?
    public var actor: String?
    public var time: Date

    public init(
        kind: EntityKind, id: UUID, version: Int, action: CommandAction, content: Content,
        commandID: String, sagaID: String?, actor: String?, time: Date
    ) {
        self.kind = kind
        self.id = id
        self.version = version
        self.action = action
        self.content = content
        self.commandID = commandID
        self.sagaID = sagaID
        self.actor = actor
        self.time = time
    }

    /// The entry at this version; nil for the delete.
    public var entity: Entity? {
        if case .entity(let entity) = content { return entity }
        return nil
    }
}
