import Foundation
import Events
import Model

/// The commands that name an entry without carrying it: delete, publish, unpublish, flag, unflag.
extension StoreDecider {
    static func change(
        _ action: CommandAction, expectedVersion: Int?, context: DecisionContext, lookup: some EntityLookup
    ) throws -> StoreDecision {
        let key = context.key
        let state = try lookup.state(key.kind, key.id)
        guard case .live(let current) = state else { return context.notFound(state, action: action) }
        if let conflict = context.conflict(expected: expectedVersion, current: current, verb: "\(action.rawValue) was asked for") {
            return conflict
        }
        let changed: Entity
        switch action {
        case .delete:
            return try delete(current, context: context, lookup: lookup)
        case .publish, .unpublish:
            guard let published = current.settingPublished(action == .publish) else {
                return context.reject(.invalid, "a \(key.kind.rawValue) cannot be published or unpublished")
            }
            changed = published
        case .flag, .unflag:
            changed = current.settingFlagged(action == .flag)
        case .create, .update, .register:
            return context.reject(.invalid, "\(action.rawValue) carries an entry, not a reference")
        }
        // Asking for what already holds is accepted without a new version: a second "publish"
        // from another console changes nothing, and history shows only real changes.
        guard changed != current else { return .unchanged(current, action) }
        let createdAt = current.metadata.createdAt ?? context.now
        return .stored(changed.stamped(version: current.version + 1, createdAt: createdAt, now: context.now), action)
    }

    /// One entry, never more: with `cascade` the saga coordinator deletes the dependents first,
    /// each with its own command, so the store only ever has to refuse.
    static func delete(_ current: Entity, context: DecisionContext, lookup: some EntityLookup) throws -> StoreDecision {
        let dependents = Set(try lookup.dependents(of: current.kind, current.id)).sorted()
        guard dependents.isEmpty else {
            let names = dependents.map(\.description).joined(separator: ", ")
            return context.reject(.hasDependents, """
                \(context.key) is still referred to by \(names); delete or change \
                \(dependents.count == 1 ? "it" : "them") first
                """, currentVersion: current.version, missingReferences: dependents.map(\.id),
                dependents: dependents.map { StoreRejected.Dependent(kind: $0.kind, id: $0.id) })
        }
        return .deleted(current.kind, current.id, version: current.version + 1)
    }
}
