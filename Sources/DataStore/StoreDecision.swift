import Foundation
import Events
import Model

/// What the data store does with one command: the output of `StoreDecider`.
public enum StoreDecision: Equatable, Sendable {
    /// A new version of the entry (create, update, publish, unpublish, flag, unflag).
    case stored(Entity, CommandAction)
    /// The command asked for what already holds (publishing a published entry): accepted, but
    /// no new version, so history is not filled with empty changes. Carries the current entry.
    case unchanged(Entity, CommandAction)
    /// The entry is gone; `version` is the tombstone's version (the last one plus one).
    case deleted(EntityKind, UUID, version: Int)
    /// Nothing changes.
    case rejected(StoreRejected)

    /// The entry's key, whatever the outcome.
    public var key: EntityKey {
        switch self {
        case .stored(let entity, _), .unchanged(let entity, _): EntityKey(entity.kind, entity.id)
        case .deleted(let kind, let id, _): EntityKey(kind, id)
        case .rejected(let rejection): EntityKey(rejection.kind, rejection.entityID)
        }
    }

    /// The `stored` event for an accepted command; nil for a rejection.
    public func stored(commandID: String) -> Stored? {
        switch self {
        case .stored(let entity, let action), .unchanged(let entity, let action):
            Stored(commandID: commandID, kind: entity.kind, entityID: entity.id, version: entity.version, action: action)
        case .deleted(let kind, let id, let version):
            Stored(commandID: commandID, kind: kind, entityID: id, version: version, action: .delete)
        case .rejected:
            nil
        }
    }
}
