import Foundation
import Model

/// What the store holds for one key: the live entry, or the version its delete left behind.
public enum EntryState: Equatable, Sendable {
    case live(Entity)
    case deleted(version: Int)
}

/// Read-only access to the store's current state: all the decider needs to judge a command.
///
/// The methods may throw so that a database can stand behind them; an in-memory lookup never does.
public protocol EntityLookup {
    /// The entry under `kind` and `id`, live or deleted; nil when it never existed.
    func state(_ kind: EntityKind, _ id: UUID) throws -> EntryState?
    /// The live entries whose links protect this one from deletion.
    func dependents(of kind: EntityKind, _ id: UUID) throws -> [EntityKey]
}

public extension EntityLookup {
    /// The live entry; nil when it never existed or was deleted.
    func current(_ kind: EntityKind, _ id: UUID) throws -> Entity? {
        guard case .live(let entity) = try state(kind, id) else { return nil }
        return entity
    }
}
