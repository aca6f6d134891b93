import Foundation
import Events
import Model

/// The command being decided and the time, with the checks every kind of command shares.
struct DecisionContext {
    let validated: Validated
    let now: Date

    var key: EntityKey { EntityKey(validated.kind, validated.entityID) }

    func reject(
        _ reason: StoreRejected.Reason, _ message: String,
        expectedVersion: Int? = nil, currentVersion: Int? = nil, missingReferences: [UUID] = [],
        dependents: [StoreRejected.Dependent] = []
    ) -> StoreDecision {
        .rejected(StoreRejected(
            commandID: validated.commandID, kind: validated.kind, entityID: validated.entityID, reason: reason,
            message: message, expectedVersion: expectedVersion, currentVersion: currentVersion,
            missingReferences: missingReferences, dependents: dependents))
    }

    /// A rejection when the command's data names another entry than its envelope: the store
    /// would otherwise change an entry the validator never looked at.
    func mismatch(_ kind: EntityKind, _ id: UUID) -> StoreDecision? {
        guard kind != validated.kind || id != validated.entityID else { return nil }
        return reject(.invalid, "the command is addressed to \(key) but its data names \(EntityKey(kind, id))")
    }

    /// The `not_found` rejection for `action` on an entry that is not live.
    func notFound(_ state: EntryState?, action: CommandAction) -> StoreDecision {
        if case .deleted(let version) = state {
            return reject(.notFound, "cannot \(action.rawValue) \(key): it was deleted at version \(version)",
                          currentVersion: version)
        }
        return reject(.notFound, "cannot \(action.rawValue) \(key): there is no such entry")
    }

    /// The `conflict` rejection when the author worked on another version than the current one.
    func conflict(expected: Int?, current: Entity, verb: String) -> StoreDecision? {
        guard let expected, expected != current.version else { return nil }
        return reject(.conflict, "\(key): \(verb) version \(expected), but the entry is now at version \(current.version)",
                      expectedVersion: expected, currentVersion: current.version)
    }

    /// The `missing_reference` rejection naming every link whose target is not a live entry
    /// of the right kind; nil when all are there.
    func missingReferences(of entity: Entity, lookup: some EntityLookup) throws -> StoreDecision? {
        var missing: [EntityLink] = []
        for link in entity.links where try lookup.current(link.target.kind, link.target.id) == nil {
            missing.append(link)
        }
        guard !missing.isEmpty else { return nil }
        let names = missing.map { "\($0.field) \($0.target)" }.joined(separator: ", ")
        var identifiers: [UUID] = []
        for link in missing where !identifiers.contains(link.target.id) { identifiers.append(link.target.id) }
        return reject(.missingReference, "\(key) refers to entries that do not exist: \(names)",
                      missingReferences: identifiers)
    }
}
